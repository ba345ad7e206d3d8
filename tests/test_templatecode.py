"""Jinja's compiled templates kept in the cache folder between `plansite build`s (`templatecode.py`): used only
while the template's text, plansite's code and the libraries are the same, and the site always a clean build's."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from generator import api
from generator.site import templatecode, theme
from tests.conftest import same_tree

BASE = Path(__file__).parents[1] / "generator/site/theme/templates/base.html"


class _Compiled:
    """How many templates Jinja compiled from their source (the others were read compiled)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = jinja2.Environment.compile

        def compile_counted(environment: jinja2.Environment, *args: object, **kwargs: object) -> object:
            self.count += 1
            return real(environment, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(jinja2.Environment, "compile", compile_counted)


def _new_process_build(out: str = "output", *, cache: bool = True) -> None:
    """A build as a new `plansite build` process makes it: no environment or compiled template in memory, and
    no page kept in the cache folder (so that every page is rendered, and its templates loaded)."""
    theme.make_environment.cache_clear()
    templatecode.template_code.cache_clear()
    shutil.rmtree("cache/pages", ignore_errors=True)
    shutil.rmtree("cache/published", ignore_errors=True)
    api.build(api.Options(out=Path(out), use_cache=cache, cache_dir=Path("cache"), amendments=False))


def _equals_a_clean_build() -> None:
    shutil.rmtree("clean", ignore_errors=True)
    _new_process_build("clean", cache=False)
    same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_templates_are_compiled_once_and_again_only_when_their_text_or_plansite_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Path("theme").mkdir()
    base = BASE.read_text(encoding="utf-8")
    Path("theme/base.html").write_text(base, encoding="utf-8")
    Path("site.yaml").write_text("site_name: {ko: 시험, en: Test}\ntheme_dir: theme\n", encoding="utf-8")
    compiled = _Compiled(monkeypatch)
    _new_process_build()
    first = compiled.count
    entries = sorted(Path("cache", templatecode.TEMPLATES).rglob("*.jinja"))
    assert first > 1 and len(entries) == first  # one entry per template compiled

    compiled.count = 0
    _new_process_build()
    assert compiled.count == 0  # every template read compiled
    _equals_a_clean_build()

    # The site's own template edited: that one compiled again, written over its entry; the site is a clean build's.
    Path("theme/base.html").write_text(base.replace("</body>", "<!-- ours -->\n</body>"), encoding="utf-8")
    compiled.count = 0
    _new_process_build()
    assert compiled.count == 1 and "<!-- ours -->" in Path("output/index.html").read_text(encoding="utf-8")
    _equals_a_clean_build()
    assert len(sorted(Path("cache", templatecode.TEMPLATES).rglob("*.jinja"))) == first

    # Another plansite (its version; its code or a library's version change the same hash): all compiled again.
    monkeypatch.setattr("generator.version.__version__", "99.0")
    compiled.count = 0
    _new_process_build()
    assert compiled.count == first
    _equals_a_clean_build()


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_damaged_compiled_template_is_compiled_again_and_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    _new_process_build()
    entries = sorted(Path("cache", templatecode.TEMPLATES).rglob("*.jinja"))
    entries[0].write_bytes(entries[0].read_bytes()[:-20])  # cut short
    stated, _, body = entries[1].read_bytes().partition(b"\n")
    entries[1].write_bytes(stated + b"\n" + body[:-1] + bytes([body[-1] ^ 1]))  # one bit of its code changed
    compiled = _Compiled(monkeypatch)
    _new_process_build()
    assert compiled.count == 2
    _equals_a_clean_build()


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_build_without_a_cache_keeps_no_compiled_template() -> None:
    _new_process_build(cache=False)
    assert not Path("cache").exists()

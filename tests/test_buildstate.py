"""A build that changed nothing leaves the site as it is (`site/buildstate.py`); every kind of input it reads makes
the next build run, and that build's site is a clean build's, byte for byte."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import api
from generator.cli import main
from generator.i18n import Message, msg, render, t
from generator.site import buildcache, buildstate, pagefiles
from generator.site.buildstate import BuildSummary
from tests.conftest import same_tree

pytestmark = pytest.mark.usefixtures("demo_root")

PROJECT = Path("plans/demo/projects/1-1-2.yaml")


def _build(out: str = "output", **values: object) -> BuildSummary:
    options = {"out": Path(out), "cache_dir": Path("cache"), "amendments": False, **values}
    return api.build(api.Options(**options))  # type: ignore[arg-type]


def _clean(**values: object) -> None:
    shutil.rmtree("clean", ignore_errors=True)
    _build("clean", use_cache=False, **values)
    same_tree(Path("output"), Path("clean"))


def _inodes(folder: str) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in Path(folder).rglob("*") if p.is_file()}


def test_a_build_that_changed_nothing_leaves_every_file_of_the_site_as_it_was() -> None:
    first = _build()
    assert not first.up_to_date
    before = _inodes("output")
    again = _build()
    assert again.up_to_date and again.drawn == 0
    assert (again.pages, again.charts, again.files, again.sitemap) == (first.pages, first.charts, first.files, False)
    assert _inodes("output") == before  # not one file written, linked or moved


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_command_says_the_site_is_up_to_date_and_how_to_build_it_all_again(lang: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["build", "--lang", lang])
    second = runner.invoke(main, ["build", "--lang", lang])
    assert first.exit_code == second.exit_code == 0, second.output
    said = {"ko": ("최신입니다", "--no-cache"), "en": ("up to date", "--no-cache")}[lang]
    assert all(part not in first.output for part in said[:1])
    assert all(part in second.output for part in said), second.output


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# Each edit changes one kind of input; some are options of the build, returned as its values.
EDITS: dict[str, Callable[[pytest.MonkeyPatch], dict[str, object] | None]] = {
    "a plan's value": lambda _: _replace(PROJECT, "사업 둘", "고친 사업"),
    "a results file": lambda _: _append(sorted(Path("results").rglob("*.yaml"))[0], "# a comment\n"),
    "a plan file's last line": lambda _: _append(Path("plans/demo/plan.yaml"), "\n"),
    "site.yaml": lambda _: _replace(Path("site.yaml"), "시험", "새 이름"),
    "the theme's CSS": lambda _: _replace(Path("theme/style.css"), "#123", "#456"),
    "plansite's code": lambda mp: mp.setattr(buildstate, "code_digest", lambda: "other code"),
    "plansite's version": lambda mp: mp.setattr("generator.version.__version__", "99.0"),
    "the date the pages show": lambda _: {"source_date": datetime.date(2031, 1, 2)},
    "the site's address": lambda _: {"base_url": "https://example.org/plans/"},
}


@pytest.mark.slow
@pytest.mark.parametrize("edit", list(EDITS))
def test_each_kind_of_input_makes_the_build_run_and_its_site_is_a_clean_builds(
    edit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("theme").mkdir()
    Path("theme/style.css").write_text("main { color: #123; }\n", encoding="utf-8")
    Path("site.yaml").write_text("site_name: {ko: 시험, en: Test}\ntheme_dir: theme\n", encoding="utf-8")
    _build()
    assert _build().up_to_date
    values = EDITS[edit](monkeypatch) or {}
    summary = _build(**values)
    assert not summary.up_to_date, edit
    _clean(**values)
    assert _build(**values).up_to_date  # and the state it kept is the new one


@pytest.mark.slow
@pytest.mark.parametrize("change", ["edited", "added", "removed", "a link"])
def test_a_site_changed_since_it_was_published_is_built_again(change: str) -> None:
    _build()
    page = Path("output/index.html")
    if change == "edited":
        page.write_text(page.read_text("utf-8").replace("</body>", "<p>mine</p></body>"), "utf-8")
    elif change == "added":
        Path("output/extra.html").write_text("<p>mine</p>", "utf-8")
    elif change == "removed":
        page.unlink()
    else:
        page.unlink()
        page.symlink_to(Path("output/404.html").absolute())
    assert not _build().up_to_date
    _clean()


@pytest.mark.slow
def test_a_commit_of_the_data_repository_makes_the_build_run() -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], check=True)
    Path(".gitignore").write_text("output/\nclean/\ncache/\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data"], check=True)
    _build(amendments=True)
    assert _build(amendments=True).up_to_date
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "another"], check=True)
    assert not _build(amendments=True).up_to_date


@pytest.mark.slow
def test_an_input_saved_during_the_build_is_built_again_next_time() -> None:
    saved: list[str] = []

    def progress(message: Message) -> None:
        if message.key == "progress_building_pages" and not saved:  # the data was read: this edit is not built
            PROJECT.write_text(PROJECT.read_text("utf-8").replace("사업 둘", "고친 사업"), "utf-8")
            saved.append("done")

    _build(progress=progress)
    assert saved
    assert "고친 사업" not in Path("output/plans/demo/projects/1-1-2.html").read_text("utf-8")
    again = _build()
    assert not again.up_to_date
    assert "고친 사업" in Path("output/plans/demo/projects/1-1-2.html").read_text("utf-8")


@pytest.mark.slow
def test_a_build_after_an_edit_links_the_files_it_would_write_again() -> None:
    _build()
    before = _inodes("output")
    PROJECT.write_text(PROJECT.read_text("utf-8").replace("사업 둘", "고친 사업"), "utf-8")
    assert not _build().up_to_date
    after = _inodes("output")
    assert after["static/style.css"] == before["static/style.css"]  # the same file, linked into the new site
    assert after["en/plans/demo/projects/1-1-2.html"] == before["en/plans/demo/projects/1-1-2.html"]
    assert after["plans/demo/projects/1-1-2.html"] != before["plans/demo/projects/1-1-2.html"]
    _clean()


@pytest.mark.slow
def test_an_up_to_date_build_loads_neither_the_models_nor_the_templates() -> None:
    _build()
    script = (
        "import sys\nfrom pathlib import Path\nfrom generator import api\n"
        "summary = api.build(api.Options(out=Path('output'), cache_dir=Path('cache'), amendments=False))\n"
        "print(summary.up_to_date, sorted(m for m in ('pydantic', 'jinja2', 'matplotlib', 'markdown') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=os.environ)
    assert done.stdout.split() == ["True", "[]"], done.stdout + done.stderr


def _pages_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The page keys the build reads from the cache folder's pages (`buildcache.Entries.get`), as it reads them."""
    read: list[str] = []
    get = buildcache.Entries.get

    def counted(self: buildcache.Entries, key: str) -> bytes | None:
        if self.folder is not None and self.folder.name == buildcache.PAGES:
            read.append(key)
        return get(self, key)

    monkeypatch.setattr(buildcache.Entries, "get", counted)
    return read


def _rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages the build renders, by path, as it renders them."""
    rendered: list[str] = []
    render = pagefiles.render_page
    monkeypatch.setattr(pagefiles, "render_page", lambda *a: rendered.append(a[1].meta.path) or render(*a))
    return rendered


@pytest.mark.slow
def test_a_page_as_the_last_build_published_it_is_linked_with_its_downloads_without_being_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _build()
    before = _inodes("output")
    PROJECT.write_text(PROJECT.read_text("utf-8").replace("사업 둘", "고친 사업"), "utf-8")
    read = _pages_read(monkeypatch)
    rendered = _rendered(monkeypatch)
    _build()
    after = _inodes("output")
    for path in ("en/plans/demo/projects/1-1-1.html", "en/plans/demo/projects/1-1-1-indicator-1-en.png"):
        assert after[path] == before[path], path
    # Only the pages the edit changed are looked up in the cache (not found, they are rendered); the others are
    # linked as published, unread.
    assert len(read) == len(rendered) and 0 < len(rendered) < first.pages / 2
    _clean()


@pytest.mark.slow
@pytest.mark.parametrize("change", ["its page edited", "a chart download removed"])
def test_a_page_whose_published_files_changed_is_made_again_not_linked(change: str) -> None:
    _build()
    page = Path("output/en/plans/demo/projects/1-1-1.html")
    if change == "its page edited":
        page.write_text(page.read_text("utf-8").replace("</main>", "<p>mine</p></main>"), "utf-8")
    else:
        Path("output/en/plans/demo/projects/1-1-1-indicator-1-en.png").unlink()
    PROJECT.write_text(PROJECT.read_text("utf-8").replace("사업 둘", "고친 사업"), "utf-8")
    _build()
    _clean()


@pytest.mark.slow
def test_the_cache_keeps_the_pages_a_build_linked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A linked page's entries are kept through the cache's pruning: when the site is gone, the next build takes
    every page from the cache and renders none."""
    _build()
    PROJECT.write_text(PROJECT.read_text("utf-8").replace("사업 둘", "고친 사업"), "utf-8")
    _build()
    shutil.rmtree("output")
    rendered = _rendered(monkeypatch)
    _build()
    assert rendered == []
    _clean()


def test_a_reason_kept_in_the_state_is_said_again_in_any_language_and_an_altered_one_is_dropped() -> None:
    reason = msg("history_not_git", where=".")
    again = buildstate._reason(json.loads(json.dumps(buildstate._kept(reason))))  # as the state file keeps it
    assert again == reason and render(again, "ko") == t("history_not_git", "ko", where=".")
    assert buildstate._reason("words of an older state") == "words of an older state"
    nested = msg("history_unreadable", reason=msg("no_reason_given"))  # git said nothing: our words, in any language
    kept = buildstate._reason(json.loads(json.dumps(buildstate._kept(nested))))
    assert render(kept, "ko") == t("history_unreadable", "ko", reason=t("no_reason_given", "ko"))
    altered = [{"key": "history_not_git", "values": {}}, {"key": "no such key", "values": {}}, {"key": 1}, 7]
    assert [buildstate._reason(kept) for kept in altered] == [""] * len(altered)

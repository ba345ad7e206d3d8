"""What `serve` keeps between builds (`WarmBuild`): a save re-reads, re-renders and re-writes only what it changed,
and the site it publishes is the one a clean build makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import api
from generator.data import yamlsource
from generator.data.layout import find_repository
from generator.site import buildcache, buildstate
from generator.site.build import BuildSummary, WarmBuild, build_site, finish_published

from .conftest import same_tree


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_warm_rebuild_renders_only_the_pages_an_edit_changed_and_equals_a_clean_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repository = find_repository()
    warm = WarmBuild()
    first = build_site(repository, Path("output"), warm=warm)
    assert warm.rendered == first.pages

    build_site(repository, Path("output"), warm=warm)
    assert warm.rendered == 0  # nothing changed: every page kept

    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    parsed: list[str] = []
    real_load = yamlsource.load_document
    monkeypatch.setattr(
        "generator.data.schemacheck.load_document", lambda path: parsed.append(path.name) or real_load(path)
    )
    build_site(repository, Path("output"), warm=warm)
    assert parsed == ["1-1-2.yaml"]  # the other files were not parsed again
    # The Korean pages that show the project's title; the English ones do not change.
    assert 0 < warm.rendered < first.pages
    assert "고친 사업" in Path("output/plans/demo/projects/1-1-2.html").read_text(encoding="utf-8")

    build_site(repository, Path("clean"))
    same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_warm_rebuild_links_the_files_it_did_not_change_and_writes_the_others() -> None:
    repository = find_repository()
    warm = WarmBuild()
    build_site(repository, Path("output"), warm=warm)
    style = Path("output/static/style.css").stat().st_ino
    page = Path("output/plans/demo/projects/1-1-2.html").stat().st_ino

    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    build_site(repository, Path("output"), warm=warm)
    assert Path("output/static/style.css").stat().st_ino == style  # the same file, linked into the new site
    assert Path("output/plans/demo/projects/1-1-2.html").stat().st_ino != page


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_warm_rebuild_makes_the_chart_downloads_of_the_changed_pages_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site import pagefiles

    repository = find_repository()
    warm = WarmBuild()
    build_site(repository, Path("output"), warm=warm)
    made: list[str] = []
    real = pagefiles.page_downloads
    monkeypatch.setattr(
        pagefiles, "page_downloads", lambda page, *rest: made.append(page.meta.path) or real(page, *rest)
    )
    build_site(repository, Path("output"), warm=warm)
    assert made == []  # nothing changed: every page's files kept
    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    build_site(repository, Path("output"), warm=warm)
    assert "plans/demo/projects/1-1-2.html" in made and "en/plans/demo/projects/1-1-2.html" not in made
    build_site(repository, Path("clean"))
    same_tree(Path("output"), Path("clean"))


def _mentioning(folder: Path, text: str, suffix: str) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(f"*{suffix}") if text in p.read_text("utf-8"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_the_preview_shows_a_save_at_once_and_its_downloads_and_search_index_follow() -> None:
    repository = find_repository()
    output = Path("output")
    warm = WarmBuild(later=True)
    build_site(repository, output, warm=warm)
    assert warm.unindexed is not None and not Path("output/pagefind").exists()  # a first build has none to keep
    assert not Path("output/en/pagefind").exists()
    finish_published(output, warm)
    entry, english = Path("output/pagefind/pagefind-entry.json"), Path("output/en/pagefind/pagefind-entry.json")
    indexed, indexed_english = entry.stat().st_ino, english.stat().st_ino
    style = Path("output/static/style.css").stat().st_ino
    # The chart files the project's page offers say what they are from: the page, with the project's title.
    downloads = _mentioning(output, "사업 둘", ".svg")
    assert downloads

    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    build_site(repository, output, warm=warm)
    assert "고친 사업" in Path("output/plans/demo/projects/1-1-2.html").read_text(encoding="utf-8")
    assert Path("output/static/style.css").stat().st_ino == style  # written over in place: the rest untouched
    assert warm.unindexed is not None and entry.stat().st_ino == indexed  # the old index, as it was
    assert english.stat().st_ino == indexed_english  # each language's
    assert _mentioning(output, "사업 둘", ".svg") == downloads  # the earlier downloads, for now
    finish_published(output, warm)
    assert warm.unindexed is None and warm.undownloaded is None
    assert entry.stat().st_ino != indexed and english.stat().st_ino != indexed_english
    assert _mentioning(output, "고친 사업", ".svg") == downloads and not _mentioning(output, "사업 둘", ".svg")
    build_site(repository, Path("clean"))
    same_tree(output, Path("clean"))  # pages, downloads and index: a clean build's


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_the_preview_removes_the_downloads_of_a_chart_a_save_took_away() -> None:
    project = Path("plans/demo/projects/1-1-1.yaml")
    one = project.read_text(encoding="utf-8")
    second = one.replace("id: 1-1-1-1", "id: 1-1-1-2", 1).split("indicators:\n", 1)[1]
    project.write_text(one + second, encoding="utf-8")  # the project charts two indicators
    repository = find_repository()
    output = Path("output")
    warm = WarmBuild(later=True)
    build_site(repository, output, warm=warm)
    finish_published(output, warm)
    charted = sorted(str(p.relative_to(output)) for p in output.rglob("1-1-1-indicator-2-*"))
    assert any(path.endswith(".csv") for path in charted)

    project.write_text(one, encoding="utf-8")  # the page still has a chart, but not that one
    build_site(repository, output, warm=warm)
    finish_published(output, warm)
    assert not list(output.rglob("1-1-1-indicator-2-*"))
    build_site(repository, Path("clean"))
    same_tree(output, Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_template_edit_renders_every_page_again(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    base = (Path(__file__).parents[1] / "generator/site/theme/templates/base.html").read_text(encoding="utf-8")
    (theme / "base.html").write_text(base, encoding="utf-8")
    Path("site.yaml").write_text("site_name: {ko: 시험, en: Test}\ntheme_dir: theme\n", encoding="utf-8")
    repository = find_repository()
    warm = WarmBuild()
    pages = build_site(repository, Path("output"), warm=warm).pages

    (theme / "base.html").write_text(base.replace("</body>", "<!-- our own -->\n</body>"), encoding="utf-8")
    build_site(repository, Path("output"), warm=warm)
    assert warm.rendered == pages
    assert "<!-- our own -->" in Path("output/index.html").read_text(encoding="utf-8")


# -- between CLI builds: what a build keeps in the cache folder (buildcache.py, searchcache.py) ---------------------


class _Counted:
    """How many pages a build rendered and whether it ran Pagefind (the rest came from the cache folder)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from generator.site import pagefiles, searchcache

        self.pages = 0
        self.indexed = 0
        real_render, real_index = pagefiles.render_page, searchcache.index_site

        def render(*args: Any) -> bytes:
            self.pages += 1
            return real_render(*args)

        def index(*args: Any) -> None:
            self.indexed += 1
            real_index(*args)

        monkeypatch.setattr(pagefiles, "render_page", render)
        monkeypatch.setattr(searchcache, "index_site", index)

    def reset(self) -> None:
        self.pages = self.indexed = 0


def _cli_build(out: str, *, cache: bool = True) -> BuildSummary:
    """A build as `plansite build` runs it: a new build each time, with (or without) the cache folder."""
    return api.build(api.Options(out=Path(out), use_cache=cache, cache_dir=Path("cache"), amendments=False))


def _check_warm_equals_clean(*, must_run: bool = False) -> BuildSummary:
    """A build into output/ equals a clean one. `must_run`: the build may not stop at "up to date", though no input
    changed (`buildstate.py`), so that it reads what this test did to the cache folder."""
    if must_run:
        shutil.rmtree("cache/published")
    summary = _cli_build("output")
    shutil.rmtree("clean", ignore_errors=True)
    _cli_build("clean", cache=False)
    same_tree(Path("output"), Path("clean"))
    return summary


def _theme(base: str) -> None:
    Path("theme").mkdir(exist_ok=True)
    Path("theme/base.html").write_text(base, encoding="utf-8")
    Path("theme/style.css").write_text("main { color: #123; }\n", encoding="utf-8")
    Path("site.yaml").write_text("site_name: {ko: 시험, en: Test}\ntheme_dir: theme\n", encoding="utf-8")


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_build_from_the_cache_folder_equals_a_clean_build_whatever_input_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = (Path(__file__).parents[1] / "generator/site/theme/templates/base.html").read_text(encoding="utf-8")
    _theme(base)
    counted = _Counted(monkeypatch)
    pages = _check_warm_equals_clean().pages
    assert counted.pages == 2 * pages and counted.indexed == 2  # the first build, and the clean one

    counted.reset()
    _check_warm_equals_clean()
    assert (counted.pages, counted.indexed) == (pages, 1)  # only the clean build rendered and indexed

    def changed(edit: Callable[[], None], rendered: Callable[[int], bool]) -> None:
        edit()
        counted.reset()
        _check_warm_equals_clean()
        assert rendered(counted.pages - pages), edit  # the warm build rendered again what the edit changed

    project = Path("plans/demo/projects/1-1-2.yaml")
    # data: a YAML value (the Korean pages that show the project's title)
    changed(
        lambda: project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), "utf-8"),
        lambda warm: 0 < warm < pages,
    )
    # a template of the site's theme folder: every page
    changed(lambda: Path("theme/base.html").write_text(base.replace("</body>", "<!-- ours -->\n</body>"), "utf-8"),
            lambda warm: warm == pages)  # fmt: skip
    assert "<!-- ours -->" in Path("output/index.html").read_text(encoding="utf-8")
    # the theme's CSS (its folder's fingerprint is the templates': every page, besides the stylesheet)
    changed(lambda: Path("theme/style.css").write_text("main { color: #456; }\n", encoding="utf-8"),
            lambda warm: warm == pages)  # fmt: skip
    assert Path("output/static/extra.css").read_text(encoding="utf-8") == "main { color: #456; }\n"
    # site.yaml: the Korean site name is on every Korean page
    changed(lambda: Path("site.yaml").write_text(Path("site.yaml").read_text("utf-8").replace("시험", "새 이름"), "utf-8"),
            lambda warm: warm == pages // 2)  # fmt: skip
    # plansite's own version, and its code: every page again
    changed(lambda: monkeypatch.setattr("generator.version.__version__", "99.0"), lambda warm: warm == pages)

    def new_code() -> None:  # changes both hashes of the code: the pages' keys, and the whole build's inputs
        monkeypatch.setattr(buildcache, "_sources", lambda: "other code")
        monkeypatch.setattr(buildstate, "code_digest", lambda: "other code")

    changed(new_code, lambda warm: warm == pages)


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_an_edit_of_figures_alone_uses_the_search_index_again_and_equals_a_clean_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _cli_build("output")
    counted = _Counted(monkeypatch)
    project = Path("plans/demo/projects/1-1-2.yaml")
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("{people: 50, sessions: 1}", "{people: 65, sessions: 1}"), encoding="utf-8")
    _check_warm_equals_clean()  # the index taken again is the one Pagefind makes of the new pages
    assert counted.pages > 0 and counted.indexed == 1  # pages rendered again, and only the clean build indexed

    counted.reset()
    project.write_text(text.replace("사업 둘", "고친 사업"), encoding="utf-8")  # a word: the search must change
    _check_warm_equals_clean()
    assert counted.indexed == 2


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_damaged_or_altered_cache_entry_is_computed_again_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    _cli_build("output")
    entries = sorted(Path("cache/pages").rglob("*.html"))
    renders = sorted(Path("cache/markdown").rglob("*.html"))
    assert entries and renders
    entries[0].write_bytes(entries[0].read_bytes()[:-40])  # truncated
    stated, _, body = entries[1].read_bytes().partition(b"\n")
    entries[1].write_bytes(stated + b"\n" + body.replace(b"</body>", b"<script>alert(1)</script></body>"))
    entries[2].unlink()
    entries[2].symlink_to(entries[3])  # another entry's file, through a link
    renders[0].write_bytes(renders[0].read_bytes().replace(b"<", b"<script>", 1))
    counted = _Counted(monkeypatch)
    summary = _check_warm_equals_clean(must_run=True)
    assert summary.cache_rejected == 4
    assert counted.pages - summary.pages == 3  # the three broken pages rendered again
    counted.reset()
    assert _check_warm_equals_clean(must_run=True).cache_rejected == 0  # replaced by what this build computed
    # A page's chart downloads are kept beside it: one altered and one missing, and their pages are made again.
    # Entries that hold files (an embed's is empty: it offers no downloads, and an empty entry cut short is whole).
    downloads = [entry for entry in sorted(Path("cache/downloads").rglob("*.bin")) if entry.stat().st_size > 100]
    assert len(downloads) >= 2
    stated, _, body = downloads[0].read_bytes().partition(b"\n")
    downloads[0].write_bytes(stated + b"\n" + body[:-10])
    downloads[1].unlink()
    counted.reset()
    summary = _check_warm_equals_clean(must_run=True)
    assert summary.cache_rejected == 1 and counted.pages - summary.pages == 2


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_the_published_search_index_is_used_again_only_while_it_is_intact(monkeypatch: pytest.MonkeyPatch) -> None:
    _cli_build("output")
    counted = _Counted(monkeypatch)
    fragment = sorted(Path("output/pagefind/fragment").iterdir())[0]
    fragment.write_bytes(fragment.read_bytes() + b"x")  # not the index Pagefind wrote
    _check_warm_equals_clean()
    assert counted.indexed == 2

    counted.reset()
    (Path("output/pagefind/extra.js")).write_text("alert(1)", encoding="utf-8")  # not Pagefind's
    _check_warm_equals_clean()
    assert counted.indexed == 2

    counted.reset()
    (Path("output/en/pagefind/extra.js")).write_text("alert(1)", encoding="utf-8")  # in the other language's bundle
    _check_warm_equals_clean()
    assert counted.indexed == 2

    counted.reset()
    shutil.rmtree("output/en/pagefind")  # one bundle missing
    _check_warm_equals_clean()
    assert counted.indexed == 2

    counted.reset()
    shutil.rmtree("output")  # nothing published: the index is made again
    _check_warm_equals_clean()
    assert counted.indexed == 2

    counted.reset()
    _check_warm_equals_clean()
    assert counted.indexed == 1  # the clean build's only


# What a warm build must not import (checked in a new process): the drawing, workbook and template libraries.
NOT_FOR_A_WARM_BUILD = ("matplotlib", "numpy", "openpyxl", "ruamel", "jinja2", "markdown", "pagefind_bin")
_IMPORTED = "import sys; {run}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"


def _imported(run: str) -> set[str]:
    command = [sys.executable, "-c", _IMPORTED.format(run=run)]
    finished = subprocess.run(command, capture_output=True, text=True, check=True, timeout=300)
    return set(finished.stdout.split())


def test_the_command_line_starts_without_the_drawing_and_workbook_libraries() -> None:
    assert not _imported("import generator.cli") & {"matplotlib", "numpy", "openpyxl", "ruamel", "jinja2"}


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_build_that_changed_nothing_imports_neither_charts_templates_nor_markdown() -> None:
    build = "from generator.cli import main; main(['build', '--quiet', '--out', 'output'], standalone_mode=False)"
    first = _imported(build)
    assert {"jinja2", "markdown"} <= first  # the first build renders: the check below can fail
    assert not _imported(build) & set(NOT_FOR_A_WARM_BUILD)

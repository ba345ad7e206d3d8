"""The preview shows a save of project files with those projects' pages first (`WarmBuild.quick`), then the whole
site when the writer pauses; an open page reloads only when a build changed it (`site/reloads.py`)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from generator.data.layout import find_repository
from generator.site import reloads
from generator.site.build import WarmBuild, build_site, finish_published
from generator.site.reloads import Preview, changed_files

from .conftest import child_processes, same_tree

PROJECT = Path("plans/demo/projects/1-1-2.yaml")
PLAN_PAGE = Path("output/plans/demo/index.html")
PROJECT_PAGE = Path("output/plans/demo/projects/1-1-2.html")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _saved(warm: WarmBuild) -> None:
    """A build as the preview makes one for a save."""
    warm.quick = True
    build_site(find_repository(), Path("output"), warm=warm)
    warm.quick = False


def _paused(warm: WarmBuild) -> None:
    """What the preview does when the writer pauses."""
    if warm.partial:
        warm.paused = True
        build_site(find_repository(), Path("output"), warm=warm)
        warm.paused = False
    finish_published(Path("output"), warm)


def _preview() -> WarmBuild:
    warm = WarmBuild(later=True)
    build_site(find_repository(), Path("output"), warm=warm)
    finish_published(Path("output"), warm)
    return warm


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_saved_project_file_shows_its_pages_first_and_the_whole_site_once_the_writer_pauses() -> None:
    warm = _preview()
    pages = warm.rendered
    _replace(PROJECT, "사업 둘", "고친 사업")
    _saved(warm)
    assert warm.partial and 0 < warm.rendered < pages
    assert "고친 사업" in PROJECT_PAGE.read_text(encoding="utf-8")
    assert "사업 둘" in PLAN_PAGE.read_text(encoding="utf-8")  # not yet: the plan page lists the project
    _paused(warm)
    assert not warm.partial
    assert "고친 사업" in PLAN_PAGE.read_text(encoding="utf-8")
    build_site(find_repository(), Path("clean"))
    same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_of_a_saved_project_the_page_a_browser_shows_is_made_first() -> None:
    warm = _preview()
    english = Path("output/en/plans/demo/projects/1-1-2.html")
    _replace(PROJECT, "{people: 50, sessions: 1}", "{people: 57, sessions: 1}")
    warm.shown = frozenset({"plans/demo/projects/1-1-2.html", "index.html"})  # the Korean page, and another
    _saved(warm)
    assert warm.partial and warm.rendered == 1
    quick = PROJECT_PAGE.read_bytes()
    assert ">57<" in quick.decode() and ">57<" not in english.read_text(encoding="utf-8")
    _paused(warm)
    assert PROJECT_PAGE.read_bytes() == quick  # made as the whole site's build makes it
    assert ">57<" in english.read_text(encoding="utf-8")
    build_site(find_repository(), Path("clean"))
    same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_the_build_made_when_the_writer_pauses_makes_the_chart_downloads_with_the_pages() -> None:
    warm = _preview()
    _replace(PROJECT, "{people: 50, sessions: 1}", "{people: 57, sessions: 1}")
    _saved(warm)
    warm.paused = True
    build_site(find_repository(), Path("output"), warm=warm)
    assert warm.undownloaded is None  # nothing left for `finish_published` but the search index
    build_site(find_repository(), Path("clean"))

    def files(root: Path) -> dict[str, bytes]:  # the site but its search index, not made yet
        return {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in root.rglob("*")
            if path.is_file() and "pagefind" not in path.parts
        }

    assert files(Path("output")) == files(Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
@pytest.mark.parametrize(
    ("changed", "old", "new"),
    [
        ("plans/demo/plan.yaml", "과제 하나", "고친 과제"),  # the plan: every page of it
        ("results/demo/2024/projects/1-1-2.yaml", "미운영", "고친 사유"),  # results are not a project file
        ("plans/demo/projects/1-1-3.yaml", "", ""),  # a new file: the site's list of projects changed
    ],
)
def test_a_save_of_anything_but_project_files_makes_the_whole_site_at_once(changed: str, old: str, new: str) -> None:
    warm = _preview()
    path = Path(changed)
    if path.exists():
        _replace(path, old, new)
    else:  # a third project, copied from the second
        path.write_text(PROJECT.read_text(encoding="utf-8").replace("1-1-2", "1-1-3"), encoding="utf-8")
    _saved(warm)
    assert not warm.partial
    build_site(find_repository(), Path("clean"))
    finish_published(Path("output"), warm)
    same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_after_a_failed_build_a_save_counts_every_file_changed_since_the_site_was_made() -> None:
    from generator.errors import DataError

    warm = _preview()
    _replace(Path("plans/demo/plan.yaml"), "과제 하나", "고친 과제")
    _replace(PROJECT, "사업 둘", "고친 사업")
    _replace(PROJECT, "id: 1-1-2-2", "id: 1-1-2-9")  # the results name an indicator the project no longer has
    with pytest.raises(DataError):
        _saved(warm)
    _replace(PROJECT, "id: 1-1-2-9", "id: 1-1-2-2")  # mended: of the files read, only this one changed since
    _saved(warm)
    assert not warm.partial  # the plan's own file changed while the site could not be made
    assert "고친 과제" in PLAN_PAGE.read_text(encoding="utf-8")


def test_an_open_page_reloads_only_after_a_build_that_changed_it() -> None:
    preview = Preview()
    preview.built()  # the first build: every page
    shown = str(preview.build)
    preview.built(files=frozenset({"plans/demo/projects/1-1-2.html", "data/demo/plan.json"}))
    assert preview.newer_than(shown, 0, "plans/demo/index.html") == shown  # not changed: no reload
    assert preview.newer_than(shown, 0, "plans/demo/projects/1-1-2.html") == str(int(shown) + 1)
    assert preview.newer_than(shown, 0, None) == str(int(shown) + 1)  # a page that names no file: any build
    preview.built(files=None)  # a style sheet changed: every page
    assert preview.newer_than(shown, 0, "plans/demo/index.html") == str(int(shown) + 2)
    assert preview.newer_than("not-a-build", 0, "index.html") == str(preview.build)  # from a preview that restarted
    assert preview.newer_than("999", 0, "index.html") == str(preview.build)


def test_the_problems_page_and_the_first_page_after_it_reload_whatever_changed() -> None:
    preview = Preview()
    preview.built()
    shown = str(preview.build)
    preview.built(("plans/demo/plan.yaml:3:1: problem",), frozenset())
    assert preview.newer_than(shown, 0, "index.html") == str(int(shown) + 1)
    shown = str(preview.build)
    preview.built((), frozenset())  # fixed: every page leaves the problems page
    assert preview.newer_than(shown, 0, "index.html") == str(int(shown) + 1)


def test_the_pages_shown_are_those_asking_now_or_lately(monkeypatch: pytest.MonkeyPatch) -> None:
    preview = Preview()
    preview.built()
    asking = threading.Thread(target=preview.newer_than, args=("1", 10, "a.html"))
    asking.start()
    while not preview.shown():
        time.sleep(0.01)
    assert preview.shown() == {"a.html"}
    preview.newer_than("1", 0, "b.html")  # answered at once: it asks again when it has reloaded
    assert preview.shown() == {"a.html", "b.html"}
    monkeypatch.setattr(reloads, "SHOWN_SECONDS", 0.0)  # long after: a page that no longer asks is closed
    assert preview.shown() == {"a.html"}
    preview.built(files=frozenset({"a.html"}))
    asking.join(10)
    assert preview.shown() == set() and not preview.asking  # nothing kept of pages no longer asking


def test_a_waiting_page_is_answered_when_its_file_changes() -> None:
    preview = Preview()
    preview.built()
    answers: list[str] = []
    asking = threading.Thread(target=lambda: answers.append(preview.newer_than("1", 10, "a.html")))
    asking.start()
    preview.built(files=frozenset({"b.html"}))
    preview.built(files=frozenset({"a.html"}))
    asking.join(10)
    assert answers == ["3"]


def test_a_style_sheet_or_script_changed_reloads_every_page() -> None:
    before = {"index.html": "1", "static/style.css": "1", "data/a.json": "1"}
    assert changed_files(before, {**before, "index.html": "2", "data/a.json": "2"}) == {"index.html", "data/a.json"}
    assert changed_files(before, {**before, "static/style.css": "2"}) is None
    assert changed_files(before, {"index.html": "1", "static/style.css": "1"}) == {"data/a.json"}  # removed


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_when_a_save_is_waiting_the_search_index_is_left_for_the_next_pause() -> None:
    warm = _preview()
    index = Path("output/pagefind/pagefind-entry.json").stat().st_ino
    _replace(PROJECT, "사업 둘", "고친 사업")
    _saved(warm)
    build_site(find_repository(), Path("output"), warm=warm)  # the whole site, as when the writer paused
    finish_published(Path("output"), warm, lambda: True)  # a save came meanwhile
    assert warm.undownloaded is None and warm.unindexed is not None
    assert Path("output/pagefind/pagefind-entry.json").stat().st_ino == index
    finish_published(Path("output"), warm)
    assert warm.unindexed is None
    build_site(find_repository(), Path("clean"))
    same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_save_while_pagefind_runs_stops_it_and_the_published_site_stays_as_it_was(tmp_path: Path) -> None:
    warm = _preview()
    index = Path("output/pagefind/pagefind-entry.json").stat().st_ino
    _replace(PROJECT, "사업 둘", "고친 사업")
    never_done = tmp_path / "pagefind"  # an indexer that would run for a minute
    never_done.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    never_done.chmod(0o755)
    build_site(find_repository(), Path("output"), warm=warm, pagefind=never_done)
    asked: list[set[int]] = []
    others = child_processes(os.getpid())  # the test run's own (chart workers of earlier tests, if any)

    def waiting() -> bool:  # no save before the index starts; one comes while it runs
        asked.append(child_processes(os.getpid()) - others)
        return len(asked) > 2

    started = time.monotonic()
    finish_published(Path("output"), warm, waiting)
    assert time.monotonic() - started < 10 and asked[-1]  # asked while the indexers ran, then they were ended
    assert not child_processes(os.getpid()) - others
    assert warm.unindexed is not None and Path("output/pagefind/pagefind-entry.json").stat().st_ino == index
    assert not list(Path().glob(".output.building-*"))
    bundles, _never_done, cache = warm.unindexed
    warm.unindexed = bundles, None, cache  # the next pause, with Pagefind
    finish_published(Path("output"), warm)
    assert warm.unindexed is None
    build_site(find_repository(), Path("clean"))
    same_tree(Path("output"), Path("clean"))

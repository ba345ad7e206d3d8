"""Publishing a build: one atomic step, nothing left behind by killed builds, workers end with their build."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.buildstate import content_digest
from generator.site.publish import MARKER, Staging, clean_leftovers, publish, update_in_place

from .conftest import ROOT, child_processes

PLANSITE = Path(sys.executable).with_name("plansite")


def site(version: str) -> dict[str, bytes]:
    return {"index.html": version.encode(), "en/index.html": version.encode(), "static/site.css": b"css"}


def test_publish_replaces_the_site_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish(site("old"), out)
    publish(site("new"), out)
    assert (out / "index.html").read_bytes() == b"new"
    assert (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_leftovers_of_dead_builds_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish(site("old"), out)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f".output.building-{dead.pid}-abc").mkdir()
    live = tmp_path / f".output.building-{os.getppid()}-def"
    live.mkdir()
    clean_leftovers(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "output"]


def test_an_old_site_a_killed_fallback_swap_took_away_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish(site("old"), out)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out.rename(tmp_path / f".output.previous-{dead.pid}-xyz")
    clean_leftovers(out)
    assert (out / "index.html").read_bytes() == b"old"


@pytest.fixture
def data_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "tests/fixtures/minimal/demo", root / "plans/demo")
    shutil.copytree(ROOT / "tests/fixtures/minimal/results", root / "results")
    return root


def _build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(PLANSITE), "build", "--quiet"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


# A build through the Python API that stops when its site is staged, until `flag` is removed (or a minute passes).
PAUSED_BUILD = """
import sys, time
from pathlib import Path
import generator

flag = Path(sys.argv[1])

def pause(staging):
    flag.write_text("staged", encoding="utf-8")
    deadline = time.monotonic() + 60
    while flag.exists() and time.monotonic() < deadline:
        time.sleep(0.05)

generator.build(generator.Options(before_publish=pause))
"""


@pytest.mark.slow
def test_a_build_killed_inside_the_publication_leaves_the_old_site_and_no_stray_folder(data_repo: Path) -> None:
    assert _build(data_repo).wait(timeout=120) == 0
    old = (data_repo / "output/index.html").read_bytes()
    flag = data_repo / "paused"
    build = subprocess.Popen(
        [sys.executable, "-c", PAUSED_BUILD, str(flag)], cwd=data_repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 120
    while not flag.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists(), build.communicate()[0]
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert (data_repo / "output/index.html").read_bytes() == old
    assert any(p.name.startswith(".output.building-") for p in data_repo.iterdir())
    assert _build(data_repo).wait(timeout=120) == 0
    assert sorted(p.name for p in data_repo.iterdir() if p.name.startswith(".output")) == []


@pytest.mark.slow
def test_two_builds_into_one_folder_both_succeed(data_repo: Path) -> None:
    builds = [_build(data_repo), _build(data_repo)]
    assert [b.wait(timeout=180) for b in builds] == [0, 0], [b.communicate()[0] for b in builds]
    assert (data_repo / "output/index.html").is_file()
    assert sorted(p.name for p in data_repo.iterdir() if p.name.startswith(".output")) == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc (Linux)")
@pytest.mark.slow
def test_chart_workers_end_when_their_build_is_killed(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for name in ("plans", "results", "site.yaml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    build = _build(root)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
        workers = child_processes(build.pid)
        time.sleep(0.02)
    if not workers:
        pytest.skip("the build drew its charts without worker processes on this machine")
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    lingering = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
    assert lingering == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_build_killed_at_random_moments_leaves_the_old_site_or_the_new_one_whole(data_repo: Path) -> None:
    assert _build(data_repo).wait(timeout=120) == 0
    old = _tree(data_repo / "output")
    (data_repo / "site.yaml").write_text("site_name: {ko: 새 이름, en: A new name}\n", encoding="utf-8")
    started = time.monotonic()
    subprocess.run(
        [str(PLANSITE), "build", "--quiet", "--out", str(data_repo.parent / "reference")], cwd=data_repo, check=True
    )
    duration = time.monotonic() - started
    new = _tree(data_repo.parent / "reference")
    assert new != old
    moments = random.Random(10).sample(range(1, 100), 8)  # per cent of a whole build, fixed for repeatability
    for moment in sorted(moments):
        build = _build(data_repo)
        time.sleep(duration * moment / 100)
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert _tree(data_repo / "output") in (old, new), f"killed at {moment}% of a build"
    assert _build(data_repo).wait(timeout=120) == 0
    assert _tree(data_repo / "output") == new
    assert sorted(p.name for p in data_repo.iterdir() if p.name.startswith(".output")) == []


def test_consuming_publish_writes_every_file_and_runs_the_stage_on_the_complete_site(tmp_path: Path) -> None:
    """`build` lets publish consume its files, so a big site's pages leave memory before Pagefind runs."""
    files = {"index.html": b"<p>home</p>", "a/b.html": b"<p>b</p>", "static/style.css": b"p{}"}
    expected = dict(files)
    staged: list[dict[str, bytes]] = []

    def stage(folder: Path) -> None:
        staged.append({p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()})
        assert files == {}  # every file already left the dict

    publish(files, tmp_path / "out", stage=stage, consume=True)
    assert {k: v for k, v in staged[0].items() if k != MARKER} == expected
    assert (tmp_path / "out" / "a" / "b.html").read_bytes() == b"<p>b</p>"


@pytest.mark.usefixtures("demo_root")
def test_a_build_writes_each_page_into_its_staging_folder_as_it_renders_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not all of a big site in memory at once: by the time the last page is rendered, the ones before it are
    already files of the staging folder (and the page models are all the build still holds of them)."""
    from generator.data.layout import find_repository
    from generator.site import pagefiles
    from generator.site.build import build_site

    staged: list[int] = []
    real = pagefiles.render_page

    def render(*args: object) -> bytes:
        staged.append(sum(1 for path in Path(".").glob(".output.building-*/**/*.html")))
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pagefiles, "render_page", render)
    summary = build_site(find_repository(), Path("output"))
    assert len(staged) == summary.pages
    assert staged[-1] >= summary.pages - 1  # every page before the last was written when the last was rendered


@pytest.mark.usefixtures("demo_root")
def test_a_build_renders_each_page_once_its_charts_are_drawn_while_the_others_are_still_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cold build's building process renders pages while the workers draw, not alone after the last drawing;
    pages without charts wait for the first chart, so that they do not hold back the workers' start."""
    from generator.data.layout import find_repository
    from generator.site import pagefiles
    from generator.site.build import build_site

    events: list[str] = []
    real_drawn, real_render = pagefiles.drawn_charts, pagefiles.render_page

    def drawn(*args: Any, **kwargs: Any) -> Iterator[object]:
        for chart in real_drawn(*args, **kwargs):
            events.append("chart")
            yield chart

    def render(environment: Any, page: Any, svgs: dict[object, object]) -> bytes:
        assert all(spec in svgs for spec in page.charts)
        events.append("page" if page.charts else "chartless")
        return real_render(environment, page, svgs)

    monkeypatch.setattr(pagefiles, "drawn_charts", drawn)
    monkeypatch.setattr(pagefiles, "render_page", render)
    build_site(find_repository(), Path("output"))
    last_chart = len(events) - 1 - events[::-1].index("chart")
    assert "page" in events[:last_chart] and "chartless" in events
    assert events.index("chart") < events.index("chartless")


def test_pages_rendered_as_their_charts_come_are_counted_across_batches_for_the_progress_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from generator.i18n import msg
    from generator.site import pagefiles
    from generator.site.buildcache import PageStore

    monkeypatch.setattr(pagefiles, "render_page", lambda *_args: b"<html></html>")
    written: list[str] = []
    sink = SimpleNamespace(write=lambda path, *_rest: written.append(path))
    said: list[str] = []
    pages = [SimpleNamespace(meta=SimpleNamespace(path=f"{number}.html"), charts=()) for number in range(120)]
    writer = pagefiles._PageWriter(sink, object(), None, PageStore(None), said.append, len(pages))  # type: ignore[arg-type]
    writer.write(pages[:70])  # type: ignore[arg-type]
    writer.write(pages[70:])  # type: ignore[arg-type]
    assert written == [f"{number}.html" for number in range(120)]
    assert said == [msg("progress_rendered", number=n, total=120) for n in (50, 100)]


def test_a_page_whose_charts_never_all_come_fails_the_build_rather_than_go_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from generator.site import pagefiles
    from generator.site.buildcache import PageStore

    monkeypatch.setattr(pagefiles, "render_page", lambda *_args: b"<html></html>")
    monkeypatch.setattr(pagefiles, "page_downloads", lambda *_args: {})
    sink = SimpleNamespace(write=lambda *_args: None)
    pages = [SimpleNamespace(meta=SimpleNamespace(path=f"{n}.html"), charts=(f"chart {n}",)) for n in range(2)]
    only_the_first = iter([("chart 0", object())])
    with pytest.raises(RuntimeError, match="1 of 2 pages were not rendered"):
        pagefiles._render_into(sink, object(), pages, only_the_first, None, PageStore(None), print)  # type: ignore[arg-type]


def test_the_preview_writes_over_only_the_files_a_save_changed_and_removes_those_gone(tmp_path: Path) -> None:
    out = tmp_path / "output"
    before = {**site("old"), "gone.html": b"gone"}
    published = publish(before, out)
    kept = (out / "static/site.css").stat().st_ino
    now = site("new")
    digests = update_in_place(now, out, published, previous=before)
    assert digests == publish(now, tmp_path / "clean")  # what a whole publication of the same files records
    assert (out / "index.html").read_bytes() == b"new" and not (out / "gone.html").exists()
    assert (out / "static/site.css").stat().st_ino == kept  # unchanged: not written again
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "en", "index.html", "static"])  # no temporary


def test_the_preview_writes_again_a_file_removed_from_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "output"
    files = site("old")
    published = publish(files, out)
    (out / "index.html").unlink()
    update_in_place(files, out, published, previous=files)
    assert (out / "index.html").read_bytes() == b"old"


def test_the_preview_writes_nothing_into_a_folder_that_is_no_longer_its_site(tmp_path: Path) -> None:
    out = tmp_path / "output"
    published = publish(site("old"), out)
    shutil.rmtree(out)
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert update_in_place(site("new"), out, published) is None
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def _page_staging(out: Path, published: dict[str, bytes]) -> Staging:
    """A staging folder for `out`, told that `published` (a page and its chart download, under one key) is there
    as the last build left it."""
    digests = {path: content_digest(content) for path, content in published.items()}
    return Staging(out, digests, dict.fromkeys(published, "key"))


def test_a_page_is_linked_whole_or_not_at_all(tmp_path: Path) -> None:
    """A page's files are linked all or none: when one has gone since the state was read, those linked before it
    are taken out again, so the page is made anew and nothing is written through a link into the published site."""
    out = tmp_path / "output"
    page = {"p/a-1.png": b"png", "p/a.html": b"<p>a</p>"}
    publish(page, out)
    (out / "p/a.html").unlink()  # after the build read its state
    with _page_staging(out, page) as staging:
        assert not staging.link_page("key", "p/a.html")
        assert not (staging.folder / "p/a-1.png").exists() and "p/a-1.png" not in staging.digests


def test_a_file_written_where_a_published_one_was_linked_leaves_the_published_one_alone(tmp_path: Path) -> None:
    out = tmp_path / "output"
    page = {"p/a-1.png": b"png", "p/a.html": b"<p>a</p>"}
    publish(page, out)
    with _page_staging(out, page) as staging:
        assert staging.link_page("key", "p/a.html")
        assert (staging.folder / "p/a.html").stat().st_ino == (out / "p/a.html").stat().st_ino
        staging.write("p/a.html", b"<p>other</p>")
        assert (staging.folder / "p/a.html").read_bytes() == b"<p>other</p>"
    assert (out / "p/a.html").read_bytes() == b"<p>a</p>"

"""A build's drawing helper (`site/drawinghelper.py`): forked as soon as the build must build, it imports the chart
code while the build reads the data, draws a few drawings alone and ends; many go to a pool of workers."""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import api
from generator.errors import DataError
from generator.site import buildcache, chartpng, drawinghelper, drawings
from generator.site.chartcache import ChartCache
from generator.site.chartspec import TargetActualSpec
from generator.site.downloads import DownloadPngs
from generator.site.drawings import drawn_charts
from tests.conftest import same_tree

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "출처: 합성 기관, 「합성 계획」, 2026."
ADDRESS = "https://plans.example.org/"
SPECS = [  # synthetic charts
    TargetActualSpec(
        f"chart-ko-9-8-{n}-1", (2024, 2025), (10.0 * n, 20.0), (12.0, None), "건", f"합성 {n}", "s", "목표", "실적"
    )
    for n in range(1, 5)
]


def all_drawn(*args: Any, **kwargs: Any) -> dict[Any, Any]:
    """Every chart's drawings, by specification, as a build's preview takes them."""
    return dict(drawn_charts(*args, **kwargs))


def _alone() -> None:
    """Wait for the executor thread of a helper ended just before (without waiting) to end (it takes a fraction of
    a second; a thread that does not end, a browser test's, is not waited for longer)."""
    deadline = time.monotonic() + 2
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)


def alone(test: Callable[..., None]) -> Callable[..., None]:
    """`test`, run in a Python process of its own when this one has other threads: a build forks its helper only
    from a process alone, and the browser tests keep a server and a browser running for the whole session."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        _alone()
        if threading.active_count() == 1:
            return test(*args, **kwargs)
        node = os.environ["PYTEST_CURRENT_TEST"].rsplit(" ", 1)[0]
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", node]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=os.environ)
        assert done.returncode == 0 and re.search(r"^1 passed", done.stdout, re.MULTILINE), done.stdout + done.stderr
        return None

    return run


def _refuse(*_args: object) -> None:
    raise AssertionError("drawn by the building process")


def _drawn_alone(specs: list[TargetActualSpec]) -> tuple[dict[object, object], dict[object, bytes]]:
    pngs = DownloadPngs(ChartCache(None), {spec: (SOURCE,) for spec in specs})
    return all_drawn(specs, 1, ChartCache(None), pngs=pngs), pngs.kept  # type: ignore[return-value]


@alone
def test_a_builds_helper_draws_a_few_drawings_alone_and_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    helper = drawinghelper.build_helper()
    assert helper is not None
    try:
        monkeypatch.setattr(chartpng, "draw_chart", _refuse)  # here only: the helper was forked before
        pngs = DownloadPngs(ChartCache(None), {SPECS[0]: (SOURCE,)})
        drawn = all_drawn(SPECS[:1], 2, ChartCache(None), pngs=pngs, helper=helper)
        assert helper._pool is None  # ended once they were made
    finally:
        helper.close()
    monkeypatch.undo()
    assert (drawn, pngs.kept) == _drawn_alone(SPECS[:1])


def _pids(jobs: list[object]) -> list[tuple[str, tuple[bytes, ...]]]:
    return [(str(os.getpid()), ()) for _job in jobs]


@alone
def test_a_builds_helper_draws_half_of_its_drawings_in_a_copy_of_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawinghelper, "_draw_here", _pids)  # before the fork: the helper and its copy draw so
    helper = drawinghelper.build_helper()
    assert helper is not None
    try:
        drawn = helper.draw([(spec, "wide", ()) for spec in SPECS]).result()
    finally:
        helper.close()
    pids = [int(svg) for svg, _ in drawn]
    assert len(set(pids[:2])) == len(set(pids[2:])) == 1  # in order: the first half here, the second there
    assert len(set(pids)) == 2 and os.getpid() not in pids


_calls: list[int] = []


def _numbered(jobs: list[object]) -> list[tuple[str, tuple[bytes, ...]]]:
    """Each job as drawn by the how-manieth call in its process (a helper and its copy count apart)."""
    _calls.append(0)
    if any(variant == "narrow" for _spec, variant, _sources in jobs):  # type: ignore[misc]
        raise ValueError("a narrow drawing fails")
    return [(str(len(_calls)), ()) for _job in jobs]


@alone
def test_drawings_started_ahead_are_taken_and_only_the_others_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawinghelper, "_draw_here", _numbered)  # before the fork
    helper = drawinghelper.build_helper()
    assert helper is not None
    try:
        ahead = [(spec, "wide", (SOURCE,)) for spec in SPECS[:2]]
        helper.draw_ahead(ahead)  # type: ignore[arg-type]
        asked = [ahead[1], (SPECS[3], "wide", ())]  # one drawn ahead, and one not (nor its first, unused)
        assert helper.drawn(asked) == [("1", ()), ("2", ())]  # type: ignore[arg-type]
        # A drawing ahead that failed is made again when it is asked for, and fails there as it would have.
        helper.draw_ahead([(SPECS[0], "narrow", ()), *ahead])  # type: ignore[list-item]
        assert helper.drawn(ahead[:1]) == [("4", ())]  # type: ignore[arg-type]
        helper.draw_ahead([(SPECS[0], "narrow", ())])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="a narrow drawing fails"):
            helper.drawn([(SPECS[0], "narrow", ())])  # type: ignore[list-item]
    finally:
        helper.close()


@pytest.mark.usefixtures("demo_root")
@alone
def test_after_an_edit_of_figures_its_drawings_are_started_before_the_unchanged_pages_are_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    options = api.Options(out=Path("output"), cache_dir=Path("cache"), amendments=False)
    api.build(options)
    events: list[str] = []
    draw, kept = drawinghelper.DrawingHelper.draw, buildcache.PageStore.kept
    monkeypatch.setattr(
        drawinghelper.DrawingHelper, "draw", lambda self, jobs: events.append(f"draw {len(jobs)}") or draw(self, jobs)
    )
    monkeypatch.setattr(buildcache.PageStore, "kept", lambda self, *a: events.append("kept") or kept(self, *a))
    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("people: 50,", "people: 51,", 1), encoding="utf-8")
    _alone()
    summary = api.build(options)
    # Its chart in both languages, wide and narrow: drawn once, before the unchanged pages were taken.
    assert events == ["draw 4", "kept"] and summary.drawn == 2
    shutil.rmtree("clean", ignore_errors=True)
    api.build(api.Options(out=Path("clean"), use_cache=False, amendments=False))
    same_tree(Path("output"), Path("clean"))


@alone
def test_a_pools_workers_leave_ctrl_c_to_the_build_and_end_at_once_when_it_stops_early() -> None:
    fork = multiprocessing.get_context("fork")
    with drawinghelper.worker_pool(2, fork) as pool:
        pids = set(pool.map(_pid_after, [0.2] * 4))  # both workers started, and idle now
        for pid in pids:
            os.kill(pid, signal.SIGINT)
        time.sleep(0.3)
        assert set(pool.map(_pid_after, [0.2] * 4)) == pids  # neither died of it
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), drawinghelper.worker_pool(2, fork) as pool:
        pids = set(pool.map(_pid_after, [0.0] * 2))
        pool.map(_pid_after, [5.0] * 6)  # drawings still queued when the build is stopped
        raise KeyboardInterrupt
    assert time.monotonic() - started < 4  # not waited for
    deadline = time.monotonic() + 3
    while any(map(_running, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_running, pids))


def _running(pid: int) -> bool:
    """Whether the process runs (Linux: /proc); one ended but not yet reaped (a zombie) does not."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


@alone
def test_a_builds_helper_and_its_copy_leave_ctrl_c_to_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl+C reaches every process of the command: the build stops and ends them; they print no traceback.
    monkeypatch.setattr(drawinghelper, "_draw_here", _pids)
    helper = drawinghelper.build_helper()
    assert helper is not None
    try:
        jobs = [(spec, "wide", ()) for spec in SPECS]
        pids = {int(svg) for svg, _ in helper.draw(jobs).result()}  # type: ignore[arg-type]
        for pid in pids:
            os.kill(pid, signal.SIGINT)
        time.sleep(0.5)
        assert {int(svg) for svg, _ in helper.draw(jobs).result()} == pids  # type: ignore[arg-type]
    finally:
        helper.close()


@alone
def test_the_half_a_killed_copy_would_have_drawn_is_drawn_by_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawinghelper, "_partner", [])
    drawinghelper._import_chart_code(with_partner=True)  # this process plays the helper
    partner = drawinghelper._partner[0]
    try:
        for process in list(partner._processes.values()):  # type: ignore[attr-defined]
            process.kill()
            process.join()
        jobs = [(spec, "narrow", ()) for spec in SPECS[:2]]
        drawn = drawinghelper._shared(drawinghelper._draw_here, jobs)  # type: ignore[arg-type]
        assert drawn == drawinghelper._draw_here(jobs)  # type: ignore[arg-type]
    finally:
        partner.shutdown(wait=True, cancel_futures=True)


@alone
def test_a_builds_helper_leaves_many_drawings_to_workers_forked_once_it_has_ended(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    context = drawings._worker_context
    monkeypatch.setattr(drawings, "_worker_context", lambda: threads.append(threading.active_count()) or context())
    helper = drawinghelper.build_helper()
    assert helper is not None
    try:
        pngs = DownloadPngs(ChartCache(None), {spec: (SOURCE,) for spec in SPECS})
        assert len(SPECS) * 2 >= 2 * drawings.PARALLEL_FROM  # enough drawings for two workers
        drawn = all_drawn(SPECS, 2, ChartCache(None), pngs=pngs, helper=helper)
        assert helper._pool is None
    finally:
        helper.close()
    assert threads == [1]  # the helper's thread had ended: the workers may be forked
    assert (drawn, pngs.kept) == _drawn_alone(SPECS)


@alone
def test_a_build_that_stops_while_its_workers_draw_ends_them_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page that fails to render while the workers draw (the generator of drawings is closed) ends the pool at
    once; Python 3.11's pool used to raise in its own thread, on the terminal, for each drawing still queued that
    had been cancelled too. Timing decides whether it shows, so the stop is made several times."""
    failures: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda hook: failures.append(hook.exc_type.__name__))
    many = [
        TargetActualSpec(
            f"chart-ko-9-7-{n}-1", (2024, 2025), (1.0 * n, 2.0), (1.0, None), "건", f"합성 {n}", "s", "목표", "실적"
        )
        for n in range(1, 40)
    ]
    for _attempt in range(8):
        drawn = drawings.drawn_charts(many, 2, ChartCache(None), pngs=DownloadPngs(ChartCache(None), {}))
        next(drawn)
        drawn.close()
        for thread in threading.enumerate():
            if thread is not threading.main_thread():
                thread.join(10)
    assert failures == []


@alone
def test_no_helper_is_forked_from_a_process_with_other_threads_on_one_core_or_where_there_is_no_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waiting = threading.Event()
    other = threading.Thread(target=waiting.wait)
    other.start()
    try:
        assert drawinghelper.build_helper() is None
    finally:
        waiting.set()
        other.join()
    monkeypatch.setattr(drawinghelper, "usable_cores", lambda: 1)
    assert drawinghelper.build_helper() is None
    monkeypatch.undo()
    monkeypatch.setattr(drawinghelper.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert drawinghelper.build_helper() is None


@pytest.mark.usefixtures("demo_root")
@alone
def test_a_build_starts_a_helper_only_when_it_must_build_and_ends_it_even_when_it_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[drawinghelper.DrawingHelper | None] = []
    real = drawinghelper.build_helper
    monkeypatch.setattr(drawinghelper, "build_helper", lambda: started.append(real()) or started[-1])
    options = api.Options(out=Path("output"), cache_dir=Path("cache"), amendments=False)
    assert api.build(options).drawn > 0
    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("Indicator three", "Indicator 3"), encoding="utf-8")
    _alone()
    # A new name of an indicator without a chart: every chart is in the cache, the helper draws none.
    assert api.build(options).drawn == 0
    assert api.build(options).up_to_date
    project.write_text(project.read_text(encoding="utf-8").replace("kind: flow", "kind: [flow"), encoding="utf-8")
    _alone()
    with pytest.raises(DataError):
        api.build(options)
    assert len(started) == 3 and all(helper is not None and helper._pool is None for helper in started)


@pytest.mark.slow
@pytest.mark.usefixtures("demo_root")
def test_after_an_edit_of_figures_the_building_process_imports_no_chart_code_and_equals_a_clean_build() -> None:
    # With the site's address: the pages' link-preview images are drawn too.
    options = api.Options(out=Path("output"), cache_dir=Path("cache"), amendments=False, base_url=ADDRESS)
    api.build(options)
    preview = Path("output/plans/demo/projects/1-1-2-og.png")
    before = preview.read_bytes()
    project = Path("plans/demo/projects/1-1-2.yaml")
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("people: 50,", "people: 51,", 1), encoding="utf-8")
    assert project.read_text(encoding="utf-8") != text
    script = (
        "import sys\nfrom pathlib import Path\nfrom generator import api\n"
        "options = api.Options(out=Path('output'), cache_dir=Path('cache'), amendments=False, base_url=sys.argv[1])\n"
        "print(api.build(options).drawn, 'matplotlib' in sys.modules)"
    )
    command = [sys.executable, "-c", script, ADDRESS]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ)
    drawn, imported = done.stdout.split()
    assert int(drawn) > 0 and imported == "False", done.stdout + done.stderr
    assert preview.read_bytes() != before  # its link preview drawn again, by the helper too
    shutil.rmtree("clean", ignore_errors=True)
    api.build(api.Options(out=Path("clean"), use_cache=False, amendments=False, base_url=ADDRESS))
    same_tree(Path("output"), Path("clean"))

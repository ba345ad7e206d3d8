"""The chart worker a build starts with (`chartworker.py`): the few drawings of a one-value edit are drawn there,
the build process never imports matplotlib for them, the site is a clean build's, and no worker outlives a build."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import api
from generator.site import chartworker, drawings
from tests.test_chartfiles import SOURCE, SPECS
from tests.test_warm_build import _same_tree

EDIT = Path("results/demo/2024/projects/1-1-2.yaml")
# A build in a new process, as `plansite build` runs; it prints the charts it drew and whether it imported matplotlib.
_BUILD = (
    "import sys; from pathlib import Path; from generator import api; from generator.site import chartworker; "
    "chartworker.BUSY_LOAD_PER_CORE = 1e9; "  # started however busy the machine running the tests is
    "summary = api.build(api.Options(out=Path('output'), cache_dir=Path('cache'), amendments=False)); "
    "print(summary.drawn, 'matplotlib' in sys.modules)"
)


def _build_in_a_new_process() -> tuple[int, bool]:
    finished = subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, text=True, check=True, timeout=600)
    drawn, imported = finished.stdout.split()
    return int(drawn), imported == "True"


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_one_value_edit_is_drawn_by_the_early_worker_and_equals_a_clean_build() -> None:
    drawn, imported = _build_in_a_new_process()
    assert drawn >= 2 * drawings.PARALLEL_FROM and imported  # the first build draws every chart, in the build
    EDIT.write_text(EDIT.read_text(encoding="utf-8").replace("people: 10,", "people: 12,"), encoding="utf-8")
    drawn, imported = _build_in_a_new_process()
    assert 0 < drawn < drawings.PARALLEL_FROM and not imported  # a few, drawn by the worker it started with
    api.build(api.Options(out=Path("clean"), use_cache=False, amendments=False))
    _same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_no_chart_worker_outlives_a_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chartworker, "BUSY_LOAD_PER_CORE", 1e9)
    api.build(api.Options(out=Path("output"), cache_dir=Path("cache"), amendments=False))
    shutil.rmtree("cache/published")  # nothing known unchanged: the next build runs, and starts its worker
    api.build(api.Options(out=Path("output"), cache_dir=Path("cache"), amendments=False))
    assert chartworker.started() is None and multiprocessing.active_children() == []


def test_the_worker_draws_what_the_build_would_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chartworker, "BUSY_LOAD_PER_CORE", 1e9)
    jobs = [(SPECS[0], "wide", (SOURCE,)), (SPECS[0], "narrow", ())]
    here = list(drawings._drawn(jobs, 1))
    chartworker.start()
    try:
        assert chartworker.started() is not None
        assert list(drawings._drawn(jobs, 1)) == here
    finally:
        chartworker.stop()
    assert chartworker.started() is None


def test_no_worker_starts_when_no_core_is_free(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chartworker.os, "getloadavg", lambda: (2.0, 2.0, 2.0))
    monkeypatch.setattr(chartworker.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    chartworker.start()
    assert chartworker.started() is None
    monkeypatch.setattr(chartworker.os, "getloadavg", lambda: (1.2, 2.0, 2.0))
    chartworker.start()
    try:
        assert chartworker.started() is not None
    finally:
        chartworker.stop()

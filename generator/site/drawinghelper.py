"""A worker process that draws charts beside this one: a preview's, kept between saves, or a build's, started as
soon as the build knows it must draw. Kept apart from `drawings` so that a build can start it before importing
anything heavy: the worker is forked with little more than what the command line had imported."""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.site.publish import end_with, end_with_parent

if TYPE_CHECKING:
    from generator.site.chartspec import ChartSpec, Variant

HELPER_SECONDS = 60  # a drawing the helper has not made by then is made here (the helper is stuck)


class DrawingHelper:
    """A worker process that draws beside this one, started by `start` (or at its first drawing).

    A long-running preview keeps one, so that a save's few drawings are made two at a time (a pool started for
    each save would cost more than it saves). A build starts one (`for_build`) as soon as it knows it is not up
    to date: the worker imports the chart code (matplotlib, about 0.4 s) while the build reads and checks the
    data, then draws all of the build's drawings when they are few, and ends."""

    def __init__(self, *, for_build: bool = False) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self.for_build = for_build

    def start(self) -> None:
        """Start the worker, and have it import the chart code now rather than at the first save's drawing."""
        if self._pool is None:
            context: multiprocessing.context.BaseContext
            if self.for_build:
                # Forked while this process is small and alone: a copy of what it has imported, nothing more.
                context, ending = multiprocessing.get_context("fork"), end_with_parent
            else:
                # Never forked from the preview, whose other threads may hold a lock the copy would wait on for
                # ever; the fork server's worker ends when the preview is gone, however it ended (end_with).
                context, ending = unforked_context(), functools.partial(end_with, os.getpid())
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=ending)
            self._pool.submit(_import_chart_code)

    def draw(self, jobs: list[tuple[ChartSpec, Variant, tuple[str, ...]]]) -> _Drawing:
        for _attempt in range(2):
            self.start()
            assert self._pool is not None
            try:
                return _Drawing(self, [self._pool.submit(_draw, job) for job in jobs], jobs)
            except BrokenProcessPool:  # its worker was killed from outside since the last save: a new one
                self.close()
        return _Drawing(self, [], jobs)

    def close(self, *, wait: bool = False) -> None:
        """Stop the worker, at once even when it does not answer; with `wait`, return only once the executor's
        own thread has ended too (a build forks workers only while it has no other thread: `_worker_context`)."""
        if self._pool is not None:
            # The executor has no public way to end a worker that hangs: its processes are ended by hand.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.kill()
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None


def build_helper() -> DrawingHelper | None:
    """A build's helper (`DrawingHelper`), started; None where this process may not fork (it has other threads,
    or the platform has no fork): the build then draws as it would without one."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() != 1:
        return None
    helper = DrawingHelper(for_build=True)
    helper.start()
    return helper


@dataclass
class _Drawing:
    """Drawings a helper makes: their results in order; drawn here after all if the helper's process died."""

    helper: DrawingHelper
    futures: list[Future[tuple[str, tuple[bytes, ...]]]]
    jobs: list[tuple[ChartSpec, Variant, tuple[str, ...]]]

    def result(self) -> list[tuple[str, tuple[bytes, ...]]]:
        try:
            if len(self.futures) == len(self.jobs):
                return [future.result(timeout=HELPER_SECONDS) for future in self.futures]
        except (BrokenProcessPool, TimeoutError):  # killed from outside, or stuck: the next save starts another
            self.helper.close()
        from generator.site import chartpng  # only now: a build that leaves all its drawings to a helper has none

        return [chartpng.draw_chart(*job) for job in self.jobs]


def _import_chart_code() -> None:
    import generator.site.chartpng  # noqa: F401


def _draw(job: tuple[ChartSpec, Variant, tuple[str, ...]]) -> tuple[str, tuple[bytes, ...]]:
    from generator.site import chartpng

    return chartpng.draw_chart(*job)


def unforked_context() -> multiprocessing.context.BaseContext:
    """Workers from a fork server (itself started afresh, one thread), else started afresh (Windows)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.site.chartpng"])
    return context

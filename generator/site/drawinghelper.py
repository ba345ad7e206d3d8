"""A worker process that draws charts beside this one: a preview's, kept between saves, or a build's, started as
soon as the build knows the site is not up to date. Kept apart from `drawings` so that a build can start it
before importing anything heavy: the worker is forked with little more than what the command line imported."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from generator.site.publish import end_with, end_with_parent

if TYPE_CHECKING:
    from generator.site.chartspec import ChartSpec, Frame, Variant

Job = tuple["ChartSpec", "Variant", tuple["Frame", ...]]  # a chart, wide or narrow, and the PNGs made from it
Drawn = tuple[str, tuple[bytes, ...]]  # its SVG and those PNGs

T = TypeVar("T")
R = TypeVar("R")

HELPER_SECONDS = 60  # a drawing the helper has not made by then is made here (the helper is stuck)


class DrawingHelper:
    """A worker process that draws beside this one, started by `start` (or at its first drawing).

    A long-running preview keeps one, so that a save's few drawings are made two at a time (a pool started for
    each save would cost more than it saves). A build starts one (`for_build`) as soon as it knows it is not up
    to date: the worker imports the chart code (matplotlib, about 0.4 s) while the build reads and checks the
    data, forks a copy of itself (its partner), and the two draw the build's drawings (with their PNGs) when they
    are few, half each; then it ends, and its partner with it."""

    def __init__(self, *, for_build: bool = False) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self.for_build = for_build
        self._ahead: _Drawing[Job, Drawn] | None = None

    def start(self) -> None:
        """Start the worker, and have it import the chart code now rather than at the first save's drawing."""
        if self._pool is None:
            context: multiprocessing.context.BaseContext
            if self.for_build:
                # Forked while this process is small and alone: a copy of what it has imported, nothing more.
                context, parent = multiprocessing.get_context("fork"), None
            else:
                # Never forked from the preview, whose other threads may hold a lock the copy would wait on for
                # ever; the fork server's worker ends when the preview is gone, however it ended (end_with).
                context, parent = unforked_context(), os.getpid()
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_begin, initargs=(parent,))
            self._pool.submit(_import_chart_code, self.for_build)

    def draw(self, jobs: list[Job]) -> _Drawing[Job, Drawn]:
        """Each job's drawing (`chartpng.draw_chart`), in order, as `result` of what this returns."""
        return self._submit(_draw_here, jobs)

    def draw_ahead(self, jobs: list[Job]) -> None:
        """Start on drawings the build is likely to ask `drawn` for, before it knows which it needs."""
        self._ahead = self.draw(jobs)

    def drawn(self, jobs: list[Job]) -> list[Drawn]:
        """Each job's drawing, in order: those drawn ahead (`draw_ahead`) as they were made, the others now."""
        made: dict[Job, Drawn] = {}
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            try:
                made = dict(zip(ahead.items, ahead.result(), strict=True))
            except Exception:  # a job the build needs is drawn again below, and raises there
                made = {}
        rest = [job for job in jobs if job not in made]
        if rest:
            made.update(zip(rest, self.draw(rest).result(), strict=True))
        return [made[job] for job in jobs]

    def _submit(self, draw: Callable[[list[T]], list[R]], items: list[T]) -> _Drawing[T, R]:
        for _attempt in range(2):
            self.start()
            assert self._pool is not None
            try:
                return _Drawing(self, self._pool.submit(_shared, draw, items), draw, items)
            except BrokenProcessPool:  # its worker was killed from outside since the last save: a new one
                self.close()
        return _Drawing(self, None, draw, items)

    def close(self, *, wait: bool = False) -> None:
        """Stop the worker, at once even when it does not answer; with `wait`, return only once the executor's
        own thread has ended too (a build forks workers only while it has no other thread: `_worker_context`)."""
        if self._pool is not None:
            _end(self._pool, wait=wait)
            self._pool = None
        self._ahead = None


@contextlib.contextmanager
def worker_pool(
    workers: int, context: multiprocessing.context.BaseContext, parent: int | None = None
) -> Iterator[ProcessPoolExecutor]:
    """A pool of drawing workers that end with the build (with its process `parent`, or their own parent when
    None) and leave Ctrl+C to it, as a helper does (`_begin`). When the build stops early, interrupted or failed,
    they are ended at once: a pool's shutdown would wait for every drawing still queued."""
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_begin, initargs=(parent,))
    try:
        yield pool
    except BaseException:
        _end(pool)
        raise
    pool.shutdown(wait=True)


def _end(pool: ProcessPoolExecutor, *, wait: bool = False) -> None:
    # The executor has no public way to end a worker that hangs: its processes are ended by hand. Its drawings still
    # queued are not cancelled: the executor fails them itself once it sees its workers gone, and Python 3.11's
    # raises in its own thread (a traceback on the terminal) on a drawing both cancelled and failed (3.12 mends it).
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=wait)


def drawn_by(pool: ProcessPoolExecutor, jobs: list[Job], chunk: int) -> Iterator[Drawn]:
    """Each job's drawing by `pool`'s workers, `chunk` jobs to a worker at a time, in order, as they are made.

    Not `pool.map`, which cancels the drawings still queued when it is closed (a build that stops early): the pool
    is ended at once instead (`worker_pool`), which fails them (`_end`)."""
    chunks = [pool.submit(_draw_here, jobs[start : start + chunk]) for start in range(0, len(jobs), chunk)]
    for drawings in chunks:
        yield from drawings.result()


def usable_cores() -> int:
    """The cores this process may run on (its affinity, as a container or `taskset` limits it), not the machine's."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def build_helper() -> DrawingHelper | None:
    """A build's helper (`DrawingHelper`), started; None where this process may not fork (it has other threads,
    or the platform has no fork), or has one core only (the helper would take it from the build for a build that
    draws nothing): the build then draws as it would without one."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() != 1 or usable_cores() < 2:
        return None
    helper = DrawingHelper(for_build=True)
    helper.start()
    return helper


@dataclass
class _Drawing(Generic[T, R]):
    """Drawings a helper makes: their results in order; drawn here after all if the helper's process died."""

    helper: DrawingHelper
    future: Future[list[R]] | None
    draw: Callable[[list[T]], list[R]]
    items: list[T]

    def result(self) -> list[R]:
        try:
            if self.future is not None:
                return self.future.result(timeout=HELPER_SECONDS)
        except (BrokenProcessPool, TimeoutError):  # killed from outside, or stuck: the next save starts another
            self.helper.close()
        return self.draw(self.items)  # a build that leaves all its drawings to a helper imports the chart code now


# In a build's helper: a copy of it, forked once it has imported the chart code, that draws half of the build's
# drawings beside it (the build itself waits for them, its other core idle).
_partner: list[ProcessPoolExecutor] = []


def _begin(parent: int | None) -> None:
    """A helper's start: it ends with the process it draws for (its parent when None, else that process id), and
    leaves Ctrl+C to that process, which ends it (its own KeyboardInterrupt would print a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is None:
        end_with_parent()
    else:
        end_with(parent)


def _import_chart_code(with_partner: bool = False) -> None:
    import generator.site.chartpng  # noqa: F401

    if with_partner and not _partner:
        fork = multiprocessing.get_context("fork")
        _partner.append(ProcessPoolExecutor(1, mp_context=fork, initializer=_begin, initargs=(None,)))
        _partner[0].submit(int)  # forked now, while the build is still reading: not at its drawings


def _shared(draw: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
    """`draw` of `items`, in order: the second half by this helper's partner meanwhile, when it has one."""
    half = len(items) // 2 if _partner else len(items)
    try:
        there = _partner[0].submit(draw, items[half:]) if half < len(items) else None
        return draw(items[:half]) + (there.result() if there is not None else [])
    except BrokenProcessPool:  # the partner was killed from outside: all are drawn here
        _partner.clear()
        return draw(items)


def _draw_here(jobs: list[Job]) -> list[Drawn]:
    from generator.site import chartpng

    return [chartpng.draw_chart(*job) for job in jobs]


def unforked_context() -> multiprocessing.context.BaseContext:
    """Workers from a fork server (itself started afresh, one thread), else started afresh (Windows)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.site.chartpng"])
    return context

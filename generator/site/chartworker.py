"""A chart worker started when a build starts, so that importing the chart code (matplotlib: about half a second)
happens on another core while the build reads and checks its data.

A build learns which charts it must draw only once its pages are made. A build after a one-value edit draws a few
(the changed indicator's chart, wide and narrow, in both languages): too few to pay for a pool of workers, so
they were drawn in the build's own process, after importing matplotlib there. Now one worker is forked from the
build as it starts (while it is small: the worker holds none of the site), imports the chart code beside it, and
draws those few when they are known; the build itself never imports matplotlib. Forking costs next to nothing and
the worker shares the modules the build had imported: the CPU is what the build spent before, only on another
core. Many drawings (a cold build) still go to a pool on every core (`drawings._drawn`); the early worker is then
stopped, as when there is nothing to draw. Only where processes are forked (Linux), and when another core is
free (`_a_core_is_free`): elsewhere the build draws in its own process, as before.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from generator.site.publish import end_with_parent

MIN_CORES = 2  # with one core the worker's import would only take turns with the build's work
BUSY_LOAD_PER_CORE = 1.0  # a load average at or above this per usable core: no core is free (`_a_core_is_free`)
_pool: list[ProcessPoolExecutor] = []  # the worker `start` started, until `stop`


def start() -> None:
    """Fork the first chart worker and have it import the chart code (nothing where processes are not forked)."""
    # Linux only: fork is unsafe on macOS, missing on Windows. (Asking the default start method would fix it.)
    if _pool or not sys.platform.startswith("linux") or not _a_core_is_free():
        return
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_ready)
        pool.submit(int)  # a process pool starts its process with its first task
    except OSError:
        return  # no process could be started: the build draws in its own process, as without this worker
    _pool.append(pool)


def started() -> ProcessPoolExecutor | None:
    """The worker `start` started, if it did and `stop` has not stopped it."""
    return _pool[0] if _pool else None


def stop() -> None:
    """End the worker `start` started, if any (its memory is not needed once the drawings are done)."""
    if _pool:
        _pool.pop().shutdown(wait=True, cancel_futures=True)


def _a_core_is_free() -> bool:
    """Whether another core is likely idle: fewer processes ran, over the last minute, than this build may use
    cores. On a busy machine the worker's import only takes turns with the build's own work, and the worker's
    start and cold caches cost a few tenths of a second of CPU more than drawing in the build (measured at a load
    of 3 to 8 on 2 cores: no faster, 0.2 to 0.5 s more CPU)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores >= MIN_CORES and os.getloadavg()[0] < cores * BUSY_LOAD_PER_CORE


def _ready() -> None:
    end_with_parent()
    from generator.site import chartpng  # noqa: F401  the import this worker is started early for

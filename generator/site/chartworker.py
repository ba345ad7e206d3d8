"""A chart worker started when a build starts, so that importing the chart code (matplotlib: about half a second)
happens on another core while the build reads and checks its data.

A build learns which charts it must draw only once its pages are made. A build after a one-value edit draws a few
(the changed indicator's chart, wide and narrow, in both languages): too few to pay for a pool of workers, so
they were drawn in the build's own process, after importing matplotlib there. Now one worker is forked from the
build as it starts (while it is small: the worker holds none of the site), imports the chart code beside it, and
draws those few when they are known; the build itself never imports matplotlib. Forking costs next to nothing and
the worker shares the modules the build had imported: the CPU is what the build spent before, only on another
core. Many drawings (a cold build) still go to a pool on every core (`drawings._drawn`); the early worker is then
stopped, as when there is nothing to draw. Only where processes are forked (Linux): elsewhere nothing starts.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

from generator.site.publish import end_with_parent

_pool: list[ProcessPoolExecutor] = []  # the worker `start` started, until `stop`


def start() -> None:
    """Fork the first chart worker and have it import the chart code (nothing where processes are not forked)."""
    # Linux only: fork is unsafe on macOS, missing on Windows. (Asking the default start method would fix it.)
    if _pool or not sys.platform.startswith("linux"):
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


def _ready() -> None:
    end_with_parent()
    from generator.site import chartpng  # noqa: F401  the import this worker is started early for

"""Every chart's drawings for a build: from the chart cache, or drawn, in worker processes when that pays.

Each chart is drawn wide and narrow (`charts.render`), and the wide drawing with its download PNG framed for
each page that offers it (`chartpng.draw_chart`, `downloads.DownloadPngs`). Drawings are stored in the cache as
the workers return them, so the building process never holds every chart's PNG; workers are as many as the
cores this process may use, started only for enough drawings, and forked from a small fork server once the
build itself is big (`_worker_context`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.site.chartcache import ChartCache
from generator.site.chartspec import VARIANTS, ChartSpec, Variant
from generator.site.downloads import DownloadPngs, download_sources
from generator.site.drawinghelper import DrawingHelper, Job, drawn_by, unforked_context, usable_cores, worker_pool

if TYPE_CHECKING:
    from generator.site.pages import Page

PARALLEL_FROM = 4  # drawings per worker below which starting that worker costs more than it saves
FORK_SERVER_FROM_MIB = 200  # workers start from a fork server once the build is bigger than this (_worker_context)


@dataclass(frozen=True)
class Drawings:
    """A chart's two drawings, both in its page: the browser shows the one for its screen (style.css), and prints
    the wide one. Its download PNGs are not held here but in `downloads.DownloadPngs` (the chart cache)."""

    wide: Markup
    narrow: Markup


def drawn_charts(
    specs: list[ChartSpec],
    workers: int,
    cache: ChartCache,
    known: dict[ChartSpec, Drawings] | None = None,
    pngs: DownloadPngs | None = None,
    *,
    prune: bool = True,
    helper: DrawingHelper | None = None,
) -> Generator[tuple[ChartSpec, Drawings], None, None]:
    """Every chart's drawings, each as soon as it has them: from `known` or the cache where they hold one (those
    first), else drawn (on `workers` cores when that pays), with the download PNGs `pngs` asks for, framed by the
    worker and put where `pngs` keeps them. A build renders a page once its charts are here, while the workers
    draw the others.

    A wide drawing is made again when a PNG of it is missing: the PNG is drawn from the figure of the wide SVG.
    Drawings are stored as they arrive, so the building process never holds every chart's PNG. With `prune`,
    the cache drops the entries this build did not use (a preview that makes some downloads later prunes then),
    once every drawing is made. `helper` draws half of a few drawings beside this process (a preview's save)."""
    unique = list(dict.fromkeys(specs))
    known = known or {}
    svgs: dict[tuple[ChartSpec, Variant], str | None] = {}
    jobs: list[Job] = []
    for spec in unique:
        for variant in VARIANTS:
            if spec in known:
                cache.keep(spec, variant)
                svgs[spec, variant] = getattr(known[spec], variant)
            else:
                svgs[spec, variant] = cache.get(spec, variant)
        frames = pngs.missing(spec) if pngs is not None else ()
        if svgs[spec, "wide"] is None or frames:
            jobs.append((spec, "wide", frames))
        if svgs[spec, "narrow"] is None:
            jobs.append((spec, "narrow", ()))
    left = {spec: 0 for spec in unique}
    for spec, _variant, _frames in jobs:
        left[spec] += 1
    for spec in unique:
        if not left[spec]:
            yield spec, _drawings(svgs, spec)
    for (spec, variant, frames), (svg, drawn) in zip(jobs, _drawn(jobs, workers, helper), strict=True):
        cache.put(spec, svg, variant)
        svgs[spec, variant] = svg
        for source, png in zip(frames, drawn, strict=True):
            assert pngs is not None
            pngs.put(spec, source, png)
        left[spec] -= 1
        if not left[spec]:
            yield spec, _drawings(svgs, spec)
    if prune:
        cache.prune()


def _drawings(svgs: dict[tuple[ChartSpec, Variant], str | None], spec: ChartSpec) -> Drawings:
    # The SVG comes from our chart code, which escapes every label it writes.
    return Drawings(Markup(svgs[spec, "wide"]), Markup(svgs[spec, "narrow"]))


def _drawn(
    jobs: list[Job], workers: int, helper: DrawingHelper | None = None
) -> Iterator[tuple[str, tuple[bytes, ...]]]:
    """Each job's drawing, in order, as it is made: in worker processes when there are enough to pay for them,
    else by a build's helper (with its partner), or here with a preview's helper drawing the second half."""
    workers = _workers(len(jobs), workers)
    if helper is not None and helper.for_build:
        # A build's helper has the chart code imported: it draws a few drawings (this process does not) and ends
        # once they are made; it ends at once when there are none, or many (and is waited for: workers are forked
        # only from a process with no other thread).
        few = workers < 2
        drawn = helper.drawn(jobs) if jobs and few else []
        helper.close(wait=not few)
        yield from drawn
        if few:
            return
        helper = None
    if not jobs:
        return
    from generator.site import chartpng  # matplotlib is imported only when a chart must be drawn

    if workers < 2:
        half = len(jobs) // 2 if helper is not None and usable_cores() > 1 else len(jobs)
        there = helper.draw(jobs[half:]) if helper is not None and half < len(jobs) else None
        yield from (chartpng.draw_chart(*job) for job in jobs[:half])
        if there is not None:
            yield from there.result()
        return
    # Chunks small enough that the workers finish together, big enough to send few messages.
    chunk = max(1, min(8, len(jobs) // (4 * workers)))
    context = _worker_context()
    # A forked worker dies with its parent, the build; one a fork server started watches for the build to go.
    parent = None if context.get_start_method() == "fork" else os.getpid()
    with worker_pool(workers, context, parent) as pool:
        yield from drawn_by(pool, jobs, chunk)


def draw_ahead(pages: Sequence[Page], cache: ChartCache, helper: DrawingHelper | None) -> None:
    """Have a build's helper start on the drawings the chart cache lacks, when they are few, before the build
    knows which pages it renders: a one-value edit's drawings are made while this process takes the unchanged
    pages from the cache folder, and `drawn_charts` takes them (it draws any other it needs).

    A new chart's download PNGs are new too: its wide drawing is framed for every page that offers it."""
    if helper is None or not helper.for_build or cache.folder is None:
        return
    specs = dict.fromkeys(spec for page in pages for spec in page.charts)
    lacking = [(spec, variant) for spec in specs for variant in VARIANTS if cache.lacks(spec, variant)]
    if not lacking or _workers(len(lacking), usable_cores()) >= 2:
        return  # none, or enough for a pool of workers, which drawn_charts starts once the helper has ended
    new = {spec for spec, _variant in lacking}
    sources = download_sources(page for page in pages if not new.isdisjoint(page.charts))
    helper.draw_ahead(
        [(spec, variant, sources.get(spec, ()) if variant == "wide" else ()) for spec, variant in lacking]
    )


def _workers(jobs: int, cores: int) -> int:
    """How many worker processes `jobs` drawings pay for on `cores` (`PARALLEL_FROM`); fewer than two: none."""
    return min(cores, jobs // PARALLEL_FROM)


def _worker_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from this process while it is small and has no other thread, else from
    a fork server.

    A worker forked from the build holds a copy of everything the build holds (page models, rendered pages): two
    workers forked from a big build tripled its memory. A fork server (a small process that has imported the
    chart code, about 70 MiB, and starts each worker) costs about a second of importing, and each of its workers
    is the size of one drawing charts (about 120 MiB): worth it once this process is bigger than that. Where
    there is no fork server (Windows), the platform's default. A process with other threads (the preview's
    server and watcher) is never forked: a lock one of them held would be held in the copy for ever."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context()
    if _resident_mib() < FORK_SERVER_FROM_MIB and threading.active_count() == 1:
        return multiprocessing.get_context()
    return unforked_context()


def _resident_mib() -> float:
    """This process's resident memory in MiB (Linux: /proc); 0 where it cannot be read."""
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def keep_charts(cache: ChartCache, specs: list[ChartSpec]) -> None:
    """Count the charts of pages taken whole from the cache as used, so the chart cache keeps them."""
    for spec in dict.fromkeys(specs):
        for variant in VARIANTS:
            cache.keep(spec, variant)

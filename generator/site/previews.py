"""Link previews: each page's first chart as a PNG beside the page, named in its Open Graph tags.

A previewer (KakaoTalk, Facebook, a chat program) fetches `og:image` by an absolute address, so the images are
drawn only when the site's address is known; a page without a chart has no image (previewers then show the
title and description alone). Each PNG is kept in the chart cache like the SVGs, keyed by its specification.
"""

from __future__ import annotations

import dataclasses
import multiprocessing

from generator.numbers import machine
from generator.site.chartcache import ChartCache
from generator.site.chartspec import ChartSpec
from generator.site.drawinghelper import DrawingHelper, worker_pool
from generator.site.pages import Page
from generator.site.pages.credits import absolute_url

SUFFIX = "-og.png"  # beside the page: plans/x/reports/2021.html → plans/x/reports/2021-og.png
PARALLEL_FROM = 40  # as for the charts: below this, starting worker processes costs more than it saves


def add_previews(
    pages: list[Page], address: str, workers: int, cache: ChartCache, helper: DrawingHelper | None = None
) -> tuple[list[Page], dict[str, bytes]]:
    """The pages naming their images, and the images by path (before the cache is pruned: it marks them used);
    a few drawn by a build's `helper` when there is one (`drawinghelper.build_helper`)."""
    images = render_previews(preview_charts(pages), workers, cache, helper)
    return with_previews(pages, images, address), images


def preview_path(page_path: str) -> str:
    return f"{page_path.removesuffix('.html')}{SUFFIX}"


def preview_charts(pages: list[Page]) -> dict[str, ChartSpec]:
    """The image of each page that has a chart (its first), by the image's path."""
    return {preview_path(page.meta.path): page.charts[0] for page in pages if page.charts}


def render_previews(
    charts: dict[str, ChartSpec], workers: int, cache: ChartCache, helper: DrawingHelper | None = None
) -> dict[str, bytes]:
    """Each image's PNG, from the cache or drawn (on all cores when many, else by `helper` when there is one)."""
    pngs: dict[ChartSpec, bytes | None] = {spec: cache.get_png(spec) for spec in dict.fromkeys(charts.values())}
    missing = [spec for spec, png in pngs.items() if png is None]
    if missing:
        many = workers > 1 and len(missing) >= PARALLEL_FROM
        if helper is not None and not many:
            drawn = helper.previews(missing).result()  # this process need not import matplotlib for a few
        else:
            from generator.site.chartpng import render_png  # matplotlib is imported only when a chart must be drawn

            if many:
                if helper is not None:  # its executor's thread ended first: the pool's workers are forked from here
                    helper.close(wait=True)
                with worker_pool(workers, multiprocessing.get_context()) as pool:
                    drawn = list(pool.map(render_png, missing, chunksize=8))
            else:
                drawn = [render_png(spec) for spec in missing]
        for spec, png in zip(missing, drawn, strict=True):
            cache.put_png(spec, png)
            pngs[spec] = png
    return {path: pngs[spec] or b"" for path, spec in charts.items()}


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header (IHDR, its first chunk)."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or len(png) < 24:
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def with_previews(pages: list[Page], images: dict[str, bytes], address: str) -> list[Page]:
    """The pages, each naming its image (absolute address, size and text alternative) where it has one."""
    named = []
    for page in pages:
        png = images.get(preview_path(page.meta.path))
        if png is None:
            named.append(page)
            continue
        width, height = png_size(png)
        meta = dataclasses.replace(
            page.meta,
            image=absolute_url(address, preview_path(page.meta.path)),
            image_alt=page.charts[0].title,
            image_width=machine(width),
            image_height=machine(height),
        )
        named.append(dataclasses.replace(page, meta=meta))
    return named

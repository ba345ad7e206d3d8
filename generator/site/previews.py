"""Link previews: each page's first chart as a PNG beside the page, named in its Open Graph tags.

A previewer (KakaoTalk, Facebook, a chat program) fetches `og:image` by an absolute address, so the images are
made only when the site's address is known; a page without a chart has no image (previewers then show the
title and description alone). The page names its image with its size before the image exists: the size is the
chart kind's (`chartspec.preview_size`). The image itself is made with the chart's other PNGs, from its wide
drawing (`chartpng.draw_chart`), kept in the chart cache and written with the page's chart downloads
(`downloads.page_downloads`).
"""

from __future__ import annotations

import dataclasses

from generator.numbers import machine
from generator.site.chartspec import preview_size
from generator.site.pages import Page
from generator.site.pages.credits import absolute_url

SUFFIX = "-og.png"  # beside the page: plans/x/reports/2021.html → plans/x/reports/2021-og.png


def preview_path(page_path: str) -> str:
    return f"{page_path.removesuffix('.html')}{SUFFIX}"


def with_previews(pages: list[Page], address: str) -> list[Page]:
    """The pages, each with a chart naming its image (absolute address, size and text alternative)."""
    named = []
    for page in pages:
        if not page.charts:
            named.append(page)
            continue
        width, height = preview_size(page.charts[0])
        meta = dataclasses.replace(
            page.meta,
            image=absolute_url(address, preview_path(page.meta.path)),
            image_alt=page.charts[0].title,
            image_width=machine(width),
            image_height=machine(height),
        )
        named.append(dataclasses.replace(page, meta=meta))
    return named

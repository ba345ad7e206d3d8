"""Every chart's downloads, written beside its page: the wide drawing as an SVG file and as a PNG, its figures
as CSV (what each holds and how it is named: `pages/chartfiles.py`).

Nothing here draws a chart: the SVG file is the page's own wide drawing made to stand alone (an XML declaration,
a size and a font), the PNG was drawn from the same figure (`chartpng.render_drawing`) and kept in the chart
cache, and the CSV is written from the cells the page model holds. Both images get the chart's title above and
the page's citation below (`downloadframe.py`): a file travels without its page.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from generator.i18n import t
from generator.site.chartspec import ChartSpec
from generator.site.downloadframe import framed_png, framed_svg
from generator.site.opendata.values import dump_cells
from generator.site.pages import Page
from generator.site.pages.chartfiles import ChartFiles

CSS_PX_PER_POINT = 96 / 72  # matplotlib's SVG measures in points; a file's width and height are in CSS px
# The chart's layout font first (chartstyle), then the Hangul fonts of the page's print stack (style.css): the
# file is shown outside the page, where no stylesheet says which font to use.
FONT_FAMILY = (
    "NanumGothic, 'Nanum Gothic', 'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans KR', 'Noto Sans CJK KR', "
    "sans-serif"
)
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_OPENING = re.compile(r"<svg\b[^>]*>")
_VIEW_BOX = re.compile(r' viewBox="0 0 ([0-9.]+) ([0-9.]+)"')
_MIN_WIDTH = re.compile(r' style="min-width: [0-9]+px"')


class Drawn(Protocol):
    """A chart's drawings as the build holds them (`build.Drawings`)."""

    @property
    def wide(self) -> str: ...

    @property
    def png(self) -> bytes: ...


def chart_downloads(pages: Sequence[Page], drawings: Mapping[ChartSpec, Drawn]) -> dict[str, bytes]:
    """Every chart's SVG file, PNG and CSV, by path from the site root."""
    files: dict[str, bytes] = {}
    for page in pages:
        files.update(page_downloads(page, drawings))
    return files


def page_downloads(page: Page, drawings: Mapping[ChartSpec, Drawn]) -> dict[str, bytes]:
    """The SVG file, PNG and CSV of each chart of one page, by path from the site root."""
    files: dict[str, bytes] = {}
    if not page.charts:
        return files  # nothing to look for in the page model
    # A file travels without its page: it carries the chart's title and where it comes from (the page's citation).
    source = t("download_source", page.meta.lang, citation=page.meta.citation) if page.meta.citation else ""
    for chart in page_chart_files(page.content):
        drawn = drawings[chart.chart]
        element, width, height = sized_svg(drawn.wide)
        title = chart.chart.title
        files[chart.href("svg")] = framed_svg(element, width, height, title, source, FONT_FAMILY)
        files[chart.href("png")] = framed_png(drawn.png, width, title, source)
        files[chart.href("csv")] = dump_cells(chart.cells)
    return files


def page_chart_files(content: object) -> Iterator[ChartFiles]:
    """The downloads a page model offers, wherever in it they are (an indicator, a distribution, a budget)."""
    if isinstance(content, ChartFiles):
        yield content
    elif dataclasses.is_dataclass(content) and not isinstance(content, type):
        for field in dataclasses.fields(content):
            yield from page_chart_files(getattr(content, field.name))
    elif isinstance(content, tuple | list):
        for item in content:
            yield from page_chart_files(item)


def standalone_svg(markup: str) -> bytes:
    """The page's wide drawing alone as an SVG file (see `sized_svg`), with its XML declaration."""
    return (XML_DECLARATION + sized_svg(markup)[0] + "\n").encode("utf-8")


def sized_svg(markup: str) -> tuple[str, int, int]:
    """The page's wide drawing as an `<svg>` element of its own: a size (its figure's size at 96 px an inch) and a
    font, without the page's minimum width; its <title> and <desc> stay. And that width and height."""
    markup = str(markup)  # plain text: joined to Markup, the declaration would be escaped
    opening = _OPENING.search(markup)
    view_box = _VIEW_BOX.search(opening.group()) if opening else None
    if opening is None or view_box is None:
        raise ValueError("not a chart's SVG: no <svg> with a viewBox")
    width, height = (round(float(value) * CSS_PX_PER_POINT) for value in view_box.groups())
    size = f' width="{width}" height="{height}" font-family="{FONT_FAMILY}"'
    tag = _MIN_WIDTH.sub("", opening.group()).replace(view_box.group(), size + view_box.group(), 1)
    return markup[: opening.start()] + tag + markup[opening.end() :], width, height

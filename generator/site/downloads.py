"""Every chart's downloads, written beside its page: the wide drawing as an SVG file and as a PNG, its figures
as CSV (what each holds and how it is named: `pages/chartfiles.py`); and the page's link preview, the PNG
unframed (`previews.py`).

Nothing here draws a chart (but for a PNG gone from the cache during the build): the SVG file is the page's own
wide drawing made to stand alone (an XML declaration, a size and a font), the PNG was drawn from the same figure
and framed by the chart worker (`chartpng.draw_chart`) and kept in the chart cache (`DownloadPngs`), and the CSV
is written from the cells the page model holds. Both images get the chart's title above and the page's citation
below (`downloadframe.py`): a file travels without its page.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from generator.i18n import t
from generator.site.chartcache import ChartCache
from generator.site.chartspec import ChartSpec, Frame
from generator.site.downloadframe import framed_svg
from generator.site.opendata.values import dump_cells
from generator.site.pages import Page
from generator.site.pages.chartfiles import ChartFiles
from generator.site.previews import preview_path

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
    """A chart's drawings as the build holds them (`drawings.Drawings`)."""

    @property
    def wide(self) -> str: ...


class Framed(Protocol):
    """Where each chart's framed download PNGs and link previews are (`DownloadPngs`)."""

    def get(self, spec: ChartSpec, source: Frame) -> bytes: ...


def chart_downloads(pages: Sequence[Page], drawings: Mapping[ChartSpec, Drawn], pngs: Framed) -> dict[str, bytes]:
    """Every chart's SVG file, PNG and CSV, and each page's link preview, by path from the site root."""
    files: dict[str, bytes] = {}
    for page in pages:
        files.update(page_downloads(page, drawings, pngs))
    return files


def download_source(page: Page) -> str:
    """The line under a chart downloaded from `page`: a file travels without its page, so it says where it was
    published (the page's citation)."""
    return t("download_source", page.meta.lang, citation=page.meta.citation) if page.meta.citation else ""


def download_sources(pages: Iterable[Page]) -> dict[ChartSpec, tuple[Frame, ...]]:
    """The PNGs each chart's wide drawing is made into: its download framed with the source line of each page
    that offers it, and None when it is the link preview of a page that names one."""
    sources: dict[ChartSpec, dict[Frame, None]] = {}
    for page in pages:
        if page.charts:
            source = download_source(page)
            for chart in page_chart_files(page.content):
                sources.setdefault(chart.chart, {})[source] = None
            if page.meta.image:
                sources.setdefault(page.charts[0], {})[None] = None
    return {spec: tuple(lines) for spec, lines in sources.items()}


def page_downloads(page: Page, drawings: Mapping[ChartSpec, Drawn], pngs: Framed) -> dict[str, bytes]:
    """The SVG file, PNG and CSV of each chart of one page, and the page's link preview when it names one, by
    path from the site root (the PNGs made by the chart worker, from `pngs`)."""
    files: dict[str, bytes] = {}
    if not page.charts:
        return files  # nothing to look for in the page model
    if page.meta.image:
        files[preview_path(page.meta.path)] = pngs.get(page.charts[0], None)
    source = download_source(page)
    for chart in page_chart_files(page.content):
        element, width, height = sized_svg(drawings[chart.chart].wide)
        title = chart.chart.title
        files[chart.href("svg")] = framed_svg(element, width, height, title, source, FONT_FAMILY)
        files[chart.href("png")] = pngs.get(chart.chart, source)
        files[chart.href("csv")] = dump_cells(chart.cells)
    return files


class DownloadPngs:
    """Each chart's download PNG framed for each page that offers it, and its link preview where a page names
    one (the frame None): which ones a build needs (`sources`), and where they are once drawn. In the chart
    cache, read back when the downloads are written, so a big build does not hold every PNG at once; in memory
    (`kept`) only where there is no cache folder (`--no-cache`, `serve` keeps them between its builds this way)."""

    def __init__(
        self,
        cache: ChartCache,
        sources: Mapping[ChartSpec, tuple[Frame, ...]],
        kept: Mapping[tuple[ChartSpec, Frame], bytes] | None = None,
    ) -> None:
        self.cache, self.sources = cache, sources
        wanted = {(spec, source) for spec, lines in sources.items() for source in lines}
        self.kept = {pair: png for pair, png in (kept or {}).items() if pair in wanted}

    def missing(self, spec: ChartSpec) -> tuple[Frame, ...]:
        """The sources whose PNG of `spec` is neither kept nor in the cache: its wide drawing is made with them."""
        found = [(spec, source) in self.kept or self._cached(spec, source) for source in self.sources.get(spec, ())]
        return tuple(source for source, hit in zip(self.sources.get(spec, ()), found, strict=True) if not hit)

    def _cached(self, spec: ChartSpec, source: Frame) -> bool:
        return self._read(spec, source) is not None  # read whole: a damaged entry is redrawn

    def _read(self, spec: ChartSpec, source: Frame) -> bytes | None:
        return self.cache.get_png(spec) if source is None else self.cache.get_png(spec, "download", source)

    def put(self, spec: ChartSpec, source: Frame, png: bytes) -> None:
        if source is None:
            self.cache.put_png(spec, png)
        else:
            self.cache.put_png(spec, png, "download", source)
        if self.cache.folder is None:  # no cache, or given up on (a full disk): kept here instead
            self.kept[spec, source] = png

    def get(self, spec: ChartSpec, source: Frame) -> bytes:
        """The PNG; read from the cache, or drawn again should it have gone from there since (another build)."""
        png = self.kept.get((spec, source))
        if png is None and self.cache.folder is not None:
            png = self._read(spec, source)
        if png is None:
            from generator.site.chartpng import draw_chart  # matplotlib only when a chart must be drawn

            png = draw_chart(spec, "wide", (source,))[1][0]
        return png


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

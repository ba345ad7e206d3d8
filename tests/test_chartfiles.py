"""Chart downloads (issue 29): each chart's SVG file, 2× PNG and CSV beside its page, their names, their bytes,
the cache that keeps the PNGs, and, on the built shipped site, CSV figures equal to the chart's data table."""

from __future__ import annotations

import csv
import io
import re
import threading
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from PIL import Image

from generator.data.validate import validate_path
from generator.numbers import NONE, percent, unit_display
from generator.site import chartpng, charts, drawinghelper, drawings
from generator.site.chartcache import ChartCache, open_cache
from generator.site.chartspec import Bar, BudgetSeries, BudgetSpec, DistributionSpec, TargetActualSpec
from generator.site.downloadframe import frame, framed_png, framed_svg
from generator.site.downloads import (
    DownloadPngs,
    chart_downloads,
    download_sources,
    page_chart_files,
    sized_svg,
    standalone_svg,
)
from generator.site.drawings import drawn_charts
from generator.site.pages import build_pages
from generator.site.pages.budget import planned_display
from generator.site.pages.chartfiles import (
    BUDGET_CHART_COLUMNS,
    BUDGET_SUBJECT,
    GRADES_CHART_COLUMNS,
    INDICATOR_CHART_COLUMNS,
    chart_file_path,
    chart_files,
    grades_subject,
    indicator_subject,
)
from generator.site.pages.embed import EmbedContent
from generator.site.previews import preview_path, with_previews

from .conftest import ROOT
from .sitecheck import html_pages, parse, resolve
from .sitemodels import demo_site

DOC = ROOT / "generator" / "site" / "theme" / "content" / "open-data.md"
SVG = "{http://www.w3.org/2000/svg}"

TARGET_ACTUAL = TargetActualSpec(
    "chart-ko-9-9-9-1",
    (2024, 2025),
    (10.0, 20.0),
    (12.0, None),
    "건",
    "합성 지표: 연도별 목표와 실적",
    "요약",
    "목표",
    "실적",
)


def _png_size(png: bytes) -> tuple[int, int]:
    """A PNG's size in pixels as an image reader sees it."""
    return Image.open(io.BytesIO(png)).size


def all_drawn(*args: Any, **kwargs: Any) -> dict[Any, Any]:
    """Every chart's drawings, by specification, as a build's preview takes them."""
    return dict(drawn_charts(*args, **kwargs))


# -- names -------------------------------------------------------------------------------------------------


def test_files_are_named_beside_their_page_by_what_the_chart_shows_and_the_language() -> None:
    project = "plans/p/projects/1-1-1.html"
    assert chart_file_path(project, indicator_subject("1-1-1", "1-1-1-2"), "ko", "svg") == (
        "plans/p/projects/1-1-1-indicator-2-ko.svg"
    )
    assert chart_file_path(f"en/{project}", indicator_subject("1-1-1", "1-1-1-2"), "en", "png") == (
        "en/plans/p/projects/1-1-1-indicator-2-en.png"
    )
    assert chart_file_path("plans/p/reports/2021.html", grades_subject(2021), "ko", "csv") == (
        "plans/p/reports/2021-grades-ko.csv"
    )
    assert chart_file_path("plans/p/index.html", BUDGET_SUBJECT, "en", "svg") == "plans/p/budget-by-strategy-en.svg"
    assert chart_file_path("index.html", "x", "ko", "csv") == "x-ko.csv"


def test_the_links_say_the_format_and_the_chart_and_the_cells_are_protected() -> None:
    files = chart_files(TARGET_ACTUAL, "plans/p/projects/9-9-9.html", "9-9-9-indicator-1", "ko", [("=p", *[None] * 8)])
    assert [link.text for link in files.links] == ["SVG", "PNG", "CSV"]
    assert [link.label for link in files.links] == [
        f"{name} 내려받기: {TARGET_ACTUAL.title}" for name in ("SVG", "PNG", "CSV")
    ]
    assert files.href("csv") == "plans/p/projects/9-9-9-indicator-1-ko.csv"
    assert files.cells == (INDICATOR_CHART_COLUMNS, ("'=p", "", "", "", "", "", "", "", ""))
    with pytest.raises(ValueError, match="columns"):
        chart_files(TARGET_ACTUAL, "plans/p/projects/9-9-9.html", "s", "ko", [("p",)])


# -- the files ---------------------------------------------------------------------------------------------


def test_the_svg_file_stands_alone_with_its_title_and_a_size() -> None:
    markup = charts.render(TARGET_ACTUAL)
    document = standalone_svg(markup)
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = ET.fromstring(document)
    assert root.findtext(f"{SVG}title") == TARGET_ACTUAL.title
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert (root.get("width"), root.get("height")) == (str(round(width * 4 / 3)), str(round(height * 4 / 3)))
    assert "min-width" not in document.decode() and "NanumGothic" in (root.get("font-family") or "")
    with pytest.raises(ValueError):
        standalone_svg("<p>no chart</p>")


@pytest.mark.parametrize(
    "spec",
    [
        TARGET_ACTUAL,
        DistributionSpec("dist-en-x-2024", (Bar("A", 3, 60), Bar("Excluded", 2, 40)), "Synthetic grades", "s", "n"),
        BudgetSpec("budget-ko-x", (2024, 2025), (BudgetSeries("전략 1", (1.0, 2.0)),), "백만원", "합성 예산", "s"),
    ],
)
def test_the_png_is_drawn_with_the_wide_svg_at_twice_its_size_and_carries_its_title(
    spec: TargetActualSpec | DistributionSpec | BudgetSpec,
) -> None:
    svg, png = chartpng.render_drawing(spec, "wide")
    assert svg == charts.render(spec)  # drawing the PNG beside it changes nothing of the SVG
    root = ET.fromstring(standalone_svg(svg))
    assert _png_size(png) == (2 * int(root.get("width") or 0), 2 * int(root.get("height") or 0))
    image = Image.open(io.BytesIO(png))
    assert image.info["Title"] == spec.title and image.mode == "RGB"
    assert image.getpixel((0, 0)) == (255, 255, 255)  # an opaque white ground, as the page shows the chart
    assert [round(dpi) for dpi in image.info["dpi"]] == [192, 192]  # 2 px a CSS px: a document sizes it right
    assert chartpng.render_drawing(spec, "narrow") == (charts.render(spec, "narrow"), b"")
    assert chartpng.render_drawing(spec, "wide")[1] == png  # the same bytes every time


SOURCE = "출처: 합성 기관, 「합성 계획」, 2026."


def test_a_warm_build_draws_nothing_and_a_missing_png_redraws_its_chart(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache", [], tmp_path / "out")
    pngs = DownloadPngs(cache, {TARGET_ACTUAL: (SOURCE,)})
    first = all_drawn([TARGET_ACTUAL], 1, cache, pngs=pngs)[TARGET_ACTUAL]
    assert cache.missed == {TARGET_ACTUAL} and not pngs.kept  # the PNG is in the cache, not in memory
    png = pngs.get(TARGET_ACTUAL, SOURCE)
    assert png.startswith(b"\x89PNG")
    warm = ChartCache(tmp_path / "cache")
    warm_pngs = DownloadPngs(warm, {TARGET_ACTUAL: (SOURCE,)})
    assert all_drawn([TARGET_ACTUAL], 1, warm, pngs=warm_pngs)[TARGET_ACTUAL] == first and not warm.missed
    assert warm_pngs.get(TARGET_ACTUAL, SOURCE) == png
    for entry in (tmp_path / "cache").rglob("*.png"):
        entry.unlink()
    redrawn = ChartCache(tmp_path / "cache")
    redrawn_pngs = DownloadPngs(redrawn, {TARGET_ACTUAL: (SOURCE,)})
    assert all_drawn([TARGET_ACTUAL], 1, redrawn, pngs=redrawn_pngs)[TARGET_ACTUAL] == first
    assert redrawn.missed == {TARGET_ACTUAL} and redrawn.misses == 0  # both SVGs were found; the PNG was not
    assert redrawn_pngs.get(TARGET_ACTUAL, SOURCE) == png


def test_the_worker_frames_the_png_as_the_frame_of_the_drawn_png_would(tmp_path: Path) -> None:
    """The worker frames the image it drew: the same bytes as framing the unframed PNG, for each page's source."""
    svg, png = chartpng.render_drawing(TARGET_ACTUAL, "wide")
    _element, width, _height = sized_svg(svg)
    other = "Source: another page's citation, 2026."
    assert chartpng.draw_chart(TARGET_ACTUAL, "wide", (SOURCE, other)) == (
        svg,
        (framed_png(png, width, TARGET_ACTUAL.title, SOURCE), framed_png(png, width, TARGET_ACTUAL.title, other)),
    )
    assert chartpng.draw_chart(TARGET_ACTUAL, "wide") == (svg, ())  # no source: not rasterised
    assert chartpng.draw_chart(TARGET_ACTUAL, "narrow", (SOURCE,)) == (charts.render(TARGET_ACTUAL, "narrow"), ())
    # Each page's frame is its own cache entry; without a cache folder the PNGs are kept in memory instead.
    cache = open_cache(tmp_path / "cache", [], tmp_path / "out")
    all_drawn([TARGET_ACTUAL], 1, cache, pngs=DownloadPngs(cache, {TARGET_ACTUAL: (SOURCE, other)}))
    assert len(list((tmp_path / "cache").rglob("*.png"))) == 2
    memory = DownloadPngs(ChartCache(None), {TARGET_ACTUAL: (SOURCE,)})
    all_drawn([TARGET_ACTUAL], 1, ChartCache(None), pngs=memory)
    assert memory.kept == {(TARGET_ACTUAL, SOURCE): framed_png(png, width, TARGET_ACTUAL.title, SOURCE)}


@pytest.mark.usefixtures("demo_root")
def test_every_chart_of_every_page_has_its_downloads_and_no_other() -> None:
    pages = build_pages(demo_site())
    for page in pages:
        if isinstance(page.content, EmbedContent):  # an embed shows its page's chart; the downloads are there
            assert not list(page_chart_files(page.content)), page.meta.path
            continue
        assert [files.chart for files in page_chart_files(page.content)] == list(page.charts), page.meta.path
    charted = [page for page in pages if page.charts]
    assert {type(chart) for page in charted for chart in page.charts} >= {TargetActualSpec, DistributionSpec}
    blank = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(blank, "png")  # a stand-in for each chart's PNG
    drawn = {chart: _Drawn(charts.render(chart)) for page in charted for chart in page.charts}
    files = chart_downloads(pages, drawn, _Framed(blank.getvalue()))
    assert len(files) == 3 * len(drawn)
    assert all(re.fullmatch(r"[a-z0-9/.-]+-(ko|en)\.(svg|png|csv)", path) for path in files)


@pytest.mark.usefixtures("demo_root")
def test_a_pages_link_preview_is_one_more_png_of_its_first_chart_written_with_its_downloads() -> None:
    pages = build_pages(demo_site())
    assert all(None not in frames for frames in download_sources(pages).values())  # no address, no preview
    named = with_previews(pages, "https://example.org/plans/")
    charted = [page for page in named if page.charts]
    sources = download_sources(named)
    assert {spec for spec, frames in sources.items() if None in frames} == {page.charts[0] for page in charted}
    drawn = {chart: _Drawn(charts.render(chart)) for page in charted for chart in page.charts}
    files = chart_downloads(named, drawn, _Marked())
    previews = {path for path, body in files.items() if body == _Marked.PREVIEW}
    assert previews == {preview_path(page.meta.path) for page in charted}
    assert all(page.meta.image_width and page.meta.image_height for page in charted)


class _Marked:
    """Which PNG a download file was asked for: the preview (frame None) or a framed download."""

    PREVIEW, DOWNLOAD = b"preview", b"download"

    def get(self, spec: object, source: str | None) -> bytes:  # noqa: ARG002
        return self.PREVIEW if source is None else self.DOWNLOAD


class _Drawn:
    def __init__(self, wide: str) -> None:
        self.wide = wide


class _Framed:
    def __init__(self, png: bytes) -> None:
        self.png = png

    def get(self, spec: object, source: str) -> bytes:  # noqa: ARG002
        return self.png


# -- the built shipped site --------------------------------------------------------------------------------


def documented_columns(heading: str) -> list[str]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    names = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if match := re.match(r"\| `([a-z_]+)` \|", line):
            names.append(match.group(1))
    return names


def test_the_csv_columns_are_the_documented_ones() -> None:
    assert documented_columns("### An indicator's chart") == list(INDICATOR_CHART_COLUMNS)
    assert documented_columns("### A year's grade distribution") == list(GRADES_CHART_COLUMNS)
    assert documented_columns("### The budget by strategy") == list(BUDGET_CHART_COLUMNS)


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _cells(row: lxml.html.HtmlElement) -> list[str]:
    return [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("th", "td")]


def _body_rows(table: lxml.html.HtmlElement) -> list[list[str]]:
    return [_cells(row) for row in table.iterfind(".//tbody/tr") if "total-row" not in (row.get("class") or "")]


def _figure(value: str, unit_ko: str, unit_en: str, scale: str, lang: str) -> str:
    """The figure of a CSV row as a data table cell shows it (a number: its unit, multiplied out in English)."""
    if not value:
        return NONE
    number = Decimal(value)
    return unit_display(unit_ko, unit_en or unit_ko, int(scale), lang, [number]).with_unit(number)


def _check_indicator(rows: list[dict[str, str]], figure: lxml.html.HtmlElement, lang: str) -> None:
    [table] = figure.getparent().xpath(".//table[contains(@class, 'years')]")
    shown = _body_rows(table)
    assert [row["year"] for row in rows] == [cells[0] for cells in shown]
    for row, cells in zip(rows, shown, strict=True):
        for column, cell in (("target", cells[1]), ("actual", cells[2])):
            figure_text = _figure(row[column], row["unit_ko"], row["unit_en"], row["unit_scale"], lang)
            # A compound indicator's cell lists every measure; the chart draws the primary one.
            assert figure_text == cell or (row["measure"] and figure_text in cell.split(", ")), (row, cells)


def _check_grades(rows: list[dict[str, str]], figure: lxml.html.HtmlElement) -> None:
    [table] = figure.getparent().xpath(".//table[contains(@class, 'distribution')]")
    shown = [cells[:3] for cells in _body_rows(table)]
    assert shown == [[row["label"], row["count"], percent(int(row["percent"]))] for row in rows]


def _check_budget(rows: list[dict[str, str]], figure: lxml.html.HtmlElement, lang: str, plans: dict) -> None:
    [table] = figure.getparent().xpath(".//table[contains(@class, 'budget-matrix')]")
    display = planned_display(plans[rows[0]["plan_id"]], lang)
    years = list(dict.fromkeys(row["year"] for row in rows))
    by_label: dict[str, list[str]] = {}
    for row in rows:
        by_label.setdefault(row["label"], []).append(display.figure(Decimal(row["budget"]) if row["budget"] else None))
    assert [[label, *amounts] for label, amounts in by_label.items()] == [cells[:-1] for cells in _body_rows(table)]
    assert len(years) == len(next(iter(by_label.values())))


def test_every_charts_csv_holds_its_data_tables_figures_and_its_drawings_open(real_site: Path) -> None:
    plans = {plan.id: plan for plan in validate_path(ROOT / "plans").plans}
    kinds: dict[str, int] = {}
    for page in html_pages(real_site):
        if "embed" in page.relative_to(real_site).parts[:2]:
            continue  # an embed shows its page's chart; the downloads are on that page
        tree = parse(page)
        lang = tree.get("lang", "")
        charts_on_page = tree.xpath("//figure[contains(@class, 'chart')]")
        for figure in charts_on_page:
            [line] = figure.xpath(".//p[contains(@class, 'chart-files')]")
            # Not printed, and not in the search index (the same words under every chart).
            assert "no-print" in line.get("class") and line.get("data-pagefind-ignore") is not None
            links = line.xpath(".//a[@download]")
            assert [link.text for link in links] == ["SVG", "PNG", "CSV"]
            svg_path, png_path, csv_path = (resolve(page, link.get("href")) for link in links)
            assert svg_path and png_path and csv_path and csv_path.name.endswith(f"-{lang}.csv")
            title = figure.xpath(".//div[@class='chart-wide']//*[local-name()='title']")[0].text_content()
            assert all(link.get("aria-label").endswith(f": {title}") for link in links)
            document = ET.parse(svg_path).getroot()
            assert document.findtext(f"{SVG}title") == title
            lines = [text.text or "" for text in document.findall(f"{SVG}text")]  # above and below the drawing
            assert (
                title.startswith(lines[0])
                and lines[-1]
                and any(line.startswith(("출처: ", "Source: ")) for line in lines)
            )
            assert png_path.read_bytes().startswith(b"\x89PNG")
            rows = _csv(csv_path)
            kind = re.sub(r"^.*?(indicator|grades|budget).*$", r"\1", csv_path.name)
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind == "indicator":
                _check_indicator(rows, figure, lang)
            elif kind == "grades":
                _check_grades(rows, figure)
            else:
                _check_budget(rows, figure, lang, plans)
    assert kinds.keys() == {"indicator", "grades", "budget"} and kinds["indicator"] > 100, kinds


def test_a_downloaded_chart_carries_its_title_above_and_its_source_below() -> None:
    svg, png = chartpng.render_drawing(TARGET_ACTUAL, "wide")
    element, width, height = sized_svg(svg)
    source = "출처: 합성 기관, 「합성 계획」, 2026. " + "아주 긴 인용 " * 12  # wraps onto more lines
    document = ET.fromstring(framed_svg(element, width, height, TARGET_ACTUAL.title, source, "NanumGothic"))
    texts = [text.text for text in document.findall(f"{SVG}text")]
    assert texts[0] == TARGET_ACTUAL.title and texts[1].startswith("출처: 합성 기관") and len(texts) >= 3
    assert " ".join(texts[1:]) == " ".join(source.split())  # every word of the source, wrapped, none lost
    frame_lines = frame(TARGET_ACTUAL.title, source, width)
    assert int(document.get("height") or 0) == frame_lines.top + height + frame_lines.bottom
    [inner] = document.findall(f"{SVG}svg")
    assert inner.get("y") == str(frame_lines.top) and inner.findtext(f"{SVG}title") == TARGET_ACTUAL.title
    framed = Image.open(io.BytesIO(framed_png(png, width, TARGET_ACTUAL.title, source)))
    drawing = Image.open(io.BytesIO(png))
    assert framed.size == (drawing.width, drawing.height + 2 * (frame_lines.top + frame_lines.bottom))
    grey = framed.convert("L")
    band = grey.crop((0, 0, framed.width, 2 * frame_lines.top))
    below = grey.crop((0, framed.height - 2 * frame_lines.bottom, framed.width, framed.height))
    assert band.getextrema()[0] < 100 and below.getextrema()[0] < 128  # text drawn in both bands
    assert framed.info["Title"] == TARGET_ACTUAL.title
    assert framed_png(png, width, TARGET_ACTUAL.title, source) == framed_png(png, width, TARGET_ACTUAL.title, source)


# -- drawing in worker processes ---------------------------------------------------------------------------

SPECS = [
    TargetActualSpec(
        f"chart-ko-9-9-{n}-1", (2024, 2025), (10.0 * n, 20.0), (12.0, None), "건", f"합성 {n}", "s", "목표", "실적"
    )
    for n in range(1, 5)
]


@pytest.mark.parametrize("fork_server_from", [0, 10**9])  # workers from a fork server, or forked from the build
def test_the_drawings_are_the_same_however_many_workers_draw_them(
    fork_server_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drawings, "FORK_SERVER_FROM_MIB", fork_server_from)
    if fork_server_from == 0:
        assert drawings._worker_context().get_start_method() == "forkserver"
    sources = {spec: (SOURCE,) for spec in SPECS}
    alone, together = DownloadPngs(ChartCache(None), sources), DownloadPngs(ChartCache(None), sources)
    assert len(SPECS) * 2 >= 2 * drawings.PARALLEL_FROM  # enough drawings for two workers
    assert all_drawn(SPECS, 1, ChartCache(None), pngs=alone) == all_drawn(SPECS, 2, ChartCache(None), pngs=together)
    assert alone.kept == together.kept and len(together.kept) == len(SPECS)


def test_drawings_are_stored_as_they_arrive_and_no_pool_starts_for_a_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = open_cache(tmp_path / "cache", [], tmp_path / "out")
    real = drawings._drawn
    stored: list[int] = []

    def watched(jobs: list, workers: int, helper: object = None):  # type: ignore[no-untyped-def]
        for number, drawn in enumerate(real(jobs, workers, helper)):
            stored.append(len(list((tmp_path / "cache").rglob("*.svg"))))
            assert stored[-1] == number  # every earlier drawing is in the cache already
            yield drawn

    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a pool for a few drawings")

    monkeypatch.setattr(drawings, "_drawn", watched)
    monkeypatch.setattr(drawings, "worker_pool", no_pool)
    pngs = DownloadPngs(cache, {SPECS[0]: (SOURCE,)})
    all_drawn(SPECS[:2], 2, cache, pngs=pngs)  # 4 drawings: fewer than PARALLEL_FROM for each of two workers
    assert stored == [0, 1, 2, 3] and not pngs.kept  # the PNG went to the cache, not into memory
    assert pngs.get(SPECS[0], SOURCE).startswith(b"\x89PNG")


def test_workers_are_the_cores_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawings.os, "sched_getaffinity", lambda _pid: {3}, raising=False)
    assert drawings.usable_cores() == 1
    monkeypatch.setattr(drawings.os, "sched_getaffinity", lambda _pid: {0, 1, 5}, raising=False)
    assert drawings.usable_cores() == 3


def test_a_previews_helper_draws_half_of_a_few_drawings_and_they_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawings, "usable_cores", lambda: 2)
    helper = drawinghelper.DrawingHelper()
    sent: list[int] = []
    real = helper.draw
    monkeypatch.setattr(helper, "draw", lambda jobs: sent.append(len(jobs)) or real(jobs))
    try:
        assert all_drawn(SPECS[:2], 2, ChartCache(None), helper=helper) == all_drawn(SPECS[:2], 2, ChartCache(None))
        assert sent == [2]  # four drawings: two drawn here, two by the helper
        for process in list(helper._pool._processes.values()):  # type: ignore[union-attr]
            process.kill()  # the worker killed from outside: a new one draws, or this process does
            process.join()
        drawn = helper.draw([(SPECS[0], "wide", ()), (SPECS[0], "narrow", ())]).result()
        assert [svg for svg, _ in drawn] == [charts.render(SPECS[0], "wide"), charts.render(SPECS[0], "narrow")]
    finally:
        helper.close()


def test_no_worker_is_forked_from_a_process_with_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview serves and watches in other threads: a lock one of them holds (an import running, say) would
    be held for ever in a forked copy, and its drawings never come (the helper hung a benchmark this way)."""
    monkeypatch.setattr(drawings, "_resident_mib", lambda: 0.0)  # small enough to fork, were it alone
    waiting = threading.Event()
    other = threading.Thread(target=waiting.wait)
    other.start()
    try:
        assert drawings._worker_context().get_start_method() != "fork"
    finally:
        waiting.set()
        other.join()
    helper = drawinghelper.DrawingHelper()
    try:
        helper.start()
        assert helper._pool._mp_context.get_start_method() != "fork"  # type: ignore[union-attr]
    finally:
        helper.close()


def test_a_drawing_the_helper_does_not_make_in_time_is_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawinghelper, "HELPER_SECONDS", 0)
    helper = drawinghelper.DrawingHelper()
    try:
        drawn = helper.draw([(SPECS[1], "narrow", ())]).result()
        assert [svg for svg, _ in drawn] == [charts.render(SPECS[1], "narrow")]
        assert helper._pool is None  # stopped: the next save starts another
    finally:
        helper.close()

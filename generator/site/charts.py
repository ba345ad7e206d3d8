"""Charts as SVG markup to inline into the site's pages: pure functions, no I/O.

The pages are reproducible builds kept next to the data in git, so a chart must come out byte for byte the same for
the same input, on any machine. It must also stand on its own for readers who cannot see colour or print in black
and white: every figure is printed on its bar, and target and actual differ by fill pattern and legend text, not by
hue. Text stays `<text>` (selectable, searchable, read by screen readers, set in the page's font).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import matplotlib.style
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.numbers import amount

if TYPE_CHECKING:
    # Only the type checker needs it, and matplotlib releases older than the installed one may lack the name.
    from matplotlib.typing import RcKeyType

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
# The dark blue turns a dark grey in print, well apart from the white hatched target bars.
BAR_COLOUR = OKABE_ITO["blue"]
INK = OKABE_ITO["black"]

LABEL_SIZES = (9.0, 8.0, 7.0)  # points: readable first, then smaller before a label has to turn or wrap
GAP_PX = 3.0
MIN_SLOTS = 3

DISTRIBUTION_SIZE = (7.0, 3.2)  # inches; the SVG scales with the page, this only fixes proportions and font size
TARGET_ACTUAL_SIZE = (6.0, 3.0)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_HREFS = ("href", f"{{{XLINK_NS}}}href")
# Serialised as <svg xmlns="…"> and xlink:href, the spelling HTML parsers know, rather than ns0:/ns1: prefixes.
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# The id is prefixed to every id in the chart, so it must itself be a plain id token.
_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
_FONT_FAMILY = re.compile(r"font-family:[^;]*;?\s*")

# The NanumGothic shipped by koreanize-matplotlib, found without importing that package: its import rewrites the
# global rcParams of whatever process imports it.
_FONT_PACKAGE = "koreanize_matplotlib"
_FONT_FILE = "NanumGothic.ttf"
_FONT_FAMILY_NAME = "NanumGothic"

# Keyed by matplotlib's own list of rc names, so a misspelt key fails type checking rather than the first chart.
_RC: dict[RcKeyType, object] = {
    # Text stays text; the font is only used for layout metrics, the reader's browser draws the glyphs.
    "svg.fonttype": "none",
    # Clip-path, hatch and marker ids are hashes salted with this; unsalted they are random per run.
    "svg.hashsalt": "plansite",
    # DejaVu Sans (bundled with matplotlib) covers what NanumGothic lacks, such as U+2212 MINUS SIGN.
    "font.family": [_FONT_FAMILY_NAME, "DejaVu Sans"],
    "font.size": 9.0,
    # Labels come from the data; a `$` in a department name must not start mathtext.
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.8,
    "legend.frameon": False,
}


@dataclass(frozen=True)
class Bar:
    """One bar of a grade distribution: `label` under it, `count (percent%)` above it."""

    label: str
    count: int
    percent: int


def distribution_chart(chart_id: str, bars: Sequence[Bar], *, title: str, summary: str, count_label: str) -> str:
    """A vertical bar per grade (and per 평가 제외 …), each bar annotated `13 (29%)`; y axis: `count_label`."""
    _check_chart_id(chart_id)
    if not bars:
        raise ValueError("a distribution chart needs at least one bar")
    negative = [bar.label for bar in bars if bar.count < 0]
    if negative:
        raise ValueError(f"negative counts for {', '.join(negative)}")

    with _chart_style():
        figure = Figure(figsize=DISTRIBUTION_SIZE, layout="constrained")
        try:
            axes = figure.add_subplot()
            positions = range(len(bars))
            counts = [bar.count for bar in bars]
            drawn = axes.bar(positions, counts, width=0.7, color=BAR_COLOUR, edgecolor=INK, linewidth=0.6)
            # A zero bar gets a plain 0, as in the official tables: "0 (0%)" reads like a data error.
            labels = axes.bar_label(
                drawn, [f"{bar.count:,} ({bar.percent}%)" if bar.count else "0" for bar in bars], padding=2
            )
            axes.set_xticks(list(positions), [bar.label for bar in bars])
            axes.tick_params(axis="x", length=0)
            _set_slots(axes, len(positions))
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
            axes.yaxis.set_major_formatter(FuncFormatter(_tick_label))
            _axis_heading(axes, count_label)

            slot = 1.0  # data units between bar centres
            figure.draw_without_rendering()
            if not _fits(axes, labels, slot, LABEL_SIZES):
                _turn_upright(labels)
            if not _fits(axes, axes.get_xticklabels(), slot, LABEL_SIZES):
                # Only now break "평가 제외" in two: a wrapped label is two <text> elements, no longer one phrase.
                axes.set_xticks(list(positions), [bar.label.replace(" ", "\n") for bar in bars])
            _leave_room_above(figure, axes, labels, counts)
            return _svg(figure, chart_id, title, summary)
        finally:
            figure.clear()


def target_actual_chart(
    chart_id: str,
    years: Sequence[int],
    targets: Sequence[float | None],
    actuals: Sequence[float | None],
    *,
    unit: str,
    title: str,
    summary: str,
    target_label: str,
    actual_label: str,
) -> str:
    """Target and actual side by side per year; a missing value leaves a gap, its year stays on the axis."""
    _check_chart_id(chart_id)
    if not years:
        raise ValueError("a target/actual chart needs at least one year")
    if not len(years) == len(targets) == len(actuals):
        raise ValueError(f"{len(years)} years but {len(targets)} targets and {len(actuals)} actuals")
    if any(value is not None and not math.isfinite(value) for value in (*targets, *actuals)):
        raise ValueError("targets and actuals must be finite numbers or None")

    with _chart_style():
        figure = Figure(figsize=TARGET_ACTUAL_SIZE, layout="constrained")
        try:
            axes = figure.add_subplot()
            width = 0.4  # the pair fills 0.8 of a year's slot, leaving a clear gap between years
            # (values, offset, legend text, fill, hatch pattern or None)
            series: tuple[tuple[Sequence[float | None], float, str, str, str | None], ...] = (
                # White, outlined and hatched: still a distinct bar on a black-and-white printout.
                (targets, -width / 2, target_label, "#FFFFFF", "///"),
                (actuals, width / 2, actual_label, BAR_COLOUR, None),
            )
            labels: list[Text] = []
            values_shown: list[float] = []
            keys: list[Patch] = []
            for values, offset, label, facecolor, hatch in series:
                # hatch=None is matplotlib's own default in both calls: the actual bars get no hatch at all.
                keys.append(Patch(edgecolor=INK, linewidth=0.8, label=label, facecolor=facecolor, hatch=hatch))
                shown = [(index, value) for index, value in enumerate(values) if value is not None]
                drawn = axes.bar(
                    [index + offset for index, _ in shown],
                    [value for _, value in shown],
                    width=width,
                    edgecolor=INK,
                    linewidth=0.8,
                    facecolor=facecolor,
                    hatch=hatch,
                )
                labels += axes.bar_label(drawn, [amount(value) for _, value in shown], padding=2)
                values_shown += [value for _, value in shown]
            positions = range(len(years))
            axes.set_xticks(positions, [str(year) for year in years])
            axes.tick_params(axis="x", length=0)
            _set_slots(axes, len(positions))
            axes.yaxis.set_major_formatter(FuncFormatter(_tick_label))
            _axis_heading(axes, unit)
            # Above the plot, so it can never cover a bar or its figure; the left corner holds the unit.
            # Keys drawn from the style, not from the bars: a series with no values at all still gets its key.
            axes.legend(handles=keys, loc="lower right", bbox_to_anchor=(1.0, 1.02), ncols=2, borderaxespad=0.0)

            figure.draw_without_rendering()
            if not _fits(axes, labels, width, LABEL_SIZES):
                _turn_upright(labels)
            _leave_room_above(figure, axes, labels, values_shown)
            return _svg(figure, chart_id, title, summary)
        finally:
            figure.clear()


def _check_chart_id(chart_id: str) -> None:
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart id {chart_id!r} must be a letter followed by letters, digits, '-' or '_'")


@functools.cache
def _font_path() -> Path:
    spec = importlib.util.find_spec(_FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_FONT_PACKAGE.replace('_', '-')} package (it ships {_FONT_FILE}) is not installed")
    path = Path(spec.submodule_search_locations[0]) / "fonts" / _FONT_FILE
    if not path.is_file():
        raise RuntimeError(f"{path} is missing; reinstall {_FONT_PACKAGE.replace('_', '-')}")
    # The font manager keeps every added font for the life of the process, so add it only once.
    font_manager.fontManager.addfont(str(path))
    return path


@contextmanager
def _chart_style() -> Iterator[None]:
    """Matplotlib's defaults plus ours, whatever the process or a matplotlibrc has set, restored afterwards.

    rcParams are process-wide, so charts must not be drawn from several threads at once.
    """
    _font_path()
    with matplotlib.style.context("default"), matplotlib.rc_context(_RC):
        yield


def _set_slots(axes: Axes, count: int) -> None:
    # Half a slot either side, whatever bars are missing, so the first and last labels stay centred; and room for
    # at least MIN_SLOTS, so a plan checked for one year does not get bars as wide as the page.
    centre, half = (count - 1) / 2, max(count, MIN_SLOTS) / 2
    axes.set_xlim(centre - half, centre + half)


def _axis_heading(axes: Axes, text: str) -> None:
    # Level, above the tick numbers, where a Korean unit such as 명 reads naturally; turned on its side it does not.
    # An annotation rather than a moved y label: constrained layout squeezes a y label's height to nothing, and a
    # heading above the plot would be cut off at the top of the figure.
    axes.annotate(
        text,
        xy=(0.0, 1.0),
        xycoords="axes fraction",
        xytext=(-2.0, 6.0),
        textcoords="offset points",
        horizontalalignment="right",
        verticalalignment="bottom",
        annotation_clip=False,
    )


def _fits(axes: Axes, texts: Sequence[Text], room: float, sizes: Sequence[float]) -> bool:
    """Shrink the texts through `sizes` until each is narrower than `room` (x data units); False if none fits."""
    room_px = abs(axes.transData.transform((room, 0))[0] - axes.transData.transform((0, 0))[0])
    for size in sizes:
        for text in texts:
            text.set_fontsize(size)
        # A little air between neighbours, or 1,200,000 and 1,234,567 read as one number.
        if all(text.get_window_extent().width + GAP_PX <= room_px for text in texts if text.get_text()):
            return True
    return False


def _turn_upright(texts: Sequence[Text]) -> None:
    # Read bottom to top, standing on the bar: any number fits a bar's width this way.
    for text in texts:
        text.set_rotation(90)
        text.set_fontsize(LABEL_SIZES[0])


def _leave_room_above(figure: Figure, axes: Axes, labels: Sequence[Text], values: Sequence[float]) -> None:
    """Raise the top of the y axis until every label above its bar stays inside the plot."""
    bottom = min([0.0, *values])
    highest = max([0.0, *values])
    # With nothing but zeros, 0–1 avoids matplotlib's degenerate −0.05…0.05 range.
    axes.set_ylim(bottom, highest if highest > 0 else 1.0)
    figure.draw_without_rendering()
    height = axes.bbox.height
    top = axes.get_ylim()[1]
    needed = top
    for label, value in zip(labels, values, strict=True):
        if value < 0:
            continue
        # Pixels the label needs above its bar's top; it stays the same when the axis is rescaled.
        above = label.get_window_extent().y1 - axes.transData.transform((0, value))[1] + GAP_PX
        share = max(height - above, height / 4)  # an absurdly tall label must not send the axis to infinity
        needed = max(needed, bottom + (value - bottom) * height / share)
    axes.set_ylim(bottom, needed)


def _tick_label(value: float, _position: int | None = None) -> str:
    return amount(value)


def _svg(figure: Figure, chart_id: str, title: str, summary: str) -> str:
    buffer = io.BytesIO()
    # Date None: no timestamp (nor SOURCE_DATE_EPOCH); Creator None: no matplotlib version in the markup.
    FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None, "Creator": None})
    return _inline(buffer.getvalue(), chart_id, title, summary)


def _inline(document: bytes, chart_id: str, title: str, summary: str) -> str:
    """A standalone SVG document made fit to sit inside an HTML page next to other charts."""
    # Parsing drops the XML declaration and DOCTYPE, which are not allowed inside HTML.
    root = ET.fromstring(document)
    _drop_document_parts(root)
    _prefix_ids(root, f"{chart_id}-")
    for element in root.iter():
        style = element.get("style")
        if style is not None and "font-family" in style:
            # An inline style outranks the page's CSS; without a family the text inherits the page's font.
            element.set("style", _FONT_FAMILY.sub("", style).strip().rstrip(";"))
        path = element.get("d")
        if path is not None:
            # Matplotlib ends every path command with a newline; one space is enough inside a page.
            element.set("d", " ".join(path.split()))

    # Sized by the page's CSS (width: 100%; height: auto) through the viewBox, not fixed in points.
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    title_element = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"})
    title_element.text = title
    desc_element = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"})
    desc_element.text = summary
    root.insert(0, desc_element)
    root.insert(0, title_element)
    for element in (title_element, desc_element):
        element.tail = "\n "
    return ET.tostring(root, encoding="unicode")


def _drop_document_parts(root: ET.Element) -> None:
    # The RDF <metadata> is for image editors, not pages. Matplotlib's <style> holds
    # `*{stroke-linejoin: round; stroke-linecap: butt}`, which once inlined would apply to the whole HTML page; the
    # same values as (inherited) attributes of the root keep that look to the chart.
    unwanted = {f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"}
    _remove(root, lambda element: element.tag in unwanted)
    _remove(root, lambda element: element.tag == f"{{{SVG_NS}}}defs" and len(element) == 0)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")


def _remove(root: ET.Element, unwanted: Callable[[ET.Element], bool]) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if unwanted(child):
                parent.remove(child)


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Prefix every id and every reference to one (`url(#…)`, `href="#…"`), so charts on one page never clash."""
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if name == "id":
                element.set(name, prefix + value)
            elif name in _HREFS and value.startswith("#"):
                element.set(name, f"#{prefix}{value[1:]}")
            elif "url(" in value:
                element.set(name, _URL_REF.sub(lambda match: f"url(#{prefix}{match.group(1)})", value))


# -- chart specifications: what page models hold; the build renders them, in parallel ----------------------


@dataclass(frozen=True)
class DistributionSpec:
    chart_id: str
    bars: tuple[Bar, ...]
    title: str
    summary: str
    count_label: str


@dataclass(frozen=True)
class TargetActualSpec:
    chart_id: str
    years: tuple[int, ...]
    targets: tuple[float | None, ...]
    actuals: tuple[float | None, ...]
    unit: str
    title: str
    summary: str
    target_label: str
    actual_label: str


ChartSpec = DistributionSpec | TargetActualSpec


def render(spec: ChartSpec) -> str:
    """The SVG of one chart specification (a plain function, so a process pool can run it)."""
    if isinstance(spec, DistributionSpec):
        return distribution_chart(
            spec.chart_id, spec.bars, title=spec.title, summary=spec.summary, count_label=spec.count_label
        )
    return target_actual_chart(
        spec.chart_id,
        spec.years,
        spec.targets,
        spec.actuals,
        unit=spec.unit,
        title=spec.title,
        summary=spec.summary,
        target_label=spec.target_label,
        actual_label=spec.actual_label,
    )

"""What a chart shows, as page models hold it: plain frozen data, without matplotlib.

A specification decides its chart's SVG completely (with the chart code and library versions), so the build
can look a chart up in the cache before it imports matplotlib at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Variant = Literal["wide", "narrow"]
"""Each chart is drawn twice: `wide` for a screen of desktop width and for print, `narrow` for a phone."""
VARIANTS: tuple[Variant, ...] = ("wide", "narrow")
Frame = str | None
"""A PNG made from a chart's wide drawing: its download, framed with the source line of a page that offers it
(`downloads.download_source`), or for None the page's link preview (unframed, `previews.py`)."""


@dataclass(frozen=True)
class Bar:
    """One bar of a grade distribution: `label` under it, `count (percent%)` above it."""

    label: str
    count: int
    percent: int


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


@dataclass(frozen=True)
class BudgetSeries:
    """One strategy's budget in each year of a budget chart (None: the year has no figure)."""

    label: str
    amounts: tuple[float | None, ...]
    name: str = ""  # the strategy's full name, keyed under a phone's chart (which has room for it); "": the label


@dataclass(frozen=True)
class BudgetSpec:
    """A stacked bar per year, one segment per strategy, the year's total printed above it."""

    chart_id: str
    years: tuple[int, ...]
    series: tuple[BudgetSeries, ...]
    unit: str
    title: str
    summary: str


ChartSpec = DistributionSpec | TargetActualSpec | BudgetSpec

# Inches, each kind's wide drawing (`charts.py`): the SVG scales with the page, this only fixes its proportions and
# font size. Known here, without matplotlib, so a link preview's size in pixels is known before it is drawn.
WIDE_SIZES: dict[type[ChartSpec], tuple[float, float]] = {
    DistributionSpec: (7.0, 3.2),
    TargetActualSpec: (6.0, 3.0),
    BudgetSpec: (6.0, 3.4),
}
CSS_DPI = 96  # CSS pixels an inch: a chart's SVG file is its size in inches at this many pixels
DOWNLOAD_DPI = 2 * CSS_DPI  # a chart's PNGs are twice its SVG file's size: sharp on a dense screen and in print


def preview_size(spec: ChartSpec) -> tuple[int, int]:
    """A chart's link preview in pixels (its download image unframed: `chartpng.draw_chart`), as matplotlib sizes
    the figure drawn at `DOWNLOAD_DPI` (truncated): 1152×576 for a chart of 6×3 inches, 1344×614 for 7×3.2."""
    width, height = WIDE_SIZES[type(spec)]
    return int(width * DOWNLOAD_DPI), int(height * DOWNLOAD_DPI)


def drawing_id(chart_id: str, variant: Variant) -> str:
    """The id a drawing's inner ids start with: both drawings of a chart sit in one page, so they differ."""
    return chart_id if variant == "wide" else f"{chart_id}-narrow"

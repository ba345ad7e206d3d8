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


def drawing_id(chart_id: str, variant: Variant) -> str:
    """The id a drawing's inner ids start with: both drawings of a chart sit in one page, so they differ."""
    return chart_id if variant == "wide" else f"{chart_id}-narrow"

"""Charts as SVG markup to inline into the site's pages: pure functions, no I/O.

The pages are reproducible builds kept next to the data in git, so a chart must come out byte for byte the same for
the same input, on any machine. It must also stand on its own for readers who cannot see colour or print in black
and white: every figure is printed on its bar, and target and actual differ by fill pattern and legend text, not by
hue. Text stays `<text>` (selectable, searchable, read by screen readers, set in the page's font).

These are the wide drawings, for a desktop screen and for print; `chartnarrow` draws the same specifications for
a phone, and `render` draws either.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.numbers import amount, count_share
from generator.site import chartnarrow
from generator.site.chartlayout import GAP_PX, LEGEND_ABOVE, ChartLayout
from generator.site.chartspec import (
    WIDE_SIZES,
    Bar,
    BudgetSeries,
    BudgetSpec,
    ChartSpec,
    DistributionSpec,
    TargetActualSpec,
    Variant,
)
from generator.site.chartstyle import (
    BAR_COLOUR,
    FINISH,
    INK,
    SEGMENT_STYLES,
    chart_style,
    check_chart_id,
    finish,
    tick_label,
    unlabelled,
)

# FINISH, Bar and BudgetSeries are named here for the modules that draw through this one (chartpng, the tests).
__all__ = [
    "FINISH",
    "RENDERERS",
    "Bar",
    "BudgetSeries",
    "budget_chart",
    "distribution_chart",
    "render",
    "target_actual_chart",
]

LABEL_SIZES = (9.0, 8.0, 7.0)  # points: readable first, then smaller before a label has to turn or wrap
MIN_SLOTS = 3

DISTRIBUTION_SIZE = WIDE_SIZES[DistributionSpec]
TARGET_ACTUAL_SIZE = WIDE_SIZES[TargetActualSpec]
BUDGET_SIZE = WIDE_SIZES[BudgetSpec]
PAIR_WIDTH = 0.4  # each bar of a target/actual pair: the pair fills 0.8 of a year's slot, leaving a clear gap


def distribution_chart(chart_id: str, bars: Sequence[Bar], *, title: str, summary: str, count_label: str) -> str:
    """A vertical bar per grade (and per 평가 제외 …), each bar annotated `13 (29%)`; y axis: `count_label`."""
    check_chart_id(chart_id)
    if not bars:
        raise ValueError("a distribution chart needs at least one bar")
    negative = [bar.label for bar in bars if bar.count < 0]
    if negative:
        raise ValueError(f"negative counts for {', '.join(negative)}")

    with chart_style():
        figure = Figure(figsize=DISTRIBUTION_SIZE)
        axes = figure.add_subplot()
        unlabelled(axes.xaxis, axes.yaxis)
        positions = range(len(bars))
        counts = [bar.count for bar in bars]
        drawn = axes.bar(positions, counts, width=0.7, color=BAR_COLOUR, edgecolor=INK, linewidth=0.6)
        labels = axes.bar_label(drawn, [count_share(bar.count, bar.percent) for bar in bars], padding=2)
        axes.set_xticks(list(positions), [bar.label for bar in bars])
        axes.tick_params(axis="x", length=0)
        _set_slots(axes, len(positions))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.yaxis.set_major_formatter(FuncFormatter(tick_label))
        _axis_heading(axes, count_label)

        slot = 1.0  # data units between bar centres
        layout = ChartLayout(figure, axes, labels, counts)
        if not _fits(axes, labels, slot, LABEL_SIZES, layout.renderer):
            _turn_upright(labels)
        if not _fits(axes, axes.get_xticklabels(), slot, LABEL_SIZES, layout.renderer):
            # Only now break "평가 제외" in two: a wrapped label is two <text> elements, no longer one phrase.
            axes.set_xticks(list(positions), [bar.label.replace(" ", "\n") for bar in bars])
        layout.settle(last=True)
        return finish(figure, chart_id, title, summary)


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
    check_chart_id(chart_id)
    if not years:
        raise ValueError("a target/actual chart needs at least one year")
    if not len(years) == len(targets) == len(actuals):
        raise ValueError(f"{len(years)} years but {len(targets)} targets and {len(actuals)} actuals")
    if any(value is not None and not math.isfinite(value) for value in (*targets, *actuals)):
        raise ValueError("targets and actuals must be finite numbers or None")

    with chart_style():
        figure = Figure(figsize=TARGET_ACTUAL_SIZE)
        axes = figure.add_subplot()
        unlabelled(axes.xaxis, axes.yaxis)
        # White, outlined and hatched: still a distinct bar on a black-and-white printout.
        target_bars = _Series(targets, -PAIR_WIDTH / 2, target_label, "#FFFFFF", "///")
        actual_bars = _Series(actuals, PAIR_WIDTH / 2, actual_label, BAR_COLOUR, None)
        labels: list[Text] = []
        values_shown: list[float] = []
        keys: list[Patch] = []
        for series in (target_bars, actual_bars):
            keys.append(series.key())
            drawn_labels, drawn_values = series.draw(axes)
            labels += drawn_labels
            values_shown += drawn_values
        _year_axes(axes, years, unit, keys, columns=2)

        layout = ChartLayout(figure, axes, labels, values_shown)
        if not _fits(axes, labels, PAIR_WIDTH, LABEL_SIZES, layout.renderer):
            _turn_upright(labels)
        layout.settle(last=True)
        return finish(figure, chart_id, title, summary)


def budget_chart(
    chart_id: str, years: Sequence[int], series: Sequence[BudgetSeries], *, unit: str, title: str, summary: str
) -> str:
    """A stacked bar per year, a segment per series (strategy) keyed in the legend, the year's total above it."""
    check_chart_id(chart_id)
    if not years or not series:
        raise ValueError("a budget chart needs at least one year and one series")
    if any(len(line.amounts) != len(years) for line in series):
        raise ValueError(f"every series needs an amount (or None) for each of the {len(years)} years")
    if any(value is not None and (not math.isfinite(value) or value < 0) for s in series for value in s.amounts):
        raise ValueError("budget amounts must be finite, non-negative numbers or None")

    with chart_style():
        figure = Figure(figsize=BUDGET_SIZE)
        axes = figure.add_subplot()
        unlabelled(axes.xaxis, axes.yaxis)
        positions = list(range(len(years)))
        bottoms = [0.0] * len(years)
        keys: list[Patch] = []
        for number, line in enumerate(series):
            colour, hatch = SEGMENT_STYLES[number % len(SEGMENT_STYLES)]
            heights = [value or 0.0 for value in line.amounts]
            axes.bar(
                positions,
                heights,
                width=0.6,
                bottom=bottoms,
                facecolor=colour,
                hatch=hatch,
                edgecolor=INK,
                linewidth=0.6,
            )
            keys.append(Patch(facecolor=colour, hatch=hatch, edgecolor=INK, linewidth=0.6, label=line.label))
            bottoms = [bottom + height for bottom, height in zip(bottoms, heights, strict=True)]
        stated = [any(line.amounts[i] is not None for line in series) for i in positions]
        totals = [
            axes.annotate(
                amount(total), (i, total), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom"
            )
            for i, total in enumerate(bottoms)
            if stated[i]
        ]
        _year_axes(axes, years, unit, keys, columns=min(len(keys), 4))
        layout = ChartLayout(figure, axes, totals, [total for i, total in enumerate(bottoms) if stated[i]])
        _fits(axes, totals, 0.9, LABEL_SIZES, layout.renderer)
        layout.settle(last=True)
        return finish(figure, chart_id, title, summary)


@dataclass(frozen=True)
class _Series:
    """Target or actual bars of a target/actual chart: one bar per year with a value, offset within the pair."""

    values: Sequence[float | None]
    offset: float
    label: str
    facecolor: str
    hatch: str | None  # None is matplotlib's own default: no hatch at all

    def key(self) -> Patch:
        # Keys drawn from the style, not from the bars: a series with no values at all still gets its key.
        return Patch(edgecolor=INK, linewidth=0.8, label=self.label, facecolor=self.facecolor, hatch=self.hatch)

    def draw(self, axes: Axes) -> tuple[list[Text], list[float]]:
        """Draw the bars with their printed values; return the value labels and the values drawn."""
        shown = [(index, value) for index, value in enumerate(self.values) if value is not None]
        drawn = axes.bar(
            [index + self.offset for index, _ in shown],
            [value for _, value in shown],
            width=PAIR_WIDTH,
            edgecolor=INK,
            linewidth=0.8,
            facecolor=self.facecolor,
            hatch=self.hatch,
        )
        labels = axes.bar_label(drawn, [amount(value) for _, value in shown], padding=2)
        return list(labels), [value for _, value in shown]


def _year_axes(axes: Axes, years: Sequence[int], unit: str, keys: list[Patch], *, columns: int) -> None:
    """A slot per year on the x axis, figures in `unit` on the y axis, and the key above the plot."""
    positions = range(len(years))
    axes.set_xticks(positions, [str(year) for year in years])
    axes.tick_params(axis="x", length=0)
    _set_slots(axes, len(positions))
    axes.yaxis.set_major_formatter(FuncFormatter(tick_label))
    _axis_heading(axes, unit)
    # Above the plot, so it can never cover a bar or its figure; the left corner holds the unit.
    axes.legend(
        handles=keys, loc="lower right", bbox_to_anchor=(1.0, 1 + LEGEND_ABOVE), ncols=columns, borderaxespad=0.0
    )


def _set_slots(axes: Axes, count: int) -> None:
    # Half a slot either side, whatever bars are missing, so the first and last labels stay centred; and room for
    # at least MIN_SLOTS, so a plan checked for one year does not get bars as wide as the page.
    centre, half = (count - 1) / 2, max(count, MIN_SLOTS) / 2
    axes.set_xlim(centre - half, centre + half)


def _axis_heading(axes: Axes, text: str) -> None:
    # Level, above the tick numbers, where a Korean unit such as 명 reads naturally; turned on its side it does not.
    # An annotation rather than a y label, which matplotlib sets on its side; the layout leaves room for it.
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


def _fits(axes: Axes, texts: Sequence[Text], room: float, sizes: Sequence[float], renderer: RendererBase) -> bool:
    """Shrink the texts through `sizes` until each is narrower than `room` (x data units); False if none fits."""
    room_px = abs(axes.transData.transform((room, 0))[0] - axes.transData.transform((0, 0))[0])
    for size in sizes:
        for text in texts:
            text.set_fontsize(size)
        # A little air between neighbours, or 1,200,000 and 1,234,567 read as one number.
        if all(text.get_window_extent(renderer).width + GAP_PX <= room_px for text in texts if text.get_text()):
            return True
    return False


def _turn_upright(texts: Sequence[Text]) -> None:
    # Read bottom to top, standing on the bar: any number fits a bar's width this way.
    for text in texts:
        text.set_rotation(90)
        text.set_fontsize(LABEL_SIZES[0])


def _distribution(spec: DistributionSpec) -> str:
    return distribution_chart(
        spec.chart_id, spec.bars, title=spec.title, summary=spec.summary, count_label=spec.count_label
    )


def _budget(spec: BudgetSpec) -> str:
    return budget_chart(spec.chart_id, spec.years, spec.series, unit=spec.unit, title=spec.title, summary=spec.summary)


def _target_actual(spec: TargetActualSpec) -> str:
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


# Each kind of chart specification and the function that draws it: a new kind of chart is a spec in chartspec.py
# and one entry here (tests check that every member of ChartSpec has one).
RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    DistributionSpec: _distribution,
    BudgetSpec: _budget,
    TargetActualSpec: _target_actual,
}


def render(spec: ChartSpec, variant: Variant = "wide") -> str:
    """The SVG of one chart specification as drawn for a wide screen and print, or for a phone (`narrow`).

    A plain function, so a process pool can run it."""
    wide = variant == "wide"
    renderer = (RENDERERS if wide else chartnarrow.NARROW_RENDERERS).get(type(spec))
    if renderer is None:
        registry = "RENDERERS in generator.site.charts" if wide else "NARROW_RENDERERS in generator.site.chartnarrow"
        raise TypeError(f"no chart renderer for {type(spec).__name__}: add one to {registry}")
    return renderer(spec)

"""Each chart drawn for a phone: the same specification, drawn to be shown at its natural size in 328 CSS px.

A phone leaves 328 px of a 360 px screen; the desktop drawing shrunk to that sets its 9 pt labels about 6 px
high, or scrolls. This drawing is 3.4 inches wide (326.4 px at 96 px to the inch) with every text 9 pt (12 px):
categories and years are rows of horizontal bars, so their names read across instead of being squeezed under a
bar; the value axis has few ticks, years with nothing to show are left out, and the key sits below the plot
with the strategies' full names, wrapped to the width. The page shows it below 40rem and prints the desktop one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.numbers import amount, count_share
from generator.site.chartlayout import EDGE_PX, GAP_PX
from generator.site.chartspec import BudgetSpec, DistributionSpec, TargetActualSpec, drawing_id
from generator.site.chartstyle import (
    BAR_COLOUR,
    INK,
    SEGMENT_STYLES,
    chart_style,
    check_chart_id,
    pin_ticks,
    svg_markup,
    tick_label,
    unlabelled,
)
from generator.site.svg import NARROW_TEXT_PX

NARROW_WIDTH = 3.4  # inches: 244.8 pt, shown at 326.4 CSS px (1 pt = 4/3 px)
TEXT_SIZE = 9.0  # points, every text of the chart: 12 CSS px at the natural size
TICKS = 3  # at most this many intervals on the value axis: a few round figures, not a ruler
DISTRIBUTION_ROW = 0.28  # inches per grade
PAIR_ROW = 0.5  # inches per year of a target/actual chart: two bars, each with its figure beside it
BUDGET_ROW = 0.34  # inches per year of a budget chart
LEGEND_GAP_PX = 8.0  # between the axis heading and the key below it
LINE_SAMPLE_KO = "Ag명"  # Latin ascender and descender and a Hangul syllable: as high as a line of text gets
LINE_SPACING = 1.2  # matplotlib's own, between the lines of one text
NAME_SHARE = 0.35  # of the width, at most, for a row's name: the rest is for its bar and figure


@dataclass
class _Rows:
    """What the layout needs to know of a drawn chart: its rows, and each figure printed beside a bar."""

    names: list[str]
    row_height: float  # inches
    unit: str
    ends: list[float] = field(default_factory=list)  # where each printed figure starts, in data units
    labels: list[str] = field(default_factory=list)  # the printed figures, as drawn
    keys: list[Patch] = field(default_factory=list)
    columns: int = 1


def narrow_distribution(spec: DistributionSpec) -> str:
    """A horizontal bar per grade, top to bottom in the table's order, each with `13 (29%)` at its end."""
    check_chart_id(spec.chart_id)
    if not spec.bars:
        raise ValueError("a distribution chart needs at least one bar")
    counts = [bar.count for bar in spec.bars]
    if min(counts) < 0:
        raise ValueError(f"negative counts for {', '.join(bar.label for bar in spec.bars if bar.count < 0)}")
    labels = [count_share(bar.count, bar.percent) for bar in spec.bars]

    def draw(axes: Axes) -> _Rows:
        drawn = axes.barh(range(len(counts)), counts, height=0.7, color=BAR_COLOUR, edgecolor=INK, linewidth=0.6)
        axes.bar_label(drawn, labels, padding=GAP_PX * 0.75)
        axes.xaxis.set_major_locator(MaxNLocator(nbins=TICKS, integer=True))
        names = [bar.label for bar in spec.bars]
        return _Rows(names, DISTRIBUTION_ROW, spec.count_label, [float(c) for c in counts], labels)

    return _narrow(spec.chart_id, spec.title, spec.summary, draw)


def narrow_target_actual(spec: TargetActualSpec) -> str:
    """Per year with a figure, the target's bar above the actual's; a year with neither is left out."""
    check_chart_id(spec.chart_id)
    if not len(spec.years) == len(spec.targets) == len(spec.actuals) or not spec.years:
        raise ValueError(f"{len(spec.years)} years but {len(spec.targets)} targets and {len(spec.actuals)} actuals")
    if any(value is not None and not math.isfinite(value) for value in (*spec.targets, *spec.actuals)):
        raise ValueError("targets and actuals must be finite numbers or None")
    kept = [i for i, pair in enumerate(zip(spec.targets, spec.actuals, strict=True)) if pair != (None, None)]
    kept = kept or list(range(len(spec.years)))  # nothing at all to show: the years and the key, as wide

    def draw(axes: Axes) -> _Rows:
        rows = _Rows([str(spec.years[i]) for i in kept], PAIR_ROW, spec.unit, columns=2)
        styles = (
            (spec.targets, -0.2, spec.target_label, "#FFFFFF", "///"),
            (spec.actuals, 0.2, spec.actual_label, BAR_COLOUR, None),
        )
        for values, offset, label, colour, hatch in styles:
            shown = [(row, value) for row, value in enumerate(values[i] for i in kept) if value is not None]
            style: dict[str, Any] = {"facecolor": colour, "hatch": hatch, "edgecolor": INK, "linewidth": 0.8}
            drawn = axes.barh([row + offset for row, _ in shown], [v for _, v in shown], height=0.38, **style)
            texts = [amount(value) for _, value in shown]
            axes.bar_label(drawn, texts, padding=GAP_PX * 0.75)
            rows.ends += [float(value) for _, value in shown]
            rows.labels += texts
            rows.keys.append(Patch(label=label, **style))
        return rows

    return _narrow(spec.chart_id, spec.title, spec.summary, draw)


def narrow_budget(spec: BudgetSpec) -> str:
    """A stacked bar per year that has a budget, a segment per strategy, the year's total at its end."""
    check_chart_id(spec.chart_id)
    if not spec.years or not spec.series or any(len(line.amounts) != len(spec.years) for line in spec.series):
        raise ValueError(f"every series needs an amount (or None) for each of the {len(spec.years)} years")
    if any(v is not None and (not math.isfinite(v) or v < 0) for line in spec.series for v in line.amounts):
        raise ValueError("budget amounts must be finite, non-negative numbers or None")
    kept = [i for i in range(len(spec.years)) if any(line.amounts[i] is not None for line in spec.series)]

    def draw(axes: Axes) -> _Rows:
        rows = _Rows([str(spec.years[i]) for i in kept], BUDGET_ROW, spec.unit)
        lefts = [0.0] * len(kept)
        for number, line in enumerate(spec.series):
            colour, hatch = SEGMENT_STYLES[number % len(SEGMENT_STYLES)]
            style: dict[str, Any] = {"facecolor": colour, "hatch": hatch, "edgecolor": INK, "linewidth": 0.6}
            widths = [line.amounts[i] or 0.0 for i in kept]
            axes.barh(range(len(kept)), widths, height=0.6, left=lefts, **style)
            rows.keys.append(Patch(label=line.name or line.label, **style))
            lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
        rows.ends, rows.labels = lefts, [amount(total) for total in lefts]
        for row, (total, text) in enumerate(zip(rows.ends, rows.labels, strict=True)):
            axes.annotate(text, (total, row), xytext=(GAP_PX * 0.75, 0), textcoords="offset points", va="center")
        return rows

    return _narrow(spec.chart_id, spec.title, spec.summary, draw)


def _narrow(chart_id: str, title: str, summary: str, draw: Callable[[Axes], _Rows]) -> str:
    with chart_style(), matplotlib.rc_context({"font.size": TEXT_SIZE}):
        figure = Figure(figsize=(NARROW_WIDTH, 3.0))
        axes = figure.add_subplot()
        unlabelled(axes.yaxis)  # the rows' names are its tick labels; the value axis has its unit for a label
        rows = draw(axes)
        axes.set_ylim(len(rows.names) - 0.5, -0.5)  # the first row on top, as in the table
        axes.tick_params(axis="y", length=0)
        if not isinstance(axes.xaxis.get_major_locator(), MaxNLocator):
            axes.xaxis.set_major_locator(MaxNLocator(nbins=TICKS))
        axes.xaxis.set_major_formatter(FuncFormatter(tick_label))
        axes.set_xlabel(rows.unit, loc="right")
        _Layout(figure, axes, rows).place()
        return svg_markup(figure, drawing_id(chart_id, "narrow"), title, summary, NARROW_TEXT_PX)


class _Layout:
    """Margins measured as text, the figure's height grown to its rows, and room right of every bar for its figure."""

    def __init__(self, figure: Figure, axes: Axes, rows: _Rows):
        self.figure, self.axes, self.rows = figure, axes, rows
        self.dpi = figure.dpi
        self.renderer = RendererAgg(int(NARROW_WIDTH * self.dpi), int(3 * self.dpi), self.dpi)
        self.font = FontProperties(size=TEXT_SIZE)

    def _width(self, text: str) -> float:
        return max(
            (
                self.renderer.get_text_width_height_descent(line, self.font, ismath=False)[0]
                for line in text.split("\n")
            ),
            default=0.0,
        )

    def place(self) -> None:
        rc, points = matplotlib.rcParams, self.dpi / 72
        line = self.renderer.get_text_width_height_descent(LINE_SAMPLE_KO, self.font, ismath=False)[1]
        legend_height = self._legend()
        axis_below = (rc["xtick.major.size"] + rc["xtick.major.pad"] + rc["axes.labelpad"]) * points + 2 * line
        bottom = EDGE_PX + legend_height + (LEGEND_GAP_PX if legend_height else 0.0) + axis_below
        top = EDGE_PX + line / 2  # the first row's figure is centred on its bar, whose top is the plot's
        width = NARROW_WIDTH * self.dpi
        # A long name (a department, say) breaks at its spaces rather than squeeze the bars; its row grows with it.
        names = [self._wrap(name, NAME_SHARE * width) for name in self.rows.names]
        self.axes.set_yticks(range(len(names)), names)
        lines = max((name.count("\n") + 1 for name in names), default=1)
        row = max(self.rows.row_height * self.dpi, lines * line * LINE_SPACING + 2 * GAP_PX if lines > 1 else 0.0)
        plot_height = len(names) * row
        height = bottom + plot_height + top
        self.figure.set_size_inches(NARROW_WIDTH, height / self.dpi)
        left = EDGE_PX + max(map(self._width, names), default=0.0) + rc["ytick.major.pad"] * points
        right = EDGE_PX
        for _ in range(3):  # the last tick's label depends on the range, which depends on the room it leaves
            right = EDGE_PX + self._x_range(width - left - right) / 2
        pin_ticks(self.axes.xaxis)
        self.axes.set_position((left / width, bottom / height, (width - left - right) / width, plot_height / height))

    def _x_range(self, plot_width: float) -> float:
        """Set the value axis so that every figure fits right of its bar; the width of its last tick label."""
        ends = [0.0, *self.rows.ends]
        low = min(ends) * 1.25
        high = max(max(ends), 1.0 if max(ends) <= 0 else 0.0)
        for end, text in zip(self.rows.ends, self.rows.labels, strict=True):
            room = max(plot_width - self._width(text) - GAP_PX * 2, plot_width / 4)
            high = max(high, low + (end - low) * plot_width / room)
        self.axes.set_xlim(low, high)
        ticks = [tick for tick in self.axes.get_xticks() if low <= tick <= high]
        return self._width(tick_label(ticks[-1])) if ticks else 0.0

    def _legend(self) -> float:
        """The key below the plot at the figure's left edge, each name wrapped to the width; its height in px."""
        if not self.rows.keys:
            return 0.0
        rc = matplotlib.rcParams
        handle = (rc["legend.handlelength"] + rc["legend.handletextpad"] + rc["legend.columnspacing"]) * TEXT_SIZE
        room = (NARROW_WIDTH * self.dpi - 2 * EDGE_PX) / self.rows.columns - handle * self.dpi / 72
        for key in self.rows.keys:
            key.set_label(self._wrap(str(key.get_label()), room))
        legend = self.figure.legend(
            handles=self.rows.keys,
            loc="lower left",
            bbox_to_anchor=(EDGE_PX / self.dpi, EDGE_PX / self.dpi),
            bbox_transform=self.figure.dpi_scale_trans,  # inches from the bottom left: the figure's height may change
            ncols=self.rows.columns,
            borderaxespad=0.0,
            borderpad=0.0,
        )
        return float(legend.get_window_extent(self.renderer).height)

    def _wrap(self, text: str, room: float) -> str:
        """Break at spaces so that every line fits `room` px; a word longer than that stands on its own line."""
        lines: list[str] = []
        for word in text.split(" "):
            if lines and self._width(f"{lines[-1]} {word}") <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return "\n".join(lines)


# Each kind of chart specification and the function that draws it for a phone (tests check every kind has one).
NARROW_RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    DistributionSpec: narrow_distribution,
    BudgetSpec: narrow_budget,
    TargetActualSpec: narrow_target_actual,
}

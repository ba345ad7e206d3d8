"""Chart margins, measured instead of solved, so that each chart is drawn once: by the SVG output.

A layout engine (constrained layout) draws the figure to find its margins; here the few things that stand out
of the plot are measured as text with a renderer, without drawing anything.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

from generator.site.chartstyle import pin_ticks

MAX_LAYOUT_ROUNDS = 4  # margins settle in one or two: the y tick labels grow once when the axis stretches
EDGE_PX = 4.0  # air between the outermost text and the edge of the chart
LEGEND_ABOVE = 0.02  # the legend's gap above the plot, in plot heights
GAP_PX = 3.0  # air between a bar's label and what is next to it


class ChartLayout:
    """Fixed margins, measured instead of solved: each chart is drawn once, by the SVG output.

    The margins hold exactly what sticks out of the plot: the y tick labels and the unit heading on the left,
    the x tick labels below, the heading and the legend above. They are measured with a renderer (no drawing),
    and measured again after the y axis is stretched, because its tick labels may then grow.
    """

    def __init__(self, figure: Figure, axes: Axes, labels: Sequence[Text], values: Sequence[float]):
        self.figure, self.axes, self.labels, self.values = figure, axes, labels, values
        width, height = figure.get_size_inches() * figure.dpi
        self.renderer = RendererAgg(int(width), int(height), figure.dpi)
        self._x_heights: dict[tuple[str, ...], float] = {}
        self._y_widths: dict[str, float] = {}
        self._y_font = FontProperties(size=matplotlib.rcParams["ytick.labelsize"])
        self._measure_once()
        self.settle()  # labels are fitted to the bars' widths in this layout, then it settles again

    def settle(self, *, last: bool = False) -> None:
        """Leave room above the bars for their labels, with margins for the final tick labels; `last`: the labels
        will not change again, so the value axis keeps the ticks it has now."""
        # How far each label stands above its bar's top is measured once: it is set in points from the bar, so
        # it stays the same however the axis is stretched or the plot moved. A label changes (size, turn) only
        # between two calls of settle.
        self._rises = self._label_rises()
        for _ in range(MAX_LAYOUT_ROUNDS):
            before = self.axes.get_position().bounds
            self._leave_room_above()
            self._place()
            if _same_bounds(before, self.axes.get_position().bounds):
                break
        self._leave_room_above()
        if last:
            pin_ticks(self.axes.yaxis)

    def _place(self) -> None:
        """Margins for what sticks out of the plot now, each measured as text, not found by drawing the chart."""
        axes, plot = self.axes, self.axes.bbox
        points, rc = self.figure.dpi / 72, matplotlib.rcParams
        heading_left, heading_top = self._heading
        left = max(
            self._widest(self._y_tick_texts()) + (rc["ytick.major.size"] + rc["ytick.major.pad"]) * points,
            heading_left,
        )
        bottom = rc["xtick.major.pad"] * points + self._x_tick_height()  # the x ticks have no length
        # The legend is anchored LEGEND_ABOVE of the plot's height above its top right corner.
        top = max(heading_top, LEGEND_ABOVE * plot.height + self._legend_height)
        left, bottom, right, top = (max(0.0, edge) + EDGE_PX for edge in (left, bottom, 0.0, top))
        width, height = self.figure.bbox.width, self.figure.bbox.height
        axes.set_position((left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height))

    def _x_tick_height(self) -> float:
        # Measured once per set of labels: asking the axis for its tick labels builds every tick anew.
        formatter = self.axes.xaxis.get_major_formatter()
        texts = tuple(formatter.format_ticks(list(self.axes.get_xticks())))
        if texts not in self._x_heights:
            labels = self.axes.get_xticklabels()
            heights = [label.get_window_extent(self.renderer).height for label in labels if label.get_text()]
            self._x_heights[texts] = max(heights, default=0.0)
        return self._x_heights[texts]

    def _measure_once(self) -> None:
        """What stands out of the plot by a fixed offset, whatever its size: the unit heading and the legend."""
        plot = self.axes.bbox
        boxes = [text.get_window_extent(self.renderer) for text in self.axes.texts if text not in self.labels]
        self._heading = (
            max((plot.x0 - box.x0 for box in boxes), default=0.0),
            max((box.y1 - plot.y1 for box in boxes), default=0.0),
        )
        legend = self.axes.get_legend()
        self._legend_height = 0.0 if legend is None else legend.get_window_extent(self.renderer).height

    def _y_tick_texts(self) -> list[str]:
        axis = self.axes.yaxis
        low, high = sorted(axis.get_view_interval())
        slack = (high - low) * 1e-9
        locations = [float(value) for value in axis.get_majorticklocs() if low - slack <= value <= high + slack]
        return list(axis.get_major_formatter().format_ticks(locations))

    def _widest(self, texts: Sequence[str]) -> float:
        for text in texts:
            if text not in self._y_widths:
                self._y_widths[text] = self.renderer.get_text_width_height_descent(text, self._y_font, ismath=False)[0]
        return max((self._y_widths[text] for text in texts), default=0.0)

    def _label_rises(self) -> list[float | None]:
        """Pixels each label reaches above its bar's top (None for a bar below zero, whose label hangs under it).

        Measured with the axis from the lowest to the highest bar, so that every label's anchor is in the plot:
        matplotlib gives a label whose anchor is outside no size at all."""
        self.axes.set_ylim(*self._bar_range())
        return [
            None if value < 0 else label.get_window_extent(self.renderer).y1 - self._pixel_height(value)
            for label, value in zip(self.labels, self.values, strict=True)
        ]

    def _bar_range(self) -> tuple[float, float]:
        highest = max([0.0, *self.values])
        # With nothing but zeros, 0–1 avoids matplotlib's degenerate −0.05…0.05 range.
        return min([0.0, *self.values]), highest if highest > 0 else 1.0

    def _pixel_height(self, value: float) -> float:
        return float(self.axes.transData.transform((0, value))[1])

    def _leave_room_above(self) -> None:
        """Raise the top of the y axis until every label above its bar stays inside the plot."""
        bottom, needed = self._bar_range()
        height = self.axes.bbox.height
        for rise, value in zip(self._rises, self.values, strict=True):
            if rise is None:
                continue
            # Pixels the label needs above its bar's top: the same however the axis is stretched.
            share = max(height - (rise + GAP_PX), height / 4)  # an absurdly tall label must not send it to infinity
            needed = max(needed, bottom + (value - bottom) * height / share)
        self.axes.set_ylim(bottom, needed)


def _same_bounds(first: Sequence[float], second: Sequence[float]) -> bool:
    return all(abs(a - b) < 1e-4 for a, b in zip(first, second, strict=True))

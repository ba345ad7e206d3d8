"""What a chart drawing costs (issue 30): work matplotlib would do for nothing is left out, and the drawing stays
the same, byte for byte, as the full work draws it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from matplotlib import font_manager
from matplotlib.axis import Axis, Tick
from matplotlib.text import Text

from generator.site import chartlayout, chartpng, charts, chartstyle
from generator.site.chartspec import Bar, BudgetSeries, BudgetSpec, ChartSpec, DistributionSpec, TargetActualSpec

# Long Korean labels, figures large enough to be turned upright, a bar below zero and a year with no figure.
LONG_KOREAN = TargetActualSpec(
    "ta-long",
    (2023, 2024, 2025, 2026, 2027),
    (1_234_567.5, 2_000_000.0, None, -350_000.0, 12.0),
    (1_500_000.0, None, 987_654.25, 40.0, 0.0),
    "백만원 (시민참여예산 편성액 기준)",
    "시민참여예산 편성 규모: 연도별 목표와 실적",
    "2023년 목표 1,234,567.5백만원",
    "목표 (계획 수립 당시 기준)",
    "실적 (결산 확정액 기준)",
)
CROWDED = DistributionSpec(
    "dist-crowded",
    tuple(Bar(f"서울특별시 부서 이름 {number}", number * 1_234, number) for number in range(14)),
    "부서별 지표 수",
    "14개 부서",
    "지표 수",
)
BUDGET = BudgetSpec(
    "budget-long",
    (2023, 2024, 2025, 2026),
    tuple(
        BudgetSeries(f"전략 {n}", (1_000.0 * n, None, 2_500.5 * n, 7_000.0), name=f"전략 {n}: 시민 참여 확대 방안")
        for n in range(1, 6)
    ),
    "백만원",
    "전략별 예산",
    "5개 전략",
)
SPECS: tuple[ChartSpec, ...] = (LONG_KOREAN, CROWDED, BUDGET)
SOURCE = "출처: 합성 데이터, 2026."


def drawings(spec: ChartSpec) -> tuple[str, str, str, tuple[bytes, ...]]:
    wide_with_png, pngs = chartpng.draw_chart(spec, "wide", (SOURCE,))
    return charts.render(spec), charts.render(spec, "narrow"), wide_with_png, pngs


class _MeasuredEachRound(chartlayout.ChartLayout):
    """The layout as it was: every label measured again in every round."""

    def _leave_room_above(self) -> None:
        self._rises = self._label_rises()
        super()._leave_room_above()


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.chart_id)
def test_labels_measured_once_a_pass_give_the_layout_of_measuring_them_every_round(
    spec: ChartSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    once = charts.render(spec)
    monkeypatch.setattr(charts, "ChartLayout", _MeasuredEachRound)
    assert charts.render(spec) == once


def test_a_layout_pass_measures_each_label_once(monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[Text] = []
    settling = False
    real_extent = Text.get_window_extent
    real_settle = chartlayout.ChartLayout.settle

    def extent(self: Text, *args: Any, **kwargs: Any) -> Any:
        if settling:
            measured.append(self)
        return real_extent(self, *args, **kwargs)

    def settle(self: chartlayout.ChartLayout, *args: Any, **kwargs: Any) -> None:
        nonlocal settling
        settling = True
        # A label under a bar below zero needs no room above the plot.
        labels = [label for label, value in zip(self.labels, self.values, strict=True) if value >= 0]
        measured.clear()
        try:
            real_settle(self, *args, **kwargs)
        finally:
            settling = False
        # Each bar's label once a pass, in order (the x tick labels are measured once per set of labels too).
        assert [text for text in measured if any(text is label for label in labels)] == labels

    monkeypatch.setattr(Text, "get_window_extent", extent)
    monkeypatch.setattr(chartlayout.ChartLayout, "settle", settle)
    charts.render(LONG_KOREAN)
    charts.render(CROWDED)


def test_an_axis_with_no_label_is_not_measured_to_place_it(monkeypatch: pytest.MonkeyPatch) -> None:
    placed: list[str] = []
    real = Axis._get_tick_boxes_siblings

    def siblings(self: Axis, *args: Any, **kwargs: Any) -> Any:
        placed.append(type(self).__name__)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Axis, "_get_tick_boxes_siblings", siblings)
    for spec in SPECS:
        charts.render(spec)
        chartpng.draw_chart(spec, "wide", (SOURCE,))
    assert placed == []
    charts.render(LONG_KOREAN, "narrow")  # a phone's value axis has its unit for a label, placed by matplotlib
    assert placed == ["XAxis"]


@pytest.mark.parametrize("variant", ["wide", "narrow"])
def test_every_tick_made_is_drawn(variant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    drawn: list[str] = []
    real_tick, real_draw = Axis._get_tick, Tick.draw

    def get_tick(self: Axis, *args: Any, **kwargs: Any) -> Tick:
        made.append(type(self).__name__[0])  # X or Y
        return real_tick(self, *args, **kwargs)

    def draw(self: Tick, renderer: Any) -> None:
        drawn.append(type(self).__name__[0])  # XTick or YTick
        real_draw(self, renderer)

    monkeypatch.setattr(Axis, "_get_tick", get_tick)
    monkeypatch.setattr(Tick, "draw", draw)
    for spec in SPECS:
        made.clear()
        drawn.clear()
        charts.render(spec, variant)  # type: ignore[arg-type]
        # Matplotlib makes one minor tick for each axis with the plot, never drawn; no tick outside the range.
        assert sorted(made) == sorted([*drawn, "X", "Y"]), spec.chart_id


@contextlib.contextmanager
def _no_font_memory() -> Iterator[None]:
    yield


def test_fonts_found_once_a_chart_draw_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    remembered = [drawings(spec) for spec in SPECS]
    monkeypatch.setattr(chartstyle, "_fonts_found_once", _no_font_memory)
    assert [drawings(spec) for spec in SPECS] == remembered


def test_matplotlib_looks_a_font_up_only_a_few_times_a_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    lookups = 0
    real = font_manager.FontManager._find_fonts_by_props

    def find(self: font_manager.FontManager, *args: Any, **kwargs: Any) -> Any:
        nonlocal lookups
        lookups += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(font_manager.FontManager, "_find_fonts_by_props", find)
    chartpng.draw_chart(LONG_KOREAN, "wide", (SOURCE,))
    # One per set of font properties (sizes, the legend's, the turned labels'), not hundreds.
    assert 0 < lookups <= 12
    # And the font manager is left as it was, for whatever else the process draws.
    assert "_find_fonts_by_props" not in font_manager.fontManager.__dict__


def test_nested_chart_styles_leave_the_font_manager_as_it_was() -> None:
    with chartstyle.chart_style():
        outer = font_manager.fontManager.__dict__["_find_fonts_by_props"]
        with chartstyle.chart_style():
            assert font_manager.fontManager.__dict__["_find_fonts_by_props"] is not outer
        assert font_manager.fontManager.__dict__["_find_fonts_by_props"] is outer
    assert "_find_fonts_by_props" not in font_manager.fontManager.__dict__


def test_the_drawings_are_the_same_bytes_every_time() -> None:
    first = [drawings(spec) for spec in SPECS]
    assert [drawings(spec) for spec in reversed(SPECS)] == list(reversed(first))

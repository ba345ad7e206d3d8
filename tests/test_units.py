"""Units that carry a scale (issue 9): Korean figures as the source writes them, English multiplied out."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data.units import implied_scale
from generator.data.validate import validate_path
from generator.errors import Severity
from generator.numbers import unit_display


@pytest.mark.parametrize(
    ("figure", "unit", "scale", "korean", "english"),
    [
        (140, ("만명", "people"), 10_000, "140만명", "1.4 million people"),
        (32_000, ("천건", "items"), 1_000, "32,000천건", "32 million items"),
        (3.5, ("만명", "people"), 10_000, "3.5만명", "35,000 people"),  # under a million: the digits
        (25, ("억원", "won"), 10**8, "25억원", "2.5 billion won"),
        (12.3456, ("백만원", "won"), 10**6, "12.3456백만원", "12,345,600 won"),  # millions would need 4 decimals
        (1, ("건", "cases"), 1, "1건", "1 case"),
        (5, ("조사 건수", "surveys"), 1, "5 조사 건수", "5 surveys"),  # a phrase stands apart from its figure
    ],
)
def test_a_figure_with_its_unit(figure: float, unit: tuple[str, str], scale: int, korean: str, english: str) -> None:
    assert unit_display(*unit, scale, "ko", [figure]).with_unit(figure) == korean
    assert unit_display(*unit, scale, "en", [figure]).with_unit(figure) == english


def test_a_column_or_chart_shares_one_display() -> None:
    """A chart's axis names one unit: every bar in millions, or, if one would lose a digit, every bar in full."""
    display = unit_display("만명", "people", 10_000, "en", [102, 122, None])
    assert (display.unit, display.figure(102), display.figure(122)) == ("million people", "1.02", "1.22")
    mixed = unit_display("만명", "people", 10_000, "en", [102, 3.45])
    assert (mixed.unit, mixed.figure(102), mixed.figure(3.45)) == ("people", "1,020,000", "34,500")


def test_a_budget_column_stays_in_the_word_its_smallest_figure_reaches() -> None:
    """All of 17 and 5,740 백만원 are exact in billions, but 0.017 billion won would read badly: million won."""
    display = unit_display("백만원", "won", 10**6, "en", [17, 5_740])
    assert (display.unit, display.figure(17), display.figure(5_740)) == ("million won", "17", "5,740")
    small = unit_display("백만원", "won", 10**6, "en", [0.5, 20])
    assert (small.unit, small.figure(0.5)) == ("million won", "0.5")


def test_rates_use_the_source_figures_not_the_display() -> None:
    display = unit_display("만명", "people", 10_000, "en", [1 / 3])
    assert display.value(1 / 3) * 3 == pytest.approx(10_000)


@pytest.mark.parametrize(
    ("unit", "scale"),
    [
        ("만명", 10_000),
        ("천건", 1_000),
        ("억원", 10**8),
        ("백만원", 10**6),
        ("천원", 1_000),
        ("건", None),
        ("만족도", None),
        ("조사 건수", None),
        ("천연가스", None),
    ],
)
def test_the_scale_a_korean_unit_implies(unit: str, scale: int | None) -> None:
    assert implied_scale(unit) == scale


def _validate_with_unit(demo_plan: Path, unit: str) -> list[str]:
    project = demo_plan / "projects" / "1-1-1.yaml"
    project.write_text(
        project.read_text(encoding="utf-8").replace("unit: {ko: 건, en: cases}", f"unit: {unit}"), encoding="utf-8"
    )
    report = validate_path(demo_plan)
    return [p.format() for p in report.problems if p.severity is not Severity.NOTICE]


def test_a_scaled_unit_without_its_scale_is_a_warning(demo_plan: Path) -> None:
    [warning] = _validate_with_unit(demo_plan, "{ko: 만명, en: ten thousand people}")
    assert "warning: unit 만명 is 10,000 명 but states no scale (indicators[0].unit) — add scale: 10000" in warning


def test_a_wrong_scale_is_a_warning(demo_plan: Path) -> None:
    [warning] = _validate_with_unit(demo_plan, "{ko: 만명, en: people, scale: 1000}")
    assert "unit 만명 is 10,000 명 but states scale 1,000" in warning


def test_a_stated_scale_is_clean(demo_plan: Path) -> None:
    assert _validate_with_unit(demo_plan, "{ko: 만명, en: people, scale: 10000}") == []


def test_a_scale_must_be_a_power_of_ten(demo_plan: Path) -> None:
    [error] = _validate_with_unit(demo_plan, "{ko: 만명, en: people, scale: 15000}")
    assert "expected a power of ten such as 1000 (천) or 10000 (만), got number 15000" in error

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.data.grades import DEFAULT_SCALE, EXCLUDED, NOT_EVALUATED
from generator.evaluation.grading import (
    RateStatus,
    achievement_rate,
    distribution,
    grade_for,
    percent_of,
    round_half_up,
)

GRADE_ORDER = [band.grade for band in DEFAULT_SCALE]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(62.5, 63), (Decimal("62.5"), 63), (0.5, 1), (1.5, 2), (2.5, 3), (99.4, 99), (99.5, 100), (100.5, 101)],
)
def test_round_half_up(value, shown):
    assert round_half_up(value) == shown


def test_python_round_would_differ_which_is_why_we_do_not_use_it():
    assert round(62.5) == 62 and round_half_up(62.5) == 63


@pytest.mark.parametrize(
    ("actual", "target", "shown", "grade"),
    [
        (99.5, 100, 100, "A"),
        (99.4, 100, 99, "B+"),
        (100.5, 100, 101, "A+"),
        (100, 100, 100, "A"),
        (95, 100, 95, "B+"),
        (94.4, 100, 94, "B"),
        (90, 100, 90, "B"),
        (89.5, 100, 90, "B"),
        (89.4, 100, 89, "C+"),
        (85, 100, 85, "C+"),
        (84.9, 100, 85, "C+"),
        (84.4, 100, 84, "C"),
        (80, 100, 80, "C"),
        (79.4, 100, 79, "D+"),
        (75, 100, 75, "D+"),
        (74.4, 100, 74, "D"),
        (70, 100, 70, "D"),
        (69.5, 100, 70, "D"),
        (69.4, 100, 69, "E"),
        (0, 100, 0, "E"),
    ],
)
def test_every_threshold(actual, target, shown, grade):
    rate = achievement_rate(target, actual)
    assert rate.status is RateStatus.OK
    assert rate.shown == shown
    assert grade_for(rate.shown) == grade


def test_grade_is_taken_from_the_shown_rate_not_the_exact_one():
    # 1,385 / 1,000 and 2,628 / 3,000 from the 2021 check: 87.6 → 88 → C+.
    assert achievement_rate(3000, 2628).shown == 88
    assert grade_for(achievement_rate(3000, 2628).shown) == "C+"
    # 5 / 8 = 62.5 %: half up gives 63, which the official table prints.
    assert achievement_rate(8, 5).shown == 63


def test_lower_is_better_divides_target_by_actual():
    rate = achievement_rate(10, 8, "lower")
    assert rate.exact == Decimal(125)
    assert grade_for(rate.shown) == "A+"
    assert achievement_rate(10, 20, "lower").shown == 50


def test_zero_target_and_missing_values_have_a_status_not_a_number():
    assert achievement_rate(0, 5).status is RateStatus.ZERO_TARGET
    assert achievement_rate(0, 5).shown is None
    assert achievement_rate(None, 5).status is RateStatus.NO_TARGET
    assert achievement_rate(5, None).status is RateStatus.NO_ACTUAL
    assert achievement_rate(5, 0, "lower").status is RateStatus.ZERO_ACTUAL
    assert achievement_rate(5, 0).shown == 0


def test_float_inputs_are_exact_in_decimal():
    assert achievement_rate(0.3, 0.1).exact == Decimal("0.1") / Decimal("0.3") * 100


@given(
    st.integers(min_value=0, max_value=100_000),
    st.integers(min_value=0, max_value=100_000),
    st.integers(min_value=1, max_value=100_000),
)
def test_a_higher_rate_never_gets_a_lower_grade(a, b, target):
    low, high = sorted((a, b))
    low_grade = grade_for(achievement_rate(target, low).shown)
    high_grade = grade_for(achievement_rate(target, high).shown)
    assert GRADE_ORDER.index(high_grade) <= GRADE_ORDER.index(low_grade)


@given(st.integers(min_value=-5, max_value=1000), st.integers(min_value=-5, max_value=1000))
def test_grade_is_monotonic_in_the_shown_rate(a, b):
    low, high = sorted((a, b))
    assert GRADE_ORDER.index(grade_for(high)) <= GRADE_ORDER.index(grade_for(low))


def test_distribution_counts_and_percents_half_up():
    categories = ["A+"] * 13 + ["A"] * 8 + ["B+"] + ["C+"] * 3 + ["C"] * 2 + ["D"] * 2 + ["E"] * 4
    categories += [EXCLUDED] * 7 + [NOT_EVALUATED] * 5
    result = distribution(categories)
    assert result.total == 45
    assert [(row.category, row.count, row.percent) for row in result.rows] == [
        ("A+", 13, 29),
        ("A", 8, 18),
        ("B+", 1, 2),
        ("B", 0, 0),
        ("C+", 3, 7),
        ("C", 2, 4),
        ("D+", 0, 0),
        ("D", 2, 4),
        ("E", 4, 9),
        (EXCLUDED, 7, 16),
        (NOT_EVALUATED, 5, 11),
    ]


def test_percent_of_nothing_is_zero():
    assert percent_of(0, 0) == 0

"""Achievement rates, grades and their distribution: pure functions, no I/O.

A reader must be able to check every grade from the numbers printed beside it, so a rate is computed
exactly (Decimal), shown as a whole percent rounded half up (62.5 → 63, as the official tables do), and the
grade is looked up from the shown rate, never from the unrounded one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from generator.data.grades import DEFAULT_SCALE, EXCLUDED, NOT_EVALUATED, PENDING, Band
from generator.numbers import exact

Number = int | float


class RateStatus(enum.Enum):
    """Why a rate could or could not be computed."""

    OK = "ok"
    NO_TARGET = "no_target"
    ZERO_TARGET = "zero_target"
    NO_ACTUAL = "no_actual"
    ZERO_ACTUAL = "zero_actual"  # lower-is-better with an actual of 0: target / 0 has no value
    QUALITATIVE = "qualitative"  # text target: needs an assessed rate or grade


@dataclass(frozen=True)
class Rate:
    status: RateStatus
    exact: Decimal | None = None

    @property
    def shown(self) -> int | None:
        return None if self.exact is None else round_half_up(self.exact)


def round_half_up(value: Decimal | Number) -> int:
    """Round to a whole number, halves away from zero: 62.5 → 63 (Python's round gives 62)."""
    return int(_decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _decimal(value: Decimal | Number) -> Decimal:
    return value if isinstance(value, Decimal) else exact(value)


def achievement_rate(target: Number | None, actual: Number | None, direction: str = "higher") -> Rate:
    """actual / target × 100 when higher is better; target / actual × 100 when lower is better."""
    if target is None:
        return Rate(RateStatus.NO_TARGET)
    if actual is None:
        return Rate(RateStatus.NO_ACTUAL)
    target_d, actual_d = _decimal(target), _decimal(actual)
    if direction == "lower":
        if actual_d == 0:
            return Rate(RateStatus.ZERO_ACTUAL)
        return Rate(RateStatus.OK, target_d / actual_d * 100)
    if target_d == 0:
        return Rate(RateStatus.ZERO_TARGET)
    return Rate(RateStatus.OK, actual_d / target_d * 100)


def grade_for(shown_rate: int, scale: Sequence[Band] = DEFAULT_SCALE) -> str:
    """The grade of the first band (highest first) whose minimum the shown rate reaches."""
    for band in scale:
        if shown_rate >= band.min_rate:
            return band.grade
    return scale[-1].grade


Tone = Literal["top", "mid", "low", "none"]


def tone_of(category: str, scale: Sequence[Band]) -> Tone:
    """How a grade mark looks, from the grade's place in the plan's own scale (no grade letters are known here).

    The top quarter of the ladder is `top` and the bottom third `low` (A+ A / B+ … C / D+ D E on the default
    ladder of nine); anything that is not a grade of the scale (excluded, not evaluated, pending) is `none`.
    """
    grades = [band.grade for band in scale]
    if category not in grades:
        return "none"
    position = grades.index(category)
    if position < max(1, round(len(grades) / 4)):
        return "top"
    if position >= len(grades) - max(1, len(grades) // 3):
        return "low"
    return "mid"


def percent_of(count: int, total: int) -> int:
    return 0 if total == 0 else round_half_up(Decimal(count) * 100 / Decimal(total))


@dataclass(frozen=True)
class DistributionRow:
    category: str  # a grade, EXCLUDED, NOT_EVALUATED or PENDING
    count: int
    percent: int


@dataclass(frozen=True)
class Distribution:
    total: int
    rows: tuple[DistributionRow, ...]

    def count(self, category: str) -> int:
        return next((row.count for row in self.rows if row.category == category), 0)


def distribution(categories: Iterable[str], scale: Sequence[Band] = DEFAULT_SCALE) -> Distribution:
    """Count and percent (half up) per grade, then 평가 제외, 평가 안함 and pending; all grades listed."""
    values = list(categories)
    order = [band.grade for band in scale] + [EXCLUDED, NOT_EVALUATED]
    if PENDING in values:
        order.append(PENDING)
    unknown = sorted(set(values) - set(order))
    total = len(values)
    rows = tuple(DistributionRow(c, values.count(c), percent_of(values.count(c), total)) for c in order + unknown)
    return Distribution(total, rows)

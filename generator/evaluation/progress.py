"""Progress from one year's check to the next: which indicators went up or down a grade, which left or came back
into the evaluation. Pure functions over two `YearEvaluation`s of the same plan."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from generator.data.grades import EXCLUDED, NOT_EVALUATED, PENDING
from generator.evaluation.year import IndicatorOutcome, YearEvaluation

LEFT_OUT = (EXCLUDED, NOT_EVALUATED)


class Movement(enum.Enum):
    UP = "up"  # a better grade than in the previous check
    DOWN = "down"
    LEFT_OUT = "left_out"  # newly excluded (평가 제외) or not evaluated (평가 안함)
    BACK = "back"  # graded again after being left out


@dataclass(frozen=True)
class OutcomeChange:
    movement: Movement
    before: IndicatorOutcome
    after: IndicatorOutcome


def previous_check(evaluations: Mapping[int, YearEvaluation], year: int) -> YearEvaluation | None:
    """The latest check before `year`, or None when `year` is the first one."""
    earlier = [previous for previous in evaluations if previous < year]
    return evaluations[max(earlier)] if earlier else None


def changes_since(previous: YearEvaluation, current: YearEvaluation) -> tuple[OutcomeChange, ...]:
    """Each indicator checked in both years whose grade moved or that left or re-entered the evaluation, in
    plan order. An indicator without a grade in either year (pending, no result filed) has nothing to compare."""
    before = {(o.project.id, o.indicator.id): o for o in previous.outcomes}
    ranks = {band.grade: rank for rank, band in enumerate(current.scale)}
    changes = []
    for after in current.outcomes:
        earlier = before.get((after.project.id, after.indicator.id))
        if earlier is None:
            continue
        movement = _movement(earlier, after, ranks)
        if movement is not None:
            changes.append(OutcomeChange(movement, earlier, after))
    return tuple(changes)


def _movement(before: IndicatorOutcome, after: IndicatorOutcome, ranks: Mapping[str, int]) -> Movement | None:
    if before.status is None or after.status is None:
        return None  # no result filed in one of the years
    old, new = before.category, after.category
    if new in LEFT_OUT and old not in LEFT_OUT:
        return Movement.LEFT_OUT
    if old in LEFT_OUT and new not in LEFT_OUT and new != PENDING:
        return Movement.BACK
    if old in ranks and new in ranks and old != new:
        # The scale lists the best grade first.
        return Movement.UP if ranks[new] < ranks[old] else Movement.DOWN
    return None

"""The plan total of an indicator, by what its figures count (pure).

A flow (연간 실적: each year counts anew) totals over the plan as the sum of its yearly targets, which the plan
states as its total (the rules check the two agree, or that the difference is recorded). A stock (누적 수준: a
level at year end) is not summed: its plan total is the final year's target. Plans sometimes state the sum for a
stock too ("합계 137,000" for a level that ends at 36,500); that stated figure is kept as data, not shown as the
plan's total.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.schema import IndicatorSpec, Target


@dataclass(frozen=True)
class PlanTotal:
    value: Target
    final_year: int | None  # a stock's: the year whose target the total is; None for a flow's sum
    stated_instead: Target  # a stock's total as the plan states it, when that is another figure; else None


def plan_total(indicator: IndicatorSpec) -> PlanTotal | None:
    """The indicator's total over the plan, where the plan states one; None where it states none (and for a
    qualitative indicator, which has no kind)."""
    if indicator.total is None or indicator.kind is None:
        return None
    if indicator.kind == "flow":
        return PlanTotal(indicator.total, None, None)
    final = next(
        (
            (year, indicator.targets[year])
            for year in sorted(indicator.targets, reverse=True)
            if indicator.targets[year] is not None
        ),
        None,
    )
    if final is None:
        return PlanTotal(indicator.total, None, None)
    year, value = final
    return PlanTotal(value, year, None if value == indicator.total else indicator.total)

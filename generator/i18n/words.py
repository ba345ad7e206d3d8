"""Words of issue 26's "words, once": counts of a plan's levels, the plan total of an indicator by its kind, an
amendment that changed only the Korean text."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # A count of one of a plan's levels, as each language counts: "전략 4", "4 strategies" (`describe.counted`).
    "level_count": {"ko": "{level} {count}", "en": "{count} {level}"},
    # A range in a message worded later (a plan's period in a problem), with the mark of `numbers.RANGE_MARKS`.
    "span": {"ko": "{first}~{last}", "en": "{first}–{last}"},
    # A change whose English reads the same before and after: the Korean is shown (review.view._field_row).
    "diff_source_only": {"ko": "{label} (원문만 바뀜)", "en": "{label} (Korean text changed)"},
    # The plan total of a stock (a level at year end): its final target, not a sum (`evaluation.totals`).
    "plan_total_stock": {"ko": "최종 목표({year}년)", "en": "Final target ({year})"},
    "stated_total_not_used": {
        "ko": "계획서에 적힌 합계 {stated:은} 쓰지 않습니다: 누적 지표의 목표는 마지막 해의 목표입니다",
        "en": "the total the plan states, {stated}, is not used: a cumulative indicator's target is its final year's",
    },
}

"""Words of the headlines (issue 26): how a check did and what it spent, the plan's size, the summary table."""

from __future__ import annotations

HEADLINE: dict[str, dict[str, str]] = {
    # -- the annual report's headline ----------------------------------------------------------------------
    "headline_graded": {
        "ko": "{year}년 점검은 {indicator} {total}개 중 {graded}개를 평가했고, 그중 {top}개({share})가 "
        "{grade} 등급 이상이며 {met}개가 목표를 달성했습니다(달성도 100% 이상).",
        "en": "The {year} check graded {graded} of {total} {indicators}: {top} ({share} of those graded) at "
        "{grade} or above, and {met} met their target (a rate of 100% or more).",
    },
    "headline_none_graded": {
        "ko": "{year}년 점검은 {indicator} {total}개 중 어느 것도 등급을 매기지 않았습니다.",
        "en": "The {year} check graded none of its {total} {indicators}.",
    },
    "headline_left_out": {
        "ko": "평가 제외 {excluded}개, 평가 안함 {not_evaluated}개입니다.",
        "en": "{excluded} excluded, {not_evaluated} not evaluated.",
    },
    "headline_pending": {
        "ko": "등급이 정해지지 않은 {indicator:은} {pending}개입니다.",
        "en": "{pending} have no grade yet.",
    },
    "headline_budget_only": {
        "ko": "{year}년 점검은 {indicator:을} 평가하지 않고 예산 집행만 기록했습니다.",
        "en": "The {year} check graded no {indicators}; it recorded budget execution only.",
    },
    "headline_nothing": {
        "ko": "{year}년 점검에는 평가 결과도 예산 집행도 기록되지 않았습니다.",
        "en": "The {year} check recorded neither grades nor budget execution.",
    },
    "headline_money": {
        "ko": "예산현액 {budget} 중 {spent:을} 지출해 집행률은 {rate}입니다(원인행위 {committed}, {committed_rate}).",
        "en": "Of a budget of {budget}, {spent} was spent ({rate}) and {committed} committed ({committed_rate}).",
    },
    "headline_no_money": {
        "ko": "이 점검에는 예산 집행 실적이 기록되지 않았습니다.",
        "en": "The check recorded no budget execution figures.",
    },
    "headline_bar_label": {"ko": "{indicator}의 등급 분포: {parts}", "en": "Grades of the {indicators}: {parts}"},
    "headline_top": {"ko": "{grade} 이상", "en": "{grade} or above"},
    "headline_other_grades": {"ko": "그 밖의 등급", "en": "Other grades"},
    "headline_no_grade": {"ko": "등급 없음", "en": "No grade yet"},
    # -- the summary table (총괄표) ----------------------------------------------------------------------------
    "summary_table": {"ko": "총괄표", "en": "Summary table"},
    "summary_caption": {"ko": "{year}년 {strategy}별 총괄표", "en": "{year} summary by {strategy}"},
    "summary_graded": {"ko": "평가", "en": "Graded"},
    # -- the plan's headline ------------------------------------------------------------------------------
    "plan_headline": {
        "ko": "{period}년 {years}년간 {budget} 규모의 계획으로, {counts:를} 둡니다.",
        "en": "A {years}-year plan, {period}, of {budget}: {counts}.",
    },
    "plan_headline_no_budget": {
        "ko": "{period}년 {years}년간의 계획으로, {counts:를} 둡니다.",
        "en": "A {years}-year plan, {period}: {counts}.",
    },
    "plan_budget_words": {"ko": "{years}년간 {budget}", "en": "{budget} over {years} years"},
    "headline_level_count": {"ko": "{name} {count}개", "en": "{count} {name}"},
    "count_list": {"ko": "{items}, {last}", "en": "{items} and {last}"},
    # -- the home page ------------------------------------------------------------------------------------
    "home_heading": {"ko": "계획과 이행 점검", "en": "Plans and their implementation checks"},
    "current_plan": {"ko": "현재 계획", "en": "Current plan"},
    "earlier_plan": {"ko": "이전 계획", "en": "Earlier plan"},
}

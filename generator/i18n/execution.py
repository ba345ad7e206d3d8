"""Words of the audit findings on budget execution: a printed execution rate the figures do not give."""

from __future__ import annotations

EXECUTION: dict[str, dict[str, str]] = {
    "finding_execution_rate_differs": {
        "ko": "공표된 {measure} {stated:은} 수치로 산출한 {computed:과} 다릅니다.",
        "en": "The published {measure} {stated} differs from the {computed} the figures give.",
    },
    "finding_execution_rate_no_budget": {
        "ko": "공표된 {measure} {stated:은} 예산현액이 없어 수치로 다시 산출할 수 없습니다.",
        "en": "The published {measure} {stated} cannot be recomputed: there is no budget to divide by.",
    },
    "execution_finding_total": {"ko": "예산 집행 합계", "en": "Budget execution, total"},
    "execution_finding_project": {"ko": "{project} 예산 집행", "en": "{project}: budget execution"},
    "measure_committed_rate": {"ko": "원인행위율", "en": "commitment rate"},
    "measure_spent_rate": {"ko": "집행률(지출)", "en": "execution rate (spent)"},
}

"""The printed page: its running header and footer, the unit line above a table, and the legend of table marks.

The page number is written as a pattern with `{page}` and `{pages}`: the page model splits it around the two
numbers, which only the printer knows (CSS `counter(page)` and `counter(pages)`).
"""

from __future__ import annotations

PRINTED: dict[str, dict[str, str]] = {
    # The running footer (base.html, from PageMeta.print_heads).
    "print_page_number": {"ko": "{page} / {pages}쪽", "en": "Page {page} / {pages}"},
    "print_data_date": {"ko": "자료 기준일 {date}", "en": "Data as of {date}"},
    # The right-aligned line above a table whose figures share one unit, as official reports print it.
    "table_unit": {"ko": "(단위: {unit})", "en": "(Unit: {unit})"},
    # The legend of the marks the report's tables use (ReportContent.legend).
    "legend_heading": {"ko": "표의 기호", "en": "Marks used in the tables"},
    "legend_none": {
        "ko": "수치 없음(목표나 실적이 없거나 달성도·집행률을 산출할 수 없음)",
        "en": "No figure (there is no target or result, or no rate can be computed)",
    },
    "legend_computed": {
        "ko": "보고서에 실린 등급이나 정성 평가로 정한 등급이 수치로 산출한 등급과 다를 때 괄호 안에 산출 등급을 적음",
        "en": "Where the grade shown was taken from the report or set by judgement and differs from the grade the "
        "figures give, that grade follows in brackets",
    },
    "legend_excluded": {
        "ko": "평가 대상에서 뺀 항목으로 등급이 없음. 실적 칸이나 평가 제외 표에 사유를 적음",
        "en": "Left out of the evaluation, so not graded; the actual column or the table of excluded items gives "
        "the reason",
    },
    "legend_not_evaluated": {
        "ko": "그해 평가하지 않은 항목(그해 목표가 없는 경우 등)으로 등급이 없음",
        "en": "Not evaluated that year (for instance, it had no target that year), so not graded",
    },
    "legend_pending": {
        "ko": "결과가 아직 확정되지 않아 등급이 없음",
        "en": "The result is not final yet, so there is no grade",
    },
}

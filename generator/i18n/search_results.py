"""Words of the search page's results: the "more results" control, and the kind of page each result is."""

from __future__ import annotations

SEARCH_RESULTS: dict[str, dict[str, str]] = {
    # The button under the results when there are more than the page shows at once; {count} is how many more
    # the next press shows.
    "search_more": {"ko": "결과 {count}건 더 보기", "en": "Show {count} more results"},
    # The kind of page a result is, named before where it sits ("단위사업 · 계획 › 전략"), one per kind of
    # page in the search index (`generator.site.pages.KINDS`).
    "result_kind_plan": {"ko": "계획", "en": "Plan"},
    "result_kind_project": {"ko": "단위사업", "en": "Unit project"},
    "result_kind_report": {"ko": "연도별 점검 결과", "en": "Annual check"},
    "result_kind_amendments": {"ko": "공개 후 수정 내역", "en": "Amendments"},
    "result_kind_departments": {"ko": "부서", "en": "Department"},
    "result_kind_methodology": {"ko": "평가 방법", "en": "Methodology"},
    "result_kind_dictionary": {"ko": "데이터 사전", "en": "Data dictionary"},
}

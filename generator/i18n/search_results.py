"""Words of the search page's results beyond the first ones shown (the "more results" control)."""

from __future__ import annotations

SEARCH_RESULTS: dict[str, dict[str, str]] = {
    # The button under the results when there are more than the page shows at once; {count} is how many more
    # the next press shows.
    "search_more": {"ko": "결과 {count}건 더 보기", "en": "Show {count} more results"},
}

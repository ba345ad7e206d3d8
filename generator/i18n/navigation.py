"""The words of getting around: contents lists, years not checked (issue 26, item 5)."""

from __future__ import annotations

NAVIGATION: dict[str, dict[str, str]] = {
    "contents_label": {"ko": "차례", "en": "On this page"},
    "report_not_checked": {"ko": "{year}년: 미점검", "en": "{year}: not checked"},
}

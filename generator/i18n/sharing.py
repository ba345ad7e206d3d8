"""Words for sharing and trust: the page's last change, its licence and how to cite it, and the one-sentence
descriptions that link previews (Open Graph) show for pages without a headline of their own."""

from __future__ import annotations

SHARING: dict[str, dict[str, str]] = {
    "last_updated": {"ko": "최종 수정", "en": "Last updated"},
    "licence_label": {"ko": "이용 조건", "en": "Licence"},
    "cite_label": {"ko": "인용", "en": "How to cite"},
    # How to cite a page: the publisher (site.yaml's organisation) or none, the page's title unless it is the
    # site's own (the home page), the site, the year of the page's last change; the address follows when known.
    "cite_page": {"ko": "{author}, 「{title}」, {site}, {year}.", "en": "{author} ({year}). {title}. {site}."},
    "cite_page_no_author": {"ko": "「{title}」, {site}, {year}.", "en": "{title}. {site}, {year}."},
    "cite_site": {"ko": "{author}, 「{site}」, {year}.", "en": "{author} ({year}). {site}."},
    "cite_site_no_author": {"ko": "「{site}」, {year}.", "en": "{site} ({year})."},
    "cite_online": {"ko": "{citation} {url}", "en": "{citation} {url}"},
    # A unit project's description in link previews: where it sits, who runs it, its latest check.
    "summary_project": {"ko": "{where}. 소관: {departments}.", "en": "{where}. Responsible: {departments}."},
    "summary_project_no_department": {"ko": "{where}.", "en": "{where}."},
    "summary_project_checked": {"ko": "{year}년 점검 결과: {grades}.", "en": "Checked in {year}: {grades}."},
    "summary_department": {
        "ko": "{department} 소관 {project} {count}개와 그 점검 결과 ({plans}).",
        "en": "The {count} {project_plural} of {department} and their checks ({plans}).",
    },
    "summary_department_one": {
        "ko": "{department} 소관 {project} 1개와 그 점검 결과 ({plans}).",
        "en": "The one {project_lower} of {department} and its checks ({plans}).",
    },
    "summary_departments": {
        "ko": "부서 {count}곳의 {project} 목록과 최근 점검 결과.",
        "en": "The {project_plural} of {count} departments and their latest checks.",
    },
}

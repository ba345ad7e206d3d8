"""Words for following the record: the Atom feeds (`generator.site.feeds`) and the links to them on the pages."""

from __future__ import annotations

FEEDS: dict[str, dict[str, str]] = {
    # The feeds' own titles: in a feed reader's list of subscriptions and in <link rel="alternate"> of each page.
    "feed_site_title": {"ko": "{site} — 새 소식", "en": "{site} — updates"},
    "feed_plan_title": {"ko": "{plan} — 새 소식", "en": "{plan} — updates"},
    "feed_subtitle": {
        "ko": "새로 공개된 연도별 이행 점검 결과와 공개 후 수정 내역",
        "en": "Annual implementation checks as they are published, and amendments made after publication",
    },
    # An entry for an annual check, and one for an amendment; {plan} is the plan's short title.
    "feed_check_title": {
        "ko": "{year}년 이행사항 점검 결과 공개 — {plan}",
        "en": "{year} implementation check published — {plan}",
    },
    "feed_amendment_title": {"ko": "공개 후 수정: {heading} — {plan}", "en": "Amended: {heading} — {plan}"},
    # The first line of an amendment's summary, then one line per changed value.
    "feed_amendment_when": {"ko": "{date} 수정 ({change})", "en": "Amended on {date} ({change})"},
    "feed_amendment_line": {"ko": "{label}: {before} → {after}", "en": "{label}: {before} → {after}"},
    "feed_kind_check": {"ko": "이행 점검", "en": "Implementation check"},
    "feed_kind_amendment": {"ko": "수정", "en": "Amendment"},
    # The visible link on the home page, a plan's page and its list of amendments, with what a feed is for.
    "feed_follow_site": {"ko": "새 소식 구독 (Atom 피드)", "en": "Follow new checks and amendments (Atom feed)"},
    "feed_follow_plan": {
        "ko": "이 계획의 새 소식 구독 (Atom 피드)",
        "en": "Follow this plan's new checks and amendments (Atom feed)",
    },
    "feed_follow_help": {
        "ko": "피드 리더(RSS 리더) 앱이나 서비스에 이 링크의 주소를 넣으면, 새 이행 점검 결과가 공개되거나 "
        "공개된 수치가 수정될 때 알려 줍니다. 브라우저에서 바로 열면 웹 페이지가 아니라 코드가 보입니다.",
        "en": "Add this link's address to a feed reader (an RSS reader app or service) to be told when a new "
        "annual check is published or a published figure is amended. Opened in a browser, it shows code, "
        "not a page.",
    },
}

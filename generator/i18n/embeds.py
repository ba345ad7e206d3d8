"""Words of the embeds: the page another site shows in an <iframe> (one chart or one report's headline, with its
source), and the "embed this" block on the page each embed belongs to."""

from __future__ import annotations

EMBEDS: dict[str, dict[str, str]] = {
    # The source line under the chart: the publisher (site.yaml's organisation, else the site's name) and the
    # plan; the data date when the data has one.
    "embed_source": {"ko": "출처: {publisher}, 「{plan}」", "en": "Source: {publisher}, {plan}"},
    "embed_source_dated": {
        "ko": "출처: {publisher}, 「{plan}」, 자료 기준일 {date}",
        "en": "Source: {publisher}, {plan}. Data as of {date}",
    },
    # The link back to the page the embed comes from; it opens in a new tab, which a screen reader is told.
    "embed_back": {"ko": "{site}에서 자세히 보기", "en": "More on {site}"},
    "embed_new_tab": {"ko": "(새 탭에서 열림)", "en": "(opens in a new tab)"},
    "embed_details": {"ko": "차트 설명과 자료 표", "en": "Chart description and data table"},
    "embed_headline_details": {"ko": "요약 설명과 자료 표", "en": "Summary description and data table"},
    "embed_headline_caption": {
        "ko": "{year}년 점검: 등급별 {indicator} 수",
        "en": "The {year} check: {indicators} by grade",
    },
    # The iframe's title: what a screen reader on the other site says the frame is.
    "embed_frame_title": {"ko": "{title} ({site})", "en": "{title} ({site})"},
    # The "embed this" block on the chart's own page.
    "embed_chart_heading": {"ko": "이 차트 퍼가기", "en": "Embed this chart"},
    "embed_headline_heading": {"ko": "이 요약 퍼가기", "en": "Embed this summary"},
    "embed_code_label": {
        "ko": "다른 웹사이트에 넣을 HTML 코드 (선택해 복사하세요)",
        "en": "HTML code to put this on another website (select and copy it)",
    },
    "embed_code_relative": {
        "ko": "이 사이트의 주소를 알 수 없어 src를 사이트 안의 경로로 적었습니다. "
        "붙여 넣기 전에 그 앞에 사이트 주소를 붙이세요.",
        "en": "The site's address is not known, so src is a path inside the site: put the site's address before it "
        "when you paste the code.",
    },
    "embed_copy": {"ko": "코드 복사", "en": "Copy code"},
    "embed_copied": {"ko": "코드를 복사했습니다.", "en": "Code copied."},
}

"""Every page template, in both languages, in a real browser (issue 5)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from .checks import axe_violations, keyboard_problems, structure_problems, watch

REPORT_2021 = "plans/seoul-citizen-participation-2019/reports/2021.html"
TEMPLATES = {
    "home": "index.html",
    "plan": "plans/seoul-citizen-participation-2024/index.html",
    "project": "plans/seoul-citizen-participation-2024/projects/2-4-1.html",
    "report": REPORT_2021,
    "report-empty": "plans/seoul-citizen-participation-2024/reports/2024.html",
    "departments": "departments/index.html",
    "department": "departments/new-media-division.html",
    "methodology": "methodology.html",
    "data-dictionary": "data.html",
    "search": "search.html",
    "not-found": "404.html",
}
PAGES = [(name, lang) for name in TEMPLATES for lang in ("ko", "en")]


def page_url(base_url: str, name: str, lang: str) -> str:
    return base_url + ("" if lang == "ko" else "en/") + TEMPLATES[name]


def origin_of(base_url: str) -> str:
    return re.match(r"https?://[^/]+", base_url).group(0)


@pytest.mark.parametrize(("name", "lang"), PAGES, ids=[f"{n}-{lang}" for n, lang in PAGES])
def test_page_is_accessible_and_self_contained(context, base_url: str, name: str, lang: str, screenshots: Path) -> None:
    page = context.new_page()
    traffic = watch(page, origin_of(base_url))
    response = page.goto(page_url(base_url, name, lang), wait_until="networkidle")
    assert response is not None and response.ok
    assert page.evaluate("document.documentElement.lang") == lang
    problems = axe_violations(page) + structure_problems(page, origin_of(base_url))
    page.screenshot(path=str(screenshots / f"{name}-{lang}.png"), full_page=True)
    problems += traffic.problems()
    problems += keyboard_problems(context, page_url(base_url, name, lang))
    assert problems == []


@pytest.mark.parametrize(("name", "lang"), PAGES, ids=[f"{n}-{lang}" for n, lang in PAGES])
def test_language_switch_leads_to_the_counterpart_and_back(context, base_url: str, name: str, lang: str) -> None:
    page = context.new_page()
    url = page_url(base_url, name, lang)
    page.goto(url)
    with page.expect_navigation():
        page.click("a.lang-switch")
    other = "en" if lang == "ko" else "ko"
    assert page.url == page_url(base_url, name, other)
    assert page.evaluate("document.documentElement.lang") == other
    with page.expect_navigation():
        page.click("a.lang-switch")
    assert page.url == url


def _printed_report(context, base_url: str, lang: str):
    page = context.new_page()
    page.goto(page_url(base_url, "report", lang), wait_until="networkidle")
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_report_prints_as_a_document(context, base_url: str, lang: str, screenshots: Path) -> None:
    page = _printed_report(context, base_url, lang)
    for selector in (".site-header", ".site-nav", ".breadcrumbs", ".print-button", ".skip-link", ".site-footer"):
        assert not page.is_visible(selector), f"{selector} shows in print"
    # A4 minus the 14 mm side margins is 182 mm, about 688 CSS pixels: nothing may be wider.
    page.set_viewport_size({"width": 688, "height": 1000})
    too_wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('main *'))
             .filter(el => el.getBoundingClientRect().right > 689)
             .map(el => el.tagName + '.' + el.className).slice(0, 5)"""
    )
    assert too_wide == []
    page.screenshot(path=str(screenshots / f"report-print-{lang}.png"), full_page=True)

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    # Cells wrap, so words of one cell may land on separate lines: compare without white space.
    # pypdf reads this font's spaces as \x01.
    pages = ["".join(p.extract_text().replace("\x01", " ").split()) for p in pdf.pages]
    assert 5 <= len(pages) <= 10, len(pages)
    header = ["과제", "추진과제", "달성도"] if lang == "ko" else ["Task", "Sub-task", "Rate"]
    first_row = "정보소통광장 공개 누적 건수" if lang == "ko" else "Items disclosed on the Information Plaza"
    last_row = "이행사항 점검횟수" if lang == "ko" else "Implementation checks"
    first_row, last_row = "".join(first_row.split()), "".join(last_row.split())
    start = next(i for i, text in enumerate(pages) if first_row in text)
    end = next(i for i, text in enumerate(pages) if last_row in text)
    assert end > start, "the detailed table should span pages"
    for number in range(start, end + 1):
        assert all(word in pages[number] for word in header), f"page {number + 1} lacks the table header"
    navigation = "부서별 보기" if lang == "ko" else "Departments"
    assert not any(navigation in text for text in pages)


@pytest.mark.parametrize("name", ["home", "report"])
def test_site_works_opened_as_files(context, built_site: Path, name: str) -> None:
    page = context.new_page()
    traffic = watch(page, "file://")
    page.goto((built_site / TEMPLATES[name]).as_uri())
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Malgun Gothic" in font, "the stylesheet did not load"
    with page.expect_navigation():
        page.click("a.site-name" if name == "report" else ".plan-card h2 a")
    assert page.url.startswith("file://") and page.locator("h1").count() == 1
    assert traffic.problems() == []


# Every chart text — tick labels, value labels, axis heading, legend — must lie inside its chart's drawing area,
# however the chart was laid out (one layout pass, issue 11): a clipped figure would misreport the record.
_TEXTS_OUTSIDE = """
() => {
  const outside = [];
  for (const svg of document.querySelectorAll("figure svg, .chart svg, svg[role=img]")) {
    if (!svg.getClientRects().length) continue;  // the drawing not shown at this width (wide or narrow)
    const box = svg.viewBox.baseVal;
    for (const text of svg.querySelectorAll("text")) {
      const b = text.getBBox();
      if (!text.textContent.trim()) continue;
      const m = text.getCTM(), root = svg.getCTM();
      const p = new DOMPoint(b.x, b.y).matrixTransform(root.inverse().multiply(m));
      const q = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(root.inverse().multiply(m));
      const [x0, x1] = [Math.min(p.x, q.x), Math.max(p.x, q.x)], [y0, y1] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
      if (x0 < box.x - 1 || y0 < box.y - 1 || x1 > box.x + box.width + 1 || y1 > box.y + box.height + 1)
        outside.push(`${svg.id}: ${text.textContent.trim()}`);
    }
  }
  return outside;
}
"""


@pytest.mark.parametrize("width", [1280, 360], ids=["wide", "narrow"])
@pytest.mark.parametrize("name", ["project", "report", "plan"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_chart_text_lies_inside_its_chart(context, base_url: str, name: str, lang: str, width: int) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page_url(base_url, name, lang))
    assert page.locator("svg text").count() > 0, "no chart on this page"
    assert page.evaluate(_TEXTS_OUTSIDE) == []

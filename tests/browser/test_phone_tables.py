"""Every built page, in both languages, on a 360 px phone (issue 27): the page does not scroll sideways, every
table fits or sits in a focusable labelled region, the detailed report table's key figures are on screen, and no
figure is ever covered by a sticky or fixed element. Geometry on every page; axe on one page of each kind."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ..sitecheck import html_pages
from .checks import axe_violations
from .test_browser import REPORT_2021, TEMPLATES

PHONE = {"width": 360, "height": 740}

# Tables wider than the screen outside a focusable region named by their caption.
_LOOSE_TABLES = """
() => Array.from(document.querySelectorAll('table')).filter(table => {
  const box = table.getBoundingClientRect();
  if (box.left >= 0 && box.right <= document.documentElement.clientWidth) return false;
  const region = table.closest('.scroll-region[role="region"]');
  const caption = table.querySelector('caption');
  return !(region && region.tabIndex === 0 && caption
           && region.getAttribute('aria-label').startsWith(caption.textContent.trim()));
}).map(table => table.querySelector('caption')?.textContent.trim() || table.className)
"""

# Numbers (text with a digit) covered by a sticky or fixed element, each scroll region scrolled to its start and to
# its end: a column stuck over the figures cut "27,177천건" into "77천건" (issue 27).
_COVERED_FIGURES = """
() => {
  const stuck = Array.from(document.querySelectorAll('body *')).filter(el =>
    ['sticky', 'fixed'].includes(getComputedStyle(el).position) && el.getBoundingClientRect().width > 0);
  if (!stuck.length) return [];
  const covered = [];
  const regions = Array.from(document.querySelectorAll('.scroll-region'));
  for (const end of [false, true]) {
    regions.forEach(region => { region.scrollLeft = end ? region.scrollWidth : 0; });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
      {acceptNode: node => /\\d/.test(node.textContent) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        for (const el of stuck) {
          if (el.contains(node)) continue;
          const box = el.getBoundingClientRect();
          if (rect.right > box.left && rect.left < box.right && rect.bottom > box.top && rect.top < box.bottom) {
            covered.push(node.textContent.trim());
          }
        }
      }
    }
  }
  regions.forEach(region => { region.scrollLeft = 0; });
  return covered;
}
"""

# The first data row of the detailed report table, scrolled into view: where its actual, rate and grade are.
_DETAIL_FIGURES = """
() => {
  const row = Array.from(document.querySelectorAll('table.detail tbody tr')).find(tr => tr.querySelector('td.num'));
  row.scrollIntoView();
  const cells = row.querySelectorAll('td');
  const region = row.closest('.scroll-region');
  return {scrolled: region.scrollLeft, width: document.documentElement.clientWidth,
          cells: [cells[cells.length - 3], cells[cells.length - 2], cells[cells.length - 1]].map(cell => {
            const box = cell.getBoundingClientRect();
            return {text: cell.textContent.trim(), left: box.left, right: box.right, top: box.top, bottom: box.bottom};
          })};
}
"""

# Regions are Tab stops exactly when they overflow (site.js; without it, all are).
_TAB_STOPS = """
() => Array.from(document.querySelectorAll('.scroll-region')).map(region =>
  [region.hasAttribute('tabindex'), region.scrollWidth > region.clientWidth + 1])
"""


def _pages(site: Path) -> list[str]:
    return sorted(str(page.relative_to(site)) for page in html_pages(site))


def test_every_page_fits_a_phone_with_its_figures_in_view(browser, base_url: str, built_site: Path) -> None:
    paths = _pages(built_site)
    assert len([p for p in paths if p.startswith("en/")]) > 100  # both languages
    # Axe on one page of each kind in each language: the geometry is checked on all of them.
    kinds = {language + path for path in TEMPLATES.values() for language in ("", "en/")}
    kinds |= {
        "plans/seoul-citizen-participation-2024/projects/1-1-1.html",
        "plans/seoul-citizen-participation-2019/amendments.html",
    }
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    started = time.monotonic()
    try:
        for path in paths:
            page.goto(base_url + path, wait_until="load")
            found = []
            if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
                found.append("the page scrolls sideways")
            found += [f"table not in view or region: {t}" for t in page.evaluate(_LOOSE_TABLES)]
            found += [f"figure under a sticky element: {n}" for n in page.evaluate(_COVERED_FIGURES)]
            if path in kinds:
                found += axe_violations(page)
            if found:
                problems[path] = found
    finally:
        context.close()
    elapsed = time.monotonic() - started
    print(f"\n{len(paths)} pages at 360 px in {elapsed:.0f} s")
    assert problems == {}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_detailed_tables_key_figures_are_on_screen_without_scrolling(browser, base_url: str, lang: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + ("" if lang == "ko" else "en/") + REPORT_2021, wait_until="load")
        found = page.evaluate(_DETAIL_FIGURES)
        assert found["scrolled"] == 0
        texts = [cell["text"] for cell in found["cells"]]
        assert texts[0] and texts[1].endswith("%") and texts[2], texts  # actual, rate, grade
        for cell in found["cells"]:
            assert cell["left"] >= 0 and cell["right"] <= found["width"], cell
            assert cell["top"] >= -1 and cell["bottom"] <= PHONE["height"] + 1, cell
    finally:
        context.close()


def test_only_regions_that_overflow_are_tab_stops_and_all_without_script(browser, base_url: str) -> None:
    url = base_url + REPORT_2021
    for script in (True, False):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=script)
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            stops = page.evaluate(_TAB_STOPS)
            assert stops
            if not script:
                assert all(focusable for focusable, _ in stops)
                continue
            assert all(focusable == overflows for focusable, overflows in stops), stops
            assert not all(focusable for focusable, _ in stops)  # the wide screen needs fewer of them
            page.set_viewport_size({"width": 700, "height": 900})  # narrower, yet above the phone layout
            page.wait_for_timeout(400)
            assert all(focusable == overflows for focusable, overflows in page.evaluate(_TAB_STOPS))
        finally:
            context.close()


def test_the_header_and_the_print_button_take_one_line_each(browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for lang in ("", "en/"):
            page.goto(base_url + lang + REPORT_2021, wait_until="load")
            lines = page.evaluate(
                """() => ({
                  name: document.querySelector('.site-name').getClientRects().length,
                  nameHeight: document.querySelector('.site-name').getBoundingClientRect().height,
                  menuTops: new Set(Array.from(document.querySelectorAll('.site-nav a'))
                                      .map(a => Math.round(a.getBoundingClientRect().top))).size,
                  printShown: document.querySelector('[data-print]').getBoundingClientRect().height > 0,
                })"""
            )
            assert lines["name"] == 1 and lines["nameHeight"] < 30, lines  # one line of about 21 px
            assert lines["menuTops"] == 1, lines
            assert not lines["printShown"], "on a phone, printing is the browser menu's"
    finally:
        context.close()

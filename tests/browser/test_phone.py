"""Every page template, in both languages, on a phone (issue 14): no sideways page, no word broken inside a
table cell, wide tables and charts in focusable labelled scroll regions, chart text of 10 px, touch targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import axe_violations
from .test_browser import PAGES, page_url

PHONES = {"360": (360, 740), "390": (390, 844)}
CASES = [(name, lang, phone) for name, lang in PAGES for phone in PHONES]

# Words of table cells broken between two letters or digits. A line may end where the line-breaking rules of
# Korean and English text allow inside a run of non-space: after a hyphen, slash, middle dot, comma or closing
# bracket, and before an opening bracket (공개 수|(누적), sub-|tasks).
_BROKEN_WORDS = """
() => {
  const after = new Set(['-', '/', '·', ',', ')', ']', '」', '』']), before = new Set(['(', '[', '「', '『']);
  const broken = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const match of text.matchAll(/\\S+/g)) {
        let previousTop = null;
        for (let i = match.index; i < match.index + match[0].length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = Array.from(range.getClientRects()).find(r => r.width > 0);
          if (!rect) continue;
          const top = Math.round(rect.top);
          if (previousTop !== null && top > previousTop + 2 && !after.has(text[i - 1]) && !before.has(text[i])) {
            broken.push(match[0]);
            break;
          }
          previousTop = top;
        }
      }
    }
  }
  return broken;
}
"""

# Tables wider than the screen outside a keyboard-focusable region named by the table's caption.
_UNSCROLLABLE_TABLES = """
() => Array.from(document.querySelectorAll('main table')).filter(table => {
  if (table.getBoundingClientRect().width <= document.documentElement.clientWidth) return false;
  const region = table.closest('[role="region"]');
  const caption = table.querySelector('caption');
  return !(region && region.tabIndex === 0 && caption && region.getAttribute('aria-label') === caption.textContent.trim()
           && region.scrollWidth > region.clientWidth && getComputedStyle(region).overflowX === 'auto');
}).map(table => table.querySelector('caption')?.textContent || table.className)
"""

# The smallest chart text as drawn, in CSS px: font size in the SVG's units times its scale on screen (of the
# drawing shown: each chart has a wide and a narrow one, see test_phone_charts.py).
_SMALLEST_CHART_TEXT = """
() => Math.min(Infinity, ...Array.from(document.querySelectorAll('main svg text'))
  .filter(text => text.ownerSVGElement.getClientRects().length).map(text =>
  parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a))
"""

# Links and buttons smaller than 24 × 24 CSS px, except links inside a sentence or a table cell's text (WCAG 2.5.8
# "inline"; axe's target-size rule judges those by their spacing).
_SMALL_TARGETS = """
() => Array.from(document.querySelectorAll('a[href], button')).filter(el => {
  if (el.closest('p, td, th, .prose, .skip-link')) return false;
  const box = el.getBoundingClientRect();
  return box.width > 0 && (box.width < 24 || box.height < 24);
}).map(el => el.textContent.trim() + ' ' + Math.round(el.getBoundingClientRect().height))
"""


@pytest.mark.parametrize(("name", "lang", "phone"), CASES, ids=[f"{n}-{lang}-{p}" for n, lang, p in CASES])
def test_page_reads_on_a_phone(browser, base_url: str, name: str, lang: str, phone: str) -> None:
    width, height = PHONES[phone]
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(page_url(base_url, name, lang), wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
        assert page.evaluate(_BROKEN_WORDS) == []
        assert page.evaluate(_UNSCROLLABLE_TABLES) == []
        smallest = page.evaluate(_SMALLEST_CHART_TEXT)
        assert smallest >= 9.95, f"chart text {smallest:.2f} px"  # Infinity on a page without charts
        assert page.evaluate(_SMALL_TARGETS) == []
        assert axe_violations(page) == []
    finally:
        context.close()


def test_phone_screenshots(browser, base_url: str, screenshots: Path) -> None:
    """The pages the README shows at 360 px: home, the 2021 report at its detailed table (each row a block of
    labelled figures, nothing to scroll sideways: issue 27), a project."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for name, lang in (("home", "ko"), ("report", "ko"), ("report", "en"), ("project", "ko")):
            page.goto(page_url(base_url, name, lang), wait_until="networkidle")
            if name == "report":
                page.evaluate("document.querySelector('table.detail').scrollIntoView()")
                region = "document.querySelector('table.detail').closest('.scroll-region')"
                assert page.evaluate(f"{region}.scrollWidth <= {region}.clientWidth")
            page.screenshot(path=str(screenshots / f"phone-{name}-{lang}.png"))
    finally:
        context.close()

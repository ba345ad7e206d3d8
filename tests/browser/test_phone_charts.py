"""Charts drawn for the screen they are on (issue 27): on a phone each chart is its narrow drawing, as wide as the
screen at most with text of 12 px at least; on a desktop screen and on paper the wide drawing, as before. The
browser chooses by the stylesheet alone; the drawing not chosen is not rendered, so it is neither seen nor read."""

from __future__ import annotations

from pathlib import Path

import pytest

# Per chart region: which drawings are rendered, and for each its width, right edge and smallest text in CSS px.
_CHARTS = """
() => Array.from(document.querySelectorAll('.chart-region')).map(region => {
  const shown = Array.from(region.querySelectorAll(':scope > div > svg')).filter(svg => svg.getClientRects().length);
  return shown.map(svg => {
    const box = svg.getBoundingClientRect();
    const sizes = Array.from(svg.querySelectorAll('text')).map(text =>
      parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a);
    return {kind: svg.parentElement.className, width: box.width, right: box.right, smallest: Math.min(...sizes),
            labelled: svg.getAttribute('aria-labelledby').split(' ').every(id => document.getElementById(id))};
  });
})
"""


def chart_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if 'class="chart-narrow"' in path.read_text(encoding="utf-8")
    )


def test_every_chart_is_drawn_for_the_screen_and_the_paper(browser, base_url: str, built_site: Path) -> None:
    pages = chart_pages(built_site)
    assert len(pages) > 100  # every plan, report and project page with a chart, in both languages
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    problems: list[str] = []
    try:
        page = context.new_page()
        for path in pages:
            page.set_viewport_size({"width": 360, "height": 740})
            page.emulate_media(media="screen")
            page.goto(base_url + path)
            viewport = page.evaluate("document.documentElement.clientWidth")
            for drawings in page.evaluate(_CHARTS):
                if [drawing["kind"] for drawing in drawings] != ["chart-narrow"]:
                    problems.append(f"{path} at 360: shows {drawings}")
                    continue
                (narrow,) = drawings
                if narrow["width"] > viewport or narrow["right"] > viewport or narrow["smallest"] < 11.99:
                    problems.append(f"{path} at 360: {narrow}")
                if not narrow["labelled"]:
                    problems.append(f"{path}: the narrow drawing's title or description is missing")
            page.set_viewport_size({"width": 1280, "height": 900})
            shown = [[drawing["kind"] for drawing in drawings] for drawings in page.evaluate(_CHARTS)]
            if any(kinds != ["chart-wide"] for kinds in shown):
                problems.append(f"{path} at 1280: shows {shown}")
            page.set_viewport_size({"width": 360, "height": 740})
            page.emulate_media(media="print")
            shown = [[drawing["kind"] for drawing in drawings] for drawings in page.evaluate(_CHARTS)]
            if any(kinds != ["chart-wide"] for kinds in shown):
                problems.append(f"{path} printed: shows {shown}")
    finally:
        context.close()
    assert problems == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_hidden_drawing_is_out_of_the_accessibility_tree(browser, base_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        prefix = "" if lang == "ko" else "en/"
        page.goto(f"{base_url}{prefix}plans/seoul-citizen-participation-2019/reports/2021.html")
        images = page.locator("figure.chart").get_by_role("img")
        assert images.count() == 1
        assert images.first.evaluate("svg => svg.parentElement.className") == "chart-narrow"
    finally:
        context.close()

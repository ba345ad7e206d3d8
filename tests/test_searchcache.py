"""What of a page the search index's key leaves out (site/searchcache.py, `searchterms.searched`): what Pagefind
leaves out and whose extent is sure, so that an edit of figures alone uses the published index again, and nothing
else does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.site.search import index_bundles, index_site
from generator.site.searchterms import searched

from .sitecheck import html_pages

CELL = '<td class="num" role="cell" data-label="목표" data-pagefind-ignore="all">33,500천건</td>'
SVG = (  # with an id that changes with the figure, as a drawing's clip path's may
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><desc id="d">2024: 목표 33,500천건</desc>'
    '<g id="p33,500"><text>33,500</text></g></svg>'
)
CHART = f'<div class="chart-wide" data-pagefind-ignore="all">{SVG}</div>'


def test_a_figure_s_cell_holding_text_only_is_left_out_and_what_is_around_it_kept() -> None:
    page = f"<tr><th>2024</th>{CELL}<td>A</td></tr>"
    assert searched(page.encode()) == b"<tr><th>2024</th><td>A</td></tr>"


def test_a_cell_holding_markup_or_not_marked_stays_in() -> None:
    marked_with_markup = '<td class="num" data-pagefind-ignore="all"><span>1</span></td>'
    unmarked = '<td class="num">1</td>'
    marked_for_the_index_only = '<td class="num" data-pagefind-ignore>1</td>'  # its metadata is still read
    for cell in (marked_with_markup, unmarked, marked_for_the_index_only):
        assert searched(f"<tr>{cell}<td>A</td></tr>".encode()) == f"<tr>{cell}<td>A</td></tr>".encode()


def test_a_chart_s_drawing_is_left_out_and_the_words_between_two_charts_kept() -> None:
    narrow = CHART.replace("chart-wide", "chart-narrow")
    page = f"<main><h2>지표</h2>{CHART}\n{narrow}<p>words</p>{CHART}</main>"
    assert searched(page.encode()) == b"<main><h2>\xec\xa7\x80\xed\x91\x9c</h2>\n<p>words</p></main>"


def test_a_chart_box_holding_more_than_its_drawing_stays_in() -> None:
    for box in (
        f'<div class="chart-wide" data-pagefind-ignore="all">{SVG}<p>more</p></div>',  # not the drawing alone
        f'<div class="chart-wide" data-pagefind-ignore="all"><p>first</p>{SVG}</div>',
        f'<div class="chart-wide" data-pagefind-ignore="all">{SVG[:-6]}',  # never closed
    ):
        page = f"<main>{box}<p>words</p></main>".encode()
        assert searched(page) == page


def test_a_drawing_closed_at_once_stays_in_and_does_not_reach_the_next_chart() -> None:
    closed = '<div class="chart-wide" data-pagefind-ignore="all"><svg viewBox="0 0 4 2"/></div>'
    page = f"<main>{closed}<p>between</p>{CHART}</main>"
    assert searched(page.encode()) == f"<main>{closed}<p>between</p></main>".encode()


@pytest.mark.slow
def test_every_unsearched_part_of_every_page_is_left_out_of_the_key(real_site: Path) -> None:
    """Over every page of the real site, in both languages: each element marked for Pagefind to leave out with all
    it holds is one the key leaves out, so no edit of a figure or a chart runs Pagefind for nothing."""
    marked = 0
    for path in html_pages(real_site):
        page = path.read_bytes()
        marked += page.count(b'data-pagefind-ignore="all"')
        assert b'data-pagefind-ignore="all"' not in searched(page), path
    assert marked > 1000


def _page(lang: str, figure: str, words: str) -> str:
    cell = CELL.replace("33,500천건", figure)
    chart = CHART.replace("33,500", figure)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>t</title></head><body><nav>menu</nav>'
        f"<main data-pagefind-body><h1>시민참여 {words}</h1>{chart}<table><tr><th>2024</th>{cell}<td>A</td></tr>"
        f"</table><p>{words} 정보소통광장</p></main></body></html>"
    )


def _index(site: Path, pages: dict[str, str], unread: str = "") -> dict[str, bytes]:
    """Pagefind's bundles for `pages` (path → HTML), file by file; beside them, pages with `unread` in them in a
    folder of no indexed page and in a folder below an indexed one (which the bundles do not read)."""
    for path, text in {**pages, "embed/a.html": unread, "plans/below/a.html": unread}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    bundles = index_bundles(("pagefind" if not p.startswith("en/") else "en/pagefind", p) for p in pages)
    index_site(site, None, bundles)
    found = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    shutil.rmtree(site)
    return {path: content for path, content in found.items() if "pagefind/" in path}


@pytest.mark.slow
def test_pagefind_writes_the_same_index_whatever_the_parts_the_key_leaves_out_hold(tmp_path: Path) -> None:
    """The key's premise, asked of Pagefind itself: pages that differ only in what `searched` leaves out, or in
    pages of the folders the key does not read, give the same bundles, byte for byte; a word changed does not."""
    first = {"plans/a.html": _page("ko", "33,500천건", "사업"), "en/plans/a.html": _page("en", "33.5", "project")}
    figures = {"plans/a.html": _page("ko", "99,999천건", "사업"), "en/plans/a.html": _page("en", "99.9", "project")}
    words = {"plans/a.html": _page("ko", "33,500천건", "과제"), "en/plans/a.html": _page("en", "33.5", "project")}
    assert all(searched(figures[p].encode()) == searched(first[p].encode()) for p in first)
    assert searched(words["plans/a.html"].encode()) != searched(first["plans/a.html"].encode())
    original = _index(tmp_path / "site", first)
    assert original and _index(tmp_path / "site", figures) == original
    assert _index(tmp_path / "site", first, unread=_page("ko", "1", "다른 말")) == original
    assert _index(tmp_path / "site", words) != original

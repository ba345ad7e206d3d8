"""Words inside Korean compounds made findable: the extra search terms of a page, and where they go."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from generator.data.layout import find_repository
from generator.site.build import build_site
from generator.site.search import INDEX_DIR
from generator.site.searchterms import (
    TERMS_META,
    compound_terms,
    fragment_text,
    indexed_text,
    parsed_text,
    quick_text,
    with_compound_terms,
    with_spaced_cells,
)

PAGE = (
    '<!doctype html><html lang="ko"><head><title>t</title></head><body><nav>메뉴바깥말</nav>'
    '<main id="main"{body}><h1>정보소통광장 운영</h1><p>시민참여 예산</p><script>var 스크립트안말;</script>'
    "</main></body></html>"
)


def test_every_inner_part_of_two_or_more_syllables_is_a_term() -> None:
    assert compound_terms("시민참여") == ("민참여", "참여")
    assert set(compound_terms("정보소통광장")) == {"보소통광장", "소통광장", "통광장", "광장"}


def test_a_part_that_already_begins_a_word_of_the_page_is_left_out() -> None:
    # 참여예산 begins with 참여: Pagefind finds the page by that word already.
    assert compound_terms("시민참여 참여예산") == ("민참여", "여예산", "예산")
    assert "예산" not in compound_terms("참여예산 예산")


def test_short_words_latin_words_and_single_syllables_give_no_term() -> None:
    assert compound_terms("시민 참여 participation 1-1-② 정책") == ()
    assert all(len(term) >= 2 for term in compound_terms("가나다라마바사 서울특별시청"))


def test_terms_are_in_a_fixed_order_whatever_the_order_of_the_words() -> None:
    assert (
        compound_terms("시민참여 정보소통광장")
        == compound_terms("정보소통광장 시민참여")
        == tuple(sorted(compound_terms("정보소통광장 시민참여")))
    )


def test_the_terms_come_from_the_indexed_main_only_without_scripts() -> None:
    text = indexed_text(PAGE.format(body=" data-pagefind-body"))
    assert "시민참여" in text and "메뉴바깥말" not in text and "스크립트안말" not in text
    assert indexed_text(PAGE.format(body="")) == ""


def test_no_term_comes_from_a_figure_s_cell_or_a_chart_s_drawing_which_pagefind_skips() -> None:
    cell = '<td class="num" data-pagefind-ignore="all">3백만원이상</td>'
    chart = '<div class="chart-wide" data-pagefind-ignore="all"><svg><text>그림안말씀</text></svg></div>'
    page = f'<html lang="ko"><body><main data-pagefind-body><p>시민참여</p>{chart}<table><tr>{cell}</tr></table>'
    text = indexed_text(page + "</main></body></html>")
    assert "시민참여" in text and "만원" not in text and "그림안말씀" not in text


def test_the_terms_go_into_a_metadata_field_of_main_and_nothing_a_reader_sees_changes() -> None:
    page = PAGE.format(body=" data-pagefind-body")
    marked = with_compound_terms(page)
    main = html.fromstring(marked).xpath("//main")[0]
    assert (
        main.get("data-pagefind-meta") == f"{TERMS_META}:{' '.join(compound_terms('정보소통광장 운영 시민참여 예산'))}"
    )
    assert "광장" in main.get("data-pagefind-meta").removeprefix(f"{TERMS_META}:").split()
    assert html.fromstring(marked).text_content() == html.fromstring(page).text_content()


def test_a_page_that_is_not_indexed_or_has_no_compound_is_left_as_it_was() -> None:
    assert with_compound_terms(PAGE.format(body="")) == PAGE.format(body="")
    plain = '<html lang="ko"><body><main data-pagefind-body><p>참여 예산</p></main></body></html>'
    assert with_compound_terms(plain) == plain


@pytest.mark.slow
@pytest.mark.usefixtures("demo_root")
def test_korean_pages_carry_the_terms_and_english_pages_keep_their_words() -> None:
    build_site(find_repository(), Path("output"))
    korean = english = 0
    for path in Path("output").rglob("*.html"):
        if INDEX_DIR in path.parts:
            continue
        document = html.parse(str(path)).getroot()
        metas = document.xpath("//main[@data-pagefind-body]/@data-pagefind-meta")
        if document.get("lang") == "en":
            english += len(metas)
        else:
            korean += bool(metas and metas[0].startswith(f"{TERMS_META}:"))
    assert english == 0 and korean > 0
    for folder, lang in ((Path("output"), "ko"), (Path("output", "en"), "en")):  # a bundle per language
        entry = json.loads((folder / INDEX_DIR / "pagefind-entry.json").read_text())
        assert set(entry["languages"]) == {lang}


def test_cells_terms_and_descriptions_are_kept_apart_for_the_search() -> None:
    glued = "<dl><div><dt>소관부서</dt><dd><a>정보공개담당관</a></dd></div></dl><tr><th>2024</th><td>1</td></tr>"
    spaced = with_spaced_cells(glued)
    assert spaced == (
        "<dl><div><dt>소관부서</dt> <dd><a>정보공개담당관</a></dd> </div></dl><tr><th>2024</th> <td>1</td> </tr>"
    )
    assert with_spaced_cells(spaced) == spaced  # a space already there is kept as it is


# The text of a page is read by one regular-expression split (`quick_text`) where HTMLParser read it before; the
# terms come from that text, so it must be HTMLParser's to the character. Pieces of HTML that a page is made of,
# well-formed, which the split must read by itself; and pieces that are not, or that parsers read differently
# (a declaration, a stray "<", a script holding "</", a comment holding "--"), which it must leave to HTMLParser.
WELL_FORMED = (
    "시민참여",
    "정보소통광장",
    "사업",
    " ",
    "\n",
    "Plan 1",
    "&amp;",
    "&lt;b&gt;",
    "&#54620;",
    "&#xD55C;",
    "&#xd55c",
    "&amp",
    "&ampx",
    "&notin",
    "&notit;",
    "&nbsp;",
    "&#1;",
    "&#0;",
    "&",
    "& ",
    ">",
    "\xa0",
    "'",
    '"',
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<TD>",
    "</TD >",
    "<br/>",
    "<br />",
    '<a href="x>y">',
    "<a href='q\"r'>",
    "<a href=plain>",
    "</a>",
    '<img alt="시민>참여" />',
    '<svg:text x="1">',
    "</svg:text>",
    '<span\ndata-x = "1"\n>',
    "<input disabled>",
    "<title>제목 &amp; 부제</title>",
    "<textarea rows=2>코드 &lt;b&gt;</textarea>",
    "<!-- 주석 -->",
    "<!---->",
    "<!--<b>-->",
    "<script>var 스크립트 = 1 < 2;</script>",
    '<script type="module">a</script>',
    "<SCRIPT>x</script >",
    "<style>p > b {}</style>",
    "<STYLE media='print'>p{}</Style>",
)
ILL_FORMED = (
    "<",
    "< b",
    "<3",
    "<!doctype html>",
    "<?pi?>",
    "<![CDATA[시민참여]]>",
    "<!-- a -- b -->",
    "<!-->",
    "<!--->",
    "<!-- a --->",
    "<!-- a -- >",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "</ script>",
    "</SCRIPT>",
    "</\u017fcript>",
    "<script/>",
    "<script />",
    "<script src=x>",
    "<script>var a = '<b>말</b>';</script>",
    "<style>",
    "</style>",
    "<scriptx>",
    "<title>",
    "</title>",
    "<title><b>제목</b></title>",
    "<xmp><b>x</b></xmp>",
    "<noscript>x</noscript>",
    "<a b='c'd>",
    "<a\x00b>",
    "\x00",
    "<a b=c\xa0d>",
    "<p\xa0x>",
    "</a b>",
    "</>",
    "</ a>",
    "<a b==c>",
    '<a b="c"/>',
    "<a/b>",
    "<a =b>",
    "<a",
    "=",
    "</",
)
FUZZ = settings(max_examples=2000, deadline=None, derandomize=True)


def test_markup_between_hangul_splits_the_words_as_htmlparser_does() -> None:
    fragment = "시민<b>참여</b>예산 정보&amp;소통<!-- 주석 --><script>var 말 = 1;</script>광장"
    assert quick_text(fragment) == parsed_text(fragment) == "시민 참여 예산 정보&소통 광장"
    assert compound_terms(fragment_text(fragment)) == ()  # no word of three syllables or more: nothing glued


@given(st.lists(st.sampled_from(WELL_FORMED), max_size=40).map("".join))
@FUZZ
def test_well_formed_html_is_read_without_htmlparser_and_gives_its_text(fragment: str) -> None:
    assert quick_text(fragment) == parsed_text(fragment)


@given(st.lists(st.sampled_from(WELL_FORMED + ILL_FORMED), max_size=40).map("".join))
@FUZZ
def test_any_html_gives_htmlparsers_text(fragment: str) -> None:
    quick = quick_text(fragment)
    assert quick is None or quick == parsed_text(fragment)
    assert fragment_text(fragment) == parsed_text(fragment)


def test_what_the_split_cannot_read_is_left_to_htmlparser() -> None:
    for piece in ("<!doctype html>", "a < b", "<script>'</b>'</script>", "<!-- a -- b -->", "<title><b>t</b></title>"):
        assert quick_text(f"시민참여{piece}") is None, piece
        assert fragment_text(f"시민참여{piece}") == parsed_text(f"시민참여{piece}")


def test_every_page_of_the_real_site_is_read_without_htmlparser_and_gives_its_text(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    mains = 0
    for path in pages:
        page = path.read_text(encoding="utf-8")
        for main in re.findall(r"<main\b[^>]*>(.*?)</main>", page, re.DOTALL):
            assert quick_text(main) == parsed_text(main), path  # None (HTMLParser's slow path) fails too
            mains += 1
        body = page[page.find("<body") :]
        assert quick_text(body) == parsed_text(body), path  # the header, the menus, the footer's scripts
        assert fragment_text(page) == parsed_text(page), path
    assert mains == len(pages) > 300

"""Words inside Korean compounds made findable: the extra search terms of a page, and where they go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from generator.data.layout import find_repository
from generator.site.build import build_site
from generator.site.search import INDEX_DIR
from generator.site.searchterms import (
    TERMS_META,
    compound_terms,
    indexed_text,
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

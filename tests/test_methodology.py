"""Issue 26, item 4: the methodology page in its own language, for citizens, and the data dictionary beside it.

The methodology page says how rates and grades are computed, in the page's language only; what the downloads
contain, column by column, is the data dictionary's page (data.html), which every download block links to. Both
open with a contents list of their sections, whose ids are the same in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from generator.data.config import load_config
from generator.data.schemacheck import EnglishTally
from generator.site import theme
from generator.site.markup import Heading, render_markdown, render_sections
from generator.site.pages.common import Site
from generator.site.pages.dictionary import DICTIONARY_FILES, DataDictionaryContent, dictionary_page
from generator.site.pages.methodology import MethodologyContent, methodology_page

from .sitecheck import REPORT_2021, parse, resolve

ROOT = Path(__file__).resolve().parent.parent
PLAN_2019 = "plans/seoul-citizen-participation-2019/index.html"
# Words of developer documentation that the methodology page, read by citizens and council members, never holds.
DEVELOPER_WORDS = re.compile(r"\bBOM\b|CRLF|RFC 4180|UTF-8|format_version|\bplansite\b|\.csv\b|\.json\b")


def hangul_share(text: str) -> float:
    """Hangul letters among the Hangul and Latin letters of a text (digits and marks are neither)."""
    hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return hangul / (hangul + latin)


def main_text(page: Path, *, without_code: bool = False) -> str:
    main = parse(page).cssselect("main")[0]
    if without_code:
        for code in main.cssselect("code"):
            code.drop_tree()
    return " ".join(main.text_content().split())


def _site(*, notes: bool = True) -> Site:
    config = load_config(ROOT / "site.yaml", EnglishTally(), []).spec if notes else None
    return Site(
        plans=[],
        evaluations={},
        data_date="",
        methodology_md={lang: theme.read_text("content", f"methodology.{lang}.md") for lang in ("ko", "en")},
        open_data_md={lang: theme.read_text("content", name) for lang, name in DICTIONARY_FILES.items()},
        config=config,
    )


# -- the page models -------------------------------------------------------------------------------------------


def test_the_methodology_contents_list_every_section_once_with_the_same_ids_in_both_languages() -> None:
    contents = {}
    for lang in ("ko", "en"):
        content = methodology_page(_site(), lang).content
        assert isinstance(content, MethodologyContent)
        ids = [link.href.removeprefix("#") for link in content.contents]
        assert ids[0] == content.scale_section.id and ids[-1] == content.data_section.id
        assert len(ids) == len(set(ids)), ids
        # Every section the text and the notes hold is listed, and only those: the h2 of the rendered HTML.
        rendered = re.findall(r'<h2 id="([^"]+)">', content.body + content.notes)
        assert ids[1:-1] == rendered
        assert "about-this-data" in ids  # the shipped site.yaml names its notes' section
        contents[lang] = ids
    assert contents["ko"] == contents["en"]
    assert contents["ko"][:4] == ["scale", "rate", "rounding", "grades"]


def test_a_notes_section_without_an_id_gets_one_apart_from_the_texts_ids() -> None:
    html, sections = render_sections(
        "# Rounding\n\ntext\n\n# Rounding\n", "caption", heading_shift=1, id_prefix="notes-"
    )
    assert sections == (Heading("notes-rounding", "Rounding"), Heading("notes-rounding_1", "Rounding"))
    assert '<h2 id="notes-rounding">Rounding</h2>' in html
    # A Korean heading keeps its words in its id; an explicit id is kept as written, without the prefix.
    _, korean = render_sections("# 이 사이트의 자료\n\n# 둘째 {#second}\n", heading_shift=1, id_prefix="notes-")
    assert [heading.id for heading in korean] == ["notes-이-사이트의-자료", "second"]


def test_ids_in_data_text_stay_on_headings_only() -> None:
    html, _ = render_sections('## Title {#ok}\n\nA paragraph {#no}\n\n<p id="raw">x</p>\n')
    assert '<h2 id="ok">' in html
    assert 'id="no"' not in html and 'id="raw"' not in html


def test_a_site_without_notes_lists_only_the_packaged_sections() -> None:
    content = methodology_page(_site(notes=False), "en").content
    assert isinstance(content, MethodologyContent)
    assert content.notes == ""
    assert [link.href.removeprefix("#") for link in content.contents] == [
        "scale", "rate", "rounding", "grades", "exclusions", "published", "distribution", "budget", "open-data",
    ]  # fmt: skip
    assert content.dictionary.href == "en/data.html"
    assert content.dictionary.label == "What the files contain (data dictionary)"


def test_the_dictionary_page_drops_the_texts_own_title_and_lists_its_sections() -> None:
    for lang, href in (("ko", "data.html"), ("en", "en/data.html")):
        page = dictionary_page(_site(), lang)
        content = page.content
        assert isinstance(content, DataDictionaryContent)
        assert page.meta.path == href
        assert "<h1" not in content.body
        assert [link.href.removeprefix("#") for link in content.contents] == [
            "conventions", "plan-json", "plan-csv", "results-json", "results-csv", "datapackage", "all-data",
            "chart-downloads",
        ]  # fmt: skip
    assert dictionary_page(_site(), "ko").content.contents[0].label == "공통 규칙"  # type: ignore[attr-defined]


def _tables(text: str) -> dict[str, list[str]]:
    """Heading id → the names in the first column of the tables under it (up to the next heading)."""
    found: dict[str, list[str]] = {}
    current = "top"
    for line in text.splitlines():
        if heading := re.match(r"#+ .*\{#([a-z-]+)\}$", line):
            current = heading.group(1)
        elif row := re.match(r"\| `([^`]+)` \|", line):
            found.setdefault(current, []).append(row.group(1))
    return found


def test_the_korean_dictionary_has_the_english_ones_sections_and_names() -> None:
    korean, english = (theme.read_text("content", DICTIONARY_FILES[lang]) for lang in ("ko", "en"))
    heading_ids = [re.findall(r"^#+ .*\{#([a-z-]+)\}$", text, re.MULTILINE) for text in (korean, english)]
    assert heading_ids[0] == heading_ids[1] and len(heading_ids[0]) == 20
    assert _tables(korean) == _tables(english)
    assert len(_tables(english)["results-csv"]) > 30


# -- the built pages -------------------------------------------------------------------------------------------


def test_the_korean_methodology_page_is_korean(real_site: Path) -> None:
    text = main_text(real_site / "methodology.html")
    assert hangul_share(text) >= 0.9, hangul_share(text)
    english = main_text(real_site / "en/methodology.html")
    assert hangul_share(english) == 0
    for page_text in (text, english):
        assert DEVELOPER_WORDS.findall(page_text) == []


def test_the_korean_data_dictionary_is_korean_outside_its_names(real_site: Path) -> None:
    # The names of files, columns and codes (`plan.csv`, `final_grade`) are the same in every language.
    share = hangul_share(main_text(real_site / "data.html", without_code=True))
    assert share >= 0.9, share
    assert hangul_share(main_text(real_site / "en/data.html", without_code=True)) < 0.05


def test_contents_lists_lead_to_their_sections(real_site: Path) -> None:
    for path in ("methodology.html", "en/methodology.html", "data.html", "en/data.html"):
        tree = parse(real_site / path)
        [nav] = tree.cssselect("main nav.contents")
        targets = [link.get("href") for link in nav.cssselect("a")]
        sections = [h2.get("id") for h2 in tree.cssselect("main h2") if h2.getparent().tag != "nav"]
        assert targets == [f"#{section}" for section in sections], path
        ids = [element.get("id") for element in tree.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), path


def _download_block(page: Path) -> lxml.html.HtmlElement:
    [block] = parse(page).cssselect("section.open-data")
    return block


def test_every_download_block_links_to_the_data_dictionary(real_site: Path) -> None:
    for lang, prefix, label in (("ko", "", "파일 설명 (데이터 사전)"), ("en", "en/", "What the files contain")):
        for path in (PLAN_2019, REPORT_2021):
            page = real_site / prefix / path
            [dictionary] = [a for a in _download_block(page).cssselect("a") if a.get("download") is None]
            assert dictionary.text_content().startswith(label), (lang, path)
            assert resolve(page, dictionary.get("href")) == (real_site / prefix / "data.html").resolve()
    [section] = parse(real_site / "methodology.html").cssselect('section[aria-labelledby="open-data"]')
    assert [(a.get("href"), a.text_content()) for a in section.cssselect("a")] == [
        ("data.html", "파일 설명 (데이터 사전)")
    ]


def test_the_dictionary_is_reached_from_the_downloads_not_from_the_main_menu(real_site: Path) -> None:
    for home in ("index.html", "en/index.html"):
        menu = [a.get("href") for a in parse(real_site / home).cssselect(".site-nav a")]
        assert menu and not any(href.endswith("data.html") for href in menu)


def test_a_sectioned_documents_tables_scroll_in_regions_named_by_their_captions() -> None:
    html, _ = render_sections("## A {#a}\n\n| x | y |\n|---|---|\n| `published_distribution` | 1 |\n", "Dictionary")
    assert '<div class="scroll-region" role="region" tabindex="0" aria-label="Dictionary"><table role="table">' in html
    assert html.count("</table></div>") == 1
    # Data text too: every table of the site sits in a region (issue 27), though its headings get no ids.
    assert '<div class="scroll-region" role="region" tabindex="0" aria-label="Table">' in render_markdown(
        "| x |\n|---|\n| 1 |\n", "Table"
    )

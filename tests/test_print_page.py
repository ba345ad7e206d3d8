"""The printed page: its running header and footer from the page model (strings escaped for CSS), the unit line
above a table, and the legend of the marks the report's tables use. `plansite pdf` itself: browser/test_pdf.py."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import lxml.html
import pytest
from markupsafe import Markup

from generator.data.validate import validate_path
from generator.evaluation.year import evaluate_year
from generator.site.drawings import Drawings
from generator.site.pagefiles import render_page
from generator.site.pages import Page, Site, build_pages
from generator.site.pages.common import PrintHeads, page_number_words
from generator.site.pages.report import ReportContent, report_page
from generator.site.theme import css_string, make_environment

from .conftest import PLANS, RESULTS
from .sitemodels import demo_site

PLAN = "seoul-citizen-participation-2019"
HOSTILE = 'Office "A" \\ back</style><script>alert(1)</script>\n& more'


def css_unescape(token: str) -> str:
    """The value of a double-quoted CSS string token, read as CSS Syntax Level 3 (§4.3.5, §4.3.7) reads it; an
    unescaped quote or line end inside it is an error, as it would end the string or the declaration."""
    assert token[:1] == token[-1:] == '"' and len(token) >= 2, token
    body, value, at = token[1:-1], [], 0
    while at < len(body):
        char = body[at]
        assert char not in '"\n', f"unescaped {char!r} in {token!r}"
        if char != "\\":
            value.append(char)
            at += 1
            continue
        hex_escape = re.match(r"[0-9a-fA-F]{1,6}[ \t\n]?", body[at + 1 :])
        if hex_escape:
            value.append(chr(int(hex_escape.group().rstrip(), 16)))
            at += 1 + len(hex_escape.group())
        else:
            value.append(body[at + 1])
            at += 2
    return "".join(value)


@pytest.mark.parametrize(
    "text",
    ["서울특별시", "", 'a "quoted" name', "back\\slash", '\\"', "a\\22 b", "two\nlines\ttab", HOSTILE, "12 / 34쪽"],
)
def test_a_css_string_reads_back_as_the_text(text: str) -> None:
    token = css_string(text)
    assert isinstance(token, Markup)  # HTML escaping would put &#34; into the CSS, which no browser decodes there
    assert css_unescape(str(token)) == text
    assert not re.search(r"[<>&\n]", token), "nothing in it may end the <style> element or the declaration"


def test_the_unescaper_refuses_what_would_end_the_string() -> None:
    with pytest.raises(AssertionError):
        css_unescape('"a"b"')
    assert css_unescape('"\\5c \\22 x"') == '\\"x'


@pytest.fixture
def demo_pages(demo_root: Path) -> list[Page]:
    """The synthetic demo's pages (`demo_root` makes its data the working directory's)."""
    assert (demo_root / "plans" / "demo").is_dir()
    return build_pages(_demo_site())


def _demo_site(address: str | None = None) -> Site:
    return demo_site(address=address)


@pytest.mark.usefixtures("demo_root")
def test_every_page_carries_the_running_heads_in_its_language() -> None:
    pages = build_pages(_demo_site(address="https://example.org/plans/"))
    for page in pages:
        heads = page.meta.print_heads
        assert heads is not None, page.meta.path
        assert heads.title == page.meta.title
        # No organisation in a site without site.yaml: the site's name stands for the issuer.
        assert heads.issuer == page.meta.site_name
    korean = next(page for page in pages if page.meta.lang == "ko").meta.print_heads
    english = next(page for page in pages if page.meta.lang == "en").meta.print_heads
    assert korean is not None and english is not None
    assert korean.source == "자료 기준일 2024-01-01 · https://example.org/plans/"
    assert english.source == "Data as of 2024-01-01 · https://example.org/plans/"
    assert (korean.page_number, english.page_number) == (("", " / ", "쪽"), ("Page ", " / ", ""))


def test_without_an_address_or_a_date_the_footer_names_neither(demo_pages: list[Page]) -> None:
    site = dataclasses.replace(_demo_site(), data_date="")
    [page] = [p for p in build_pages(site) if p.meta.path == "en/index.html"]
    assert page.meta.print_heads is not None and page.meta.print_heads.source == ""
    [dated] = [p for p in demo_pages if p.meta.path == "en/index.html"]
    assert dated.meta.print_heads is not None and dated.meta.print_heads.source == "Data as of 2024-01-01"


def test_page_number_words_split_the_catalogue_pattern_around_the_numbers() -> None:
    for lang in ("ko", "en"):
        before, between, after = page_number_words(lang)
        assert "\x00" not in before + between + after and "\x01" not in before + between + after
        assert between.strip() == "/"


def test_the_page_prints_its_heads_in_margin_boxes_escaped(demo_pages: list[Page]) -> None:
    [page] = [p for p in demo_pages if p.meta.path == "index.html" and not p.charts]
    heads = PrintHeads(issuer=HOSTILE, title="제목", source="자료 기준일 2024-01-01", page_number=("", " / ", "쪽"))
    page = dataclasses.replace(page, meta=dataclasses.replace(page.meta, print_heads=heads))
    html = render_page(make_environment(), page, {}).decode()
    [style] = re.findall(r'<style media="print">(.*?)</style>', html, re.S)
    assert "<script>" not in html
    top_left = re.search(r"@top-left \{ content: (\"[^\n]*\"); \}", style)
    assert top_left is not None and css_unescape(top_left.group(1)) == HOSTILE
    assert '@bottom-right { content: "" counter(page) " / " counter(pages) "쪽"; }' in style


# -- units above tables -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("ko", "(단위: 백만원)", ["연도별 예산 (단위: 백만원)", "2024년 예산 집행 (단위: 백만원)"]),
        (
            "en",
            "(Unit: million won)",
            ["Budget by year (Unit: million won)", "Budget execution 2024 (Unit: million won)"],
        ),
    ],
)
def test_a_table_with_a_unit_prints_it_under_its_caption(
    demo_pages: list[Page], lang: str, line: str, expected: list[str]
) -> None:
    """A project's planned budget and its execution: "(단위: …)" on a line of its own in the caption (so in the
    table's and its region's name too); the indicator's table, whose figures carry their own units, has none."""
    [page] = [p for p in demo_pages if p.meta.path.endswith("plans/demo/projects/1-1-1.html") and p.meta.lang == lang]
    svgs = {spec: Drawings(Markup("<svg></svg>"), Markup("<svg></svg>")) for spec in page.charts}
    tree = lxml.html.fromstring(render_page(make_environment(), page, svgs))
    captions = {" ".join(c.text_content().split()): c for c in tree.cssselect("table.data caption")}
    assert [text for text, caption in captions.items() if caption.cssselect("span.table-unit")] == expected
    assert len(captions) > len(expected)
    for text in expected:
        [unit] = captions[text].cssselect("span.table-unit")
        assert unit.text_content() == line and text.count(line) == 1
        assert captions[text].getparent().getparent().get("aria-label") == text


# -- the legend of marks ------------------------------------------------------------------------------------


def test_the_demo_report_explains_the_marks_it_uses(demo_pages: list[Page]) -> None:
    [page] = [p for p in demo_pages if p.meta.path == "plans/demo/reports/2024.html"]
    content = page.content
    assert isinstance(content, ReportContent)
    # A dash, an excluded and a not-evaluated row; no grade is taken from the report, so no computed grade.
    assert [(entry.mark, entry.tone) for entry in content.legend] == [
        ("–", None),
        ("평가 제외", "none"),
        ("평가 안함", "none"),
    ]
    assert content.legend[0].meaning.startswith("수치 없음")
    svgs = {spec: Drawings(Markup("<svg></svg>"), Markup("<svg></svg>")) for spec in page.charts}
    tree = lxml.html.fromstring(render_page(make_environment(), page, svgs))
    [legend] = tree.cssselect(".legend")
    assert [" ".join(dt.text_content().split()) for dt in legend.cssselect("dt")] == ["–", "평가 제외", "평가 안함"]
    assert [dd.text_content() for dd in legend.cssselect("dd")] == [entry.meaning for entry in content.legend]
    assert legend.cssselect("dt .grade.grade-none"), "a category is shown as the tables show it"


@pytest.fixture(scope="module")
def report_2021() -> dict[str, ReportContent]:
    report = validate_path(PLANS, RESULTS)
    [plan] = [p for p in report.plans if p.id == PLAN]
    evaluations = {year: evaluate_year(plan, results) for year, results in report.results[plan.id].items()}
    site = Site([plan], {plan.id: evaluations}, "2022-03-18", {"ko": "", "en": ""}, {"ko": "", "en": ""})
    pages = {lang: report_page(site, plan, 2021, evaluations[2021], lang) for lang in ("ko", "en")}
    return {lang: page.content for lang, page in pages.items() if isinstance(page.content, ReportContent)}


def test_the_2021_report_explains_each_of_its_marks(report_2021: dict[str, ReportContent]) -> None:
    assert [entry.mark for entry in report_2021["ko"].legend] == ["–", "(산출 …)", "평가 제외", "평가 안함"]
    assert [entry.mark for entry in report_2021["en"].legend] == ["–", "(Computed …)", "Excluded", "Not evaluated"]
    rows = [row for group in report_2021["ko"].detail_groups for row in group.rows]
    assert any(row.grade_note.startswith("산출 ") for row in rows), "the legend's computed mark is the notes' word"

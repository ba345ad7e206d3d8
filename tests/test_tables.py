"""Every table of the site sits in a labelled scroll region and labels its cells for the phone layout (issue 27):
the tables of the templates and the tables in Markdown from the data alike, made in one place (site/tables.py)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from generator.site import theme
from generator.site.markup import render_markdown
from generator.site.tables import label_cells, table_region

from .sitecheck import html_pages, parse

CHANGES_HEAD = """<thead><tr><th scope="col" rowspan="2">Indicator</th>
<th scope="colgroup" colspan="2">2020</th><th scope="colgroup" colspan="2">2021</th></tr>
<tr><th scope="col">Target</th><th scope="col">Actual &amp; more</th><th scope="col">Target</th><th scope="col">Actual</th></tr>
</thead>"""


def cells(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(f"<table>{html}</table>")


def test_a_body_cell_is_labelled_by_every_heading_above_its_column() -> None:
    body = '<tbody><tr><th scope="row">Visits</th><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody>'
    table = cells(label_cells(CHANGES_HEAD + body))
    labels = [td.get("data-label") for td in table.cssselect("tbody td")]
    assert labels == ["2020 Target", "2020 Actual & more", "2021 Target", "2021 Actual"]


def test_every_part_of_the_table_keeps_its_role_for_a_phone_layout_that_changes_display() -> None:
    body = '<tbody><tr class="group"><th scope="rowgroup" colspan="5">Group</th></tr><tr><th scope="row">A</th>'
    body += "<td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody>"
    table = cells(label_cells(CHANGES_HEAD + body))
    roles = {element.tag: set() for element in table.iter()}
    for element in table.iter():
        roles[element.tag].add(element.get("role"))
    assert roles["thead"] == roles["tbody"] == {"rowgroup"}
    assert roles["tr"] == {"row"} and roles["td"] == {"cell"}
    assert {th.get("role") for th in table.cssselect("thead th")} == {"columnheader"}
    assert {th.get("role") for th in table.cssselect("tbody th")} == {"rowheader"}
    # A heading spanning the row is no column's figure: no label.
    assert table.cssselect("tr.group th")[0].get("data-label") is None


def test_a_table_nested_in_a_cell_is_left_as_it_was_made() -> None:
    nested = '<table><thead><tr><th scope="col">Inner</th></tr></thead><tbody><tr><td>n</td></tr></tbody></table>'
    body = f'<tbody><tr><th scope="row">A</th><td colspan="4">{nested}</td></tr></tbody>'
    html = label_cells(CHANGES_HEAD + body)
    assert nested in html
    assert 'colspan="4" role="cell">' in html  # a cell across columns carries no one column's label


def test_a_region_is_named_by_its_caption_and_unit_escaped() -> None:
    region = table_region('Budget <"x">', "(unit: KRW)")
    assert region == (
        '<div class="scroll-region" role="region" tabindex="0" aria-label="Budget &lt;&#34;x&#34;&gt; (unit: KRW)">'
    )


def test_a_source_text_table_is_wrapped_named_and_labelled() -> None:
    html = render_markdown("Text\n\n| Total | Papers |\n|---|---|\n| 31 | 30 |\n", "Open data")
    region = lxml.html.fragment_fromstring(str(html), create_parent="div").cssselect(".scroll-region")[0]
    assert region.get("aria-label") == "Open data" and region.get("tabindex") == "0"
    assert region.cssselect("caption")[0].text_content() == "Open data"
    assert [td.get("data-label") for td in region.cssselect("td")] == ["Total", "Papers"]


def test_only_the_data_table_macro_writes_a_table() -> None:
    """A template that wrote its own <table> would miss the region and the labels: the macro is the one place."""
    found = []
    for template in sorted(theme.packaged("templates").glob("*.html")):
        text = template.read_text(encoding="utf-8")  # type: ignore[attr-defined]
        for match in re.finditer(r"<table\b", text):
            macro = text[: match.start()].rsplit("{% macro ", 1)[-1].split("(", 1)[0]
            if (template.name, macro) != ("macros.html", "data_table"):
                found.append(f"{template.name}: {macro}")  # type: ignore[attr-defined]
    assert found == []


def _unwrapped(page: Path) -> list[str]:
    problems = []
    for number, table in enumerate(parse(page).iter("table"), start=1):
        region = table.getparent()
        caption = table.find("caption")
        label = region.get("aria-label", "") if region is not None else ""
        if region is None or "scroll-region" not in region.get("class", "") or region.get("role") != "region":
            problems.append(f"table {number} is not in a scroll region")
        elif region.get("tabindex") != "0" or caption is None or not label.startswith(caption.text_content().strip()):
            problems.append(f"table {number}: region not focusable or not named by the caption ({label!r})")
        elif table.get("role") != "table":
            problems.append(f"table {number} has no role")
        unlabelled = [
            td for td in table.cssselect("tbody > tr > td") if not td.get("colspan") and not td.get("data-label")
        ]
        if table.find("thead") is not None and unlabelled:
            problems.append(f"table {number}: {len(unlabelled)} cells without their column's label")
    return problems


def test_every_table_of_every_built_page_sits_in_a_labelled_region(real_site: Path) -> None:
    pages = html_pages(real_site)
    assert len([p for p in pages if p.is_relative_to(real_site / "en")]) > 100  # both languages are walked
    problems = {str(page.relative_to(real_site)): _unwrapped(page) for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}
    # The source text tables of issue 27 are among them.
    source_text = parse(real_site / "plans/seoul-citizen-participation-2024/projects/1-1-1.html")
    assert source_text.cssselect(".prose .scroll-region > table")


def test_a_figure_s_cell_is_kept_out_of_the_search_and_no_other_cell_is() -> None:
    body = '<tbody><tr><th scope="row">Visits</th><td class="num">1</td><td class="num total">2</td>'
    body += '<td class="numeric">3</td><td>4</td></tr></tbody>'
    table = cells(label_cells(CHANGES_HEAD + body))
    ignored = [td.get("data-pagefind-ignore") for td in table.cssselect("tbody td")]
    assert ignored == ["all", "all", None, None]

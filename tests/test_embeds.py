"""Embeds (issue 29): a page of one indicator chart or one report's headline for other sites' <iframe>s, and the
code to embed it under what it embeds. The page models on the synthetic demo plan; the built pages on the real
site and on a synthetic site with an address. The browser half is tests/browser/test_embeds.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site.pages import Page, build_pages
from generator.site.pages.embed import EmbedContent
from generator.site.pages.embedcode import CHART_FRAME, embed_code
from generator.site.pages.project import ProjectContent
from generator.site.pages.report import ReportContent

from .conftest import FIXTURES
from .sitecheck import parse, resolve
from .sitemodels import demo_site

ADDRESS = "https://example.org/plans/"
SVG_LINK = "{http://www.w3.org/1999/xlink}href"


def _page(pages: list[Page], path: str) -> Page:
    [page] = [page for page in pages if page.meta.path == path]
    return page


# -- page models -------------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo_root")
def test_every_indicator_chart_and_every_checked_year_has_an_embed_in_both_languages() -> None:
    pages = build_pages(demo_site())
    embeds = sorted(page.meta.path for page in pages if isinstance(page.content, EmbedContent))
    charts = [
        (lang, indicator.id)
        for page in pages
        if isinstance(page.content, ProjectContent)
        for lang in [page.meta.lang]
        for indicator in page.content.indicators
        if indicator.chart is not None
    ]
    assert len(charts) >= 2
    expected = [f"{'en/' if lang == 'en' else ''}embed/plans/demo/indicator-{ident}.html" for lang, ident in charts]
    expected += ["embed/plans/demo/report-2024-summary.html", "en/embed/plans/demo/report-2024-summary.html"]
    assert embeds == sorted(expected)
    assert all(not _page(pages, path).meta.indexed for path in embeds)  # never in the search index


@pytest.mark.usefixtures("demo_root")
def test_an_indicator_embed_shows_the_charts_own_specification_its_source_and_the_way_back() -> None:
    pages = build_pages(demo_site())
    project = _page(pages, "en/plans/demo/projects/1-1-1.html")
    embed = _page(pages, "en/embed/plans/demo/indicator-1-1-1-1.html")
    assert isinstance(project.content, ProjectContent) and isinstance(embed.content, EmbedContent)
    [indicator] = project.content.indicators
    content = embed.content
    assert embed.charts == (indicator.chart,) and content.chart == indicator.chart  # no drawing of its own
    assert content.title == indicator.chart_caption == embed.meta.title
    assert content.description == indicator.chart.summary
    assert content.context == project.meta.title  # the unit project it belongs to
    assert (
        content.source == "Source: Plan implementation reports, Test plan. Data as of 2024-01-01"
    )  # no organisation: the site's name
    assert content.back.href == "en/plans/demo/projects/1-1-1.html#ind-1-1-1-1" and content.back.href.endswith(
        f"#{indicator.anchor}"
    )
    assert content.canonical == ""  # the site's address is not known
    assert content.table is not None
    assert content.table.rows == tuple((str(c.year), c.target, c.actual, c.rate, c.grade) for c in indicator.years)
    assert len(content.table.headings) == len(content.table.numeric) == 5


@pytest.mark.usefixtures("demo_root")
def test_the_headline_embed_has_the_reports_headline_and_its_bar_as_figures() -> None:
    pages = build_pages(demo_site())
    report = _page(pages, "plans/demo/reports/2024.html")
    embed = _page(pages, "embed/plans/demo/report-2024-summary.html")
    assert isinstance(report.content, ReportContent) and isinstance(embed.content, EmbedContent)
    content = embed.content
    assert content.headline == report.content.headline and content.chart is None and embed.charts == ()
    assert content.title == report.content.check_title
    assert content.back.href == "plans/demo/reports/2024.html"
    assert content.table is not None
    # The demo's three indicators: one at A+, one excluded, one not evaluated (tests/test_pages.py).
    assert [row[1:] for row in content.table.rows] == [("1", "33%"), ("1", "33%"), ("1", "33%")]
    assert [row[0] for row in content.table.rows] == [segment.label for segment in content.headline.segments]
    assert content.description == content.headline.bar_label


@pytest.mark.usefixtures("demo_root")
def test_with_the_sites_address_the_code_is_absolute_and_the_embed_names_its_page_as_canonical() -> None:
    pages = build_pages(demo_site(address=ADDRESS))
    project = _page(pages, "plans/demo/projects/1-1-1.html")
    assert isinstance(project.content, ProjectContent)
    code = project.content.indicators[0].embed
    assert code is not None and code.path == "" and code.hint == ""
    frame = _iframe(code.code)
    assert frame.get("src") == f"{ADDRESS}embed/plans/demo/indicator-1-1-1-1.html"
    assert (frame.get("width"), frame.get("height"), frame.get("loading")) == (*CHART_FRAME, "lazy")
    embed = _page(pages, "embed/plans/demo/indicator-1-1-1-1.html")
    assert isinstance(embed.content, EmbedContent)
    assert embed.content.canonical == f"{ADDRESS}plans/demo/projects/1-1-1.html"
    report = _page(pages, "en/plans/demo/reports/2024.html")
    assert isinstance(report.content, ReportContent) and report.content.embed is not None
    assert _iframe(report.content.embed.code).get("src") == f"{ADDRESS}en/embed/plans/demo/report-2024-summary.html"


@pytest.mark.usefixtures("demo_root")
def test_without_the_address_the_code_names_the_embeds_path_and_says_what_to_do() -> None:
    pages = build_pages(demo_site())
    project = _page(pages, "en/plans/demo/projects/1-1-1.html")
    assert isinstance(project.content, ProjectContent)
    code = project.content.indicators[0].embed
    assert code is not None
    assert code.path == "en/embed/plans/demo/indicator-1-1-1-1.html" == _iframe(code.code).get("src")
    assert "address" in code.hint and code.id == "embed-ind-1-1-1-1"


@pytest.mark.usefixtures("demo_root")
def test_the_code_escapes_what_it_quotes() -> None:
    title = '<b>"A & B"</b>'
    code = embed_code(demo_site(), "en", "embed/x.html", "x", title)
    frame = _iframe(code.code)
    assert frame.get("title") == f"{title} (Plan implementation reports)" and list(frame) == []


def _iframe(code: str) -> lxml.html.HtmlElement:
    [frame] = lxml.html.fragment_fromstring(code, create_parent="div").iter("iframe")
    return frame


# -- the built pages ---------------------------------------------------------------------------------------------

_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)")
_LINKING = ("src", "href", SVG_LINK, "action", "srcset", "poster", "data", "formaction")


def _addresses(page: Path, tree: lxml.html.HtmlElement) -> list[str]:
    """Every address the page may load or lead to: linking attributes, CSS url()s in style attributes and
    elements, and in the stylesheets it links (read from the built site)."""
    found = [value for element in tree.iter() for name in _LINKING if (value := element.get(name)) is not None]
    css = [element.get("style") or "" for element in tree.iter()] + [style.text or "" for style in tree.iter("style")]
    for sheet in tree.xpath("//link[@rel='stylesheet']/@href"):
        target = resolve(page, sheet)
        assert target is not None and target.is_file(), f"{page}: {sheet}"
        css.append(target.read_text(encoding="utf-8"))
    return found + [url for text in css for url in _CSS_URL.findall(text)]


def _embeds(site: Path) -> list[Path]:
    return sorted(site.glob("embed/**/*.html")) + sorted(site.glob("en/embed/**/*.html"))


def test_every_embed_asks_nothing_of_another_host_and_leads_back_to_its_section(real_site: Path) -> None:
    embeds = _embeds(real_site)
    assert len(embeds) == 2 * (80 + 1)  # each language: the 80 indicator charts and the one checked year's headline
    for page in embeds:
        tree = parse(page)
        for address in _addresses(page, tree):
            parts = urlsplit(address)
            assert not parts.scheme and not parts.netloc, f"{page}: {address}"
            if address.startswith("#"):
                continue
            target = resolve(page, address)
            assert target is not None and real_site.resolve() in target.parents and target.exists(), (
                f"{page}: {address}"
            )
        assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"], page
        assert not tree.xpath("//*[@data-pagefind-body]") and not tree.xpath("//link[@rel='canonical']"), page
        assert not tree.xpath("//header | //nav | //footer | //script | //form"), f"{page}: site chrome or a script"
        assert tree.xpath("//body/@class") == ["embed"] and len(tree.xpath("//h1")) == 1, page
        assert tree.xpath("//details/summary") and tree.cssselect(".embed-source"), page
        [back] = tree.cssselect(".embed-source a")
        assert (back.get("target"), back.get("rel")) == ("_blank", "noopener"), page
        target = resolve(page, back.get("href"))
        assert target is not None and target.is_file(), page
        if fragment := urlsplit(back.get("href")).fragment:
            assert parse(target).xpath(f"//*[@id='{fragment}']"), f"{page}: {back.get('href')}"


def test_each_page_hands_out_the_code_of_each_of_its_embeds(real_site: Path) -> None:
    """Without the site's address: the code names the embed by its path from the site's root, which site.js turns
    into the address the reader sees; `data-embed-url` is that path from the page itself."""
    handed_out = []
    for page in sorted(real_site.glob("plans/*/*/*.html")) + sorted(real_site.glob("en/plans/*/*/*.html")):
        for box in parse(page).xpath("//textarea[@data-embed-code]"):
            path = box.get("data-embed-path")
            assert (
                f'src="{path}"' in box.text and resolve(page, box.get("data-embed-url")) == (real_site / path).resolve()
            )
            assert box.getparent().tag == "details" and "no-print" in box.getparent().get("class")
            assert parse(page).xpath(f"//label[@for='{box.get('id')}']"), page
            handed_out.append(path)
    assert sorted(handed_out) == sorted(page.relative_to(real_site).as_posix() for page in _embeds(real_site))


@pytest.mark.slow
def test_with_an_address_an_embed_is_canonical_to_its_page_and_left_out_of_the_sitemap(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(
        "site_name: {ko: 시험 사이트, en: Test site}\norganisation: {ko: 시험 기관, en: Test Office}\n"
        "licence: {ko: 공공누리 제1유형, en: KOGL Type 1}\nlicence_url: https://example.org/kogl\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", "--quiet", "--base-url", ADDRESS])
    assert result.exit_code == 0, result.output
    out = demo_root / "output"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "projects/1-1-1.html" in sitemap and "embed" not in sitemap
    page = out / "en/embed/plans/demo/indicator-1-1-1-1.html"
    tree = parse(page)
    assert tree.xpath("//link[@rel='canonical']/@href") == [f"{ADDRESS}en/plans/demo/projects/1-1-1.html"]
    source = " ".join(tree.cssselect(".embed-source")[0].text_content().split())
    # The demo's sources are not dated, so the line names no data date.
    assert source == "Source: Test Office, Test plan · Licence: KOGL Type 1 · More on Test site (opens in a new tab)"
    # The canonical address is the one absolute address: the licence is named, not linked.
    assert [a for a in _addresses(page, tree) if urlsplit(a).scheme] == tree.xpath("//link[@rel='canonical']/@href")
    project = parse(out / "plans/demo/projects/1-1-1.html")
    [box] = project.xpath("//textarea[@data-embed-code]")
    assert f'src="{ADDRESS}embed/plans/demo/indicator-1-1-1-1.html"' in box.text
    assert box.get("data-embed-path") is None and not project.xpath("//*[@data-embed-hint]")


@pytest.mark.slow
def test_a_check_with_no_grades_embeds_its_sentence_without_a_bar_or_table(tmp_path: Path) -> None:
    """The synthetic budget-only check (tests/fixtures/budget-only): its headline has no bar, so no table."""
    from generator.data.layout import find_repository
    from generator.site.build import build_site

    shutil.copytree(FIXTURES / "budget-only", tmp_path, dirs_exist_ok=True)
    build_site(find_repository(cwd=tmp_path), tmp_path / "output")
    tree = parse(tmp_path / "output/embed/plans/budget-only-demo/report-2024-summary.html")
    assert tree.cssselect(".headline-sentence") and not tree.cssselect(".headline-bar") and not tree.xpath("//table")
    assert tree.xpath("string(//details/p)").strip() == " ".join(
        tree.xpath("string(//p[@class='headline-sentence'])").split()
        + tree.xpath("string(//p[@class='headline-money'])").split()
    )

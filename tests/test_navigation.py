"""Getting around (issue 26, item 5): project → strategy, task and department; report rows → projects; contents
lists; the same anchors in both languages; and no link to a page that has nothing to show.

The models are checked on the synthetic demo and on the real plans; the built pages on the real site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from generator.data.layout import find_repository
from generator.data.validate import validate_path
from generator.evaluation.year import evaluate_year
from generator.i18n import t
from generator.review.record import Amendments
from generator.site.build import build_site, sitemap
from generator.site.pages import Page, Site, build_pages
from generator.site.pages.amendments import AmendmentsContent
from generator.site.pages.common import Link, numbered
from generator.site.pages.departments import DepartmentContent
from generator.site.pages.navigation import contents_links, present
from generator.site.pages.plan import PlanContent
from generator.site.pages.project import ProjectContent
from generator.site.pages.report import ReportContent, ReportPendingContent

from .conftest import FIXTURES, PLANS, RESULTS
from .sitecheck import REPORT_2021, html_pages, parse, resolve
from .sitemodels import demo_site

ANCHOR = re.compile(r"[a-z][a-z0-9-]*")


# -- the models ---------------------------------------------------------------------------------------------


def _demo_site(amendments: Amendments | None = None) -> Site:
    return demo_site(amendments=amendments)


def _page(pages: list[Page], path: str) -> Page:
    [page] = [p for p in pages if p.meta.path == path]
    return page


@pytest.fixture(scope="module")
def real_pages() -> list[Page]:
    report = validate_path(PLANS, RESULTS)
    evaluations = {
        plan.id: {year: evaluate_year(plan, results) for year, results in report.results.get(plan.id, {}).items()}
        for plan in report.plans
    }
    site = Site(
        report.plans, evaluations, "2026-01-01", {"ko": "", "en": ""}, {"ko": "", "en": ""}, config=report.config.spec
    )
    return build_pages(site)


@pytest.mark.usefixtures("demo_root")
def test_a_project_page_links_to_its_strategy_task_and_department() -> None:
    pages = build_pages(_demo_site())
    content = _page(pages, "en/plans/demo/projects/1-1-1.html").content
    assert isinstance(content, ProjectContent)
    assert [(p.level, p.link) for p in content.placements] == [
        ("Strategy", Link("en/plans/demo/index.html#strategy-1", "1. Strategy one")),
        ("Task", Link("en/plans/demo/index.html#task-1-1", "1-1 Task one")),
    ]
    assert content.department_links == (Link("en/departments/test-division.html", "Test Division"),)
    paths = {page.meta.path for page in pages}
    assert all(link.href in paths for link in content.department_links)
    # A project without a department has no link, and says so.
    other = _page(pages, "plans/demo/projects/1-1-2.html").content
    assert isinstance(other, ProjectContent)
    assert (other.department_links, other.departments) == ((), "–")


@pytest.mark.usefixtures("demo_root")
def test_the_plan_page_gives_each_strategy_and_task_an_anchor_from_its_id() -> None:
    content = _page(build_pages(_demo_site()), "plans/demo/index.html").content
    assert isinstance(content, PlanContent)
    assert [(s.anchor, [task.anchor for task in s.tasks]) for s in content.strategies] == [("strategy-1", ["task-1-1"])]
    assert [s.heading for s in content.strategies] == ["전략 1. 전략 하나"]


def test_a_number_or_letter_takes_a_full_stop_and_a_circled_number_none() -> None:
    assert [numbered(label, "T") for label in ("1", "가", "A", "①", "1.", "(1)")] == [
        "1. T",
        "가. T",
        "A. T",
        "① T",
        "1. T",
        "(1) T",
    ]


def test_every_strategy_and_task_anchor_of_the_real_plans_is_valid_and_unique(real_pages: list[Page]) -> None:
    plans = [page.content for page in real_pages if isinstance(page.content, PlanContent)]
    assert plans
    for content in plans:
        anchors = [s.anchor for s in content.strategies] + [t.anchor for s in content.strategies for t in s.tasks]
        assert all(ANCHOR.fullmatch(anchor) for anchor in anchors), anchors
        assert len(anchors) == len(set(anchors))
        assert len(anchors) > len(content.strategies)


def test_the_reports_excluded_rows_and_findings_link_to_their_projects(real_pages: list[Page]) -> None:
    report = _page(real_pages, f"en/{REPORT_2021}").content
    assert isinstance(report, ReportContent)
    assert report.excluded_rows and report.findings
    prefix = "en/plans/seoul-citizen-participation-2019/projects/"
    for row in report.excluded_rows:
        assert row.project_link.href.startswith(prefix) and row.project_link.href.endswith(".html")
    for finding in report.findings:
        # To the indicator on its project's page: "…/projects/1-1-1.html#ind-1-1-1-1".
        page, _, anchor = finding.project_link.href.partition("#")
        assert page.startswith(prefix) and anchor.startswith("ind-" + page.removeprefix(prefix).removesuffix(".html"))
        assert finding.indicator and finding.project_link.label


@pytest.mark.usefixtures("demo_root")
def test_budget_tables_by_project_link_each_project_and_not_the_total() -> None:
    pages = build_pages(_demo_site())
    report = _page(pages, "en/plans/demo/reports/2024.html").content
    department = _page(pages, "en/departments/test-division.html").content
    assert isinstance(report, ReportContent) and isinstance(department, DepartmentContent)
    assert report.budget_by_project is not None
    for table in (report.budget_by_project, *department.budgets):
        assert [(row.link, row.is_total) for row in table.rows] == [
            (Link("en/plans/demo/projects/1-1-1.html", "1-1-1 Project one"), False),
            (None, True),
        ]
    assert report.budget_by_department is not None
    assert all(row.link is None for row in report.budget_by_department.rows)


def test_contents_lists_only_the_sections_present() -> None:
    sections = [("a-heading", "A", True), ("b-heading", "B", ()), ("c-heading", "C", "x")]
    assert contents_links(present(sections)) == (Link("#a-heading", "A"), Link("#c-heading", "C"))


@pytest.mark.usefixtures("demo_root")
def test_the_demo_report_lists_its_sections_and_none_it_lacks() -> None:
    content = _page(build_pages(_demo_site()), "plans/demo/reports/2024.html").content
    assert isinstance(content, ReportContent)
    anchors = [link.href for link in content.contents]
    assert anchors[:4] == ["#summary-heading", "#distribution-heading", "#strategy-heading", "#detail-heading"]
    assert "#excluded-heading" in anchors and "#findings-heading" in anchors
    # The first check: no years side by side, no changes; no git history: no amendments.
    assert not {"#years-heading", "#changes-heading", "#amendments-heading", "#method-heading"} & set(anchors)


@pytest.mark.usefixtures("demo_root")
def test_years_without_results_are_words_not_links() -> None:
    pages = build_pages(_demo_site())
    content = _page(pages, "plans/demo/index.html").content
    assert isinstance(content, PlanContent)
    [checked, unchecked] = content.reports
    assert checked.link == Link("plans/demo/reports/2024.html", t("report_title", "ko", year=2024))
    assert (unchecked.link, unchecked.text) == (None, "2025년: 미점검")
    pending = _page(pages, "en/plans/demo/reports/2025.html")
    assert isinstance(pending.content, ReportPendingContent)
    # Still built, so the address answers, but kept out of the search index, the sitemap and search engines.
    assert pending.meta.empty and not pending.meta.indexed
    listed = sitemap(pages, "https://example.org/").decode()
    assert "reports/2024.html" in listed and "reports/2025.html" not in listed


@pytest.mark.usefixtures("demo_root")
def test_an_empty_list_of_amendments_is_not_linked() -> None:
    pages = build_pages(_demo_site(Amendments(items=())))
    content = _page(pages, "en/plans/demo/index.html").content
    assert isinstance(content, PlanContent)
    assert content.amendments_link is None
    assert content.amendments_note == t("no_amendments", "en")
    listed = _page(pages, "en/plans/demo/amendments.html")
    assert isinstance(listed.content, AmendmentsContent) and listed.meta.empty
    # Without a git history there is no list at all, and nothing said about it.
    plain = _page(build_pages(_demo_site()), "en/plans/demo/index.html").content
    assert isinstance(plain, PlanContent) and (plain.amendments_link, plain.amendments_note) == (None, "")


# -- the built site ----------------------------------------------------------------------------------------


def _main_h2s(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    return [(h2.get("id"), " ".join(h2.text_content().split())) for h2 in tree.cssselect("main h2")]


def _contents(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    [nav] = tree.cssselect("nav.contents")
    return [(a.get("href"), " ".join(a.text_content().split())) for a in nav.cssselect("a")]


def _pages_with_contents(site: Path) -> list[Path]:
    plans = sorted(site.glob("plans/*/index.html")) + sorted(site.glob("en/plans/*/index.html"))
    reports = [page for page in html_pages(site) if "/reports/" in page.as_posix()]
    checked = [page for page in reports if parse(page).cssselect("table.detail")]
    return plans + checked


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_contents_list_names_exactly_the_pages_h2_sections(real_site: Path, lang: str) -> None:
    pages = [
        p for p in _pages_with_contents(real_site) if (p.relative_to(real_site).parts[0] == "en") == (lang == "en")
    ]
    assert len(pages) >= 3  # two plan pages and the 2021 report
    for page in pages:
        tree = parse(page)
        h2s = _main_h2s(tree)
        assert all(ident for ident, _ in h2s), f"{page}: an h2 without an id"
        assert _contents(tree) == [(f"#{ident}", text) for ident, text in h2s], page


def test_a_budget_only_report_lists_no_grade_sections(tmp_path: Path) -> None:
    """The synthetic budget-only check (tests/fixtures/budget-only) has no grade tables, and its contents say so."""
    shutil.copytree(FIXTURES / "budget-only", tmp_path, dirs_exist_ok=True)
    build_site(find_repository(cwd=tmp_path), tmp_path / "output")
    for lang in ("", "en/"):
        tree = parse(tmp_path / "output" / f"{lang}plans/budget-only-demo/reports/2024.html")
        contents = _contents(tree)
        assert contents == [(f"#{ident}", text) for ident, text in _main_h2s(tree)]
        assert "#budget-heading" in dict(contents) and "#distribution-heading" not in dict(contents)


def test_the_same_anchors_in_both_languages(real_site: Path) -> None:
    """A link to `#detail-heading` lands in the same place after the language switch (charts' own ids aside)."""
    for page in html_pages(real_site):
        relative = page.relative_to(real_site)
        if relative.parts[0] == "en" or relative.name == "404.html":  # the Korean 404 page says it in English too
            continue
        korean, english = _ids(parse(page)), _ids(parse(real_site / "en" / relative))
        assert korean == english, relative


def _ids(tree: lxml.html.HtmlElement) -> list[str]:
    return [e.get("id") for e in tree.iter() if e.get("id") and not any(a.tag.endswith("svg") for a in _up(e))]


def _up(element: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    while element is not None:
        found.append(element)
        element = element.getparent()
    return found


def test_every_internal_link_leads_to_something_to_show(real_site: Path) -> None:
    """Every `<a href>` of every page, both languages: its page exists, is not an empty page (a year not yet
    checked, an empty list; marked noindex) and, with a #fragment, holds that id."""
    trees = {page.resolve(): parse(page) for page in html_pages(real_site)}
    empty = {path for path, tree in trees.items() if tree.cssselect('meta[name="robots"][content="noindex"]')}
    assert any("reports/2022.html" in str(path) for path in empty)  # the 2nd plan's years without results
    checked = 0
    for path, tree in trees.items():
        for anchor in tree.iter("a"):
            href = anchor.get("href")
            if href is None or urlsplit(href).scheme:
                continue
            target = resolve(path, href)
            assert target is not None, f"{path}: {href}"
            if target.suffix != ".html":  # a download
                assert target.is_file(), f"{path}: {href}"
                continue
            assert target in trees, f"{path}: {href} leads to no page"
            # An empty page may link to itself (the skip link) and to its empty counterpart (the language switch).
            if target != path and not (path in empty and "lang-switch" in (anchor.get("class") or "")):
                assert target not in empty, f"{path}: {href} leads to a page with nothing to show"
            if fragment := urlsplit(href).fragment:
                assert trees[target].xpath(f"//*[@id='{fragment}']"), f"{path}: {href}: no such id"
            checked += 1
    assert checked > 3000


def test_no_link_to_a_year_without_results_and_no_zero_amendments(real_site: Path) -> None:
    plan = parse(real_site / "plans/seoul-citizen-participation-2019/index.html")
    unchecked = [" ".join(span.text_content().split()) for span in plan.cssselect("#reports-heading ~ ul .unchecked")]
    assert unchecked == ["2019년: 미점검", "2020년: 미점검", "2022년: 미점검"]
    assert not [a for a in plan.iter("a") if "(0건)" in a.text_content()]
    english = parse(real_site / "en/plans/seoul-citizen-participation-2019/index.html")
    assert "2022: not checked" in english.text_content()


def test_project_pages_link_their_placement_in_the_header(real_site: Path) -> None:
    page = real_site / "en/plans/seoul-citizen-participation-2024/projects/1-1-1.html"
    tree = parse(page)
    facts = [
        (dt.text_content(), dd)
        for dt, dd in zip(tree.cssselect("dl.facts dt"), tree.cssselect("dl.facts dd"), strict=True)
    ]
    linked = {name: dd.cssselect("a")[0].get("href") for name, dd in facts if dd.cssselect("a")}
    assert linked["Strategy"] == "../index.html#strategy-1"
    assert linked["Task"].startswith("../index.html#task-1-1")
    assert linked["Department"].startswith("../../../departments/")

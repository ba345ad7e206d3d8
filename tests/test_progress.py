"""Progress across a plan's checks, on a synthetic plan with three years of results (tests/fixtures/progress):
the comparison of two checks, the report's "changes since the previous check", every check side by side, and the
plan page's overview."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data.layout import DataRepository
from generator.data.validate import load_checked
from generator.evaluation.progress import changes_since, previous_check
from generator.evaluation.year import YearEvaluation, evaluate_year
from generator.site.pages import Page, Site, build_pages
from generator.site.pages.plan import PlanContent
from generator.site.pages.report import ReportContent

from .conftest import FIXTURES
from .test_pages import _check_types

DATA = FIXTURES / "progress"
PLAN = "progress-demo"


@pytest.fixture(scope="module")
def evaluations() -> dict[int, YearEvaluation]:
    report = load_checked(DataRepository(DATA, DATA / "plans", DATA / "results", None))
    [plan] = report.plans
    return {year: evaluate_year(plan, results) for year, results in report.results[PLAN].items()}


@pytest.fixture(scope="module")
def pages(evaluations: dict[int, YearEvaluation]) -> dict[str, Page]:
    plan = evaluations[2024].plan
    site = Site(
        plans=[plan],
        evaluations={PLAN: evaluations},
        data_date="2026-12-31",
        methodology_md={"ko": "", "en": ""},
        open_data_md="",
    )
    return {page.meta.path: page for page in build_pages(site)}


def _moves(evaluations: dict[int, YearEvaluation], year: int) -> list[tuple[str, str, str, str]]:
    previous = previous_check(evaluations, year)
    assert previous is not None
    return [
        (c.movement.value, c.after.project.id, c.before.category, c.after.category)
        for c in changes_since(previous, evaluations[year])
    ]


def test_each_movement_is_found_between_two_checks(evaluations: dict[int, YearEvaluation]) -> None:
    assert _moves(evaluations, 2025) == [
        ("up", "1-1-1", "B", "A+"),
        ("down", "1-1-2", "A+", "C"),
        ("left_out", "2-1-1", "A", "excluded"),
    ]  # 2-1-2 stayed A: not listed
    assert _moves(evaluations, 2026) == [
        ("up", "1-1-2", "C", "A"),
        ("back", "2-1-1", "excluded", "B"),
        ("down", "2-1-2", "A", "E"),
    ]


def test_the_first_check_has_no_previous_one(evaluations: dict[int, YearEvaluation]) -> None:
    assert previous_check(evaluations, 2024) is None
    assert previous_check(evaluations, 2026) is evaluations[2025]
    assert previous_check({2022: evaluations[2024], 2024: evaluations[2026]}, 2024) is evaluations[2024]


def _report(pages: dict[str, Page], year: int, lang: str = "en") -> ReportContent:
    content = pages[f"{'en/' if lang == 'en' else ''}plans/{PLAN}/reports/{year}.html"].content
    assert isinstance(content, ReportContent)
    return content


def test_the_report_lists_the_changes_with_both_years_figures(pages: dict[str, Page]) -> None:
    changes = _report(pages, 2026).changes
    assert changes is not None
    assert (changes.previous_year, changes.year) == (2025, 2026)
    assert changes.heading == "Changes since the previous check (2025)"
    assert [(group.movement, group.caption) for group in changes.groups] == [
        ("up", "Grade went up (1)"),
        ("down", "Grade went down (1)"),
        ("back", "Evaluated again (1)"),
    ]
    [down] = changes.groups[1].rows
    assert down.project_link.label == "2-1-2 Project 2-1-2"
    assert down.project_link.href == f"en/plans/{PLAN}/projects/2-1-2.html"
    assert (down.before.target, down.before.actual, down.before.rate, down.before.grade) == (
        "10 cases",
        "10 cases",
        "100%",
        "A",
    )
    assert (down.after.actual, down.after.rate, down.after.grade) == ("6 cases", "60%", "E")
    [back] = changes.groups[2].rows
    assert (back.before.actual, back.before.grade, back.after.grade) == ("–", "Excluded", "B")
    assert _report(pages, 2026, "ko").changes.groups[0].caption == "등급 상승 (1)"  # type: ignore[union-attr]


def test_the_first_report_has_no_changes_and_no_years_side_by_side(pages: dict[str, Page]) -> None:
    first = _report(pages, 2024)
    assert first.changes is None and first.years is None


def test_each_report_shows_its_own_and_the_earlier_checks_side_by_side(pages: dict[str, Page]) -> None:
    years = _report(pages, 2025).years
    assert years is not None and years.columns == ("2024", "2025")
    later = _report(pages, 2026).years
    assert later is not None and later.columns == ("2024", "2025", "2026")
    rows = {row.category: row.cells for row in later.rows}
    assert rows["A+"] == ("1 (25%)", "1 (25%)", "1 (25%)")
    assert rows["excluded"] == ("0", "1 (25%)", "0")
    assert later.totals == (4, 4, 4)


def _plan(pages: dict[str, Page], lang: str = "en") -> Page:
    return pages[f"{'en/' if lang == 'en' else ''}plans/{PLAN}/index.html"]


def test_the_plan_page_opens_with_the_plan_at_a_glance(pages: dict[str, Page]) -> None:
    page = _plan(pages)
    content = page.content
    assert isinstance(content, PlanContent)
    overview = content.overview
    budget = overview.budget
    assert budget is not None
    assert (budget.caption, budget.unit) == ("Budget by strategy and year", "million won")  # the unit: a line above
    assert [(row.label, row.amounts, row.total) for row in budget.rows] == [
        ("1. Strategy one", ("120", "130", "140"), "390"),
        ("2. Strategy two", ("60", "70", "80"), "210"),
    ]
    assert (budget.totals, budget.total) == (("180", "200", "220"), "600")
    assert page.charts == (budget.chart,)
    assert [(s.label, s.amounts) for s in budget.chart.series] == [
        ("Strategy 1", (120.0, 130.0, 140.0)),
        ("Strategy 2", (60.0, 70.0, 80.0)),
    ]
    assert "2024: 180; 2025: 200; 2026: 220" in budget.chart.summary
    assert [(row.label, row.tasks, row.projects, row.indicators) for row in overview.sizes.rows] == [
        ("1. Strategy one", 1, 2, 2),
        ("2. Strategy two", 1, 2, 2),
    ]
    assert overview.latest is not None and overview.latest.caption.endswith("(2026)")
    assert overview.years is not None and overview.years.columns == ("2024", "2025", "2026")
    _check_types(content, PlanContent, page.meta.path)


def test_a_plan_that_states_no_budget_says_so_instead_of_a_table_of_dashes(real_pages: dict[str, Page]) -> None:
    content = real_pages["plans/seoul-citizen-participation-2019/index.html"].content
    assert isinstance(content, PlanContent)
    assert content.overview.budget is None
    assert real_pages["plans/seoul-citizen-participation-2019/index.html"].charts == ()
    # One real check: its distribution by strategy, nothing side by side.
    assert content.overview.latest is not None and content.overview.years is None


@pytest.fixture(scope="module")
def real_pages() -> dict[str, Page]:
    from .conftest import PLANS, RESULTS, ROOT

    report = load_checked(DataRepository(ROOT, PLANS, RESULTS, None))
    evaluations = {
        plan.id: {year: evaluate_year(plan, results) for year, results in report.results.get(plan.id, {}).items()}
        for plan in report.plans
    }
    site = Site(report.plans, evaluations, "2026-12-31", {"ko": "", "en": ""}, "")
    return {page.meta.path: page for page in build_pages(site)}


def test_the_fixture_is_synthetic() -> None:
    for path in Path(DATA).rglob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# Synthetic test"), path

"""Headlines (issue 26): the report says first how the check did and what it spent, the plan page and home say
the plan's period, budget and size in words people read; a check that files only budget execution shows the budget
report alone, and a share of nothing is "–". Real data for the 2021 check and the plans; synthetic data for the
budget-only check (tests/fixtures/budget-only)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.data.grades import DEFAULT_SCALE, Band
from generator.data.model import Plan
from generator.data.units import base_counter
from generator.data.validate import validate_path
from generator.evaluation.grading import Distribution, distribution
from generator.evaluation.year import YearEvaluation, evaluate_year
from generator.i18n import plural
from generator.numbers import NONE, in_words
from generator.site.pages.common import (
    Site,
)
from generator.site.pages.distribution import distribution_view
from generator.site.pages.headline import plan_headline, top_grades
from generator.site.pages.home import HomeContent, home_page, plans_by_currency
from generator.site.pages.plan import plan_page
from generator.site.pages.report import ReportContent, report_page

from .conftest import FIXTURES, PLANS, RESULTS, built_copy
from .sitecheck import parse, table_text

BUDGET_ONLY = FIXTURES / "budget-only"
REAL_2019 = "seoul-citizen-participation-2019"
REAL_2024 = "seoul-citizen-participation-2024"


# -- words for sums --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "korean", "english"),
    [
        (116_349 * 10**6, "1,163억 원", "116.3 billion won"),  # the 3rd plan's four-year budget
        (29_000 * 10**6, "290억 원", "29 billion won"),
        (520_000_000, "5.2억 원", "520 million won"),  # below ten of a word: one decimal
        (2_426_850, "243만 원", "2.4 million won"),
        (3 * 10**12, "3조 원", "3 trillion won"),
        (999, "999 원", "999 won"),  # below the smallest word: the figure
    ],
)
def test_a_sum_in_words(value: int, korean: str, english: str) -> None:
    assert in_words(value, "원", "won", "ko") == korean
    assert in_words(value, "원", "won", "en") == english


def test_the_base_a_scaled_unit_counts_in() -> None:
    assert base_counter("백만원", 10**6) == "원"
    assert base_counter("만명", 10_000) == "명"
    assert base_counter("원", 1) == "원"
    assert base_counter("백만원", 1000) is None  # the word and the scale disagree: no safe base


def test_english_plural_of_a_level_name() -> None:
    assert [plural(name, "en") for name in ("Strategy", "Sub-task", "Day", "Programmes")] == [
        "strategies",
        "sub-tasks",
        "days",
        "programmes",
    ]


# -- the top grades ------------------------------------------------------------------------------------------


def test_top_grades_are_those_whose_band_starts_at_the_target() -> None:
    assert top_grades(DEFAULT_SCALE) == ("A+", "A")
    assert top_grades((Band("S", 110), Band("A", 100), Band("B", 80), Band("C", 0))) == ("S", "A")
    # A scale whose best band starts below 100%: its first grade alone.
    assert top_grades((Band("우수", 90), Band("보통", 60), Band("미흡", 0))) == ("우수",)


# -- the 2021 report -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[list[Plan], dict[str, dict[int, YearEvaluation]]]:
    report = validate_path(PLANS, RESULTS)
    evaluations = {
        plan.id: {year: evaluate_year(plan, results) for year, results in report.results.get(plan.id, {}).items()}
        for plan in report.plans
    }
    return report.plans, evaluations


def _site(plans: list[Plan], evaluations: dict[str, dict[int, YearEvaluation]], data_date: str = "") -> Site:
    return Site(plans, evaluations, data_date, {"ko": "", "en": ""}, {"ko": "", "en": ""})


def _plan(plans: list[Plan], plan_id: str) -> Plan:
    return next(plan for plan in plans if plan.id == plan_id)


def test_the_2021_report_opens_with_its_headline(real) -> None:
    plans, evaluations = real
    plan = _plan(plans, REAL_2019)
    page = report_page(_site(plans, evaluations), plan, 2021, evaluations[plan.id][2021], "ko")
    content = page.content
    assert isinstance(content, ReportContent)
    headline = content.headline
    # 33 of 45 graded; 21 at A+ or A (13 + 8, as the official table); 19 of them with a rate of 100% or more (two
    # A grades were published for rates under 100%).
    assert headline.sentence == (
        "2021년 점검은 추진과제 45개 중 33개를 평가했고, 그중 21개(64%)가 A 등급 이상이며 19개가 목표를 "
        "달성했습니다(달성도 100% 이상). 평가 제외 7개, 평가 안함 5개입니다."
    )
    assert headline.money == "이 점검에는 예산 집행 실적이 기록되지 않았습니다."
    assert [(s.key, s.count, s.width) for s in headline.segments] == [
        ("top", "21", "46.67%"),
        ("other", "12", "26.67%"),
        ("excluded", "7", "15.56%"),
        ("not-evaluated", "5", "11.11%"),
    ]
    assert page.meta.summary == f"{headline.sentence} {headline.money}"
    assert content.has_grades and content.distribution.chart is not None


def test_the_2021_headline_in_english(real) -> None:
    plans, evaluations = real
    plan = _plan(plans, REAL_2019)
    content = report_page(_site(plans, evaluations), plan, 2021, evaluations[plan.id][2021], "en").content
    assert isinstance(content, ReportContent)
    assert content.headline.sentence == (
        "The 2021 check graded 33 of 45 sub-tasks: 21 (64% of those graded) at A or above, and 19 met their target "
        "(a rate of 100% or more). 7 excluded, 5 not evaluated."
    )
    assert content.headline.money == "The check recorded no budget execution figures."
    assert [s.label for s in content.headline.segments] == ["A or above", "Other grades", "Excluded", "Not evaluated"]


def test_the_summary_table_has_a_row_per_strategy_and_the_total(real) -> None:
    plans, evaluations = real
    plan = _plan(plans, REAL_2019)
    content = report_page(_site(plans, evaluations), plan, 2021, evaluations[plan.id][2021], "ko").content
    assert isinstance(content, ReportContent)
    table = content.summary
    assert (table.grades, table.budget, table.unit, table.top_heading) == (True, False, "", "A 이상")
    assert len(table.rows) == len(plan.strategies) + 1
    total = table.rows[-1]
    assert (total.label, total.indicators, total.graded, total.top, total.excluded, total.not_evaluated) == (
        "계",
        "45",
        "33",
        "21",
        "7",
        "5",
    )
    assert sum(int(row.indicators) for row in table.rows[:-1]) == 45
    assert (total.budget, total.spent, total.spent_rate) == (NONE, NONE, NONE)


# -- the budget-only check -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def budget_only() -> tuple[Plan, YearEvaluation]:
    report = validate_path(BUDGET_ONLY / "plans", BUDGET_ONLY / "results")
    assert report.problems == []
    [plan] = report.plans
    return plan, evaluate_year(plan, report.results[plan.id][2024])


def test_a_budget_only_check_has_no_grades_and_says_its_totals(budget_only) -> None:
    plan, evaluation = budget_only
    site = _site([plan], {plan.id: {2024: evaluation}})
    page = report_page(site, plan, 2024, evaluation, "ko")
    content = page.content
    assert isinstance(content, ReportContent)
    assert not content.has_grades
    assert content.distribution.chart is None and page.charts == ()
    assert content.headline.segments == ()
    assert content.headline.sentence == "2024년 점검은 성과지표를 평가하지 않고 예산 집행만 기록했습니다."
    # 3,800천원 budgeted, 2,426.85천원 spent (63.9%), 2,427천원 committed.
    assert content.headline.money == (
        "예산현액 380만 원 중 243만 원을 지출해 집행률은 63.9%입니다(원인행위 243만 원, 63.9%)."
    )
    table = content.summary
    assert (table.grades, table.budget, table.unit) == (False, True, "천원")
    assert [(r.label, r.indicators, r.budget, r.spent, r.spent_rate) for r in table.rows] == [
        ("1. 전략 하나", "4", "3,800", "2,426.85", "63.9%"),
        ("계", "4", "3,800", "2,426.85", "63.9%"),
    ]


def test_a_budget_only_headline_in_english(budget_only) -> None:
    plan, evaluation = budget_only
    content = report_page(_site([plan], {plan.id: {2024: evaluation}}), plan, 2024, evaluation, "en").content
    assert isinstance(content, ReportContent)
    assert content.headline.sentence == "The 2024 check graded no indicators; it recorded budget execution only."
    assert content.headline.money == (
        "Of a budget of 3.8 million won, 2.4 million won was spent (63.9%) and 2.4 million won committed (63.9%)."
    )
    assert content.summary.unit == "won"


def test_a_share_of_nothing_is_a_dash(budget_only) -> None:
    plan, _ = budget_only
    view = distribution_view(plan, Distribution(0, ()), "ko", "caption", None)
    assert view.total_share == NONE
    nothing = distribution_view(plan, distribution([]), "en", "caption", None)
    assert {row.share for row in nothing.rows} == {NONE}
    some = distribution_view(plan, distribution(["A+"]), "en", "caption", None)
    assert (some.total_share, some.rows[0].share) == ("100%", "100%")


@pytest.fixture(scope="module")
def budget_only_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy(tmp_path_factory, BUDGET_ONLY)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_built_budget_only_report_shows_the_budget_report_alone(budget_only_site: Path, lang: str) -> None:
    page = parse(budget_only_site / ("" if lang == "ko" else "en") / "plans/budget-only-demo/reports/2024.html")
    assert not page.cssselect("table.distribution, table.detail, table.matrix, figure.chart, svg")
    assert not page.cssselect("#findings-heading")
    assert len(page.cssselect("table.execution")) == 2
    for code in page.cssselect("textarea[data-embed-code]"):  # HTML to copy ("max-width: 100%"), not words
        code.drop_tree()
    text = page.text_content()
    assert "100%" not in text.replace("100.0%", "")  # no "계 0 · 100%" anywhere
    headline = page.cssselect(".headline")[0].text_content()
    assert "63.9%" in headline
    [summary] = page.cssselect("table.summary")
    total = {"ko": "계 | 4 | 3,800 | 2,426.85 | 63.9%", "en": "Total | 4 | 3,800,000 | 2,426,850 | 63.9%"}
    assert table_text(summary)[-1] == total[lang]


# -- the plan's headline and home --------------------------------------------------------------------------


def test_the_plan_headline_says_its_budget_in_words(real) -> None:
    plans, evaluations = real
    plan = _plan(plans, REAL_2024)
    korean, english = plan_headline(plan, "ko"), plan_headline(plan, "en")
    assert korean.budget_words == "4년간 1,163억 원"  # 116,349백만원
    assert english.budget_words == "116.3 billion won over 4 years"
    assert korean.sentence.startswith("2024~2027년 4년간 1,163억 원 규모의 계획으로, 전략 4개, 추진과제 13개, ")
    assert korean.sentence.endswith("개를 둡니다.")
    assert english.sentence.startswith("A 4-year plan, 2024–2027, of 116.3 billion won: 4 strategies, 13 tasks, ")
    page = plan_page(_site(plans, evaluations), plan, "en")
    assert page.meta.summary == english.sentence


def test_a_plan_without_a_budget_says_its_size_alone(real) -> None:
    plans, _ = real
    headline = plan_headline(_plan(plans, REAL_2019), "en")
    assert headline.budget_words == ""
    assert headline.sentence == "A 4-year plan, 2019–2022: 4 strategies, 13 programmes, 40 tasks and 45 sub-tasks."


def test_home_shows_the_current_plan_first(real) -> None:
    plans, evaluations = real
    by_id = {plan.id: plan for plan in plans}
    # The data's year inside a period chooses that plan; outside every period, the one that starts last.
    assert plans_by_currency(plans, "2021-03-01")[0] is by_id[REAL_2019]
    assert plans_by_currency(plans, "2023-12-28")[0] is by_id[REAL_2024]
    assert plans_by_currency(plans, "")[0] is by_id[REAL_2024]
    page = home_page(_site(plans, evaluations, "2021-03-01"), "ko")
    content = page.content
    assert isinstance(content, HomeContent)
    assert content.current is not None and content.current.latest is not None
    assert content.heading != page.meta.site_name
    assert page.meta.summary == content.current.latest.headline.sentence
    assert [card.title for card in content.earlier] == [by_id[REAL_2024].spec.title.get("ko")]


def test_home_without_results_says_the_plan_headline(real) -> None:
    plans, evaluations = real
    page = home_page(_site(plans, evaluations, "2024-05-01"), "en")
    content = page.content
    assert isinstance(content, HomeContent) and content.current is not None
    assert content.current.budget_words == "116.3 billion won over 4 years"
    assert page.meta.summary == content.current.headline


def test_budget_figures_stay_exact_in_the_tables(budget_only) -> None:
    """The headline rounds; the tables beside it keep every digit."""
    plan, evaluation = budget_only
    content = report_page(_site([plan], {plan.id: {2024: evaluation}}), plan, 2024, evaluation, "ko").content
    assert isinstance(content, ReportContent) and content.budget_by_project is not None
    assert content.budget_by_project.rows[-1].spent == "2,426.85"
    assert Decimal("2426.85") * 1000 == Decimal(2_426_850)

"""The plan at a glance, at the top of its page: the budget by strategy and year (a chart and its table), the size
of each strategy, the latest check's distribution by strategy, and every check's distribution side by side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from generator.data.model import Plan
from generator.data.schema import StrategySpec
from generator.describe import count_heading
from generator.evaluation.year import YearEvaluation
from generator.i18n import in_sentence, t
from generator.numbers import UnitDisplay
from generator.site import chartspec
from generator.site.pages.budget import planned_budget, planned_display, sum_of
from generator.site.pages.chartfiles import ChartFiles, budget_files
from generator.site.pages.common import level_names, numbered
from generator.site.pages.headline import has_grades
from generator.site.pages.paths import lang_path, plan_path
from generator.site.pages.progress import GradeMatrix, years_matrix
from generator.site.pages.report import strategy_matrix


@dataclass(frozen=True)
class StrategyBudgetRow:
    label: str  # "1. 적극적 정보 제공"
    amounts: tuple[str, ...]  # by year of the period
    total: str


@dataclass(frozen=True)
class BudgetOverview:
    caption: str
    unit: str  # of every amount, printed above the table and on the chart's axis
    years: tuple[int, ...]
    rows: tuple[StrategyBudgetRow, ...]
    totals: tuple[str, ...]
    total: str
    chart: chartspec.BudgetSpec
    files: ChartFiles | None = None  # the chart's downloads


@dataclass(frozen=True)
class StrategySize:
    label: str
    tasks: int
    projects: int
    indicators: int


@dataclass(frozen=True)
class SizeTable:
    caption: str
    headings: tuple[str, str, str]  # the plan's names for tasks, unit projects and indicators, counted
    rows: tuple[StrategySize, ...]
    total: StrategySize


@dataclass(frozen=True)
class PlanOverview:
    heading: str
    budget: BudgetOverview | None  # None when the plan states no budget
    sizes: SizeTable
    latest: GradeMatrix | None  # the latest check by strategy; None before the first check
    years: GradeMatrix | None  # every check side by side; None with fewer than two


def plan_overview(plan: Plan, evaluations: Mapping[int, YearEvaluation], lang: str) -> PlanOverview:
    names = level_names(plan, lang)
    latest_year = max(evaluations) if evaluations else None
    return PlanOverview(
        heading=t("overview", lang),
        budget=_budget_overview(plan, lang),
        sizes=_size_table(plan, lang),
        latest=(
            strategy_matrix(plan, latest_year, evaluations[latest_year], names, lang)
            if latest_year is not None and has_grades(evaluations[latest_year])
            else None
        ),
        years=years_matrix(plan, evaluations, lang),
    )


def _strategy_label(strategy: StrategySpec, lang: str) -> str:
    return numbered(strategy.label or strategy.id, strategy.title.get(lang))


def _strategy_amounts(plan: Plan, strategy: StrategySpec) -> dict[int, Decimal | None]:
    """Each year's planned budget of the strategy's projects; None for a year none of them states."""
    projects = [project for task in strategy.tasks for project in plan.projects_of(task.id)]
    return {year: sum_of(planned_budget(p)[0].get(year) for p in projects) for year in plan.spec.period.years}


def _budget_overview(plan: Plan, lang: str) -> BudgetOverview | None:
    display = planned_display(plan, lang)
    names = level_names(plan, lang)
    years = tuple(plan.spec.period.years)
    by_strategy = {strategy.id: _strategy_amounts(plan, strategy) for strategy in plan.strategies}
    rows = tuple(
        StrategyBudgetRow(
            _strategy_label(strategy, lang),
            tuple(display.figure(by_strategy[strategy.id][year]) for year in years),
            display.figure(sum_of(by_strategy[strategy.id].values())),
        )
        for strategy in plan.strategies
    )
    year_totals = [sum_of(amounts[year] for amounts in by_strategy.values()) for year in years]
    if all(amount is None for amount in year_totals):
        return None
    caption = t("budget_by_strategy", lang, strategy=in_sentence(names.strategy, lang))
    chart = _budget_chart(plan, by_strategy, years, year_totals, display, caption, lang)
    segments = [
        (strategy.id, row.label, [by_strategy[strategy.id][year] for year in years])
        for strategy, row in zip(plan.strategies, rows, strict=True)
    ]
    page = lang_path(lang, plan_path(plan))
    return BudgetOverview(
        caption=caption,
        unit=display.unit,
        years=years,
        rows=rows,
        totals=tuple(display.figure(amount) for amount in year_totals),
        total=display.figure(sum_of(year_totals)),
        chart=chart,
        files=budget_files(chart, page, plan.id, segments, plan.spec.budget_unit, lang),
    )


def _budget_chart(
    plan: Plan,
    by_strategy: dict[str, dict[int, Decimal | None]],
    years: tuple[int, ...],
    year_totals: list[Decimal | None],
    display: UnitDisplay,
    caption: str,
    lang: str,
) -> chartspec.BudgetSpec:
    names = level_names(plan, lang)
    series = tuple(
        chartspec.BudgetSeries(
            f"{names.strategy} {strategy.label or strategy.id}",
            tuple(None if a is None else float(display.value(a)) for a in (by_strategy[strategy.id][y] for y in years)),
            numbered(f"{names.strategy} {strategy.label or strategy.id}", strategy.title.get(lang)),
        )
        for strategy in plan.strategies
    )
    said = "; ".join(
        f"{year}: {display.figure(total)}" for year, total in zip(years, year_totals, strict=True) if total is not None
    )
    summary = t("budget_chart_summary", lang, unit=display.unit, years=said, strategy=in_sentence(names.strategy, lang))
    return chartspec.BudgetSpec(f"budget-{lang}-{plan.id}", years, series, display.unit, caption, summary)


def _size_table(plan: Plan, lang: str) -> SizeTable:
    names = level_names(plan, lang)
    rows = tuple(
        StrategySize(
            _strategy_label(strategy, lang),
            len(strategy.tasks),
            sum(len(plan.projects_of(task.id)) for task in strategy.tasks),
            sum(len(p.indicators) for task in strategy.tasks for p in plan.projects_of(task.id)),
        )
        for strategy in plan.strategies
    )
    total = StrategySize(
        t("total", lang),
        sum(row.tasks for row in rows),
        sum(row.projects for row in rows),
        sum(row.indicators for row in rows),
    )
    return SizeTable(
        caption=t("size_by_strategy", lang, strategy=in_sentence(names.strategy, lang)),
        headings=(
            count_heading(names.task, lang),
            count_heading(names.project, lang),
            count_heading(names.indicator, lang),
        ),
        rows=rows,
        total=total,
    )

"""A plan's page: an overview (see `overview`), its strategies, tasks and unit projects, and its annual reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.data.model import Plan
from generator.data.schema import ProjectFile, StrategySpec, TaskSpec
from generator.i18n import t
from generator.numbers import UnitDisplay
from generator.site.pages.amendments import amendments_link
from generator.site.pages.budget import planned_budget, planned_display, sum_of
from generator.site.pages.common import (
    DiscrepancyView,
    LevelNames,
    Link,
    Page,
    Site,
    discrepancy_views,
    lang_path,
    level_name,
    level_names,
    page_meta,
    plan_data_links,
    plan_path,
    project_path,
    report_path,
    report_years,
)
from generator.site.pages.credits import plan_sources
from generator.site.pages.home import PlanCard, plan_card
from generator.site.pages.overview import PlanOverview, plan_overview


@dataclass(frozen=True)
class ProjectRow:
    link: Link
    label: str
    departments: str
    budget_total: str


@dataclass(frozen=True)
class TaskNode:
    id: str
    label: str
    title: str
    projects: tuple[ProjectRow, ...]
    caption: str  # the caption of the task's table: "과제 1-1 정보 공개", "Task 1-1 Open information"


@dataclass(frozen=True)
class StrategyNode:
    id: str
    label: str
    title: str
    tasks: tuple[TaskNode, ...]


@dataclass(frozen=True)
class PlanContent:
    template: ClassVar[str] = "plan.html"

    card: PlanCard
    level_names: LevelNames
    overview: PlanOverview
    strategies: tuple[StrategyNode, ...]
    budget_unit: str
    reports: tuple[Link, ...]
    amendments_link: Link | None  # to the list of amendments; None when built without a git history
    discrepancies: tuple[DiscrepancyView, ...]
    sources: tuple[str, ...]
    data_links: tuple[Link, ...]


def plan_page(site: Site, plan: Plan, lang: str) -> Page:
    spec = plan.spec
    evaluations = site.evaluations.get(plan.id, {})
    reports = tuple(
        Link(lang_path(lang, report_path(plan, year)), t("report_title", lang, year=year))
        for year in report_years(plan, evaluations)
    )
    display = planned_display(plan, lang)
    content = PlanContent(
        card=plan_card(site, plan, lang),
        level_names=level_names(plan, lang),
        overview=plan_overview(plan, evaluations, lang),
        strategies=tuple(_strategy_node(plan, strategy, display, lang) for strategy in spec.strategies),
        budget_unit=display.unit,
        reports=reports,
        amendments_link=amendments_link(site, plan, lang),
        discrepancies=tuple(discrepancy_views(plan, spec.discrepancies, lang)),
        sources=tuple(source.title.get(lang) for source in spec.sources),
        data_links=tuple(plan_data_links(plan, sorted(evaluations), lang)),
    )
    budget = content.overview.budget
    charts = (budget.chart,) if budget is not None else ()
    meta = page_meta(
        site,
        lang,
        plan_path(plan),
        spec.title.get(lang),
        summary=content.card.headline,
        sources=plan_sources(plan.id, results=True),
    )
    return Page(meta, content, charts)


def _strategy_node(plan: Plan, strategy: StrategySpec, display: UnitDisplay, lang: str) -> StrategyNode:
    tasks = tuple(_task_node(plan, task, display, lang) for task in strategy.tasks)
    return StrategyNode(strategy.id, strategy.label or strategy.id, strategy.title.get(lang), tasks)


def _task_node(plan: Plan, task: TaskSpec, display: UnitDisplay, lang: str) -> TaskNode:
    rows = tuple(_project_row(plan, project, display, lang) for project in plan.projects_of(task.id))
    label, title = task.label or task.id, task.title.get(lang)
    return TaskNode(task.id, label, title, rows, f"{level_name(plan, 'task', lang)} {label} {title}")


def _project_row(plan: Plan, project: ProjectFile, display: UnitDisplay, lang: str) -> ProjectRow:
    years, total = planned_budget(project)
    if project.budget is not None and project.budget.is_non_budget:
        budget_text = t("non_budget", lang)
    else:
        # A plan that states no total still has one: the sum of its years.
        budget_text = display.figure(total if total is not None else sum_of(years.values()))
    return ProjectRow(
        Link(lang_path(lang, project_path(plan, project.id)), project.title.get(lang)),
        project.label or project.id,
        ", ".join(d.get(lang) for d in project.departments),
        budget_text,
    )

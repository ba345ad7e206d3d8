"""A plan's page: an overview (see `overview`), its strategies, tasks and unit projects, and its annual reports."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from generator.data.model import Plan
from generator.data.schema import ProjectFile, StrategySpec, TaskSpec
from generator.i18n import t
from generator.numbers import UnitDisplay
from generator.site.pages.amendments import amendments_link
from generator.site.pages.budget import planned_budget, planned_display, sum_of
from generator.site.pages.common import (
    DataLinks,
    LevelNames,
    Link,
    Page,
    Site,
    data_links,
    level_name,
    level_names,
    numbered,
    page_meta,
    plan_data_links,
)
from generator.site.pages.credits import plan_sources
from generator.site.pages.distribution import DiscrepancyView, discrepancy_views
from generator.site.pages.follow import Follow, follow_plan
from generator.site.pages.home import PlanCard, plan_card
from generator.site.pages.navigation import (
    ReportEntry,
    contents_links,
    present,
    report_entries,
    strategy_anchor,
    task_anchor,
)
from generator.site.pages.overview import PlanOverview, plan_overview
from generator.site.pages.paths import lang_path, plan_path, project_path


@dataclass(frozen=True)
class ProjectRow:
    link: Link
    label: str
    departments: str
    budget_total: str


@dataclass(frozen=True)
class TaskNode:
    id: str
    anchor: str  # the id of its table on the page, which project pages link to: "task-1-2"
    label: str
    title: str
    projects: tuple[ProjectRow, ...]
    caption: str  # the caption of the task's table: "과제 1-1 정보 공개", "Task 1-1 Open information"


@dataclass(frozen=True)
class StrategyNode:
    id: str
    anchor: str  # the id of its section: "strategy-1"
    label: str
    title: str
    heading: str  # "전략 1. 적극적 정보 제공", "추진전략 ① 적극적 정보제공"
    tasks: tuple[TaskNode, ...]


@dataclass(frozen=True)
class PlanContent:
    template: ClassVar[str] = "plan.html"

    card: PlanCard
    contents: tuple[Link, ...]  # to the page's sections (its h2s), in page order
    level_names: LevelNames
    overview: PlanOverview
    strategies: tuple[StrategyNode, ...]
    budget_unit: str
    reports: tuple[ReportEntry, ...]  # each year of the period: a link where it was checked, else words
    amendments_link: Link | None  # to the list of amendments; None without a git history or with none to list
    amendments_note: str  # said instead of the link when the record lists none; empty otherwise
    follow: Follow  # the plan's feed: its new checks and amendments
    discrepancies: tuple[DiscrepancyView, ...]
    sources: tuple[str, ...]
    data_links: DataLinks


def plan_page(site: Site, plan: Plan, lang: str) -> Page:
    spec = plan.spec
    evaluations = site.evaluations.get(plan.id, {})
    display = planned_display(plan, lang)
    link = amendments_link(site, plan, lang)
    content = PlanContent(
        card=plan_card(site, plan, lang),
        contents=(),
        level_names=level_names(plan, lang),
        overview=plan_overview(plan, evaluations, lang),
        strategies=tuple(_strategy_node(plan, strategy, display, lang) for strategy in spec.strategies),
        budget_unit=display.unit,
        reports=report_entries(plan, evaluations, lang),
        amendments_link=link,
        amendments_note=t("no_amendments", lang) if link is None and site.amendments is not None else "",
        follow=follow_plan(plan, lang),
        discrepancies=tuple(discrepancy_views(plan, spec.discrepancies, lang)),
        sources=tuple(source.title.get(lang) for source in spec.sources),
        data_links=data_links(plan_data_links(plan, sorted(evaluations), lang), lang, site),
    )
    content = replace(content, contents=plan_contents(content, lang))
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


def plan_contents(content: PlanContent, lang: str) -> tuple[Link, ...]:
    """The contents list: each h2 of plan.html the page has, by its id and heading."""
    sections = [
        ("overview-heading", content.overview.heading, True),
        ("reports-heading", t("annual_reports", lang), True),
        ("structure-heading", t("structure", lang), True),
        ("open-data-heading", t("open_data", lang), content.data_links),
        ("discrepancies-heading", t("discrepancies", lang), content.discrepancies),
    ]
    return contents_links(present(sections))


def _strategy_node(plan: Plan, strategy: StrategySpec, display: UnitDisplay, lang: str) -> StrategyNode:
    tasks = tuple(_task_node(plan, task, display, lang) for task in strategy.tasks)
    label, title = strategy.label or strategy.id, strategy.title.get(lang)
    heading = f"{level_name(plan, 'strategy', lang)} {numbered(label, title)}"
    return StrategyNode(strategy.id, strategy_anchor(strategy.id), label, title, heading, tasks)


def _task_node(plan: Plan, task: TaskSpec, display: UnitDisplay, lang: str) -> TaskNode:
    rows = tuple(_project_row(plan, project, display, lang) for project in plan.projects_of(task.id))
    label, title = task.label or task.id, task.title.get(lang)
    caption = f"{level_name(plan, 'task', lang)} {label} {title}"
    return TaskNode(task.id, task_anchor(task.id), label, title, rows, caption)


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

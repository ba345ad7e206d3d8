"""A plan's annual report: the grade distribution overall, by strategy and in detail, the findings, the budget.

A year of the period without results yet gets a short page of its own saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from markupsafe import Markup

from generator.data.grades import EXCLUDED, NOT_EVALUATED, scale_of
from generator.data.model import Plan, parent_id, task_of
from generator.data.schema import StrategySpec
from generator.describe import (
    category_label,
    execution_finding_sentence,
    execution_finding_subject,
    finding_sentence,
    target_text,
)
from generator.evaluation.budget import ExecutionFinding
from generator.evaluation.grading import Tone, tone_of
from generator.evaluation.year import Finding, IndicatorOutcome, YearEvaluation
from generator.i18n import in_sentence, plural, t
from generator.numbers import NONE
from generator.site.markup import render_markdown
from generator.site.pages.amendments import AmendmentsSection, amendments_section
from generator.site.pages.budget import ExecutionTable, year_by_department, year_by_project
from generator.site.pages.chartfiles import grades_files
from generator.site.pages.common import (
    DataLinks,
    LevelNames,
    Link,
    Page,
    Site,
    all_data_link,
    data_links,
    grade_text,
    level_names,
    numbered,
    page_meta,
    plan_data_links,
    rate_text,
)
from generator.site.pages.credits import plan_sources, report_sources
from generator.site.pages.distribution import (
    DiscrepancyView,
    DistributionView,
    discrepancy_views,
    distribution_caption,
    distribution_view,
)
from generator.site.pages.embedcode import EmbedCode, embed_code, headline_embed_path
from generator.site.pages.headline import Headline, SummaryTable, has_grades, report_headline, summary_table
from generator.site.pages.legend import LegendEntry, legend_entries
from generator.site.pages.navigation import contents_links, indicator_anchor, present, project_link
from generator.site.pages.paths import lang_path, plan_path, project_path, report_path
from generator.site.pages.progress import ChangesView, GradeMatrix, MatrixRow, changes_view, years_matrix


@dataclass(frozen=True)
class DetailRow:
    project: str  # on the first row of each unit project only, as in the official table
    project_link: Link
    indicator: str
    target: str
    actual: str
    rate: str
    grade: str
    grade_note: str
    category: str  # a grade of the plan's own scale, or excluded / not_evaluated / pending
    tone: Tone


@dataclass(frozen=True)
class DetailGroup:
    """The rows of one task, under a heading naming its strategy and task, so every printed page keeps context."""

    heading: str
    rows: tuple[DetailRow, ...]


@dataclass(frozen=True)
class ExcludedRow:
    project_link: Link  # labelled "1-1-① 정보소통광장 운영"
    indicator: str
    status: str
    reason: str


@dataclass(frozen=True)
class FindingView:
    project_link: Link | None  # to the indicator (or the budget) on its project's page; None: the year's total
    indicator: str
    text: str
    rationale: str


@dataclass(frozen=True)
class ReportContent:
    template: ClassVar[str] = "report.html"

    plan_link: Link
    year: int
    check_title: str
    contents: tuple[Link, ...]  # to the page's sections (its h2s), in page order: see `report_contents`
    headline: Headline
    summary: SummaryTable
    has_grades: bool  # False: the check filed budget execution only, so no grade tables or chart
    method: Markup | None
    distribution: DistributionView
    years: GradeMatrix | None  # this and every earlier check side by side; None for the first check
    changes: ChangesView | None  # since the previous check; None for the first check
    by_strategy: GradeMatrix
    strategy_heading: str  # "추진전략별 분포", "Distribution by strategy"
    detail_caption: str
    detail_groups: tuple[DetailGroup, ...]
    excluded_caption: str
    excluded_rows: tuple[ExcludedRow, ...]
    findings: tuple[FindingView, ...]
    budget_by_project: ExecutionTable | None
    budget_by_department: ExecutionTable | None
    discrepancies: tuple[DiscrepancyView, ...]
    data_links: DataLinks
    level_names: LevelNames
    amendments: AmendmentsSection | None = None  # None: built without a git history
    legend: tuple[LegendEntry, ...] = ()  # each mark the page's tables use, explained once (see `report_legend`)
    embed: EmbedCode | None = None  # the code to embed its headline on another site


@dataclass(frozen=True)
class ReportPendingContent:
    """A year of the plan's period for which no results have been filed yet."""

    template: ClassVar[str] = "report-pending.html"

    plan_link: Link
    year: int


def report_page(site: Site, plan: Plan, year: int, evaluation: YearEvaluation | None, lang: str) -> Page:
    spec = plan.spec
    crumbs = (Link(lang_path(lang, plan_path(plan)), (spec.short_title or spec.title).get(lang)),)
    plan_link = Link(lang_path(lang, plan_path(plan)), spec.title.get(lang))
    path = report_path(plan, year)
    if evaluation is None:
        title = f"{t('report_title', lang, year=year)} — {(spec.short_title or spec.title).get(lang)}"
        # Built so the year's address answers before its check; nothing links to it (`navigation.report_entries`).
        # Nothing filed yet: the page shows the plan's period, so its date is the plan's.
        meta = page_meta(site, lang, path, title, crumbs, empty=True, sources=plan_sources(plan.id))
        return Page(meta, ReportPendingContent(plan_link, year))
    content = _report_content(plan, year, site.evaluations.get(plan.id, {year: evaluation}), plan_link, lang)
    if site.amendments is not None:
        content = replace(content, amendments=amendments_section(site.amendments.for_report(plan.id, year), lang))
    content = replace(content, data_links=replace(content.data_links, all_data=all_data_link(site, lang)))
    content = replace(content, legend=report_legend(content, lang))
    content = replace(content, contents=report_contents(content, lang))
    embed = embed_code(site, lang, headline_embed_path(plan, year), "headline", content.check_title, headline=True)
    content = replace(content, embed=embed)
    page_charts = (content.distribution.chart,) if content.distribution.chart is not None else ()
    meta = page_meta(
        site,
        lang,
        path,
        content.check_title,
        crumbs,
        summary=content.headline.summary,
        sources=report_sources(plan.id, year),
    )
    return Page(meta, content, page_charts)


def _report_content(
    plan: Plan, year: int, evaluations: Mapping[int, YearEvaluation], plan_link: Link, lang: str
) -> ReportContent:
    evaluation = evaluations[year]
    names = level_names(plan, lang)
    check = evaluation.results.check
    caption = distribution_caption(plan, year, lang)
    distribution = distribution_view(
        plan,
        evaluation.distribution,
        lang,
        caption,
        f"dist-{lang}-{plan.id}-{year}" if has_grades(evaluation) else None,  # no chart of grades never given
        check.published_distribution,
    )
    if distribution.chart is not None:
        page = lang_path(lang, report_path(plan, year))
        bars = [(row.category, row.label, row.count, row.percent) for row in distribution.rows]
        distribution = replace(distribution, files=grades_files(distribution.chart, page, plan.id, year, bars, lang))
    return ReportContent(
        plan_link=plan_link,
        year=year,
        check_title=check.title.get(lang),
        contents=(),  # made last, from the sections the content has
        headline=report_headline(plan, evaluation, lang),
        summary=summary_table(plan, evaluation, lang),
        has_grades=has_grades(evaluation),
        method=render_markdown(check.method.get(lang), check.title.get(lang)) if check.method else None,
        distribution=distribution,
        years=years_matrix(plan, evaluations, lang, up_to=year),
        changes=changes_view(plan, evaluations, year, lang),
        by_strategy=strategy_matrix(plan, year, evaluation, names, lang),
        strategy_heading=t("by_strategy", lang, strategy=in_sentence(names.strategy, lang)),
        detail_caption=t("detailed_caption", lang, year=year, indicator=in_sentence(names.indicator, lang)),
        detail_groups=_detail_groups(plan, evaluation, names, lang),
        excluded_caption=t(
            "excluded_caption",
            lang,
            year=year,
            indicator=names.indicator,
            indicator_plural=plural(names.indicator, lang),
        ),
        excluded_rows=_excluded_rows(plan, evaluation, lang),
        findings=_finding_views(plan, evaluation, lang),
        budget_by_project=year_by_project(plan, evaluation, names.project, lang),
        budget_by_department=year_by_department(plan, evaluation, lang),
        discrepancies=_report_discrepancies(plan, evaluation, lang),
        data_links=data_links(plan_data_links(plan, [year], lang)[2:], lang),
        level_names=names,
    )


def report_legend(content: ReportContent, lang: str) -> tuple[LegendEntry, ...]:
    """The marks of every table on the report, the amendments included: the last thing made."""
    rows = [row for group in content.detail_groups for row in group.rows]
    categories = [row.category for row in content.distribution.rows] + [row.category for row in rows]
    return legend_entries(content, categories, any(row.grade_note for row in rows), lang)


def strategy_matrix(plan: Plan, year: int, evaluation: YearEvaluation, names: LevelNames, lang: str) -> GradeMatrix:
    strategies = {s.id: s for s in plan.strategies}
    per_strategy = evaluation.distribution_by_strategy()
    categories = [row.category for row in evaluation.distribution.rows]
    return GradeMatrix(
        caption=t("by_strategy", lang, strategy=in_sentence(names.strategy, lang)) + f" ({year})",
        columns=tuple(numbered(strategies[sid].label or sid, strategies[sid].title.get(lang)) for sid in per_strategy),
        totals=tuple(dist.total for dist in per_strategy.values()),
        rows=tuple(
            MatrixRow(
                c,
                tone_of(c, evaluation.scale),
                category_label(c, lang),
                tuple(str(dist.count(c)) for dist in per_strategy.values()),
            )
            for c in categories
        ),
    )


def report_contents(content: ReportContent, lang: str) -> tuple[Link, ...]:
    """The contents list: each h2 of report.html the content has, by its id and heading, in page order."""
    grades = content.has_grades
    sections = [
        ("summary-heading", t("summary_table", lang), True),
        ("distribution-heading", t("distribution", lang), grades),
        ("strategy-heading", content.strategy_heading, grades),
        ("years-heading", t("progress_heading", lang), grades and content.years),
        ("changes-heading", content.changes.heading if content.changes else "", grades and content.changes),
        ("detail-heading", t("detailed_table", lang), grades),
        ("excluded-heading", t("excluded_items", lang), content.excluded_rows),
        ("findings-heading", t("audit_findings", lang), grades or content.findings),
        ("budget-heading", t("budget_execution", lang), True),
        ("method-heading", t("basis_and_method", lang), content.method),
        ("discrepancies-heading", t("discrepancies", lang), content.discrepancies),
        ("amendments-heading", content.amendments.heading if content.amendments else "", content.amendments),
        ("open-data-heading", t("open_data", lang), content.data_links),
    ]
    return contents_links(present(sections))


# -- the detailed table --------------------------------------------------------------------------------------


def _detail_groups(plan: Plan, evaluation: YearEvaluation, names: LevelNames, lang: str) -> tuple[DetailGroup, ...]:
    strategies = {s.id: s for s in plan.strategies}
    groups: dict[str, list[DetailRow]] = {}
    previous_project = ""
    for outcome in evaluation.outcomes:
        project = outcome.project
        heading = _task_heading(strategies[parent_id(task_of(project.id))], task_of(project.id), names, lang)
        groups.setdefault(heading, []).append(_detail_row(plan, outcome, project.id != previous_project, lang))
        previous_project = project.id
    return tuple(DetailGroup(heading, tuple(group)) for heading, group in groups.items())


def _task_heading(strategy: StrategySpec, task_id: str, names: LevelNames, lang: str) -> str:
    task = next(task for task in strategy.tasks if task.id == task_id)
    return (
        f"{names.strategy} {strategy.label or strategy.id} {strategy.title.get(lang)} › "
        f"{names.task} {task.label or task.id} {task.title.get(lang)}"
    )


def _detail_row(plan: Plan, outcome: IndicatorOutcome, first_of_project: bool, lang: str) -> DetailRow:
    project = outcome.project
    note = ""
    # A grade taken from the report or set by judgement shows the grade the figures give beside it.
    if outcome.basis in ("published", "assessed") and outcome.computed_grade not in (None, outcome.final_grade):
        note = f"{t('computed', lang)} {outcome.computed_grade}"
    if outcome.status == "evaluated" or outcome.actual is not None:
        actual = target_text(outcome.actual, outcome.indicator, lang)
    else:
        # An indicator left out has no actual; the reason it was left out is what a reader looks for there.
        actual = outcome.result.reason.get(lang) if outcome.result and outcome.result.reason else NONE
    return DetailRow(
        project=f"{project.label or project.id} {project.title.get(lang)}" if first_of_project else "",
        project_link=Link(lang_path(lang, project_path(plan, project.id)), project.title.get(lang)),
        indicator=outcome.indicator.name.get(lang),
        target=target_text(outcome.target, outcome.indicator, lang),
        actual=actual,
        rate=rate_text(outcome),
        grade=grade_text(outcome, lang),
        grade_note=note,
        category=outcome.category,
        tone=tone_of(outcome.category, scale_of(plan.spec)),
    )


def _excluded_rows(plan: Plan, evaluation: YearEvaluation, lang: str) -> tuple[ExcludedRow, ...]:
    return tuple(
        ExcludedRow(
            project_link=project_link(plan, o.project, lang),
            indicator=o.indicator.name.get(lang),
            status=t(o.category, lang),
            reason=o.result.reason.get(lang) if o.result and o.result.reason else NONE,
        )
        for o in evaluation.outcomes
        if o.category in (EXCLUDED, NOT_EVALUATED)
    )


# -- findings, budget, discrepancies -----------------------------------------------------------------------


def _finding_views(plan: Plan, evaluation: YearEvaluation, lang: str) -> tuple[FindingView, ...]:
    """The indicators' findings, then the printed execution rates the figures do not give."""
    outcome_by_id = {o.indicator.id: o for o in evaluation.outcomes}
    indicators = [_finding_view(plan, f, outcome_by_id[f.indicator_id], lang) for f in evaluation.findings]
    budget = [_execution_finding_view(plan, f, lang) for f in evaluation.execution_findings]
    return (*indicators, *budget)


def _execution_finding_view(plan: Plan, finding: ExecutionFinding, lang: str) -> FindingView:
    """A project's line links its page; the year's total has no page to link."""
    if finding.project is None:
        return FindingView(
            None, execution_finding_subject(finding, lang), execution_finding_sentence(finding, lang), ""
        )
    link = project_link(plan, finding.project, lang)
    return FindingView(link, t("budget_execution", lang), execution_finding_sentence(finding, lang), "")


def _finding_view(plan: Plan, finding: Finding, outcome: IndicatorOutcome, lang: str) -> FindingView:
    text = finding_sentence(finding, outcome, lang)
    link = project_link(plan, outcome.project, lang, indicator_anchor(outcome.indicator.id))
    rationale = finding.rationale.get(lang) if finding.rationale else ""
    return FindingView(link, outcome.indicator.name.get(lang), text, rationale)


def _report_discrepancies(plan: Plan, evaluation: YearEvaluation, lang: str) -> tuple[DiscrepancyView, ...]:
    """Those the check notes for the whole year, then those filed with each project's results."""
    discrepancies = list(discrepancy_views(plan, evaluation.results.check.discrepancies, lang))
    for project_results in evaluation.results.projects.values():
        discrepancies += discrepancy_views(plan, project_results.discrepancies, lang)
    return tuple(discrepancies)

"""A unit project's page: where it sits in the plan, its indicators year by year, its budget and results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from generator.data.model import Plan, number_of, parent_id, primary_measure, task_of
from generator.data.schema import Contact, IndicatorSpec, ProjectFile, UnitText
from generator.describe import display_of, plan_total_words, status_text, target_text
from generator.evaluation.year import IndicatorOutcome, YearEvaluation
from generator.i18n import t
from generator.numbers import NONE, UnitDisplay, amount
from generator.site import chartspec
from generator.site.markup import render_markdown
from generator.site.pages.amendments import AmendmentsSection, amendments_section
from generator.site.pages.budget import ExecutionTable, YearAmount, execution_table, planned_budget, planned_display
from generator.site.pages.chartfiles import ChartFiles, indicator_files
from generator.site.pages.common import Link, Page, Site, grade_text, page_meta, rate_text
from generator.site.pages.credits import project_sources
from generator.site.pages.distribution import DiscrepancyView, discrepancy_views
from generator.site.pages.embedcode import EmbedCode, embed_code, indicator_embed_path
from generator.site.pages.navigation import Placement, department_links, indicator_anchor, placements
from generator.site.pages.paths import lang_path, plan_path, project_path, report_path

# An indicator's outcome in a year, by (year, indicator id).
Outcomes = dict[tuple[int, str], IndicatorOutcome]


@dataclass(frozen=True)
class YearCell:
    year: int
    target: str
    actual: str
    rate: str
    grade: str


@dataclass(frozen=True)
class IndicatorView:
    id: str
    anchor: str  # its section's id, which the report's findings link to: "ind-1-1-1-1"
    name: str
    unit: str
    kind: str
    direction: str
    total_label: str  # "계획상 합계" for a flow, "최종 목표(2027년)" for a stock (describe.plan_total_words)
    total: str  # "" when the plan states no total
    total_note: str  # why a stock's stated total is not shown as its total; usually ""
    years: tuple[YearCell, ...]
    chart: chartspec.TargetActualSpec | None
    chart_caption: str
    embed: EmbedCode | None = None  # the code to embed its chart on another site; None: no chart
    files: ChartFiles | None = None  # the chart's downloads; None without a chart


@dataclass(frozen=True)
class ResultView:
    indicator: str
    status: str
    target: str
    actual: str
    rate: str
    grade: str
    basis: str
    reason: str
    narrative: Markup | None


@dataclass(frozen=True)
class YearResultView:
    year: int
    link: Link
    results: tuple[ResultView, ...]
    budget: ExecutionTable | None
    narrative: Markup | None


@dataclass(frozen=True)
class ContactRow:
    office: str  # department and team
    phone: str


@dataclass(frozen=True)
class ProjectContent:
    template: ClassVar[str] = "project.html"

    plan_link: Link
    placements: tuple[Placement, ...]  # its strategy and task, linked to their anchors on the plan page
    department_links: tuple[Link, ...]  # to each department's page
    departments: str  # "정보공개정책과, 민주주의위원회"; – for none (said where there are no links)
    origin: str
    purpose: str
    legal_basis: tuple[str, ...]
    body: Markup | None
    budget_unit: str
    budget_years: tuple[YearAmount, ...]
    budget_caption: str  # "연도별 예산", over a line naming `budget_unit`
    budget_total: str
    budget_note: str
    indicators: tuple[IndicatorView, ...]
    year_results: tuple[YearResultView, ...]
    contacts: tuple[ContactRow, ...]
    discrepancies: tuple[DiscrepancyView, ...]
    amendments: AmendmentsSection | None = None  # None: built without a git history


def project_outcomes(site: Site, plan: Plan, project: ProjectFile) -> Outcomes:
    """Every checked year's outcome of each of the project's indicators."""
    return {(year, o.indicator.id): o for year, o in site.outcomes_of(plan.id, project.id)}


def project_page(site: Site, plan: Plan, project: ProjectFile, lang: str) -> Page:
    evaluations = site.evaluations.get(plan.id, {})
    outcomes = project_outcomes(site, plan, project)
    indicators = tuple(indicator_view(site, plan, project, each, lang) for each in project.indicators)
    year_results = tuple(
        _year_result_view(plan, project, year, evaluations[year], outcomes, lang) for year in sorted(evaluations)
    )
    title = project.title.get(lang)
    display = planned_display(plan, lang)
    content = ProjectContent(
        plan_link=Link(lang_path(lang, plan_path(plan)), plan.spec.title.get(lang)),
        placements=placements(plan, project, lang),
        department_links=department_links(site, project, lang),
        departments=", ".join(d.get(lang) for d in project.departments) or NONE,
        origin=_origin_text(project, lang),
        purpose=project.purpose.get(lang) if project.purpose else "",
        legal_basis=tuple(item.get(lang) for item in project.legal_basis),
        body=render_markdown(project.content.get(lang), title) if project.content else None,
        budget_unit=display.unit,
        budget_years=_budget_years(plan, project, display),
        budget_caption=t("budget_by_year", lang),
        budget_total=display.figure(planned_budget(project)[1]),
        budget_note=_budget_note(project, lang),
        indicators=indicators,
        year_results=year_results,
        contacts=tuple(_contact_row(contact, lang) for contact in project.contacts),
        discrepancies=tuple(discrepancy_views(plan, project.discrepancies, lang)),
        amendments=amendments_section(
            None if site.amendments is None else site.amendments.for_project(plan.id, project.id), lang
        ),
    )
    crumbs = (
        Link(
            lang_path(lang, plan_path(plan)),
            plan.spec.short_title.get(lang) if plan.spec.short_title else plan.spec.title.get(lang),
        ),
    )
    page_title = f"{project.label or project.id} {title}"
    page_charts = tuple(view.chart for view in indicators if view.chart is not None)
    meta = page_meta(
        site,
        lang,
        project_path(plan, project.id),
        page_title,
        crumbs,
        summary=_summary(plan, project, content.departments, outcomes, lang),
        sources=project_sources(plan.id, project.id, sorted(evaluations)),
    )
    return Page(meta, content, page_charts)


def _summary(plan: Plan, project: ProjectFile, departments: str, outcomes: Outcomes, lang: str) -> str:
    """For link previews and search engines: where the project sits, who runs it, and its latest check's grades."""
    strategy = next(s for s in plan.strategies if s.id == parent_id(task_of(project.id)))
    task = next(task for task in strategy.tasks if task.id == task_of(project.id))
    where = " › ".join(
        ((plan.spec.short_title or plan.spec.title).get(lang), strategy.title.get(lang), task.title.get(lang))
    )
    key = "summary_project" if project.departments else "summary_project_no_department"
    text = t(key, lang, where=where, departments=departments)
    checked = [year for year, _ in outcomes]
    if not checked:
        return text
    latest = max(checked)
    grades = [
        grade_text(outcome, lang)
        for indicator in project.indicators
        if (outcome := outcomes.get((latest, indicator.id))) is not None and outcome.status is not None
    ]
    if not grades:
        return text
    return f"{text} {t('summary_project_checked', lang, year=latest, grades=', '.join(grades))}"


# -- where the project sits, and what the plan says of it ---------------------------------------------------


def _origin_text(project: ProjectFile, lang: str) -> str:
    if project.origin is None:
        return ""
    origin = t(f"origin_{project.origin.status}", lang)
    if project.origin.note is not None:
        origin += f" ({project.origin.note.get(lang)})"
    return origin


def _budget_years(plan: Plan, project: ProjectFile, display: UnitDisplay) -> tuple[YearAmount, ...]:
    years, _ = planned_budget(project)
    if not years:
        return ()
    return tuple(YearAmount(year, display.figure(years.get(year))) for year in plan.spec.period.years)


def _budget_note(project: ProjectFile, lang: str) -> str:
    """Said in place of the budget table when the plan gives no amounts by year."""
    if project.budget is None:
        return t("no_budget_stated", lang)
    if project.budget.is_non_budget:
        return t("non_budget", lang)
    return ""


def _contact_row(contact: Contact, lang: str) -> ContactRow:
    office = " ".join(filter(None, [contact.department.get(lang), contact.team.get(lang) if contact.team else ""]))
    return ContactRow(office, contact.phone)


# -- indicators --------------------------------------------------------------------------------------------


def indicator_view(site: Site, plan: Plan, project: ProjectFile, indicator: IndicatorSpec, lang: str) -> IndicatorView:
    """An indicator's section: its facts, its targets and results by year, its chart with its downloads and the
    chart's embed code. Made once per site model: the project's page and the indicator's embed both show it."""
    key = ("indicator_view", plan.id, project.id, indicator.id, lang)
    view = site.shared.get(key)
    if not isinstance(view, IndicatorView):
        view = site.shared[key] = _indicator_view(site, plan, project, indicator, lang)
    return view


def _indicator_view(site: Site, plan: Plan, project: ProjectFile, indicator: IndicatorSpec, lang: str) -> IndicatorView:
    outcomes = project_outcomes(site, plan, project)
    kind, unit = _kind_and_unit(indicator, lang)
    name = indicator.name.get(lang)
    chart = files = None
    caption = ""
    if not indicator.qualitative:
        chart, caption, files = _target_actual_chart(plan, project, indicator, outcomes, lang)
    total_label, total, total_note = plan_total_words(indicator, lang)
    return IndicatorView(
        id=indicator.id,
        anchor=indicator_anchor(indicator.id),
        name=name,
        unit=unit,
        kind=kind,
        direction=t(f"direction_{indicator.direction}", lang),
        total_label=total_label,
        total=total,
        total_note=total_note,
        years=tuple(
            _year_cell(indicator, year, outcomes.get((year, indicator.id)), lang) for year in plan.spec.period.years
        ),
        chart=chart,
        chart_caption=caption,
        embed=(
            None
            if chart is None
            else embed_code(
                site, lang, indicator_embed_path(plan, indicator.id), indicator_anchor(indicator.id), caption
            )
        ),
        files=files,
    )


def _embed_code(site: Site, plan: Plan, indicator: IndicatorSpec, caption: str, lang: str) -> EmbedCode:
    path = indicator_embed_path(plan, indicator.id)
    return embed_code(site, lang, path, indicator_anchor(indicator.id), caption)


def _kind_and_unit(indicator: IndicatorSpec, lang: str) -> tuple[str, str]:
    if indicator.qualitative:
        return t("qualitative", lang), ""
    kind = t(f"kind_{indicator.kind}", lang) if indicator.kind else ""
    if indicator.measures:
        unit = ", ".join(
            _unit_text(m.unit, lang) + (f" ({t('primary_measure', lang)})" if m.primary else "")
            for m in indicator.measures
        )
    else:
        unit = _unit_text(indicator.unit, lang) if indicator.unit else ""
    return kind, unit


def _unit_text(unit: UnitText, lang: str) -> str:
    """The unit as the page names it; where English multiplies figures out, it says from what."""
    if lang != "en" or unit.scale == 1:
        return unit.get(lang)
    base = unit.get(lang)
    return t("scaled_unit", lang, unit=base, source=unit.ko, scale=amount(unit.scale, lang))


def _year_cell(indicator: IndicatorSpec, year: int, outcome: IndicatorOutcome | None, lang: str) -> YearCell:
    return YearCell(
        year,
        target_text(indicator.targets.get(year), indicator, lang) if year in indicator.targets else NONE,
        target_text(outcome.actual, indicator, lang) if outcome is not None and outcome.actual is not None else NONE,
        rate_text(outcome),
        grade_text(outcome, lang),
    )


def _charted_unit(indicator: IndicatorSpec) -> UnitText | None:
    """The unit of the measure a compound indicator is charted on, or the indicator's own."""
    primary = next((m for m in indicator.measures or [] if m.primary), None)
    return primary.unit if primary else indicator.unit


def _target_actual_chart(
    plan: Plan, project: ProjectFile, indicator: IndicatorSpec, outcomes: Outcomes, lang: str
) -> tuple[chartspec.TargetActualSpec | None, str, ChartFiles | None]:
    """Targets against actuals over the period, its caption and its downloads; no chart when no year has a
    number to draw."""
    measure = primary_measure(indicator)
    years = plan.spec.period.years
    targets = [number_of(indicator.targets.get(year), measure) for year in years]
    actuals = [
        number_of(outcomes[(year, indicator.id)].actual, measure) if (year, indicator.id) in outcomes else None
        for year in years
    ]
    # One display for the whole chart, so its axis names one unit ("million people") for every bar.
    display = display_of(_charted_unit(indicator), lang, targets + actuals)
    caption = t("target_vs_actual_caption", lang, name=indicator.name.get(lang), unit=display.unit)
    if all(v is None for v in targets + actuals):
        return None, caption, None
    summary = "; ".join(
        f"{year}: {t('target', lang)} {_with_unit(display, tv)}, {t('actual', lang)} {_with_unit(display, av)}"
        for year, tv, av in zip(years, targets, actuals, strict=True)
    )
    spec = chartspec.TargetActualSpec(
        f"chart-{lang}-{indicator.id}",
        tuple(years),
        tuple(None if v is None else float(display.value(v)) for v in targets),
        tuple(None if v is None else float(display.value(v)) for v in actuals),
        unit=display.unit,
        title=caption,
        summary=summary,
        target_label=t("target", lang),
        actual_label=t("actual", lang),
    )
    page = lang_path(lang, project_path(plan, project.id))
    files = indicator_files(spec, page, plan.id, project.id, indicator, (measure, targets, actuals), lang)
    return spec, caption, files


def _with_unit(display: UnitDisplay, figure: float | None) -> str:
    return NONE if figure is None else display.with_unit(figure)


# -- results by year ---------------------------------------------------------------------------------------


def _year_result_view(
    plan: Plan, project: ProjectFile, year: int, evaluation: YearEvaluation, outcomes: Outcomes, lang: str
) -> YearResultView:
    filed = evaluation.results.projects.get(project.id)
    results = tuple(
        _result_view(outcomes[(year, indicator.id)], lang)
        for indicator in project.indicators
        if (year, indicator.id) in outcomes
    )
    line = next((b for b in evaluation.budget_lines if b.project.id == project.id), None)
    budget = None
    if line is not None:
        budget = execution_table(
            plan,
            lang,
            t("budget_execution_year", lang, year=year),
            "",
            [("", line.execution)],
            None,
        )
    link = Link(lang_path(lang, report_path(plan, year)), t("report_title", lang, year=year))
    # A table in the narrative is named by the year's report, the heading the narrative stands under.
    narrative = render_markdown(filed.narrative.get(lang), link.label) if filed and filed.narrative else None
    return YearResultView(year, link, results, budget, narrative)


def _result_view(outcome: IndicatorOutcome, lang: str) -> ResultView:
    result = outcome.result
    status = t("no_result", lang) if outcome.status is None else status_text(outcome.status, lang)
    return ResultView(
        indicator=outcome.indicator.name.get(lang),
        status=status,
        target=target_text(outcome.target, outcome.indicator, lang),
        actual=target_text(outcome.actual, outcome.indicator, lang),
        rate=rate_text(outcome),
        grade=grade_text(outcome, lang),
        basis=t(f"basis_{outcome.basis}", lang) if outcome.basis else "",
        reason=result.reason.get(lang) if result is not None and result.reason is not None else "",
        narrative=(  # a table in it is named by the indicator it tells of
            render_markdown(result.narrative.get(lang), outcome.indicator.name.get(lang))
            if result is not None and result.narrative
            else None
        ),
    )

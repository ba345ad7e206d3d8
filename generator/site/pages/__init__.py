"""Building the page models (`generator.site.pages.models`) of every page, in both languages.

Everything a page shows is chosen, computed and localised here, so templates only format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.data.model import Plan, parent_id, task_of
from generator.data.schema import Discrepancy, IndicatorSpec, LocalizedText, ProjectFile, Target
from generator.data.validate import format_amount
from generator.evaluation.grading import EXCLUDED, NOT_EVALUATED, PENDING, Band, Distribution, scale_of
from generator.evaluation.year import Finding, FindingKind, IndicatorOutcome, YearEvaluation
from generator.i18n import LANGUAGES, other_language, t
from generator.site import charts
from generator.site.markup import render_markdown
from generator.site.pages.models import (
    BudgetRow,
    DepartmentContent,
    DepartmentProject,
    DepartmentRow,
    DepartmentsContent,
    DetailGroup,
    DetailRow,
    DiscrepancyView,
    DistributionRowView,
    DistributionView,
    ExcludedRow,
    FindingView,
    HomeContent,
    IndicatorView,
    Link,
    MatrixRow,
    MethodologyContent,
    NotFoundContent,
    Page,
    PageMeta,
    PlanCard,
    PlanContent,
    ProjectContent,
    ProjectRow,
    ReportContent,
    ReportSummary,
    ResultView,
    ScaleRow,
    StrategyMatrix,
    StrategyNode,
    TaskNode,
    YearCell,
    YearResultView,
)

Amount = int | float


# -- helpers ------------------------------------------------------------------------------------------------


def lang_path(lang: str, path: str) -> str:
    """Korean at the root, English under en/ with the same path."""
    return path if lang == "ko" else f"en/{path}"


def _lower(name: str, lang: str) -> str:
    """A level name inside an English sentence: "Sub-task" → "sub-task"."""
    return name[0].lower() + name[1:] if lang == "en" and name else name


def plural(name: str, lang: str) -> str:
    if lang != "en":
        return name
    lower = _lower(name, lang)
    return lower if lower.endswith("s") else lower + "s"


def level_name(plan: Plan, level: str, lang: str) -> str:
    return getattr(plan.spec.levels, level).get(lang)


def fmt_amount(value: Amount | None) -> str:
    return "–" if value is None else format_amount(value)


def fmt_target(value: Target, indicator: IndicatorSpec, lang: str) -> str:
    """A target or actual as a reader sees it: number with unit, measures joined, or text."""
    if value is None:
        return "–"
    if isinstance(value, LocalizedText):
        return value.get(lang)
    if isinstance(value, dict):
        units = {m.id: m.unit.get(lang) for m in indicator.measures or []}
        return ", ".join(f"{format_amount(v)} {_unit_for(v, units.get(k, ''), lang)}".strip() for k, v in value.items())
    unit = indicator.unit.get(lang) if indicator.unit else ""
    return f"{format_amount(value)} {_unit_for(value, unit, lang)}".strip()


def _unit_for(value: Amount, unit: str, lang: str) -> str:
    """English units are written in the plural ("cases"); one of them reads "1 case"."""
    if lang == "en" and value == 1 and unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit


def category_label(category: str, lang: str) -> str:
    if category in (EXCLUDED, NOT_EVALUATED, PENDING):
        return t(category, lang)
    return category


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_path(plan: Plan) -> str:
    return f"plans/{plan.id}/index.html"


def project_path(plan: Plan, project_id: str) -> str:
    return f"plans/{plan.id}/projects/{project_id}.html"


def report_path(plan: Plan, year: int) -> str:
    return f"plans/{plan.id}/reports/{year}.html"


def data_path(plan: Plan, name: str) -> str:
    return f"data/{plan.id}/{name}"


def report_years(plan: Plan, evaluations: dict[int, YearEvaluation]) -> list[int]:
    """Every year of the period gets a report page; years without results say so plainly."""
    return sorted(set(plan.spec.period.years) | set(evaluations))


def discrepancy_views(plan: Plan, items: Sequence[Discrepancy], lang: str, subject: str = "") -> list[DiscrepancyView]:
    titles = {source.id: source.title.get(lang) for source in plan.spec.sources}
    return [
        DiscrepancyView(
            subject=" ".join(filter(None, [subject, d.indicator or d.project or ""])),
            note=d.note.get(lang),
            sources="; ".join(titles.get(s, s) for s in d.sources),
        )
        for d in items
    ]


# -- the site -------------------------------------------------------------------------------------------


@dataclass
class Site:
    plans: list[Plan]
    evaluations: dict[str, dict[int, YearEvaluation]]
    data_date: str
    methodology_md: dict[str, str]
    open_data_md: str

    def departments(self) -> dict[str, tuple[LocalizedText, list[tuple[Plan, ProjectFile]]]]:
        found: dict[str, tuple[LocalizedText, list[tuple[Plan, ProjectFile]]]] = {}
        for plan in self.plans:
            for project in plan.projects:
                for department in project.departments:
                    entry = found.setdefault(department.ko, (department, []))
                    entry[1].append((plan, project))
        return dict(sorted(found.items()))

    def department_slugs(self) -> dict[str, str]:
        slugs: dict[str, str] = {}
        for number, (name, (text, _)) in enumerate(self.departments().items(), start=1):
            slug = slugify(text.en or "") or f"department-{number}"
            while slug in slugs.values():
                slug = f"{slug}-{number}"
            slugs[name] = slug
        return slugs


def build_pages(site: Site) -> list[Page]:
    pages: list[Page] = []
    for lang in LANGUAGES:
        pages.append(home_page(site, lang))
        for plan in site.plans:
            evaluations = site.evaluations.get(plan.id, {})
            pages.append(plan_page(site, plan, lang))
            for project in plan.projects:
                pages.append(project_page(site, plan, project, lang))
            for year in report_years(plan, evaluations):
                pages.append(report_page(site, plan, year, evaluations.get(year), lang))
        pages.extend(department_pages(site, lang))
        pages.append(methodology_page(site, lang))
        pages.append(not_found_page(site, lang))
    return pages


def _meta(site: Site, lang: str, path: str, template: str, title: str, crumbs: Sequence[Link] = ()) -> PageMeta:
    home = Link(lang_path(lang, "index.html"), t("home", lang))
    breadcrumbs = (home, *crumbs) if path != "index.html" else ()
    return PageMeta(
        lang=lang,
        path=lang_path(lang, path),
        template=template,
        title=title,
        alternate=lang_path(other_language(lang), path),
        breadcrumbs=tuple(breadcrumbs),
        data_date=site.data_date,
        description=t("site_tagline", lang),
    )


# -- distribution ---------------------------------------------------------------------------------------


def distribution_view(
    plan: Plan,
    distribution: Distribution,
    lang: str,
    caption: str,
    chart_id: str | None,
    published: dict[str, int] | None = None,
) -> DistributionView:
    rows = tuple(
        DistributionRowView(
            row.category,
            category_label(row.category, lang),
            row.count,
            row.percent,
            None if published is None else published.get(row.category, 0),
        )
        for row in distribution.rows
    )
    matches = None if published is None else all(row.count == row.published for row in rows)
    chart = None
    if chart_id is not None:
        summary = ", ".join(f"{row.label} {row.count} ({row.percent}%)" for row in rows)
        chart = charts.DistributionSpec(
            chart_id,
            tuple(charts.Bar(row.label, row.count, row.percent) for row in rows),
            title=caption,
            summary=f"{t('total', lang)} {distribution.total}: {summary}",
            count_label=t("count", lang),
        )
    return DistributionView(caption, distribution.total, rows, matches, chart)


def report_summary(plan: Plan, evaluation: YearEvaluation, lang: str) -> ReportSummary:
    caption = _distribution_caption(plan, evaluation.year, lang)
    view = distribution_view(
        plan, evaluation.distribution, lang, caption, None, evaluation.results.check.published_distribution
    )
    link = Link(lang_path(lang, report_path(plan, evaluation.year)), t("view_report", lang, year=evaluation.year))
    return ReportSummary(evaluation.year, link, view)


def _distribution_caption(plan: Plan, year: int, lang: str) -> str:
    name = level_name(plan, "indicator", lang)
    return t("distribution_caption", lang, year=year, indicator=name, indicator_plural=plural(name, lang))


# -- home and plan ----------------------------------------------------------------------------------------


def plan_card(site: Site, plan: Plan, lang: str) -> PlanCard:
    spec = plan.spec
    evaluations = site.evaluations.get(plan.id, {})
    latest = report_summary(plan, evaluations[max(evaluations)], lang) if evaluations else None
    levels = tuple(level_name(plan, level, lang) for level in ("strategy", "task", "project", "indicator"))
    counts = (
        (levels[0], len(plan.strategies)),
        (levels[1], len(plan.tasks)),
        (levels[2], len(plan.projects)),
        (levels[3], sum(1 for _ in plan.indicators())),
    )
    return PlanCard(
        link=Link(lang_path(lang, plan_path(plan)), spec.title.get(lang)),
        title=spec.title.get(lang),
        period=f"{spec.period.first}–{spec.period.last}",
        vision=spec.vision.get(lang) if spec.vision else "",
        levels=levels,
        counts=counts,
        latest=latest,
    )


def home_page(site: Site, lang: str) -> Page:
    content = HomeContent(t("site_tagline", lang), tuple(plan_card(site, plan, lang) for plan in site.plans))
    return Page(_meta(site, lang, "index.html", "home.html", t("site_name", lang)), content)


def _budget_of(project: ProjectFile) -> tuple[dict[int, Amount | None], Amount | None]:
    if project.budget is None or project.budget.years is None:
        return {}, None
    return project.budget.years, project.budget.total


def plan_page(site: Site, plan: Plan, lang: str) -> Page:
    spec = plan.spec
    strategies = []
    for strategy in spec.strategies:
        tasks = []
        for task in strategy.tasks:
            rows = []
            for project in plan.projects_of(task.id):
                years, total = _budget_of(project)
                if project.budget is not None and project.budget.is_non_budget:
                    budget_text = t("non_budget", lang)
                else:
                    budget_text = fmt_amount(
                        total if total is not None else (sum(v for v in years.values() if v) or None)
                    )
                rows.append(
                    ProjectRow(
                        Link(lang_path(lang, project_path(plan, project.id)), project.title.get(lang)),
                        project.label or project.id,
                        ", ".join(d.get(lang) for d in project.departments),
                        budget_text,
                    )
                )
            tasks.append(TaskNode(task.id, task.label or task.id, task.title.get(lang), tuple(rows)))
        strategies.append(
            StrategyNode(strategy.id, strategy.label or strategy.id, strategy.title.get(lang), tuple(tasks))
        )
    budget_years = []
    for year in spec.period.years:
        amounts = [_budget_of(p)[0].get(year) for p in plan.projects]
        numbers = [a for a in amounts if a is not None]
        budget_years.append((year, fmt_amount(sum(numbers)) if numbers else "–"))
    all_numbers = [a for p in plan.projects for a in _budget_of(p)[0].values() if a is not None]
    evaluations = site.evaluations.get(plan.id, {})
    reports = tuple(
        Link(lang_path(lang, report_path(plan, year)), t("report_title", lang, year=year))
        for year in report_years(plan, evaluations)
    )
    content = PlanContent(
        card=plan_card(site, plan, lang),
        level_names={level: level_name(plan, level, lang) for level in ("strategy", "task", "project", "indicator")},
        strategies=tuple(strategies),
        budget_years=tuple(budget_years),
        budget_total=fmt_amount(sum(all_numbers)) if all_numbers else "–",
        budget_unit=spec.budget_unit.get(lang),
        reports=reports,
        discrepancies=tuple(discrepancy_views(plan, spec.discrepancies, lang)),
        sources=tuple(source.title.get(lang) for source in spec.sources),
        data_links=tuple(plan_data_links(plan, sorted(evaluations), lang)),
    )
    return Page(_meta(site, lang, plan_path(plan), "plan.html", spec.title.get(lang)), content)


def plan_data_links(plan: Plan, years: Sequence[int], lang: str) -> list[Link]:
    links = [
        Link(data_path(plan, "plan.csv"), t("data_plan_csv", lang)),
        Link(data_path(plan, "plan.json"), t("data_plan_json", lang)),
    ]
    for year in years:
        links.append(Link(data_path(plan, f"results-{year}.csv"), t("data_results_csv", lang, year=year)))
        links.append(Link(data_path(plan, f"results-{year}.json"), t("data_results_json", lang, year=year)))
    return links


# -- unit project -----------------------------------------------------------------------------------------


def _rate_text(outcome: IndicatorOutcome | None) -> str:
    if outcome is None or outcome.final_rate is None:
        return "–"
    return f"{outcome.final_rate}%"


def _grade_text(outcome: IndicatorOutcome | None, lang: str) -> str:
    if outcome is None or outcome.status is None:
        return "–"
    return category_label(outcome.category, lang)


def project_page(site: Site, plan: Plan, project: ProjectFile, lang: str) -> Page:
    evaluations = site.evaluations.get(plan.id, {})
    outcomes = {
        (year, o.indicator.id): o for year, ev in evaluations.items() for o in ev.outcomes if o.project.id == project.id
    }
    indicators = []
    for number, indicator in enumerate(project.indicators, start=1):
        indicators.append(_indicator_view(plan, project, indicator, number, outcomes, lang))
    year_results = []
    for year, evaluation in sorted(evaluations.items()):
        filed = evaluation.results.projects.get(project.id)
        results = tuple(
            _result_view(outcomes[(year, indicator.id)], lang)
            for indicator in project.indicators
            if (year, indicator.id) in outcomes
        )
        budget = None
        line = next((b for b in evaluation.budget_lines if b.project.id == project.id), None)
        if line is not None:
            budget = (
                fmt_amount(line.budget),
                fmt_amount(line.committed),
                fmt_amount(line.spent),
                "–" if line.committed_rate is None else f"{line.committed_rate}%",
                "–" if line.spent_rate is None else f"{line.spent_rate}%",
            )
        narrative = render_markdown(filed.narrative.get(lang)) if filed and filed.narrative else None
        link = Link(lang_path(lang, report_path(plan, year)), t("report_title", lang, year=year))
        year_results.append(YearResultView(year, link, results, budget, narrative))
    years, total = _budget_of(project)
    if project.budget is None:
        budget_note = t("no_budget_stated", lang)
    elif project.budget.is_non_budget:
        budget_note = t("non_budget", lang)
    else:
        budget_note = ""
    strategy = next(s for s in plan.strategies if s.id == parent_id(task_of(project.id)))
    task = next(task for task in strategy.tasks if task.id == task_of(project.id))
    origin = ""
    if project.origin is not None:
        origin = t(f"origin_{project.origin.status}", lang)
        if project.origin.note is not None:
            origin += f" ({project.origin.note.get(lang)})"
    title = project.title.get(lang)
    content = ProjectContent(
        plan_link=Link(lang_path(lang, plan_path(plan)), plan.spec.title.get(lang)),
        path_labels=(
            f"{level_name(plan, 'strategy', lang)} {strategy.label or strategy.id}. {strategy.title.get(lang)}",
            f"{level_name(plan, 'task', lang)} {task.label or task.id} {task.title.get(lang)}",
            f"{level_name(plan, 'project', lang)} {project.label or project.id}",
        ),
        departments=tuple(d.get(lang) for d in project.departments),
        origin=origin,
        purpose=project.purpose.get(lang) if project.purpose else "",
        legal_basis=tuple(item.get(lang) for item in project.legal_basis),
        body=render_markdown(project.content.get(lang), title) if project.content else None,
        budget_unit=plan.spec.budget_unit.get(lang),
        budget_years=tuple((year, fmt_amount(years.get(year))) for year in plan.spec.period.years) if years else (),
        budget_total=fmt_amount(total),
        budget_note=budget_note,
        indicators=tuple(indicators),
        year_results=tuple(year_results),
        contacts=tuple(
            (
                " ".join(filter(None, [c.department.get(lang), c.team.get(lang) if c.team else ""])),
                c.phone,
            )
            for c in project.contacts
        ),
        discrepancies=tuple(discrepancy_views(plan, project.discrepancies, lang)),
    )
    crumbs = (
        Link(
            lang_path(lang, plan_path(plan)),
            plan.spec.short_title.get(lang) if plan.spec.short_title else plan.spec.title.get(lang),
        ),
    )
    page_title = f"{project.label or project.id} {title}"
    page_charts = tuple(view.chart for view in indicators if view.chart is not None)
    return Page(
        _meta(site, lang, project_path(plan, project.id), "project.html", page_title, crumbs), content, page_charts
    )


def _indicator_view(
    plan: Plan,
    project: ProjectFile,
    indicator: IndicatorSpec,
    number: int,
    outcomes: dict[tuple[int, str], IndicatorOutcome],
    lang: str,
) -> IndicatorView:
    if indicator.qualitative:
        kind = t("qualitative", lang)
        unit = ""
    else:
        kind = t(f"kind_{indicator.kind}", lang) if indicator.kind else ""
        if indicator.measures:
            unit = ", ".join(
                m.unit.get(lang) + (f" ({t('primary_measure', lang)})" if m.primary else "") for m in indicator.measures
            )
        else:
            unit = indicator.unit.get(lang) if indicator.unit else ""
    cells = []
    for year in plan.spec.period.years:
        outcome = outcomes.get((year, indicator.id))
        cells.append(
            YearCell(
                year,
                fmt_target(indicator.targets.get(year), indicator, lang) if year in indicator.targets else "",
                fmt_target(outcome.actual, indicator, lang)
                if outcome is not None and outcome.actual is not None
                else "–",
                _rate_text(outcome),
                _grade_text(outcome, lang),
            )
        )
    name = indicator.name.get(lang)
    chart = None
    caption = ""
    numeric = not indicator.qualitative
    if numeric:
        primary = next((m for m in indicator.measures or [] if m.primary), None)
        chart_unit = primary.unit.get(lang) if primary else (indicator.unit.get(lang) if indicator.unit else "")
        targets = [
            _number(indicator.targets.get(year), primary.id if primary else None) for year in plan.spec.period.years
        ]
        actuals = [
            _number(outcomes[(year, indicator.id)].actual, primary.id if primary else None)
            if (year, indicator.id) in outcomes
            else None
            for year in plan.spec.period.years
        ]
        caption = t("target_vs_actual_caption", lang, name=name, unit=chart_unit)
        if any(v is not None for v in targets + actuals):
            summary = "; ".join(
                f"{year}: {t('target', lang)} {fmt_amount(tv)}, {t('actual', lang)} {fmt_amount(av)}"
                for year, tv, av in zip(plan.spec.period.years, targets, actuals, strict=True)
            )
            chart = charts.TargetActualSpec(
                f"chart-{lang}-{indicator.id}",
                tuple(plan.spec.period.years),
                tuple(targets),
                tuple(actuals),
                unit=chart_unit,
                title=caption,
                summary=summary,
                target_label=t("target", lang),
                actual_label=t("actual", lang),
            )
    stated_total = ""
    if indicator.total is not None:
        stated_total = fmt_target(indicator.total, indicator, lang)
    return IndicatorView(
        id=indicator.id,
        name=name,
        unit=unit,
        kind=kind,
        direction=t(f"direction_{indicator.direction}", lang),
        stated_total=stated_total,
        years=tuple(cells),
        chart=chart,
        chart_caption=caption,
    )


def _number(value: Target, measure: str | None) -> float | None:
    if measure is not None and isinstance(value, dict):
        value = value.get(measure)
    return value if isinstance(value, int | float) else None


def _result_view(outcome: IndicatorOutcome, lang: str) -> ResultView:
    result = outcome.result
    status = {
        None: t("no_result", lang),
        "evaluated": t("status_evaluated", lang),
        "excluded": t("excluded", lang),
        "not_evaluated": t("not_evaluated", lang),
    }[outcome.status]
    return ResultView(
        indicator=outcome.indicator.name.get(lang),
        status=status,
        target=fmt_target(outcome.target, outcome.indicator, lang),
        actual=fmt_target(outcome.actual, outcome.indicator, lang),
        rate=_rate_text(outcome),
        grade=_grade_text(outcome, lang),
        basis=t(f"basis_{outcome.basis}", lang) if outcome.basis else "",
        reason=result.reason.get(lang) if result is not None and result.reason is not None else "",
        narrative=render_markdown(result.narrative.get(lang)) if result is not None and result.narrative else None,
    )


# -- annual report ----------------------------------------------------------------------------------------


def report_page(site: Site, plan: Plan, year: int, evaluation: YearEvaluation | None, lang: str) -> Page:
    spec = plan.spec
    names = {level: level_name(plan, level, lang) for level in ("strategy", "task", "project", "indicator")}
    indicator_plural = plural(names["indicator"], lang)
    crumbs = (Link(lang_path(lang, plan_path(plan)), (spec.short_title or spec.title).get(lang)),)
    title = t("report_title", lang, year=year)
    plan_link = Link(lang_path(lang, plan_path(plan)), spec.title.get(lang))
    empty = ReportContent(
        plan_link=plan_link,
        year=year,
        has_results=False,
        check_title=title,
        method=None,
        distribution=None,
        by_strategy=None,
        detail_caption="",
        detail_groups=(),
        excluded_caption="",
        excluded_rows=(),
        findings=(),
        budget_caption="",
        budget_rows=(),
        discrepancies=(),
        data_links=(),
        level_names=names,
    )
    path = report_path(plan, year)
    if evaluation is None:
        return Page(
            _meta(site, lang, path, "report.html", f"{title} — {(spec.short_title or spec.title).get(lang)}", crumbs),
            empty,
        )

    check = evaluation.results.check
    caption = _distribution_caption(plan, year, lang)
    distribution = distribution_view(
        plan, evaluation.distribution, lang, caption, f"dist-{lang}-{plan.id}-{year}", check.published_distribution
    )
    strategies = {s.id: s for s in plan.strategies}
    per_strategy = evaluation.distribution_by_strategy()
    categories = [row.category for row in evaluation.distribution.rows]
    by_strategy = StrategyMatrix(
        caption=t("by_strategy", lang, strategy=names["strategy"]) + f" ({year})",
        columns=tuple(f"{strategies[sid].label or sid} {strategies[sid].title.get(lang)}" for sid in per_strategy),
        totals=tuple(dist.total for dist in per_strategy.values()),
        rows=tuple(
            MatrixRow(c, category_label(c, lang), tuple(dist.count(c) for dist in per_strategy.values()))
            for c in categories
        ),
    )
    groups: dict[str, list[DetailRow]] = {}
    previous_project = ""
    for outcome in evaluation.outcomes:
        project = outcome.project
        strategy = strategies[parent_id(task_of(project.id))]
        task = next(task for task in strategy.tasks if task.id == task_of(project.id))
        heading = (
            f"{names['strategy']} {strategy.label or strategy.id} {strategy.title.get(lang)} › "
            f"{names['task']} {task.label or task.id} {task.title.get(lang)}"
        )
        note = ""
        if outcome.basis in ("published", "assessed") and outcome.computed_grade not in (None, outcome.final_grade):
            note = f"{t('computed', lang)} {outcome.computed_grade}"
        groups.setdefault(heading, []).append(
            DetailRow(
                project=f"{project.label or project.id} {project.title.get(lang)}"
                if project.id != previous_project
                else "",
                project_link=Link(lang_path(lang, project_path(plan, project.id)), project.title.get(lang)),
                indicator=outcome.indicator.name.get(lang),
                target=fmt_target(outcome.target, outcome.indicator, lang),
                actual=fmt_target(outcome.actual, outcome.indicator, lang)
                if outcome.status == "evaluated" or outcome.actual is not None
                else (outcome.result.reason.get(lang) if outcome.result and outcome.result.reason else "–"),
                rate=_rate_text(outcome),
                grade=_grade_text(outcome, lang),
                grade_note=note,
                category=outcome.category,
            )
        )
        previous_project = project.id
    excluded_rows = tuple(
        ExcludedRow(
            project=f"{o.project.label or o.project.id} {o.project.title.get(lang)}",
            indicator=o.indicator.name.get(lang),
            status=t(o.category, lang),
            reason=o.result.reason.get(lang) if o.result and o.result.reason else "",
        )
        for o in evaluation.outcomes
        if o.category in (EXCLUDED, NOT_EVALUATED)
    )
    outcome_by_id = {o.indicator.id: o for o in evaluation.outcomes}
    findings = tuple(_finding_view(f, outcome_by_id[f.indicator_id], lang) for f in evaluation.findings)
    budget_rows = tuple(
        BudgetRow(
            f"{b.project.label or b.project.id} {b.project.title.get(lang)}",
            fmt_amount(b.budget),
            fmt_amount(b.committed),
            fmt_amount(b.spent),
            "–" if b.committed_rate is None else f"{b.committed_rate}%",
            "–" if b.spent_rate is None else f"{b.spent_rate}%",
        )
        for b in evaluation.budget_lines
    )
    discrepancies = list(discrepancy_views(plan, check.discrepancies, lang))
    for project_results in evaluation.results.projects.values():
        discrepancies += discrepancy_views(plan, project_results.discrepancies, lang)
    content = ReportContent(
        plan_link=plan_link,
        year=year,
        has_results=True,
        check_title=check.title.get(lang),
        method=render_markdown(check.method.get(lang), check.title.get(lang)) if check.method else None,
        distribution=distribution,
        by_strategy=by_strategy,
        detail_caption=t("detailed_caption", lang, year=year, indicator=_lower(names["indicator"], lang)),
        detail_groups=tuple(DetailGroup(heading, tuple(group)) for heading, group in groups.items()),
        excluded_caption=t(
            "excluded_caption", lang, year=year, indicator=names["indicator"], indicator_plural=indicator_plural
        ),
        excluded_rows=excluded_rows,
        findings=findings,
        budget_caption=t(
            "budget_execution_caption", lang, year=year, project=names["project"], unit=spec.budget_unit.get(lang)
        ),
        budget_rows=budget_rows,
        discrepancies=tuple(discrepancies),
        data_links=tuple(plan_data_links(plan, [year], lang)[2:]),
        level_names=names,
    )
    page_title = f"{check.title.get(lang)}"
    page_charts = (distribution.chart,) if distribution.chart is not None else ()
    return Page(_meta(site, lang, path, "report.html", page_title, crumbs), content, page_charts)


_FINDING_TEXT = {
    ("ko", FindingKind.RATE_DIFFERS): "{basis} 달성도 {stated}는 수치로 산출한 {computed}와 다릅니다.",
    ("en", FindingKind.RATE_DIFFERS): "The {basis} rate {stated} differs from the {computed} the figures give.",
    ("ko", FindingKind.GRADE_DIFFERS): "{basis} 등급 {stated}는 산출 달성도 {rate}의 등급 {computed}와 다릅니다.",
    (
        "en",
        FindingKind.GRADE_DIFFERS,
    ): "The {basis} grade {stated} differs from {computed}, the grade of the computed rate {rate}.",
    ("ko", FindingKind.UNVERIFIABLE): "{basis} 등급 {stated}는 수치로 다시 산출할 수 없습니다({reason}).",
    ("en", FindingKind.UNVERIFIABLE): "The {basis} grade {stated} cannot be recomputed from the figures ({reason}).",
    ("ko", FindingKind.ASSESSED): "정성 평가로 {stated}가 주어졌습니다(산출값 {computed}).",
    ("en", FindingKind.ASSESSED): "Assessed as {stated} by judgement (computed: {computed}).",
}


def _finding_view(finding: Finding, outcome: IndicatorOutcome, lang: str) -> FindingView:
    basis = {"published": t("published", lang), "assessed": t("basis_assessed", lang)}.get(finding.basis, finding.basis)
    if lang == "en":
        basis = basis.lower()
    text = _FINDING_TEXT[(lang, finding.kind)].format(
        basis=basis,
        stated=finding.stated or "–",
        computed=finding.computed or "–",
        rate=f"{outcome.rate.shown}%" if outcome.rate.shown is not None else "–",
        reason=t(f"rate_status_{outcome.rate.status.value}", lang),
    )
    project = outcome.project
    where = f"{project.label or project.id} {project.title.get(lang)} — {outcome.indicator.name.get(lang)}"
    rationale = finding.rationale.get(lang) if finding.rationale else ""
    return FindingView(where, text, rationale)


# -- departments, methodology, 404 -------------------------------------------------------------------------


def department_pages(site: Site, lang: str) -> list[Page]:
    departments = site.departments()
    slugs = site.department_slugs()
    rows = []
    pages = []
    for name, (text, projects) in departments.items():
        path = f"departments/{slugs[name]}.html"
        rows.append(DepartmentRow(Link(lang_path(lang, path), text.get(lang)), len(projects)))
        entries = []
        for plan, project in projects:
            evaluations = site.evaluations.get(plan.id, {})
            grades = ""
            if evaluations:
                latest = evaluations[max(evaluations)]
                cats = [category_label(o.category, lang) for o in latest.outcomes if o.project.id == project.id]
                grades = f"{latest.year}: " + ", ".join(cats) if cats else ""
            entries.append(
                DepartmentProject(
                    (plan.spec.short_title or plan.spec.title).get(lang),
                    Link(
                        lang_path(lang, project_path(plan, project.id)),
                        f"{project.label or project.id} {project.title.get(lang)}",
                    ),
                    grades,
                )
            )
        word = _project_word(site, lang)
        caption = t(
            "department_caption", lang, department=text.get(lang), project=word, project_plural=plural(word, lang)
        )
        crumbs = (Link(lang_path(lang, "departments/index.html"), t("departments", lang)),)
        pages.append(
            Page(
                _meta(site, lang, path, "department.html", text.get(lang), crumbs),
                DepartmentContent(caption, word, tuple(entries)),
            )
        )
    rows.sort(key=lambda row: row.link.label)
    word = _project_word(site, lang)
    index = Page(
        _meta(site, lang, "departments/index.html", "departments.html", t("departments", lang)),
        DepartmentsContent(
            t("departments_caption", lang, project=word, project_plural=plural(word, lang)), tuple(rows)
        ),
    )
    return [index, *pages]


def _project_word(site: Site, lang: str) -> str:
    # Departments span plans whose levels are named differently; use the plain word.
    return t("project_generic", lang)


def scale_rows(scale: Sequence[Band], lang: str) -> tuple[ScaleRow, ...]:
    rows = []
    for index, band in enumerate(scale):
        upper = scale[index - 1].min_rate - 1 if index > 0 else None
        if upper is None:
            text = f"{band.min_rate}% 이상" if lang == "ko" else f"{band.min_rate}% and above"
        elif upper == band.min_rate:
            text = f"{band.min_rate}%"
        elif band.min_rate == 0:
            text = f"{upper + 1}% 미만" if lang == "ko" else f"below {upper + 1}%"
        else:
            text = f"{band.min_rate}–{upper}%"
        rows.append(ScaleRow(band.grade, text))
    return tuple(rows)


def methodology_page(site: Site, lang: str) -> Page:
    scale = scale_of(site.plans[0].spec) if site.plans else ()
    content = MethodologyContent(
        scale_caption=t("scale_caption", lang),
        scale=scale_rows(scale, lang),
        # The methodology text is written with ## sections, the open-data reference starts at # (→ h3 here).
        body=render_markdown(site.methodology_md[lang], t("methodology", lang), heading_shift=0),
        open_data=render_markdown(site.open_data_md, t("open_data", lang), heading_shift=2),
        open_data_note=t("open_data_note", lang),
    )
    return Page(_meta(site, lang, "methodology.html", "methodology.html", t("methodology", lang)), content)


def not_found_page(site: Site, lang: str) -> Page:
    return Page(
        _meta(site, lang, "404.html", "404.html", t("not_found_title", lang)),
        NotFoundContent(t("not_found_text", lang)),
    )

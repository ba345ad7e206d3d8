"""`plan.json` and `plan.csv`: the whole plan, and the plan as one table (a row per indicator, year and measure)."""

from __future__ import annotations

from generator.data.model import Plan
from generator.data.schema import (
    Budget,
    Contact,
    Discrepancy,
    IndicatorSpec,
    ProjectFile,
    Source,
    StrategySpec,
    TaskSpec,
    UnitText,
)
from generator.site.opendata.values import (
    FORMAT_VERSION,
    LIST_SEPARATOR,
    NON_BUDGET_CELL,
    PLAN_COLUMNS,
    Cell,
    Json,
    dump_csv,
    dump_json,
    en,
    ko,
    scale_of,
    target_cell,
    target_json,
    text_json,
    texts_json,
    unit_json,
    unit_of,
)

# -- plan.json -----------------------------------------------------------------------------------------------


def plan_data(plan: Plan) -> Json:
    spec = plan.spec
    return {
        "format_version": FORMAT_VERSION,
        "id": spec.id,
        "title": text_json(spec.title),
        "short_title": text_json(spec.short_title),
        "period": {"first": spec.period.first, "last": spec.period.last},
        "recorded_years": list(spec.recorded_years),
        "vision": text_json(spec.vision),
        "budget_unit": unit_json(spec.budget_unit),
        "levels": {
            "strategy": text_json(spec.levels.strategy),
            "task": text_json(spec.levels.task),
            "project": text_json(spec.levels.project),
            "indicator": text_json(spec.levels.indicator),
        },
        "grade_scale": (
            None
            if spec.grade_scale is None
            else [{"grade": band.grade, "min_rate": band.min_rate} for band in spec.grade_scale]
        ),
        "sources": [source_json(source) for source in spec.sources],
        "discrepancies": [discrepancy_json(d) for d in spec.discrepancies],
        "strategies": [_strategy_json(plan, strategy) for strategy in spec.strategies],
    }


def plan_json(plan: Plan) -> str:
    return dump_json(plan_data(plan))


def source_json(source: Source) -> Json:
    return {
        "id": source.id,
        "title": text_json(source.title),
        "issuer": text_json(source.issuer),
        "reference": source.reference,
        "date": source.date.isoformat() if source.date is not None else None,
    }


def discrepancy_json(discrepancy: Discrepancy, project_id: str | None = None) -> Json:
    return {
        "field": discrepancy.field,
        "project": discrepancy.project or project_id,
        "indicator": discrepancy.indicator,
        "sources": list(discrepancy.sources),
        "note": text_json(discrepancy.note),
    }


def _strategy_json(plan: Plan, strategy: StrategySpec) -> Json:
    return {
        "id": strategy.id,
        "label": strategy.label,
        "title": text_json(strategy.title),
        "short_title": text_json(strategy.short_title),
        "tasks": [_task_json(plan, task) for task in strategy.tasks],
    }


def _task_json(plan: Plan, task: TaskSpec) -> Json:
    return {
        "id": task.id,
        "label": task.label,
        "title": text_json(task.title),
        "short_title": text_json(task.short_title),
        "projects": [_project_json(project) for project in plan.projects_of(task.id)],
    }


def _project_json(project: ProjectFile) -> Json:
    origin = project.origin
    return {
        "id": project.id,
        "label": project.label,
        "title": text_json(project.title),
        "departments": texts_json(project.departments),
        "origin": None if origin is None else {"status": origin.status, "note": text_json(origin.note)},
        "purpose": text_json(project.purpose),
        "legal_basis": texts_json(project.legal_basis),
        "content": text_json(project.content),
        "budget": _budget_json(project.budget),
        "contacts": [_contact_json(contact) for contact in project.contacts],
        "indicators": [_indicator_json(indicator) for indicator in project.indicators],
        "discrepancies": [discrepancy_json(d, project.id) for d in project.discrepancies],
    }


def _budget_json(budget: Budget | None) -> Json | None:
    if budget is None:
        return None
    if budget.years is None:
        return {"non_budget": True, "years": None, "total": None}
    # JSON keys are strings; years are sorted so the object reads in time order whatever the YAML order.
    return {
        "non_budget": False,
        "years": {str(year): budget.years[year] for year in sorted(budget.years)},
        "total": budget.total,
    }


def _contact_json(contact: Contact) -> Json:
    return {"department": text_json(contact.department), "team": text_json(contact.team), "phone": contact.phone}


def _indicator_json(indicator: IndicatorSpec) -> Json:
    return {
        "id": indicator.id,
        "name": text_json(indicator.name),
        "qualitative": indicator.qualitative,
        "kind": indicator.kind,
        "direction": indicator.direction,
        "unit": unit_json(indicator.unit),
        "measures": (
            None
            if indicator.measures is None
            else [
                {"id": measure.id, "unit": unit_json(measure.unit), "primary": measure.primary}
                for measure in indicator.measures
            ]
        ),
        "targets": {str(year): target_json(indicator.targets[year], indicator) for year in sorted(indicator.targets)},
        "total": target_json(indicator.total, indicator),
    }


# -- plan.csv ------------------------------------------------------------------------------------------------


def plan_rows(plan: Plan) -> list[dict[str, Cell]]:
    rows: list[dict[str, Cell]] = []
    budget_unit = plan.spec.budget_unit
    for strategy in plan.strategies:
        for task in strategy.tasks:
            for project in plan.projects_of(task.id):
                base: dict[str, Cell] = {
                    "plan_id": plan.id,
                    "strategy_id": strategy.id,
                    "strategy_ko": strategy.title.ko,
                    "strategy_en": strategy.title.en,
                    "task_id": task.id,
                    "task_ko": task.title.ko,
                    "task_en": task.title.en,
                    "project_id": project.id,
                    "project_label": project.label,
                    "project_ko": project.title.ko,
                    "project_en": project.title.en,
                    "departments_ko": LIST_SEPARATOR.join(d.ko for d in project.departments) or None,
                }
                if not project.indicators:
                    # Without this row a project that sets no indicator would vanish from the table, budget and all.
                    for year in _plan_years(plan):
                        rows.append(base | _empty_indicator(year) | _budget_cells(project, year, budget_unit))
                for indicator in project.indicators:
                    for year in sorted(indicator.targets):
                        for measure in [m.id for m in indicator.measures] if indicator.measures else [None]:
                            unit = unit_of(indicator, measure)
                            rows.append(
                                base
                                | {
                                    "indicator_id": indicator.id,
                                    "indicator_ko": indicator.name.ko,
                                    "indicator_en": indicator.name.en,
                                    "measure": measure,
                                    "unit_ko": ko(unit),
                                    "unit_en": en(unit),
                                    "unit_scale": scale_of(unit),
                                    "kind": indicator.kind,
                                    "direction": indicator.direction,
                                    "year": year,
                                    "target": target_cell(indicator.targets[year], measure),
                                    "stated_total": target_cell(indicator.total, measure),
                                }
                                | _budget_cells(project, year, budget_unit)
                            )
    return rows


def plan_csv(plan: Plan) -> bytes:
    return dump_csv(PLAN_COLUMNS, plan_rows(plan))


def _plan_years(plan: Plan) -> list[int]:
    return [year for year in plan.spec.recorded_years if year in plan.spec.period.years]


def _empty_indicator(year: int) -> dict[str, Cell]:
    """The indicator cells of a project that sets no indicator: empty, but for the year."""
    keys = PLAN_COLUMNS[PLAN_COLUMNS.index("indicator_id") : PLAN_COLUMNS.index("budget")]
    return dict.fromkeys(keys) | {"year": year, "target": None, "stated_total": None}


def _budget_cells(project: ProjectFile, year: int, unit: UnitText) -> dict[str, Cell]:
    budget = project.budget
    amount = None if budget is None or budget.years is None else budget.years.get(year)
    if budget is not None and budget.years is None:
        return {"budget": NON_BUDGET_CELL, "budget_unit": None, "budget_unit_scale": None}
    if amount is None:
        return {"budget": None, "budget_unit": None, "budget_unit_scale": None}
    return {"budget": amount, "budget_unit": unit.ko, "budget_unit_scale": unit.scale}

"""The site's downloadable open data: the plan and each year's check as JSON and CSV, byte for byte reproducible.

Everything here returns text or bytes; the build writes them to disk with the rest of the site. The same plan and
results always give identical bytes (no timestamps, fixed field order), so a rebuild changes a download only when
the data changed, and the files can be compared across builds. Every file and column is documented in
docs/open-data.md; tests read the column lists from there, so the two cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator.data.model import Plan, number_of, parent_id, sort_key, task_of
from generator.data.schema import (
    Budget,
    Contact,
    Discrepancy,
    IndicatorSpec,
    LocalizedText,
    ProjectFile,
    Source,
    StrategySpec,
    Target,
    TaskSpec,
)
from generator.evaluation.grading import Distribution
from generator.evaluation.year import BudgetLine, Finding, IndicatorOutcome, YearEvaluation
from generator.numbers import machine

# Raised whenever a field is removed or changes meaning, so consumers can tell which documentation applies.
FORMAT_VERSION = 1

PLAN_JSON = "plan.json"
PLAN_CSV = "plan.csv"

PLAN_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "strategy_id",
    "strategy_ko",
    "strategy_en",
    "task_id",
    "task_ko",
    "task_en",
    "project_id",
    "project_label",
    "project_ko",
    "project_en",
    "departments_ko",
    "indicator_id",
    "indicator_ko",
    "indicator_en",
    "measure",
    "unit_ko",
    "unit_en",
    "kind",
    "direction",
    "year",
    "target",
    "stated_total",
    "budget",
    "budget_unit",
)

RESULTS_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "year",
    "strategy_id",
    "task_id",
    "project_id",
    "project_label",
    "project_ko",
    "project_en",
    "indicator_id",
    "indicator_ko",
    "indicator_en",
    "measure",
    "unit_ko",
    "target",
    "actual",
    "status",
    "reason_ko",
    "reason_en",
    "computed_rate",
    "rate_status",
    "computed_grade",
    "published_rate",
    "published_grade",
    "assessed_rate",
    "assessed_grade",
    "final_rate",
    "final_grade",
    "basis",
    "category",
    "findings",
)

# plan_id and year are the same on every row, so the JSON states them once at the top instead.
RESULTS_JSON_INDICATOR_KEYS: tuple[str, ...] = RESULTS_COLUMNS[2:]

LIST_SEPARATOR = "; "
NON_BUDGET_CELL = "비예산"  # as the source tables print it, so the CSV reads like the plan

# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and
# carriage return are on OWASP's list because some programs strip them and then see the next character.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None
Json = dict[str, Any]


def results_json_name(year: int) -> str:
    return f"results-{year}.json"


def results_csv_name(year: int) -> str:
    return f"results-{year}.csv"


# -- values ------------------------------------------------------------------------------------------------


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # Only text is escaped: a number we formatted is data, and an apostrophe would turn it into text.
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    return machine(value)


def text_json(text: LocalizedText | None) -> Json | None:
    return None if text is None else {"ko": text.ko, "en": text.en}


def _texts_json(texts: Iterable[LocalizedText]) -> list[Json | None]:
    return [text_json(text) for text in texts]


def _ko(text: LocalizedText | None) -> str | None:
    return None if text is None else text.ko


def _en(text: LocalizedText | None) -> str | None:
    # No fallback to Korean: open data should show which translations exist, not hide the gaps.
    return None if text is None else text.en


def _target_json(value: Target, indicator: IndicatorSpec) -> Any:
    """A target, total or actual: null, a number, {measure: number} in the indicator's order, or {ko, en}."""
    if isinstance(value, LocalizedText):
        return text_json(value)
    if isinstance(value, dict):
        order = [measure.id for measure in indicator.measures or []]
        keys = [key for key in order if key in value] + sorted(key for key in value if key not in order)
        return {key: value[key] for key in keys}
    return value


def _target_cell(value: Target, measure: str | None) -> Cell:
    """The CSV form of a target or actual: the measure's number of a compound value, the Korean of a text."""
    if isinstance(value, LocalizedText):
        return value.ko
    return number_of(value, measure) if measure is not None or not isinstance(value, dict) else None


def _unit_of(indicator: IndicatorSpec, measure: str | None) -> LocalizedText | None:
    if measure is None:
        return indicator.unit
    return next((m.unit for m in indicator.measures or [] if m.id == measure), None)


# -- serialisation -----------------------------------------------------------------------------------------


def _dump_json(data: Json) -> str:
    # sort_keys=False: the field order is part of the documented format and reads top-down like the plan.
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"


def _dump_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> bytes:
    buffer = io.StringIO(newline="")
    # The csv module's default line ending "\r\n" (RFC 4180) is kept; docs/open-data.md states it.
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        if set(row) != set(columns):
            raise ValueError(f"row keys differ from the columns: {sorted(set(row) ^ set(columns))}")
        writer.writerow([csv_cell(row[column]) for column in columns])
    # utf-8-sig writes the byte order mark, without which Excel reads the Hangul as mojibake.
    return buffer.getvalue().encode("utf-8-sig")


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
        "budget_unit": text_json(spec.budget_unit),
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
        "sources": [_source_json(source) for source in spec.sources],
        "discrepancies": [_discrepancy_json(d) for d in spec.discrepancies],
        "strategies": [_strategy_json(plan, strategy) for strategy in spec.strategies],
    }


def plan_json(plan: Plan) -> str:
    return _dump_json(plan_data(plan))


def _source_json(source: Source) -> Json:
    return {
        "id": source.id,
        "title": text_json(source.title),
        "issuer": text_json(source.issuer),
        "reference": source.reference,
        "date": source.date.isoformat() if source.date is not None else None,
    }


def _discrepancy_json(discrepancy: Discrepancy, project_id: str | None = None) -> Json:
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
        "departments": _texts_json(project.departments),
        "origin": None if origin is None else {"status": origin.status, "note": text_json(origin.note)},
        "purpose": text_json(project.purpose),
        "legal_basis": _texts_json(project.legal_basis),
        "content": text_json(project.content),
        "budget": _budget_json(project.budget),
        "contacts": [_contact_json(contact) for contact in project.contacts],
        "indicators": [_indicator_json(indicator) for indicator in project.indicators],
        "discrepancies": [_discrepancy_json(d, project.id) for d in project.discrepancies],
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
        "unit": text_json(indicator.unit),
        "measures": (
            None
            if indicator.measures is None
            else [
                {"id": measure.id, "unit": text_json(measure.unit), "primary": measure.primary}
                for measure in indicator.measures
            ]
        ),
        "targets": {str(year): _target_json(indicator.targets[year], indicator) for year in sorted(indicator.targets)},
        "total": _target_json(indicator.total, indicator),
    }


# -- plan.csv ------------------------------------------------------------------------------------------------


def plan_rows(plan: Plan) -> list[dict[str, Cell]]:
    rows: list[dict[str, Cell]] = []
    budget_unit = plan.spec.budget_unit.ko
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
                            unit = _unit_of(indicator, measure)
                            rows.append(
                                base
                                | {
                                    "indicator_id": indicator.id,
                                    "indicator_ko": indicator.name.ko,
                                    "indicator_en": indicator.name.en,
                                    "measure": measure,
                                    "unit_ko": _ko(unit),
                                    "unit_en": _en(unit),
                                    "kind": indicator.kind,
                                    "direction": indicator.direction,
                                    "year": year,
                                    "target": _target_cell(indicator.targets[year], measure),
                                    "stated_total": _target_cell(indicator.total, measure),
                                }
                                | _budget_cells(project, year, budget_unit)
                            )
    return rows


def plan_csv(plan: Plan) -> bytes:
    return _dump_csv(PLAN_COLUMNS, plan_rows(plan))


def _plan_years(plan: Plan) -> list[int]:
    return [year for year in plan.spec.recorded_years if year in plan.spec.period.years]


def _empty_indicator(year: int) -> dict[str, Cell]:
    keys = ("indicator_id", "indicator_ko", "indicator_en", "measure", "unit_ko", "unit_en", "kind", "direction")
    return dict.fromkeys(keys) | {"year": year, "target": None, "stated_total": None}


def _budget_cells(project: ProjectFile, year: int, unit: str) -> dict[str, Cell]:
    budget = project.budget
    if budget is None:
        return {"budget": None, "budget_unit": None}
    if budget.years is None:
        return {"budget": NON_BUDGET_CELL, "budget_unit": None}
    amount = budget.years.get(year)
    return {"budget": amount, "budget_unit": unit if amount is not None else None}


# -- results-<year>.json and .csv ----------------------------------------------------------------------------


def _outcome_fields(outcome: IndicatorOutcome) -> dict[str, Any]:
    """The fields both results files share; target and actual keep their full value for the JSON."""
    project, indicator, result = outcome.project, outcome.indicator, outcome.result
    published = result.published if result is not None else None
    assessed = result.assessed if result is not None else None
    reason = result.reason if result is not None else None
    task_id = task_of(project.id)
    unit = _unit_of(indicator, outcome.measure)
    return {
        "strategy_id": parent_id(task_id),
        "task_id": task_id,
        "project_id": project.id,
        "project_label": project.label,
        "project_ko": project.title.ko,
        "project_en": project.title.en,
        "indicator_id": indicator.id,
        "indicator_ko": indicator.name.ko,
        "indicator_en": indicator.name.en,
        "measure": outcome.measure,
        "unit_ko": _ko(unit),
        "target": outcome.target,
        "actual": outcome.actual,
        "status": outcome.status,
        "reason_ko": _ko(reason),
        "reason_en": _en(reason),
        "computed_rate": outcome.rate.shown,
        "rate_status": outcome.rate.status.value,
        "computed_grade": outcome.computed_grade,
        "published_rate": published.rate if published is not None else None,
        "published_grade": published.grade if published is not None else None,
        "assessed_rate": assessed.rate if assessed is not None else None,
        "assessed_grade": assessed.grade if assessed is not None else None,
        "final_rate": outcome.final_rate,
        "final_grade": outcome.final_grade,
        "basis": outcome.basis,
        "category": outcome.category,
        "findings": [finding.kind.value for finding in outcome.findings],
    }


def results_rows(evaluation: YearEvaluation) -> list[dict[str, Cell]]:
    rows: list[dict[str, Cell]] = []
    for outcome in evaluation.outcomes:
        fields = _outcome_fields(outcome)
        row: dict[str, Cell] = {"plan_id": evaluation.plan.id, "year": evaluation.year}
        row.update(fields)
        # A cell holds one measure's figure and a flat list; the JSON keeps the full target and the findings list.
        row.update(
            target=_target_cell(outcome.target, outcome.measure),
            actual=_target_cell(outcome.actual, outcome.measure),
            findings=LIST_SEPARATOR.join(fields["findings"]) or None,
        )
        rows.append(row)
    return rows


def results_csv(evaluation: YearEvaluation) -> bytes:
    return _dump_csv(RESULTS_COLUMNS, results_rows(evaluation))


def results_data(evaluation: YearEvaluation) -> Json:
    plan, check = evaluation.plan, evaluation.results.check
    return {
        "format_version": FORMAT_VERSION,
        "plan_id": plan.id,
        "year": evaluation.year,
        "title": text_json(check.title),
        "budget_unit": text_json(plan.spec.budget_unit),
        "grade_scale": [{"grade": band.grade, "min_rate": band.min_rate} for band in evaluation.scale],
        "distribution": _distribution_json(evaluation.distribution),
        "published_distribution": _published_distribution_json(evaluation),
        "indicators": [_indicator_outcome_json(outcome) for outcome in evaluation.outcomes],
        "findings": [_finding_json(finding) for finding in evaluation.findings],
        "budget_execution": [_budget_line_json(line) for line in evaluation.budget_lines],
        "sources": [_source_json(source) for source in check.sources],
        "discrepancies": [_discrepancy_json(d) for d in check.discrepancies]
        + [
            _discrepancy_json(d, project_id)
            for project_id, project in sorted(evaluation.results.projects.items(), key=lambda item: sort_key(item[0]))
            for d in project.discrepancies
        ],
    }


def results_json(evaluation: YearEvaluation) -> str:
    return _dump_json(results_data(evaluation))


def _indicator_outcome_json(outcome: IndicatorOutcome) -> Json:
    fields = _outcome_fields(outcome)
    fields["target"] = _target_json(outcome.target, outcome.indicator)
    fields["actual"] = _target_json(outcome.actual, outcome.indicator)
    return {key: fields[key] for key in RESULTS_JSON_INDICATOR_KEYS}


def _distribution_json(distribution: Distribution) -> Json:
    return {
        "total": distribution.total,
        "rows": [{"category": row.category, "count": row.count, "percent": row.percent} for row in distribution.rows],
    }


def _published_distribution_json(evaluation: YearEvaluation) -> Json | None:
    published = evaluation.results.check.published_distribution
    if published is None:
        return None
    order = [row.category for row in evaluation.distribution.rows]
    keys = [key for key in order if key in published] + sorted(key for key in published if key not in order)
    return {key: published[key] for key in keys}


def _finding_json(finding: Finding) -> Json:
    return {
        "kind": finding.kind.value,
        "project_id": finding.project_id,
        "indicator_id": finding.indicator_id,
        "computed": finding.computed,
        "stated": finding.stated,
        "basis": finding.basis,
        "rate_status": finding.rate_status.value if finding.rate_status is not None else None,
        "rationale": text_json(finding.rationale),
    }


def _budget_line_json(line: BudgetLine) -> Json:
    return {
        "project_id": line.project.id,
        "project_label": line.project.label,
        "project": text_json(line.project.title),
        "budget": line.budget,
        "committed": line.committed,
        "spent": line.spent,
        "committed_rate": line.committed_rate,
        "spent_rate": line.spent_rate,
    }


# -- files ---------------------------------------------------------------------------------------------------


def open_data_files(plan: Plan, evaluations: Sequence[YearEvaluation]) -> dict[str, bytes]:
    """File name → content for one plan: plan.json, plan.csv, then results-<year>.json/.csv by year."""
    files: dict[str, bytes] = {PLAN_JSON: plan_json(plan).encode("utf-8"), PLAN_CSV: plan_csv(plan)}
    seen: set[int] = set()
    for evaluation in sorted(evaluations, key=lambda e: e.year):
        if evaluation.plan.id != plan.id:
            raise ValueError(f"evaluation of plan '{evaluation.plan.id}' given for plan '{plan.id}'")
        if evaluation.year in seen:
            raise ValueError(f"two evaluations of {plan.id} for {evaluation.year}")
        seen.add(evaluation.year)
        files[results_json_name(evaluation.year)] = results_json(evaluation).encode("utf-8")
        files[results_csv_name(evaluation.year)] = results_csv(evaluation)
    return files

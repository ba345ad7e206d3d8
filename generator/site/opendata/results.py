"""`results-<year>.json` and `results-<year>.csv`: one year's check, every indicator's rate and grade."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.data.model import parent_id, sort_key, task_of
from generator.data.schema import UnitText
from generator.evaluation.budget import BudgetLine, Execution, by_department, lead_department, total
from generator.evaluation.grading import Distribution
from generator.evaluation.year import Finding, IndicatorOutcome, YearEvaluation
from generator.site.opendata.plan import discrepancy_json, source_json
from generator.site.opendata.values import (
    BUDGET_COLUMNS,
    FORMAT_VERSION,
    LIST_SEPARATOR,
    RESULTS_COLUMNS,
    RESULTS_JSON_INDICATOR_KEYS,
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
    unit_json,
    unit_of,
)

# -- results-<year>.json and .csv ----------------------------------------------------------------------------


def _outcome_fields(outcome: IndicatorOutcome) -> dict[str, Any]:
    """The fields both results files share; target and actual keep their full value for the JSON."""
    project, indicator, result = outcome.project, outcome.indicator, outcome.result
    published = result.published if result is not None else None
    assessed = result.assessed if result is not None else None
    reason = result.reason if result is not None else None
    task_id = task_of(project.id)
    unit = unit_of(indicator, outcome.measure)
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
        "unit_ko": ko(unit),
        "unit_scale": scale_of(unit),
        "target": outcome.target,
        "actual": outcome.actual,
        "status": outcome.status,
        "reason_ko": ko(reason),
        "reason_en": en(reason),
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
    lines = {line.project.id: line for line in evaluation.budget_lines}
    unit = evaluation.plan.spec.budget_unit
    for outcome in evaluation.outcomes:
        fields = _outcome_fields(outcome)
        row: dict[str, Cell] = {"plan_id": evaluation.plan.id, "year": evaluation.year}
        row.update(fields)
        row.update(_budget_cells(lines.get(outcome.project.id), unit))
        # A cell holds one measure's figure and a flat list; the JSON keeps the full target and the findings list.
        row.update(
            target=target_cell(outcome.target, outcome.measure),
            actual=target_cell(outcome.actual, outcome.measure),
            findings=LIST_SEPARATOR.join(fields["findings"]) or None,
        )
        rows.append(row)
    return rows


def results_csv(evaluation: YearEvaluation) -> bytes:
    return dump_csv(RESULTS_COLUMNS, results_rows(evaluation))


def results_data(evaluation: YearEvaluation) -> Json:
    plan, check = evaluation.plan, evaluation.results.check
    return {
        "format_version": FORMAT_VERSION,
        "plan_id": plan.id,
        "year": evaluation.year,
        "title": text_json(check.title),
        "budget_unit": unit_json(plan.spec.budget_unit),
        "grade_scale": [{"grade": band.grade, "min_rate": band.min_rate} for band in evaluation.scale],
        "distribution": _distribution_json(evaluation.distribution),
        "published_distribution": _published_distribution_json(evaluation),
        "indicators": [_indicator_outcome_json(outcome) for outcome in evaluation.outcomes],
        "findings": [_finding_json(finding) for finding in evaluation.findings],
        "budget_execution": [_budget_line_json(line) for line in evaluation.budget_lines],
        "budget_totals": _budget_totals_json(evaluation),
        "sources": [source_json(source) for source in check.sources],
        "discrepancies": [discrepancy_json(d) for d in check.discrepancies]
        + [
            discrepancy_json(d, project_id)
            for project_id, project in sorted(evaluation.results.projects.items(), key=lambda item: sort_key(item[0]))
            for d in project.discrepancies
        ],
    }


def results_json(evaluation: YearEvaluation) -> str:
    return dump_json(results_data(evaluation))


def _indicator_outcome_json(outcome: IndicatorOutcome) -> Json:
    fields = _outcome_fields(outcome)
    fields["target"] = target_json(outcome.target, outcome.indicator)
    fields["actual"] = target_json(outcome.actual, outcome.indicator)
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


def _budget_cells(line: BudgetLine | None, unit: UnitText) -> dict[str, Cell]:
    if line is None:
        return dict.fromkeys(BUDGET_COLUMNS)
    return {
        "budget": line.budget,
        "committed": line.committed,
        "spent": line.spent,
        "committed_rate": _rate(line.committed_rate),
        "spent_rate": _rate(line.spent_rate),
        "budget_unit": unit.ko,
        "budget_unit_scale": unit.scale,
    }


def _rate(value: Decimal | None) -> float | None:
    """A one-decimal execution rate as a number (99.7), for CSV and JSON alike."""
    return None if value is None else float(value)


def _budget_line_json(line: BudgetLine) -> Json:
    return {
        "project_id": line.project.id,
        "project_label": line.project.label,
        "project": text_json(line.project.title),
        "department": text_json(lead_department(line.project)),
        "budget": line.budget,
        "committed": line.committed,
        "spent": line.spent,
        "committed_rate": _rate(line.committed_rate),
        "spent_rate": _rate(line.spent_rate),
    }


def _execution_json(execution: Execution) -> Json:
    return {
        "budget": _figure(execution.budget),
        "committed": _figure(execution.committed),
        "spent": _figure(execution.spent),
        "committed_rate": _rate(execution.committed_rate),
        "spent_rate": _rate(execution.spent_rate),
    }


def _figure(value: Decimal) -> int | float:
    """An exact sum as JSON's number: whole sums as integers."""
    return int(value) if value == value.to_integral_value() else float(value)


def _budget_totals_json(evaluation: YearEvaluation) -> Json | None:
    if not evaluation.budget_lines:
        return None
    return {
        "by_department": [
            {"department": text_json(group.department)} | _execution_json(group.execution)
            for group in by_department(evaluation.budget_lines)
        ],
        "total": _execution_json(total(line.execution for line in evaluation.budget_lines)),
    }

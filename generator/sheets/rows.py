"""What each department's workbook holds, as plain rows: pure, no I/O, no spreadsheet library.

One workbook per lead department (a project's first department, as budget totals count it). Its indicator
sheet has one row per indicator of the year, one per measure of a compound one; its budget sheet one row per
project with a budget. `collect` writes these rows, and `import` expects exactly these rows back: the
fingerprint of the rows tells a workbook of another plan version.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from generator.data.model import Plan, task_of
from generator.data.results import YearResults
from generator.data.schema import IndicatorResult, IndicatorSpec, LocalizedText, ProjectFile, Target
from generator.evaluation.budget import lead_department
from generator.i18n import t

SHEET_FORMAT = 1  # the layout of the workbooks; an import refuses a workbook of another
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class IndicatorRow:
    strategy: str  # "1 적극적 정보 제공": where the row sits, for the reader
    task: str
    project_id: str
    project: str
    indicator_id: str
    measure: str  # the measure of a compound indicator; "" for one figure
    name: str
    unit: str
    target: object  # this year's target: a number, text, or None
    first: bool  # the indicator's first row: status, reason and narrative are given here
    qualitative: bool
    actual: object = None  # what results/ already holds for the year
    status: str = "evaluated"
    reason: LocalizedText | None = None
    narrative: LocalizedText | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.project_id, self.indicator_id, self.measure)


@dataclass(frozen=True)
class BudgetRow:
    project_id: str
    project: str
    planned: object  # the plan's budget for the year
    budget: object = None  # what results/ already holds: 예산현액, 원인행위, 지출
    committed: object = None
    spent: object = None


@dataclass(frozen=True)
class DepartmentSheet:
    department: LocalizedText
    indicators: tuple[IndicatorRow, ...]
    budgets: tuple[BudgetRow, ...]

    @property
    def file_name(self) -> str:
        return _UNSAFE.sub("_", self.department.ko).strip(" .") + ".xlsx"

    @property
    def projects(self) -> tuple[str, ...]:
        ids = [row.project_id for row in self.indicators] + [row.project_id for row in self.budgets]
        return tuple(dict.fromkeys(ids))


def fingerprint(plan: Plan, year: int, sheet: DepartmentSheet) -> str:
    """A hash of what the rows are (ids, measures, targets, units, planned budgets), not of what was filled in."""
    digest = hashlib.sha256(f"{SHEET_FORMAT}\0{plan.id}\0{year}\0{sheet.department.ko}".encode())
    for row in sheet.indicators:
        digest.update(repr((row.key, row.target, row.unit, row.qualitative)).encode())
    for budget in sheet.budgets:
        digest.update(repr((budget.project_id, budget.planned)).encode())
    return digest.hexdigest()[:32]


def department_sheets(plan: Plan, year: int, results: YearResults | None) -> list[DepartmentSheet]:
    """Every lead department's rows, in the order of the plan; values already filed for `year` filled in."""
    groups: dict[str, list[ProjectFile]] = {}
    names: dict[str, LocalizedText] = {}
    for project in plan.projects:
        department = lead_department(project) or LocalizedText(
            ko=t("sheet_no_department", "ko"), en=t("sheet_no_department", "en")
        )
        groups.setdefault(department.ko, []).append(project)
        names[department.ko] = department
    sheets = []
    for key, projects in groups.items():
        indicators = tuple(row for project in projects for row in _indicator_rows(plan, project, year, results))
        budgets = tuple(row for project in projects if (row := _budget_row(project, year, results)) is not None)
        sheets.append(DepartmentSheet(names[key], indicators, budgets))
    return sheets


def _heading(node_id: str, title: LocalizedText) -> str:
    return f"{node_id} {title.ko}"


def _indicator_rows(plan: Plan, project: ProjectFile, year: int, results: YearResults | None) -> list[IndicatorRow]:
    task = next(task for task in plan.tasks if task.id == task_of(project.id))
    strategy = next(s for s in plan.strategies if any(t.id == task.id for t in s.tasks))
    rows = []
    for indicator in project.indicators:
        result = results.result_for(project.id, indicator.id) if results is not None else None
        for number, (measure, unit) in enumerate(_measures(indicator)):
            rows.append(
                IndicatorRow(
                    _heading(strategy.id, strategy.title),
                    _heading(task.id, task.title),
                    project.id,
                    _heading(project.id, project.title),
                    indicator.id,
                    measure,
                    indicator.name.ko,
                    unit,
                    _figure(indicator.targets.get(year), measure),
                    number == 0,
                    indicator.qualitative,
                    *_filed(result, measure, number == 0),
                )
            )
    return rows


def _measures(indicator: IndicatorSpec) -> list[tuple[str, str]]:
    if indicator.measures:
        return [(measure.id, measure.unit.ko) for measure in indicator.measures]
    return [("", indicator.unit.ko if indicator.unit is not None else "")]


def _figure(value: Target, measure: str) -> object:
    if isinstance(value, LocalizedText):
        return value.ko
    if isinstance(value, dict):
        return value.get(measure)
    return value


def _filed(
    result: IndicatorResult | None, measure: str, first: bool
) -> tuple[object, str, LocalizedText | None, LocalizedText | None]:
    if result is None:
        return None, "evaluated", None, None
    actual = _figure(result.actual, measure)
    if not first:
        return actual, result.status, None, None
    return actual, result.status, result.reason, result.narrative


def _budget_row(project: ProjectFile, year: int, results: YearResults | None) -> BudgetRow | None:
    budget = project.budget
    if budget is None or budget.is_non_budget:
        return None
    filed = results.projects.get(project.id) if results is not None else None
    execution = filed.budget if filed is not None else None
    planned = (budget.years or {}).get(year)
    if execution is None:
        return BudgetRow(project.id, _heading(project.id, project.title), planned)
    return BudgetRow(
        project.id, _heading(project.id, project.title), planned, execution.budget, execution.committed, execution.spent
    )

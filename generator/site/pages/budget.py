"""Budgets as the pages print them: the plan's budget by year, and execution tables by project and department.

Every table picks one display for all its figures (`describe.display_of`), so it names one unit, printed above it
("(단위: 백만원)"): the source's in Korean; in English, a scaled budget unit multiplied out ("million won").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.data.model import Plan
from generator.data.schema import ProjectFile, UnitText
from generator.describe import display_of
from generator.evaluation.budget import BudgetLine, Execution, by_department, total
from generator.evaluation.year import YearEvaluation
from generator.i18n import in_sentence, t
from generator.numbers import NONE, UnitDisplay, exact, percent_tenths
from generator.site.pages.common import Link
from generator.site.pages.paths import lang_path, project_path

Amount = int | float


@dataclass(frozen=True)
class YearAmount:
    year: int
    amount: str


@dataclass(frozen=True)
class ExecutionRow:
    label: str  # a project, a department, or the total
    budget: str
    committed: str
    spent: str
    committed_rate: str
    spent_rate: str
    is_total: bool = False
    link: Link | None = None  # where the label leads: a project's page, in a table by project


@dataclass(frozen=True)
class ExecutionTable:
    """예산현액 / 원인행위 / 지출 and their rates; rows labelled by `label_heading` (none for a single line)."""

    caption: str
    label_heading: str
    rows: tuple[ExecutionRow, ...]
    unit: str  # of every amount in the table ("백만원"), printed above it


def planned_budget(project: ProjectFile) -> tuple[dict[int, Amount | None], Amount | None]:
    """The budget the plan states for a project: amounts by year, and the stated total."""
    if project.budget is None or project.budget.years is None:
        return {}, None
    return project.budget.years, project.budget.total


def planned_display(plan: Plan, lang: str) -> UnitDisplay:
    """One display for every planned figure of a plan, so its plan page and project pages agree."""
    return _planned_display(plan.spec.budget_unit, lang, plan.planned_figures)


@functools.lru_cache(maxsize=64)
def _planned_display(unit: UnitText, lang: str, figures: tuple[Amount | None, ...]) -> UnitDisplay:
    return display_of(unit, lang, [*figures, sum_of(figures)])


def sum_of(figures: Iterable[Amount | Decimal | None]) -> Decimal | None:
    """The exact sum of the figures there are; None when there is none."""
    numbers = [exact(f) for f in figures if f is not None]
    return sum(numbers, Decimal(0)) if numbers else None


def execution_table(
    plan: Plan,
    lang: str,
    caption: str,
    label_heading: str,
    rows: Sequence[tuple[str, Execution]],
    total_label: str | None,
    links: Sequence[Link] = (),
) -> ExecutionTable:
    """A table of `rows` and, when `total_label` is given, their total, in one unit for all its amounts. `links`,
    when given, are where the rows' labels lead, one per row in order (the total has none)."""
    lines = list(rows)
    if total_label is not None:
        lines.append((total_label, total(execution for _, execution in rows)))
    figures = [value for _, e in lines for value in (e.budget, e.committed, e.spent)]
    display = display_of(plan.spec.budget_unit, lang, figures)
    views = tuple(
        _row(label, execution, display, is_total=total_label is not None and index == len(lines) - 1)
        for index, (label, execution) in enumerate(lines)
    )
    views = tuple(replace(view, link=links[i]) if i < len(links) else view for i, view in enumerate(views))
    return ExecutionTable(caption, label_heading, views, display.unit)


def _row(label: str, execution: Execution, display: UnitDisplay, *, is_total: bool) -> ExecutionRow:
    return ExecutionRow(
        label,
        display.figure(execution.budget),
        display.figure(execution.committed),
        display.figure(execution.spent),
        percent_tenths(execution.committed_rate),
        percent_tenths(execution.spent_rate),
        is_total,
    )


def project_label(project: ProjectFile, lang: str) -> str:
    return f"{project.label or project.id} {project.title.get(lang)}"


def by_project_rows(lines: Sequence[BudgetLine], lang: str) -> list[tuple[str, Execution]]:
    return [(project_label(line.project, lang), line.execution) for line in lines]


def by_project_links(plan: Plan, lines: Sequence[BudgetLine], lang: str) -> list[Link]:
    """The project pages of `by_project_rows`, in the same order."""
    return [
        Link(lang_path(lang, project_path(plan, line.project.id)), project_label(line.project, lang)) for line in lines
    ]


def by_department_rows(lines: Sequence[BudgetLine], lang: str) -> list[tuple[str, Execution]]:
    return [
        (group.department.get(lang) if group.department is not None else NONE, group.execution)
        for group in by_department(lines)
    ]


def year_by_project(plan: Plan, evaluation: YearEvaluation, project_name: str, lang: str) -> ExecutionTable | None:
    """A year's execution by project (`project_name`: what the plan calls one), each project linked."""
    if not evaluation.budget_lines:
        return None
    return execution_table(
        plan,
        lang,
        t("budget_execution_caption", lang, year=evaluation.year, project=in_sentence(project_name, lang)),
        project_name,
        by_project_rows(evaluation.budget_lines, lang),
        t("total", lang),
        by_project_links(plan, evaluation.budget_lines, lang),
    )


def year_by_department(plan: Plan, evaluation: YearEvaluation, lang: str) -> ExecutionTable | None:
    """Department totals and the plan's grand total, as the official execution tables sum them."""
    if not evaluation.budget_lines:
        return None
    return execution_table(
        plan,
        lang,
        t("budget_execution_by_department", lang, year=evaluation.year),
        t("department", lang),
        by_department_rows(evaluation.budget_lines, lang),
        t("total", lang),
    )

"""Budget execution (예산현액 / 원인행위 / 지출) of a year: each project's line, department totals and the grand total.

Rates are shown with one decimal, rounded half up from the exact figures, as the official execution tables
print them (99.7%, 56.5%): a whole percent would show a line 99.7% spent as "100%". Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from generator.data.schema import LocalizedText, ProjectFile, PublishedExecution
from generator.numbers import Number, exact

TENTH = Decimal("0.1")


def execution_rate(amount: Number | Decimal | None, budget: Number | Decimal | None, places: int = 1) -> Decimal | None:
    """`amount` as a percent of `budget`, to `places` decimals (one, as the tables print), half up; nothing
    recorded counts as nothing executed (0.0). None only where there is no budget to divide by."""
    if budget is None or budget == 0:
        return None
    executed = Decimal(0) if amount is None else _decimal(amount)
    step = Decimal(1).scaleb(-places)
    return (executed / _decimal(budget) * 100).quantize(step, rounding=ROUND_HALF_UP)


def _decimal(value: Number | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else exact(value)


@dataclass(frozen=True)
class Execution:
    """Budget, commitments and expenditure, exact, with their rates."""

    budget: Decimal
    committed: Decimal
    spent: Decimal

    @property
    def committed_rate(self) -> Decimal | None:
        return execution_rate(self.committed, self.budget)

    @property
    def spent_rate(self) -> Decimal | None:
        return execution_rate(self.spent, self.budget)


@dataclass(frozen=True)
class BudgetLine:
    """A project's budget (예산현액), commitments (원인행위) and expenditure (지출) in the year, as filed."""

    project: ProjectFile
    budget: Number
    committed: Number | None  # None: not filed, counted as nothing committed
    spent: Number | None
    published: PublishedExecution | None = None  # the rates an official table printed for the line

    @property
    def execution(self) -> Execution:
        return Execution(_decimal(self.budget), _or_zero(self.committed), _or_zero(self.spent))

    @property
    def committed_rate(self) -> Decimal | None:
        return self.execution.committed_rate

    @property
    def spent_rate(self) -> Decimal | None:
        return self.execution.spent_rate


def _or_zero(value: Number | None) -> Decimal:
    return Decimal(0) if value is None else _decimal(value)


def total(executions: Iterable[Execution]) -> Execution:
    """The sums of budget, commitments and expenditure; their rates come from the sums, not from the lines'."""
    items = list(executions)
    return Execution(
        sum((e.budget for e in items), Decimal(0)),
        sum((e.committed for e in items), Decimal(0)),
        sum((e.spent for e in items), Decimal(0)),
    )


@dataclass(frozen=True)
class DepartmentExecution:
    department: LocalizedText | None  # None: a project that names no department
    lines: tuple[BudgetLine, ...]

    @property
    def execution(self) -> Execution:
        return total(line.execution for line in self.lines)


def lead_department(project: ProjectFile) -> LocalizedText | None:
    """Where a project's budget is counted: its first (lead) department, so department totals add up to the
    grand total even when a project names several departments."""
    return project.departments[0] if project.departments else None


def by_department(lines: Sequence[BudgetLine]) -> tuple[DepartmentExecution, ...]:
    """The lines grouped by lead department, in the order of the departments' Korean names (none last)."""
    groups: dict[str | None, list[BudgetLine]] = {}
    names: dict[str | None, LocalizedText | None] = {}
    for line in lines:
        department = lead_department(line.project)
        key = department.ko if department is not None else None
        groups.setdefault(key, []).append(line)
        names[key] = department
    order = sorted(groups, key=lambda key: (key is None, key or ""))
    return tuple(DepartmentExecution(names[key], tuple(groups[key])) for key in order)


# -- rates an official table printed --------------------------------------------------------------------------

Measure = Literal["committed", "spent"]


@dataclass(frozen=True)
class ExecutionFinding:
    """A printed execution rate that is not the rate the figures give, as the grade findings are for grades."""

    project: ProjectFile | None  # None: the grand total of the year
    measure: Measure
    stated: Decimal  # as printed
    computed: Decimal | None  # from the figures, to the printed rate's own decimals; None: no budget


def execution_findings(
    lines: Sequence[BudgetLine], published_total: PublishedExecution | None
) -> tuple[ExecutionFinding, ...]:
    """Each line's printed rates, then the grand total's, against the rates their figures give.

    A rate is compared at the precision it was printed with: 56% is checked against the whole percent, 56.3%
    against the tenth, so a table that prints whole percents is not faulted for not printing decimals."""
    found: list[ExecutionFinding] = []
    for line in lines:
        found += _compare(line.project, line.execution, line.published)
    if lines:
        found += _compare(None, total(line.execution for line in lines), published_total)
    return tuple(found)


def _compare(
    project: ProjectFile | None, execution: Execution, published: PublishedExecution | None
) -> list[ExecutionFinding]:
    if published is None:
        return []
    found = []
    pairs: tuple[tuple[Measure, Number | None, Decimal], ...] = (
        ("committed", published.committed_rate, execution.committed),
        ("spent", published.spent_rate, execution.spent),
    )
    for measure, stated, amount in pairs:
        if stated is None:
            continue
        printed = exact(stated)
        places = max(0, -int(printed.as_tuple().exponent))
        computed = execution_rate(amount, execution.budget, places)
        if computed != printed:
            found.append(ExecutionFinding(project, measure, printed, computed))
    return found

"""The semantic diff: two checked snapshots of the data in, the changes in the domain's words out. Pure: no I/O.

Items are matched by id. A unit project that appears under a new id with the title of one that disappeared
has moved (to another task); its indicators are matched by their number within the project.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.data.model import Plan, task_of
from generator.data.schema import IndicatorSpec, ProjectFile
from generator.errors import Problem, Severity
from generator.evaluation.year import IndicatorOutcome, YearEvaluation
from generator.review.changes import (
    DataDiff,
    DiscrepancyChange,
    DistributionChange,
    FieldChange,
    IndicatorChange,
    Kind,
    Plain,
    PlanChange,
    ProjectChange,
    ResultChange,
    differ,
    plain,
)
from generator.review.results import budget_execution_changes, computed_rows, result_changes

_PLAN_FIELDS = ("title", "short_title", "period", "target_years", "budget_unit", "levels", "grade_scale")
_PROJECT_FIELDS = ("title", "departments", "origin", "purpose", "legal_basis", "content", "contacts")
_INDICATOR_FIELDS = ("name", "unit", "measures", "kind", "direction", "qualitative")


@dataclass(frozen=True)
class Snapshot:
    """One side, checked: its plans, each results year evaluated, and its problems (files relative to its root)."""

    plans: dict[str, Plan]
    evaluations: dict[str, dict[int, YearEvaluation]]
    problems: tuple[Problem, ...]


def compare(base: Snapshot, head: Snapshot, base_label: str, head_label: str) -> DataDiff:
    plans = []
    for plan_id in sorted(set(base.plans) | set(head.plans)):
        change = _plan_change(
            base.plans.get(plan_id),
            head.plans.get(plan_id),
            base.evaluations.get(plan_id, {}),
            head.evaluations.get(plan_id, {}),
        )
        if change is not None:
            plans.append(change)
    before, after = _problem_keys(base.problems), _problem_keys(head.problems)
    introduced = tuple(problem for key, problem in after.items() if key not in before)
    fixed = tuple(problem for key, problem in before.items() if key not in after)
    errors = sum(1 for problem in head.problems if problem.severity is Severity.ERROR)
    diff = DataDiff(base_label, head_label, tuple(plans), introduced, fixed, errors)
    return DataDiff(**{**diff.__dict__, "counts": _counts(diff)})


def _problem_keys(problems: Iterable[Problem]) -> dict[tuple[str, str, str, Severity], Problem]:
    # Without line and column: a problem that only moved down the file is the same problem.
    return {(p.file, p.message, p.yaml_path, p.severity): p for p in problems}


def _plan_change(
    before: Plan | None,
    after: Plan | None,
    years_before: dict[int, YearEvaluation],
    years_after: dict[int, YearEvaluation],
) -> PlanChange | None:
    if before is None or after is None:
        plan = after or before
        assert plan is not None
        return PlanChange(plan.id, Kind.ADDED if before is None else Kind.REMOVED, plain(plan.spec.title))
    fields = [
        change
        for name in _PLAN_FIELDS
        for change in differ(name, getattr(before.spec, name), getattr(after.spec, name))
    ]
    fields += _structure_changes(before, after)
    projects = [
        project_change
        for old, new in project_pairs(before, after)
        if (project_change := _project_change(old, new, years_before, years_after)) is not None
    ]
    change = PlanChange(
        after.id,
        Kind.CHANGED,
        plain(after.spec.title),
        tuple(fields),
        tuple(projects),
        _distributions(years_before, years_after),
        _discrepancies(before, after, years_before, years_after),
        tuple(sorted(set(years_after) - set(years_before))),
        tuple(sorted(set(years_before) - set(years_after))),
        {strategy.id: plain(strategy.title) for strategy in (*before.strategies, *after.strategies)},
    )
    empty = not (change.fields or change.projects or change.distributions or change.discrepancies)
    return None if empty and not (change.years_added or change.years_removed) else change


def _structure_changes(before: Plan, after: Plan) -> list[FieldChange]:
    """Strategies and tasks added, removed or renamed: `subject` is the id, the value the title (None: absent)."""
    changes: list[FieldChange] = []
    for name, old_nodes, new_nodes in (
        ("strategy", before.strategies, after.strategies),
        ("task", before.tasks, after.tasks),
    ):
        old = {node.id: node.title for node in old_nodes}
        new = {node.id: node.title for node in new_nodes}
        for node_id in sorted(set(old) | set(new), key=_id_key):
            changes += differ(name, old.get(node_id), new.get(node_id), subject=node_id)
    return changes


def _id_key(node_id: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in node_id.split("-"))


def project_pairs(before: Plan, after: Plan) -> list[tuple[ProjectFile | None, ProjectFile | None]]:
    """Projects by id; one removed and one added with the same Korean title are one project, moved."""
    old = {project.id: project for project in before.projects}
    new = {project.id: project for project in after.projects}
    removed = [old[i] for i in old if i not in new]
    added = [new[i] for i in new if i not in old]
    pairs: list[tuple[ProjectFile | None, ProjectFile | None]] = [(old[i], new[i]) for i in old if i in new]
    for project in added:
        same = next((gone for gone in removed if gone.title.ko == project.title.ko), None)
        if same is not None:
            removed.remove(same)
        pairs.append((same, project))
    pairs += [(gone, None) for gone in removed]
    return sorted(pairs, key=lambda pair: _id_key((pair[1] or pair[0]).id))  # type: ignore[union-attr]


def _project_change(
    before: ProjectFile | None,
    after: ProjectFile | None,
    years_before: dict[int, YearEvaluation],
    years_after: dict[int, YearEvaluation],
) -> ProjectChange | None:
    project = after or before
    assert project is not None
    strategy = task_of(project.id).split("-")[0]
    if before is None or after is None:
        kind = Kind.ADDED if before is None else Kind.REMOVED
        return ProjectChange(project.id, strategy, kind, plain(project.title))
    fields = [
        change for name in _PROJECT_FIELDS for change in differ(name, getattr(before, name), getattr(after, name))
    ]
    fields += _budget_changes(before, after)
    indicators = [
        change
        for old, new in _indicator_pairs(before, after)
        if (change := _indicator_change(before, after, old, new, years_before, years_after)) is not None
    ]
    execution = budget_execution_changes(before.id, after.id, years_before, years_after)
    moved = before.id if before.id != after.id else None
    if not (fields or indicators or execution or moved):
        return None
    kind = Kind.MOVED if moved else Kind.CHANGED
    return ProjectChange(
        after.id, strategy, kind, plain(after.title), moved, tuple(fields), execution, tuple(indicators)
    )


def _budget_changes(before: ProjectFile, after: ProjectFile) -> list[FieldChange]:
    def years(project: ProjectFile) -> dict[int, Any]:
        return dict(project.budget.years or {}) if project.budget is not None else {}

    old_kind, new_kind = _budget_kind(before), _budget_kind(after)
    changes = differ("budget_kind", old_kind, new_kind)
    old, new = years(before), years(after)
    for year in sorted(set(old) | set(new)):
        changes += differ("budget", old.get(year), new.get(year), year=year)
    old_total = before.budget.total if before.budget is not None else None
    new_total = after.budget.total if after.budget is not None else None
    return changes + differ("budget_total", old_total, new_total)


def _budget_kind(project: ProjectFile) -> str:
    if project.budget is None:
        return "none"
    return "non_budget" if project.budget.is_non_budget else "budget"


def _number_in(project: ProjectFile, indicator: IndicatorSpec) -> str:
    """`1-1-1-2` in project `1-1-1` is its indicator `2`: what stays when the project moves."""
    return indicator.id.removeprefix(project.id + "-")


def _indicator_pairs(
    before: ProjectFile, after: ProjectFile
) -> list[tuple[IndicatorSpec | None, IndicatorSpec | None]]:
    old = {_number_in(before, indicator): indicator for indicator in before.indicators}
    new = {_number_in(after, indicator): indicator for indicator in after.indicators}
    order = [number for number in new] + [number for number in old if number not in new]
    return [(old.get(number), new.get(number)) for number in order]


def _indicator_change(
    project_before: ProjectFile,
    project_after: ProjectFile,
    before: IndicatorSpec | None,
    after: IndicatorSpec | None,
    years_before: dict[int, YearEvaluation],
    years_after: dict[int, YearEvaluation],
) -> IndicatorChange | None:
    indicator = after or before
    assert indicator is not None
    if before is None or after is None:
        kind = Kind.ADDED if before is None else Kind.REMOVED
        return IndicatorChange(indicator.id, kind, plain(indicator.name), unit=plain(indicator.unit))
    fields = [
        change for name in _INDICATOR_FIELDS for change in differ(name, getattr(before, name), getattr(after, name))
    ]
    for year in sorted(set(before.targets) | set(after.targets)):
        fields += differ("target", before.targets.get(year), after.targets.get(year), year=year)
    fields += differ("total", before.total, after.total)
    results = result_changes(
        _outcomes(years_before, project_before.id, before.id), _outcomes(years_after, project_after.id, after.id)
    )
    if not (fields or results):
        return None
    return IndicatorChange(after.id, Kind.CHANGED, plain(after.name), tuple(fields), results, plain(after.unit))


def _outcomes(years: dict[int, YearEvaluation], project_id: str, indicator_id: str) -> dict[int, IndicatorOutcome]:
    found = {}
    for year, evaluation in years.items():
        outcome = next(
            (o for o in evaluation.outcomes if o.project.id == project_id and o.indicator.id == indicator_id), None
        )
        if outcome is not None:
            found[year] = outcome
    return found


def _distributions(
    years_before: dict[int, YearEvaluation], years_after: dict[int, YearEvaluation]
) -> tuple[DistributionChange, ...]:
    changes = []
    for year in sorted(set(years_before) | set(years_after)):
        old, new = _rows(years_before.get(year)), _rows(years_after.get(year))
        computed_old, computed_new = computed_rows(years_before.get(year)), computed_rows(years_after.get(year))
        if old != new or computed_old != computed_new:
            changes.append(DistributionChange(year, old, new, computed_old, computed_new))
    return tuple(changes)


def _rows(evaluation: YearEvaluation | None) -> tuple[tuple[str, int], ...]:
    if evaluation is None:
        return ()
    return tuple((row.category, row.count) for row in evaluation.distribution.rows)


def _discrepancies(
    before: Plan, after: Plan, years_before: dict[int, YearEvaluation], years_after: dict[int, YearEvaluation]
) -> tuple[DiscrepancyChange, ...]:
    old, new = _recorded(before, years_before), _recorded(after, years_after)
    added = [DiscrepancyChange(Kind.ADDED, *key) for key in new if key not in old]
    removed = [DiscrepancyChange(Kind.REMOVED, *key) for key in old if key not in new]
    return tuple(added + removed)


def _recorded(plan: Plan, years: dict[int, YearEvaluation]) -> list[tuple[str, str, Plain]]:
    found: list[tuple[str, str, Plain]] = [(plan.id, d.field, plain(d.note)) for d in plan.spec.discrepancies]
    for project in plan.projects:
        found += [(project.id, d.field, plain(d.note)) for d in project.discrepancies]
    for year, evaluation in sorted(years.items()):
        for project_id, results in sorted(evaluation.results.projects.items()):
            found += [(f"{year} {project_id}", d.field, plain(d.note)) for d in results.discrepancies]
    return found


def _counts(diff: DataDiff) -> dict[str, int]:
    projects = [project for plan in diff.plans for project in plan.projects]
    indicators = [indicator for project in projects for indicator in project.indicators]
    results: Sequence[ResultChange] = [result for indicator in indicators for result in indicator.results]
    return {
        "plans": len(diff.plans),
        "projects": len(projects),
        "indicators": len(indicators),
        "targets": sum(1 for i in indicators for f in i.fields if f.field == "target"),
        "results": len(results),
        "regraded": sum(1 for r in results if r.grade[0] != r.grade[1] or r.final[0] != r.final[1]),
        "introduced": len(diff.introduced),
        "fixed": len(diff.fixed),
    }

"""The results side of the semantic diff: each indicator's check per year, and each project's budget execution."""

from __future__ import annotations

from generator.data.grades import PENDING
from generator.evaluation.grading import distribution
from generator.evaluation.year import IndicatorOutcome, YearEvaluation
from generator.review.changes import FieldChange, ResultChange, differ

_RESULT_FIELDS = ("status", "actual", "reason", "narrative", "published", "assessed")
_EXECUTION_FIELDS = ("budget", "committed", "spent")


def result_changes(before: dict[int, IndicatorOutcome], after: dict[int, IndicatorOutcome]) -> tuple[ResultChange, ...]:
    """Per results year, what changed in an indicator's result, and its rate and grade before → after.

    A year is listed when a result field changed or the grade or rate moved, which a changed target does too."""
    changes = []
    for year in sorted(set(before) | set(after)):
        old, new = before.get(year), after.get(year)
        fields: list[FieldChange] = []
        for name in _RESULT_FIELDS:
            fields += differ(name, _field(old, name), _field(new, name), year=year)
        change = ResultChange(
            year, tuple(fields), (_rate(old), _rate(new)), (_grade(old), _grade(new)), (_final(old), _final(new))
        )
        if fields or change.regraded:
            changes.append(change)
    return tuple(changes)


def _field(outcome: IndicatorOutcome | None, name: str) -> object:
    if outcome is None or outcome.result is None:
        return None
    return getattr(outcome.result, name)


def _rate(outcome: IndicatorOutcome | None) -> int | None:
    return None if outcome is None else outcome.rate.shown


def _grade(outcome: IndicatorOutcome | None) -> str | None:
    return None if outcome is None or outcome.result is None else computed_category(outcome)


def _final(outcome: IndicatorOutcome | None) -> str | None:
    return None if outcome is None or outcome.result is None else outcome.category


def computed_category(outcome: IndicatorOutcome) -> str:
    """The category the figures alone give: the computed grade, or excluded / not evaluated / pending."""
    if outcome.status in ("excluded", "not_evaluated"):
        return outcome.category
    return outcome.computed_grade or PENDING


def budget_execution_changes(
    before_id: str, after_id: str, years_before: dict[int, YearEvaluation], years_after: dict[int, YearEvaluation]
) -> tuple[FieldChange, ...]:
    """Each changed figure of a project's budget execution (예산현액, 원인행위, 지출) and its rates, per year."""
    changes: list[FieldChange] = []
    for year in sorted(set(years_before) | set(years_after)):
        old = _execution(years_before.get(year), before_id)
        new = _execution(years_after.get(year), after_id)
        for name in _EXECUTION_FIELDS:
            # "execution_budget": the year's 예산현액, not the plan's budget figure of the project.
            field = "execution_budget" if name == "budget" else name
            changes += differ(field, old.get(name), new.get(name), year=year)
        if changes and changes[-1].year == year:
            changes += differ("spent_rate", old.get("spent_rate"), new.get("spent_rate"), year=year)
    return tuple(changes)


def _execution(evaluation: YearEvaluation | None, project_id: str) -> dict[str, object]:
    if evaluation is None:
        return {}
    line = next((line for line in evaluation.budget_lines if line.project.id == project_id), None)
    if line is None:
        return {}
    rate = line.execution.spent_rate
    return {
        "budget": line.budget,
        "committed": line.committed,
        "spent": line.spent,
        "spent_rate": None if rate is None else float(rate),
    }


def computed_rows(evaluation: YearEvaluation | None) -> tuple[tuple[str, int], ...]:
    """The distribution of the grades the figures give, as (category, count) rows."""
    if evaluation is None:
        return ()
    counted = distribution((computed_category(o) for o in evaluation.outcomes), evaluation.scale)
    return tuple((row.category, row.count) for row in counted.rows)

"""One year's check of a plan: every indicator's rate and grade, the audit findings, the distributions.

Pure: it takes the validated plan and results and returns values; nothing here reads files or prints.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from generator.data.grades import DEFAULT_SCALE, EXCLUDED, NOT_EVALUATED, PENDING, Band, scale_of
from generator.data.model import Plan, number_of, primary_measure, task_of
from generator.data.results import YearResults
from generator.data.schema import (
    Assessment,
    BudgetExecution,
    IndicatorResult,
    IndicatorSpec,
    LocalizedText,
    ProjectFile,
    Published,
    ResultStatus,
    Target,
)
from generator.evaluation.budget import BudgetLine, ExecutionFinding, execution_findings
from generator.evaluation.grading import (
    Distribution,
    Rate,
    RateStatus,
    achievement_rate,
    distribution,
    grade_for,
    round_half_up,
)
from generator.numbers import percent

# Where an indicator's final grade comes from: the figures, the published report, or a qualitative judgement.
GradeBasis = Literal["computed", "published", "assessed"]


class FindingKind(enum.Enum):
    RATE_DIFFERS = "rate_differs"  # a published rate that is not what the figures give
    GRADE_DIFFERS = "grade_differs"  # a final grade that is not the grade of the computed rate
    UNVERIFIABLE = "unverifiable"  # a grade given where no rate can be computed from the figures
    ASSESSED = "assessed"  # a rate or grade set by judgement (정성평가)


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    project_id: str
    indicator_id: str
    computed: str | None  # the computed rate ("100%") or grade, as shown
    stated: str | None  # the published or assessed rate or grade, as shown
    basis: GradeBasis  # "published" or "assessed"
    rationale: LocalizedText | None = None
    rate_status: RateStatus | None = None


@dataclass(frozen=True)
class IndicatorOutcome:
    project: ProjectFile
    indicator: IndicatorSpec
    year: int
    status: ResultStatus | None  # None: no result filed for the year
    target: Target
    actual: Target
    measure: str | None  # the compound measure the rate is computed from
    rate: Rate
    computed_grade: str | None
    final_rate: int | None
    final_grade: str | None
    basis: GradeBasis | None  # None: no final grade
    result: IndicatorResult | None
    findings: tuple[Finding, ...]

    @property
    def category(self) -> str:
        if self.status == "excluded":
            return EXCLUDED
        if self.status == "not_evaluated":
            return NOT_EVALUATED
        return self.final_grade or PENDING


@dataclass(frozen=True)
class YearEvaluation:
    plan: Plan
    year: int
    results: YearResults
    scale: tuple[Band, ...]
    outcomes: tuple[IndicatorOutcome, ...]
    budget_lines: tuple[BudgetLine, ...] = field(default=())

    @property
    def distribution(self) -> Distribution:
        return distribution((o.category for o in self.outcomes), self.scale)

    def distribution_by_strategy(self) -> dict[str, Distribution]:
        return {
            strategy.id: distribution(
                (o.category for o in self.outcomes if task_of(o.project.id).split("-")[0] == strategy.id), self.scale
            )
            for strategy in self.plan.strategies
        }

    @property
    def findings(self) -> list[Finding]:
        return [finding for outcome in self.outcomes for finding in outcome.findings]

    @property
    def execution_findings(self) -> tuple[ExecutionFinding, ...]:
        """Printed execution rates, of the lines and of the year's total, that the figures do not give."""
        return execution_findings(self.budget_lines, self.results.check.published_execution)


def evaluate_year(plan: Plan, results: YearResults) -> YearEvaluation:
    scale = scale_of(plan.spec)
    outcomes = tuple(
        evaluate_indicator(project, indicator, results.year, results.result_for(project.id, indicator.id), scale)
        for project, indicator in plan.indicators()
    )
    budget_lines = tuple(
        BudgetLine(project, execution.budget, execution.committed, execution.spent, execution.published)
        for project in plan.projects
        if (execution := _budget_of(results, project.id)) is not None
    )
    return YearEvaluation(plan, results.year, results, scale, outcomes, budget_lines)


def _budget_of(results: YearResults, project_id: str) -> BudgetExecution | None:
    project_results = results.projects.get(project_id)
    return None if project_results is None else project_results.budget


def evaluate_indicator(
    project: ProjectFile,
    indicator: IndicatorSpec,
    year: int,
    result: IndicatorResult | None,
    scale: Sequence[Band] = DEFAULT_SCALE,
) -> IndicatorOutcome:
    target = indicator.targets.get(year)
    actual = result.actual if result is not None else None
    status = result.status if result is not None else None
    measure = primary_measure(indicator)
    rate = _rate(indicator, target, actual, measure)
    computed_grade = grade_for(rate.shown, scale) if rate.shown is not None else None

    final_rate, final_grade = rate.shown, computed_grade
    basis: GradeBasis | None = "computed"
    findings: list[Finding] = []
    if status in ("excluded", "not_evaluated"):
        final_rate, final_grade, basis = None, None, None
    elif result is not None:
        published, assessed = result.published, result.assessed
        if assessed is not None:
            final_rate, final_grade, basis = _stated(assessed, final_rate), None, "assessed"
            final_grade = assessed.grade or (grade_for(final_rate, scale) if final_rate is not None else None)
        if published is not None and (published.grade is not None or published.rate is not None):
            published_rate = round_half_up(published.rate) if published.rate is not None else None
            final_rate = published_rate if published_rate is not None else final_rate
            final_grade = published.grade or final_grade
            basis = "published"
        findings = _findings(project, indicator, rate, computed_grade, final_grade, basis, result)
    if final_grade is None and basis == "computed":
        basis = None
    return IndicatorOutcome(
        project,
        indicator,
        year,
        status,
        target,
        actual,
        measure,
        rate,
        computed_grade,
        final_rate,
        final_grade,
        basis,
        result,
        tuple(findings),
    )


def _rate(indicator: IndicatorSpec, target: Target, actual: Target, measure: str | None) -> Rate:
    if indicator.qualitative:
        return Rate(RateStatus.QUALITATIVE)
    return achievement_rate(number_of(target, measure), number_of(actual, measure), indicator.direction)


def _stated(assessed: Assessment, computed: int | None) -> int | None:
    return round_half_up(assessed.rate) if assessed.rate is not None else computed


def _findings(
    project: ProjectFile,
    indicator: IndicatorSpec,
    rate: Rate,
    computed_grade: str | None,
    final_grade: str | None,
    basis: GradeBasis | None,
    result: IndicatorResult,
) -> list[Finding]:
    found: list[Finding] = []
    assessed: Assessment | None = result.assessed
    published: Published | None = result.published
    rationale = assessed.rationale if assessed is not None else None

    def add(kind: FindingKind, computed: str | None, stated: str | None, stated_basis: GradeBasis) -> None:
        found.append(Finding(kind, project.id, indicator.id, computed, stated, stated_basis, rationale, rate.status))

    if assessed is not None:
        add(FindingKind.ASSESSED, _pct(rate.shown), _pct(_stated(assessed, None)) or assessed.grade, "assessed")
    published_rate = round_half_up(published.rate) if published is not None and published.rate is not None else None
    if published_rate is not None and rate.shown is not None and published_rate != rate.shown:
        add(FindingKind.RATE_DIFFERS, _pct(rate.shown), _pct(published_rate), "published")
    # A qualitative target has no figures to recompute: judgement is its only grade, and the ASSESSED finding
    # (with its rationale) already says so; "cannot be recomputed" would list the same grade twice.
    judged_only = basis == "assessed" and rate.status is RateStatus.QUALITATIVE
    if final_grade is not None and basis is not None and basis != "computed" and not judged_only:
        if computed_grade is None:
            add(FindingKind.UNVERIFIABLE, None, final_grade, basis)
        elif final_grade != computed_grade:
            add(FindingKind.GRADE_DIFFERS, computed_grade, final_grade, basis)
    return found


def _pct(value: int | None) -> str | None:
    return None if value is None else percent(value)

"""Final grades, audit findings and distributions from results (synthetic data)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.data.grades import EXCLUDED, NOT_EVALUATED
from generator.data.schema import IndicatorResult, IndicatorSpec, ProjectFile
from generator.data.validate import validate_path
from generator.evaluation.grading import RateStatus
from generator.evaluation.year import FindingKind, evaluate_indicator, evaluate_year

PROJECT = ProjectFile.model_validate({"id": "1-1-1", "title": "사업", "indicators": []})


def indicator(**fields) -> IndicatorSpec:
    base = {"id": "1-1-1-1", "name": "지표", "unit": "건", "kind": "flow", "targets": {2024: 8}}
    return IndicatorSpec.model_validate(base | fields)


def result(**fields) -> IndicatorResult:
    return IndicatorResult.model_validate({"indicator": "1-1-1-1"} | fields)


def test_computed_grade_when_nothing_overrides_it() -> None:
    outcome = evaluate_indicator(PROJECT, indicator(), 2024, result(actual=5))
    assert (outcome.rate.shown, outcome.computed_grade, outcome.final_grade, outcome.basis) == (
        63,
        "E",
        "E",
        "computed",
    )
    assert outcome.findings == ()


def test_published_grade_wins_and_the_difference_is_a_finding() -> None:
    outcome = evaluate_indicator(PROJECT, indicator(), 2024, result(actual=5, published={"rate": 63, "grade": "C"}))
    assert (outcome.final_rate, outcome.final_grade, outcome.basis) == (63, "C", "published")
    [finding] = outcome.findings
    assert (finding.kind, finding.computed, finding.stated) == (FindingKind.GRADE_DIFFERS, "E", "C")


def test_published_rate_that_differs_is_a_finding() -> None:
    outcome = evaluate_indicator(
        PROJECT, indicator(targets={2024: 2000}), 2024, result(actual=2000, published={"rate": 95, "grade": "A"})
    )
    [finding] = outcome.findings
    assert (finding.kind, finding.computed, finding.stated) == (FindingKind.RATE_DIFFERS, "100%", "95%")


def test_compound_target_uses_the_primary_measure() -> None:
    spec = indicator(
        unit=None,
        measures=[{"id": "people", "unit": "명", "primary": True}, {"id": "sessions", "unit": "회"}],
        targets={2024: {"people": 50, "sessions": 1}},
    )
    outcome = evaluate_indicator(PROJECT, spec, 2024, result(actual={"people": 54, "sessions": 1}))
    assert (outcome.measure, outcome.rate.shown, outcome.final_grade) == ("people", 108, "A+")


def test_qualitative_target_takes_the_assessed_grade_with_its_rationale() -> None:
    spec = indicator(unit=None, kind=None, qualitative=True, targets={2024: "운용 및 정착"})
    assessed = {"grade": "A", "rationale": {"ko": "제도가 운용되고 정착됨", "en": "In operation and established"}}
    outcome = evaluate_indicator(PROJECT, spec, 2024, result(actual="운용 및 정착", assessed=assessed))
    assert outcome.rate.status is RateStatus.QUALITATIVE
    assert (outcome.final_grade, outcome.basis) == ("A", "assessed")
    # Listed once (issue 24): judgement is the only way to grade it, so "cannot be recomputed" adds nothing.
    [finding] = outcome.findings
    assert finding.kind is FindingKind.ASSESSED and finding.stated == "A"
    assert finding.rationale is not None and finding.rationale.ko == "제도가 운용되고 정착됨"


def test_a_published_grade_of_a_qualitative_target_is_one_finding_that_it_cannot_be_recomputed() -> None:
    spec = indicator(unit=None, kind=None, qualitative=True, targets={2024: "운용 및 정착"})
    outcome = evaluate_indicator(PROJECT, spec, 2024, result(actual="운용 및 정착", published={"grade": "A"}))
    assert [(f.kind, f.basis) for f in outcome.findings] == [(FindingKind.UNVERIFIABLE, "published")]


def test_assessed_rate_is_graded_on_the_scale() -> None:
    assessed = {"rate": 99.5, "rationale": "현장 점검 결과"}
    outcome = evaluate_indicator(PROJECT, indicator(), 2024, result(actual=5, assessed=assessed))
    assert (outcome.final_rate, outcome.final_grade) == (100, "A")


def test_missing_actual_is_pending_not_zero() -> None:
    outcome = evaluate_indicator(PROJECT, indicator(), 2024, result(actual=None))
    assert outcome.rate.status is RateStatus.NO_ACTUAL
    assert outcome.final_grade is None and outcome.category == "pending"


def test_excluded_and_not_evaluated_have_no_grade() -> None:
    excluded = evaluate_indicator(PROJECT, indicator(), 2024, result(status="excluded", reason="미운영"))
    not_evaluated = evaluate_indicator(PROJECT, indicator(targets={2024: None}), 2024, result(status="not_evaluated"))
    assert (excluded.category, excluded.final_grade) == (EXCLUDED, None)
    assert (not_evaluated.category, not_evaluated.final_grade) == (NOT_EVALUATED, None)


@pytest.mark.usefixtures("demo_root")
def test_year_evaluation_of_the_demo_data() -> None:
    report = validate_path(Path("plans"))
    [plan] = report.plans
    evaluation = evaluate_year(plan, report.results["demo"][2024])
    assert [(o.indicator.id, o.category) for o in evaluation.outcomes] == [
        ("1-1-1-1", "A+"),
        ("1-1-2-1", NOT_EVALUATED),
        ("1-1-2-2", EXCLUDED),
    ]
    assert evaluation.distribution.count("A+") == 1
    [line] = evaluation.budget_lines
    assert (line.committed_rate, line.spent_rate) == (Decimal("90.0"), Decimal("80.0"))

"""The shipped data: the real plans validate clean under --strict, and their stated totals were checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.data.validate import validate_path

from .conftest import PLANS, REAL_PLAN, RESULTS

PLAN_2024 = "seoul-citizen-participation-2024"


@pytest.fixture(scope="module")
def report():
    return validate_path(PLANS, RESULTS)


def test_real_data_is_clean_under_strict(report) -> None:
    assert [p.format() for p in report.problems if p.severity.value != "notice"] == []


def test_every_unit_project_carries_the_number_its_plan_gives_it(report) -> None:
    """The site shows 1-1-① beside 1-1-②, never a bare id, where a plan numbers its projects (issue 9)."""
    unnumbered = {(plan.id, p.id) for plan in report.plans for p in plan.projects if p.label is None}
    assert unnumbered == {("seoul-citizen-participation-2019", "3-4-2")}  # recorded: the report gives it no number
    [plan] = [plan for plan in report.plans if plan.id == PLAN_2024]
    labels = {project.id: project.label for project in plan.projects}
    assert (labels["1-1-1"], labels["2-4-1"], labels["1-1-2"]) == ("1-1-①", "2-4-①", "1-1-②")


def test_third_plan_has_its_full_structure(report) -> None:
    [plan] = [plan for plan in report.plans if plan.id == PLAN_2024]
    assert len(plan.strategies) == 4
    assert len(plan.tasks) == 13
    assert len(plan.projects) == 41
    indicators = list(plan.indicators())
    # 38 unit projects set a target; 2-1-1 주민투표, 2-1-2 주민소환, 2-1-4 주민소송 have no yearly table.
    assert len(indicators) == 38
    assert [p.id for p in plan.projects if not p.indicators] == ["2-1-1", "2-1-2", "2-1-4"]


def test_stated_total_of_1_1_1_is_the_sum_of_its_yearly_targets(report) -> None:
    [plan] = [plan for plan in report.plans if plan.id == PLAN_2024]
    [indicator] = next(p for p in plan.projects if p.id == "1-1-1").indicators
    assert indicator.targets == {2024: 32000, 2025: 33500, 2026: 35000, 2027: 36500}
    assert indicator.total == 137000 == sum(indicator.targets.values())
    assert indicator.unit.ko == "천건"


def test_a_changed_yearly_target_of_1_1_1_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / PLAN_2024
    shutil.copytree(REAL_PLAN, copy)
    project = copy / "projects" / "1-1-1.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("2025: 33500", "2025: 33000"), encoding="utf-8")
    errors = [p.format() for p in validate_path(copy, tmp_path / "results").errors]
    assert len(errors) == 1
    assert (
        "stated total 137,000 of a stock indicator is neither the last target 36,500 nor the sum 136,500" in errors[0]
    )


def test_every_stated_total_of_the_third_plan_is_the_sum_or_a_recorded_discrepancy(report) -> None:
    [plan] = [plan for plan in report.plans if plan.id == PLAN_2024]
    sums, differing = 0, []
    for project in plan.projects:
        recorded = {(d.indicator, d.field) for d in project.discrepancies}
        budget = project.budget
        if budget is not None and budget.years is not None and budget.total is not None:
            if sum(v for v in budget.years.values() if v) == budget.total:
                sums += 1
            else:
                assert (None, "budget") in recorded, project.id
                differing.append(project.id)
        for indicator in project.indicators:
            if isinstance(indicator.total, int | float):
                if sum(v for v in indicator.targets.values() if v) == indicator.total:
                    sums += 1
                else:
                    assert (indicator.id, "total") in recorded, indicator.id
                    differing.append(indicator.id)
    # 3-1-5: budget 96 stated, 17 + 20 + 20 + 20 = 77; 3-1-6: total 26 stated, 6 + 8 + 10 + 12 = 36.
    assert differing == ["3-1-5", "3-1-6-1"]
    assert sums == 67  # of the 69 stated totals: 33 budgets and 36 indicator totals, all but the two above
    report_notices = [p.format() for p in report.notices]
    # The two totals above, and 3-4-2 of the 2nd plan, which the check report prints without a number of its own.
    assert len(report_notices) == 3


def test_second_plan_has_the_structure_the_2021_report_shows(report) -> None:
    [plan] = [plan for plan in report.plans if plan.id == "seoul-citizen-participation-2019"]
    assert (len(plan.strategies), len(plan.tasks), len(plan.projects)) == (4, 13, 40)
    assert len(list(plan.indicators())) == 45

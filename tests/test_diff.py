"""`plansite diff`: what a change means, on a temporary git repository of synthetic data made by each test."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.review.changes import Kind
from generator.review.sides import diff_data

PROJECT = Path("plans/demo/projects/1-1-1.yaml")
PROJECT_TWO = Path("plans/demo/projects/1-1-2.yaml")
RESULT = Path("results/demo/2024/projects/1-1-1.yaml")


def git(*arguments: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(demo_root: Path) -> Path:
    """The demo data committed on main, and a branch `change` checked out for the edits under review."""
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "data")
    git("checkout", "-q", "-b", "change")
    return demo_root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def diff(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *arguments])
    return result.exit_code, result.output


def fields_of(changes, name: str):  # type: ignore[no-untyped-def]
    return [(f.field, f.year, f.before, f.after) for f in changes if f.field == name]


@pytest.mark.usefixtures("repo")
def test_a_target_and_an_actual_are_named_with_the_rate_grade_and_distribution_they_move() -> None:
    edit(PROJECT, "targets: {2024: 5, 2025: 7}\n    total: 12", "targets: {2024: 8, 2025: 7}\n    total: 15")
    edit(RESULT, "actual: 6", "actual: 4")
    code, output = diff("--format", "markdown", "--lang", "en")
    assert code == 0, output
    assert "| 1-1-1-1 Indicator one: 2024 target | 5 | 8 |" in output
    assert "| 1-1-1-1 Indicator one: Stated total | 12 | 15 |" in output
    assert "| 1-1-1-1 Indicator one: 2024 actual | 6 | 4 |" in output
    assert "| 1-1-1-1 Indicator one: 2024 rate | 120% | 50% |" in output
    assert "| 1-1-1-1 Indicator one: 2024 grade | A+ | E |" in output
    assert "#### 2024 grade distribution" in output and "| A+ | 1 | 0 |" in output and "| E | 0 | 1 |" in output
    # The summary comes first, the details in a collapsible section.
    assert output.index("**Summary:**") < output.index("<details")


@pytest.mark.usefixtures("repo")
def test_every_kind_of_plan_change_is_reported_old_to_new() -> None:
    edit(PROJECT, "title: {ko: 사업 하나, en: Project one}", "title: {ko: 사업 일, en: Project one}")
    edit(PROJECT, "- {ko: 시험과, en: Test Division}", "- {ko: 검사과, en: Inspection Division}")
    edit(PROJECT, "years: {2024: 10, 2025: 20}\n  total: 30", "years: {2024: 10, 2025: 25}\n  total: 35")
    edit(PROJECT, "unit: {ko: 건, en: cases}", "unit: {ko: 회, en: times}")
    edit(
        PROJECT,
        "    total: 12\n",
        "    total: 12\n  - id: 1-1-1-2\n    name: {ko: 새 지표, en: New indicator}\n"
        "    unit: {ko: 명, en: people}\n    kind: flow\n    targets: {2024: 1, 2025: 1}\n    total: 2\n",
    )
    changes = diff_data(Path.cwd(), "main")
    (plan,) = changes.plans
    (project,) = plan.projects
    assert project.project_id == "1-1-1" and project.kind is Kind.CHANGED
    assert fields_of(project.fields, "title") == [
        ("title", None, {"ko": "사업 하나", "en": "Project one"}, {"ko": "사업 일", "en": "Project one"})
    ]
    assert fields_of(project.fields, "departments")[0][2:] == (
        [{"ko": "시험과", "en": "Test Division"}],
        [{"ko": "검사과", "en": "Inspection Division"}],
    )
    assert fields_of(project.fields, "budget") == [("budget", 2025, 20, 25)]
    assert fields_of(project.fields, "budget_total") == [("budget_total", None, 30, 35)]
    changed, added = project.indicators
    assert changed.indicator_id == "1-1-1-1" and fields_of(changed.fields, "unit")[0][2]["ko"] == "건"
    assert added.indicator_id == "1-1-1-2" and added.kind is Kind.ADDED


@pytest.mark.usefixtures("repo")
def test_projects_added_removed_and_moved_to_another_task() -> None:
    plan = Path("plans/demo/plan.yaml")
    edit(
        plan,
        "        title: {ko: 과제 하나, en: Task one}\n",
        "        title: {ko: 과제 하나, en: Task one}\n      - id: 1-2\n        title: {ko: 과제 둘, en: Task two}\n",
    )
    # 1-1-2 moves to the new task 1-2 as 1-2-1: same title, new id (its results move with it).
    moved = PROJECT_TWO.read_text(encoding="utf-8").replace("1-1-2", "1-2-1")
    Path("plans/demo/projects/1-2-1.yaml").write_text(moved, encoding="utf-8")
    PROJECT_TWO.unlink()
    result_two = Path("results/demo/2024/projects/1-1-2.yaml")
    Path("results/demo/2024/projects/1-2-1.yaml").write_text(
        result_two.read_text(encoding="utf-8").replace("1-1-2", "1-2-1"), encoding="utf-8"
    )
    result_two.unlink()
    changes = diff_data(Path.cwd(), "main")
    (plan_change,) = changes.plans
    assert [(f.field, f.subject, f.before, f.after) for f in plan_change.fields] == [
        ("task", "1-2", None, {"ko": "과제 둘", "en": "Task two"})
    ]
    (project,) = plan_change.projects
    assert (project.project_id, project.kind, project.moved_from) == ("1-2-1", Kind.MOVED, "1-1-2")
    assert project.indicators == ()  # its indicators and results are as they were
    code, output = diff("--lang", "en")
    assert code == 0 and "1-2-1 Project two (moved: 1-1-2 → 1-2-1)" in output

    Path("plans/demo/projects/1-2-1.yaml").unlink()
    Path("results/demo/2024/projects/1-2-1.yaml").unlink()
    (project,) = diff_data(Path.cwd(), "main").plans[0].projects
    assert (project.project_id, project.kind) == ("1-1-2", Kind.REMOVED)


@pytest.mark.usefixtures("repo")
def test_results_status_reason_and_budget_execution_are_reported() -> None:
    edit(
        RESULT,
        "status: evaluated\n    actual: 6",
        "status: excluded\n    actual: 6\n    reason: {ko: 중단, en: Stopped}",
    )
    edit(RESULT, "budget: {budget: 10, committed: 9, spent: 8}", "budget: {budget: 10, committed: 9, spent: 5}")
    (project,) = diff_data(Path.cwd(), "main").plans[0].projects
    assert fields_of(project.budget_execution, "spent") == [("spent", 2024, 8, 5)]
    assert fields_of(project.budget_execution, "spent_rate") == [("spent_rate", 2024, 80.0, 50.0)]
    (indicator,) = project.indicators
    (result,) = indicator.results
    assert fields_of(result.fields, "status") == [("status", 2024, "evaluated", "excluded")]
    assert fields_of(result.fields, "reason") == [("reason", 2024, None, {"ko": "중단", "en": "Stopped"})]
    assert result.final == ("A+", "excluded")


@pytest.mark.usefixtures("repo")
def test_discrepancies_and_validation_problems_introduced_or_fixed() -> None:
    edit(
        PROJECT,
        "indicators:\n",
        "discrepancies:\n  - {field: title, sources: [plan], note: {ko: 원문 차이, en: The sources differ}}\n"
        "indicators:\n",
    )
    edit(PROJECT, "total: 12", "total: 13")  # no longer the sum of the targets: an error
    code, output = diff("--lang", "en")
    assert code == 1, output  # HEAD has an error
    assert "1-1-1: title: – → The sources differ" in output
    assert "Validation problems this change introduces" in output
    assert "plans/demo/projects/1-1-1.yaml:" in output and "stated total 13" in output
    git("commit", "-q", "-am", "broken")

    edit(PROJECT, "total: 13", "total: 12")
    changes = diff_data(Path.cwd(), "HEAD")
    assert next(problem.message for problem in changes.fixed).startswith("stated total 13")
    assert changes.head_errors == 0


@pytest.mark.usefixtures("repo")
def test_whitespace_comments_and_a_renamed_file_are_no_change_in_the_data() -> None:
    edit(PROJECT, "# Synthetic test project (not real data).", "# Synthetic test project (not real data). Edited.")
    edit(PROJECT, "indicators:", "\nindicators:")
    git("mv", str(PROJECT_TWO), "plans/demo/projects/1-1-2.yml.tmp")
    git("mv", "plans/demo/projects/1-1-2.yml.tmp", str(PROJECT_TWO))
    git("commit", "-q", "-am", "cosmetic")
    for arguments in (("main",), ("main", "HEAD")):
        code, output = diff(*arguments, "--lang", "en")
        assert code == 0
        assert "No change in the data" in output, output
    assert json.loads(diff("main", "--format", "json")[1])["unchanged"] is True


def test_two_folders_can_be_compared_without_git(tmp_path: Path, demo_root: Path) -> None:
    import shutil

    old = tmp_path / "old"
    old.mkdir()
    shutil.copytree(demo_root / "plans", old / "plans")
    shutil.copytree(demo_root / "results", old / "results")
    edit(PROJECT, "targets: {2024: 5, 2025: 7}\n    total: 12", "targets: {2024: 5, 2025: 9}\n    total: 14")
    code, output = diff(str(old), ".", "--lang", "en")
    assert code == 0, output
    assert "2025 target: 7 → 9" in output


@pytest.mark.usefixtures("demo_root")
def test_outside_git_and_unknown_revisions_are_usage_errors() -> None:
    code, output = diff("main")
    assert code == 2 and "is not inside a git repository" in output
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "data")
    code, output = diff("no-such-branch")
    assert code == 2 and "unknown revision 'no-such-branch'" in output
    assert "Traceback" not in output


@pytest.mark.usefixtures("repo")
def test_the_default_base_is_where_the_branch_left_main() -> None:
    edit(PROJECT, "targets: {2024: 5, 2025: 7}\n    total: 12", "targets: {2024: 5, 2025: 8}\n    total: 13")
    git("commit", "-q", "-am", "on the branch")
    code, output = diff("--lang", "en")
    assert code == 0 and "2025 target: 7 → 8" in output and output.splitlines()[0].endswith("→ working tree")


@pytest.mark.slow
def test_the_worked_example_in_the_docs_is_what_diff_prints_on_the_shipped_data() -> None:
    from .review_example import documented, example_markdown

    printed = example_markdown()
    # The acceptance of issue 12: both edits old → new, the rate and grade they move, the 2021 distribution.
    assert "| 1-1-1-1 Information Plaza (cumulative items disclosed): 2025 target | 33,500 | 34,000 |" in printed
    assert "| 1-2-1-1 Public briefings held: 2021 actual | 27 | 15 |" in printed
    assert "| 1-2-1-1 Public briefings held: 2021 rate | 135% | 75% |" in printed
    assert "2021 grade distribution" in printed
    assert printed == documented(), "docs/review.md is out of date: run python tests/golden/regenerate.py"

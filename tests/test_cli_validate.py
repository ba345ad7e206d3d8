from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_clean_plan_exits_0_with_a_summary_line(demo_plan: Path) -> None:
    result = run(str(demo_plan), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "1 plan, 1 strategy, 1 task, 2 projects, 3 indicators; en coverage 100%; 0 errors, 0 warnings, 0 notices ("
    )


def test_problems_exit_1_and_are_all_reported(demo_plan: Path) -> None:
    project = demo_plan / "projects" / "1-1-1.yaml"
    project.write_text(project.read_text().replace("total: 12", "total: 13").replace("total: 30", "total: 31"))
    result = run(str(demo_plan))
    assert result.exit_code == 1
    assert "plans/demo/projects/1-1-1.yaml:8:10: stated budget total 31" in result.output
    assert "plans/demo/projects/1-1-1.yaml:15:12: stated total 13" in result.output
    assert "2 errors" in result.output


def test_after_an_error_in_plan_yaml_the_counts_still_add_up(demo_plan: Path) -> None:
    """Issue 24: "0 plans … 2 projects" read as if the projects belonged to no plan. A plan folder is counted as
    read whenever it is checked; what plan.yaml holds (strategies, tasks) only when it could be read."""
    plan = demo_plan / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("period: {first: 2024, last: 2025}", "period: 2024"))
    result = run(str(demo_plan))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("1 plan, 0 strategies, 0 tasks, 2 projects, 3 indicators;")


def test_missing_english_is_a_warning_that_only_strict_fails(demo_plan: Path) -> None:
    project = demo_plan / "projects" / "1-1-1.yaml"
    project.write_text(project.read_text().replace("{ko: 사업 하나, en: Project one}", "사업 하나"))
    relaxed = run(str(demo_plan))
    strict = run(str(demo_plan), "--strict")
    assert relaxed.exit_code == 0
    assert strict.exit_code == 1
    assert "plans/demo/projects/1-1-1.yaml:3:8: warning: no English text (title) — add en: next to ko:" in strict.output
    assert "en coverage 95%: 1 field missing" in strict.output


def test_recorded_discrepancy_turns_a_total_error_into_a_notice(demo_plan: Path) -> None:
    project = demo_plan / "projects" / "1-1-1.yaml"
    project.write_text(
        project.read_text().replace("total: 12", "total: 13")
        + "discrepancies:\n  - field: total\n    indicator: 1-1-1-1\n    sources: [plan]\n"
        "    note: {ko: 원문 합계가 다름, en: The source's total differs}\n"
    )
    result = run(str(demo_plan), "--strict")
    assert result.exit_code == 0, result.output
    assert (
        "plans/demo/projects/1-1-1.yaml:15:12: notice: stated total 13 differs from the sum of the yearly targets 12 "
        "(recorded discrepancy) (indicators[0].total)" in result.output
    )


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere: no such folder — run plansite from your data repository's root" in result.output
    assert "Traceback" not in result.output


def test_folder_without_plans_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "no plan.yaml here or in the folders directly below" in result.output


def test_unknown_option_is_a_usage_error(demo_plan: Path) -> None:
    assert run(str(demo_plan), "--strikt").exit_code == 2


def _break_total(demo_plan: Path) -> None:
    project = demo_plan / "projects" / "1-1-1.yaml"
    project.write_text(project.read_text().replace("total: 12", "total: 13"))


def test_github_format_prints_workflow_commands_for_annotations(demo_plan: Path) -> None:
    _break_total(demo_plan)
    result = run("--format", "github")
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith("::error "))
    assert line.startswith(
        "::error file=plans/demo/projects/1-1-1.yaml,line=15,col=12,title=plansite%3A indicators[0].total::"
    )
    assert "stated total 13" in line
    # Warnings (missing English) are annotations of their own level; the summary line closes the output.
    assert result.output.splitlines()[-1].startswith("1 plan,")


def test_github_format_escapes_what_would_end_a_workflow_command() -> None:
    from generator.cli.problems import github_line
    from generator.errors import Problem

    line = github_line(Problem("plans/a,b:c.yaml", 3, 4, "100% wrong\nnext line", "x", "hint"))
    assert line == "::error file=plans/a%2Cb%3Ac.yaml,line=3,col=4,title=plansite%3A x::100%25 wrong%0Anext line — hint"


def test_json_format_lists_every_problem_with_its_position(demo_plan: Path) -> None:
    import json

    _break_total(demo_plan)
    result = run("--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["format_version"] == 1 and document["errors"] == 1
    (problem,) = [p for p in document["problems"] if p["severity"] == "error"]
    assert (problem["file"], problem["line"], problem["column"]) == ("plans/demo/projects/1-1-1.yaml", 15, 12)
    assert document["counts"]["indicators"] == 3


def test_files_check_the_plans_they_belong_to_and_their_problems_come_first(demo_root: Path) -> None:
    import shutil

    other = demo_root / "plans" / "other"
    shutil.copytree(demo_root / "plans" / "demo", other)
    plan = other / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: demo", "id: other"), encoding="utf-8")
    _break_total(other)  # in a plan no given file belongs to: not checked
    _break_total(demo_root / "plans" / "demo")
    two = demo_root / "plans" / "demo" / "projects" / "1-1-2.yaml"
    two.write_text(
        two.read_text(encoding="utf-8").replace("title: {ko: 사업 둘, en: Project two}", "title: {ko: 사업 둘}")
    )
    result = run("plans/demo/projects/1-1-2.yaml", "results/demo/2024/check.yaml")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("plans/demo/projects/1-1-2.yaml:3:") and "warning: no English text (title)" in lines[0]
    assert lines[1] == "elsewhere in the same plans:"
    assert lines[2].startswith("plans/demo/projects/1-1-1.yaml:15:12: stated total 13")
    assert "plans/other" not in result.output
    assert run("plans/demo", "plans/other").exit_code == 2  # one folder, or files


@pytest.mark.parametrize("written", ["2025~2028", "2025-2028", "2025–2028", '"2025 - 2028"', "[2025, 2028]"])
def test_a_period_written_as_a_range_gets_the_mapping_to_write(demo_plan: Path, written: str) -> None:
    plan = demo_plan / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("{first: 2024, last: 2025}", written))
    result = run(str(demo_plan))
    assert result.exit_code == 1
    assert "plans/demo/plan.yaml:4:9: expected a mapping of the first and last year, got " in result.output
    assert "(period) — write period: {first: 2025, last: 2028}\n" in result.output


def test_a_period_that_is_no_range_gets_the_form_to_write(demo_plan: Path) -> None:
    plan = demo_plan / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("{first: 2024, last: 2025}", "2024"))
    result = run(str(demo_plan))
    assert (
        "plan.yaml:4:9: expected a mapping of the first and last year, got number 2024 (period) — write "
        "period: {first: FIRST_YEAR, last: LAST_YEAR}, e.g. period: {first: 2025, last: 2028}\n" in result.output
    )

from __future__ import annotations

from pathlib import Path

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

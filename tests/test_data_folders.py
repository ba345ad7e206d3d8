"""Files that would be silently skipped are reported, and results get the same English check as plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data.validate import validate_path


def lines(root: Path) -> list[str]:
    return [problem.format() for problem in validate_path(root / "plans").problems]


def test_a_project_file_with_the_wrong_extension_is_reported(demo_root: Path) -> None:
    Path("plans/demo/projects/1-1-2.yaml").rename("plans/demo/projects/1-1-2.yml")
    assert (
        "plans/demo/projects/1-1-2.yml:1:1: unexpected file '1-1-2.yml' was not read — data files here end in .yaml"
        in lines(demo_root)
    )


def test_results_under_an_unknown_plan_id_are_reported(demo_root: Path) -> None:
    Path("results/demo").rename("results/dmeo")
    assert lines(demo_root) == [
        "results/dmeo:1:1: unexpected folder 'dmeo' was not read — results/ holds one folder per plan, "
        "named by the plan id: demo"
    ]


def test_a_year_folder_that_is_not_a_year_is_reported(demo_root: Path) -> None:
    Path("results/demo/2024").rename("results/demo/2024-draft")
    assert lines(demo_root) == [
        "results/demo/2024-draft:1:1: unexpected folder '2024-draft' was not read — a plan's results hold one "
        "folder per year, named by the year (e.g. 2024)"
    ]


def test_a_year_folder_without_check_file_is_reported_by_its_path(demo_root: Path) -> None:
    Path("results/demo/2024/check.yaml").unlink()
    assert lines(demo_root) == [
        "results/demo/2024:1:1: results folder has no check.yaml — plansite new-year PLAN YEAR writes a complete, "
        "empty year"
    ]


@pytest.mark.usefixtures("demo_root")
def test_results_text_without_english_is_a_warning_and_the_year_still_loads() -> None:
    results = Path("results/demo/2024/projects/1-1-2.yaml")
    results.write_text(results.read_text(encoding="utf-8").replace("{ko: 미운영, en: Not operated}", "미운영"))
    report = validate_path(Path("plans"))
    assert [p.format() for p in report.problems] == [
        "results/demo/2024/projects/1-1-2.yaml:9:13: warning: no English text (indicators[1].reason) — add en: next to ko:"
    ]
    assert 2024 in report.results["demo"]


@pytest.mark.usefixtures("demo_root")
def test_a_project_without_the_label_its_siblings_have_is_a_warning() -> None:
    project = Path("plans/demo/projects/1-1-1.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("id: 1-1-1\n", "id: 1-1-1\nlabel: 1-1-①\n"))
    report = validate_path(Path("plans"))
    assert [problem.format() for problem in report.warnings] == [
        "plans/demo/projects/1-1-2.yaml:2:5: warning: project 1-1-2 has no label, though other unit projects of "
        "this plan have one (e.g. 1-1-1: 1-1-①) (id) — add label: as the plan numbers the project, or record a "
        "discrepancy with field: numbering"
    ]

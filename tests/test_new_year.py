from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.data.validate import validate_path

from .conftest import PLANS


def new_year(root: Path, *args: str):
    return CliRunner().invoke(
        main, ["new-year", *args, "--plans", str(root / "plans"), "--results", str(root / "results")]
    )


def test_new_year_writes_a_complete_empty_year_that_validates(tmp_path: Path) -> None:
    shutil.copytree(PLANS, tmp_path / "plans")
    result = new_year(tmp_path, "seoul-citizen-participation-2024", "2025")
    assert result.exit_code == 0, result.output
    year = tmp_path / "results" / "seoul-citizen-participation-2024" / "2025"
    assert len(list((year / "projects").glob("*.yaml"))) == 41
    report = validate_path(tmp_path / "plans", tmp_path / "results")
    assert report.errors == [] and report.warnings == []
    results = report.results["seoul-citizen-participation-2024"][2025]
    filed = [r for project in results.projects.values() for r in project.indicators]
    assert len(filed) == 38
    assert all(r.actual is None for r in filed)
    # 2-4-1 has no target in 2025 ("-"), so it is listed as not evaluated.
    assert results.result_for("2-4-1", "2-4-1-1").status == "not_evaluated"


def test_new_year_never_overwrites(tmp_path: Path) -> None:
    shutil.copytree(PLANS, tmp_path / "plans")
    year = tmp_path / "results" / "seoul-citizen-participation-2024" / "2025"
    (year / "projects").mkdir(parents=True)
    edited = year / "projects" / "1-1-1.yaml"
    edited.write_text("# a department's work in progress\n", encoding="utf-8")
    result = new_year(tmp_path, "seoul-citizen-participation-2024", "2025")
    assert result.exit_code == 0, result.output
    assert edited.read_text(encoding="utf-8") == "# a department's work in progress\n"
    assert "41 file(s) written, 1 kept" in result.output
    again = new_year(tmp_path, "seoul-citizen-participation-2024", "2025")
    assert "0 file(s) written, 42 kept" in again.output


def test_new_year_outside_the_period_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copytree(PLANS, tmp_path / "plans")
    result = new_year(tmp_path, "seoul-citizen-participation-2024", "2030")
    assert result.exit_code == 2
    assert "2030 is outside the period" in result.output
    assert not (tmp_path / "results").exists()

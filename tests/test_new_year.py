from __future__ import annotations

import shutil
from pathlib import Path

import pytest
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


def demo_copy(tmp_path: Path) -> Path:
    from .conftest import FIXTURES

    shutil.copytree(FIXTURES / "minimal" / "demo", tmp_path / "plans" / "demo")
    shutil.copytree(FIXTURES / "minimal" / "results", tmp_path / "results")
    return tmp_path


def test_new_year_writes_names_and_titles_that_read_back_as_they_are(tmp_path: Path) -> None:
    """Issue 25: a multi-line indicator name and a title with a line break and # made files that did not parse."""
    from generator.data.yamlsource import load_document

    root = demo_copy(tmp_path)
    plan = root / "plans/demo/plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "title: {ko: 시험 계획, en: Test plan}", 'title: {ko: "시험 #1\\n계획: \\"둘\\"", en: "Test # plan\\nB"}'
        ),
        encoding="utf-8",
    )
    project = root / "plans/demo/projects/1-1-1.yaml"
    project.write_text(
        project.read_text(encoding="utf-8")
        .replace("name: {ko: 지표 하나, en: Indicator one}", 'name: {ko: "지표\\n하나 # 둘", en: "Indicator\\none"}')
        .replace("title: {ko: 사업 하나, en: Project one}", 'title: {ko: "사업\\n# 하나", en: Project one}'),
        encoding="utf-8",
    )
    assert validate_path(root / "plans", root / "results").errors == []
    result = new_year(root, "demo", "2025")
    assert result.exit_code == 0, result.output
    year = root / "results/demo/2025"
    check = load_document(year / "check.yaml").data

    assert '시험 #1\n계획: "둘"' in check["title"]["ko"] and "Test # plan\nB" in check["title"]["en"]
    written = load_document(year / "projects/1-1-1.yaml").data
    assert written["project"] == "1-1-1" and written["indicators"][0]["actual"] is None
    report = validate_path(root / "plans", root / "results")
    assert report.errors == [], [p.format() for p in report.errors]


def test_new_year_writes_nothing_when_a_dangling_link_stands_where_a_file_would_go(tmp_path: Path) -> None:
    root = demo_copy(tmp_path)
    year = root / "results/demo/2025"
    (year / "projects").mkdir(parents=True)
    (year / "projects/1-1-2.yaml").symlink_to(tmp_path / "nowhere.yaml")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    result = new_year(root, "demo", "2025")
    assert result.exit_code == 2, result.output
    assert (
        result.output.startswith(
            "plansite: " + str(year / "projects/1-1-2.yaml") + ": is a symbolic link to nothing, so nothing was written"
        )
        or "is a symbolic link to nothing, so nothing was written" in result.output.splitlines()[0]
    )
    assert "Traceback" not in result.output
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before
    assert not (tmp_path / "nowhere.yaml").exists()


def test_new_year_leaves_nothing_behind_when_a_folder_cannot_be_written(tmp_path: Path) -> None:
    import os

    root = demo_copy(tmp_path)
    year = root / "results/demo/2025"
    (year / "projects").mkdir(parents=True)
    os.chmod(year / "projects", 0o555)
    try:
        if os.access(year / "projects", os.W_OK):
            pytest.skip("running as root: permissions do not stop a write")
        result = new_year(root, "demo", "2025")
        assert result.exit_code == 2, result.output
        assert "cannot be written, so nothing was written" in result.output
        assert sorted(p.name for p in year.iterdir()) == ["projects"]
    finally:
        os.chmod(year / "projects", 0o755)

"""Each file under fixtures/invalid/ is one kind of problem; its `# expect:` lines are the exact output.

A fixture in invalid/plan/ replaces the minimal plan's plan.yaml, one in invalid/project/ its
projects/1-1-1.yaml. The expected lines were checked by hand; they pin message, line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import validate_path

from .conftest import FIXTURES

CASES = sorted((FIXTURES / "invalid").glob("*/*.yaml"))
TARGET = {"plan": Path("plan.yaml"), "project": Path("projects/1-1-1.yaml")}
PREFIX = "# expect: "


def expected_lines(fixture: Path) -> list[str]:
    text = fixture.read_bytes().decode("utf-8", errors="replace")
    return [line[len(PREFIX) :] for line in text.splitlines() if line.startswith(PREFIX)]


def test_there_is_a_fixture_for_every_problem_kind() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_reports_exactly_its_problems(fixture: Path, demo_plan: Path) -> None:
    (demo_plan / TARGET[fixture.parent.name]).write_bytes(fixture.read_bytes())
    expected = expected_lines(fixture)
    assert expected, f"{fixture.name} has no '# expect:' lines"

    report = validate_path(demo_plan)

    assert [problem.format() for problem in report.problems] == expected
    assert report.errors, "every invalid fixture must produce at least one error"

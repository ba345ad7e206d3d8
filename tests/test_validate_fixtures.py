"""Each file under fixtures/invalid/ is one kind of problem; its `# expect:` lines are the exact output.

A fixture replaces one file of the synthetic demo data (see TARGETS in fixtures/regenerate.py: invalid/plan/
replaces plan.yaml, invalid/project/ projects/1-1-1.yaml, invalid/results/ the 2024 results of 1-1-1,
invalid/check/ the 2024 check.yaml). The expected lines pin message, line and column; after an intended
change, `python tests/fixtures/regenerate.py` rewrites them and the diff must be reviewed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data import yamlsafe
from generator.data.validate import validate_path

from .conftest import FIXTURES
from .fixtures.regenerate import TARGETS

CASES = sorted((FIXTURES / "invalid").glob("*/*.yaml"))
PREFIX = "# expect: "


def expected_lines(fixture: Path) -> list[str]:
    text = fixture.read_bytes().decode("utf-8", errors="replace")
    return [line[len(PREFIX) :] for line in text.splitlines() if line.startswith(PREFIX)]


def test_there_is_a_fixture_for_every_problem_kind() -> None:
    """Every file under fixtures/invalid/ is a case (none left out by its name or folder), and every data file a
    fixture can replace (TARGETS) has cases."""
    assert sorted(path for path in (FIXTURES / "invalid").rglob("*") if path.is_file()) == CASES
    assert {case.parent.name for case in CASES} == set(TARGETS)


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both YAML loaders must give the same messages at the same places (issue 11)."""
    if request.param == "python":
        monkeypatch.setattr(yamlsafe, "FAST_LOADER", None)
    else:
        assert yamlsafe.FAST_LOADER is not None, "PyYAML without libyaml: the fast loader is not tested"
    return str(request.param)


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.usefixtures("loader")
def test_fixture_reports_exactly_its_problems(fixture: Path, demo_root: Path) -> None:
    (demo_root / TARGETS[fixture.parent.name]).write_bytes(fixture.read_bytes())
    expected = expected_lines(fixture)
    assert expected, f"{fixture.name} has no '# expect:' lines"

    report = validate_path(Path("plans/demo"))

    assert [problem.format() for problem in report.problems] == expected
    assert report.errors, "every invalid fixture must produce at least one error"

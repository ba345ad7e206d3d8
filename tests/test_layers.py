"""The stages as a checked contract: `lint-imports` (import-linter, configured in pyproject.toml) keeps every
import running down the layers, the site free of git history, and every package free of circles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_package_keeps_its_import_contracts() -> None:
    finished = lint(ROOT)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "3 kept, 0 broken" in finished.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # the data layer reaching up into the evaluation (the grade constants once did)
        (
            "data/units.py",
            "from generator.evaluation.grading import PENDING",
            "generator.data.units -> generator.evaluation",
        ),
        # a workbook module using the command line's code (the new-year text once did)
        ("sheets/importing.py", "import generator.cli.common", "generator.sheets.importing -> generator.cli.common"),
        # the pages reading git history instead of taking the record as data
        ("site/pages/common.py", "import generator.review.amendments", "generator.review.amendments"),
        # a circle inside one package (the sheets once had one, for a type)
        ("sheets/values.py", "import generator.sheets.reading", ".values -> .reading"),
    ],
)
def test_each_kind_of_broken_import_is_caught(tmp_path: Path, module: str, line: str, broken: str) -> None:
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("theme", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "generator" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    finished = lint(tmp_path)
    assert finished.returncode == 1
    assert "BROKEN" in finished.stdout and broken in finished.stdout

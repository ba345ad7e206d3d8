"""`--lang ko`: each command's refusal (a `plansite: …` line) is worded in Korean, once per command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def refusal(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, [args[0], "--lang", "ko", *args[1:]], env=env)
    assert result.exit_code == 2, result.output
    return next(line for line in result.output.splitlines() if line.startswith("plansite: "))


@pytest.mark.parametrize(
    ("args", "english"),
    [
        (("build", "--out", "taken.txt"), "exists and is not a folder"),
        (("build", "--out", "."), "refusing to replace a folder"),
        (("build", "--out", "site", "--cache-dir", "plans"), "is not a plansite cache"),
        (("schema", "--out", "taken"), "is not a schema plansite wrote"),
        (("init", "plans"), "the folder is not empty"),
        (("collect", "demo", "2024", "--out", "taken.txt"), "exists and is not a folder"),
        (("pdf", "demo", "2024", "--out", "plans"), "is a folder"),
        (("validate", "--plans", "no-such-folder"), "no such folder"),
    ],
    ids=["build-out-file", "build-out-data", "cache-dir", "schema", "init", "collect", "pdf", "validate"],
)
def test_a_refusal_in_korean(demo_root: Path, args: tuple[str, ...], english: str) -> None:
    (demo_root / "taken.txt").write_text("not a folder", encoding="utf-8")
    (demo_root / "taken").mkdir()
    (demo_root / "taken" / "plan.schema.json").write_text("{}", encoding="utf-8")
    line = refusal(*args)
    assert HANGUL.search(line) and english not in line, line


@pytest.mark.usefixtures("demo_root")
def test_the_environment_refusal_in_korean() -> None:
    line = refusal("build", "--out", "site", env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert HANGUL.search(line) and "'yesterday'" in line, line


@pytest.mark.usefixtures("demo_root")
def test_a_git_refusal_in_korean() -> None:
    line = refusal("diff", "--", "-x")
    assert HANGUL.search(line), line


def test_a_workbook_problem_in_korean(demo_root: Path) -> None:
    (demo_root / "returned.xlsx").write_text("indicator,actual\n1-1-1-1,5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "--lang", "ko", "demo", "2024", "returned.xlsx"])
    assert result.exit_code == 1, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("returned.xlsx:"))
    assert HANGUL.search(line) and "CSV" in line and "text file" not in line, line

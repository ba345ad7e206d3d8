"""Runs the hostile workbook corpus (cases.py): each case's exit code and first line of output, no traceback,
and no file changed outside the command's own output."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from ...test_sheets import invoke, write_plan
from .cases import CASES, SheetCase


def _files(root: Path) -> dict[str, bytes]:
    found = {}
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_workbook_case(case: SheetCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path, case.projects)
    if case.new_year:
        assert invoke("new-year", "sheets", "2024").exit_code == 0
    if case.collected:
        collected = invoke("collect", "sheets", "2024")
        assert collected.exit_code == 0, collected.output
    if case.prepare is not None:
        case.prepare()
    before = _files(tmp_path)
    result = invoke(*case.args, "--lang", "en")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, result.output
    first = (result.output.splitlines() or [""])[0]
    assert case.first_line in first, result.output
    after = _files(tmp_path)
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    outside = {path for path in changed if not any(fnmatch.fnmatch(path, glob) for glob in case.output)}
    assert not outside, outside
    if case.check is not None:
        case.check()


def test_every_bullet_of_the_issue_has_a_case() -> None:
    assert len({case.id for case in CASES}) == len(CASES)
    assert len({case.bullet for case in CASES}) >= 20

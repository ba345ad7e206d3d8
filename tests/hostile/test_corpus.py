"""Run every case of the hostile corpus (tests/hostile/cases_*.py) on a copy of the shipped data."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main

from ..conftest import ROOT
from .corpus import Case

MODULES = sorted(p.stem for p in Path(__file__).parent.glob("cases_*.py"))
CASES: list[Case] = [case for name in MODULES for case in importlib.import_module(f"tests.hostile.{name}").CASES]
DATA = ("plans", "results", "site.yaml", "docs", "README.md")
EXPECTED = Path(__file__).with_name("expected.txt")

# Each of the ~200 cases copies and validates the shipped data (some build it): minutes in all, not the fast loop.
pytestmark = pytest.mark.slow


def pinned() -> dict[str, str]:
    """The exact first line each case prints, as reviewed (rewrite with `python tests/hostile/regenerate.py`)."""
    if not EXPECTED.exists():
        return {}
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


PINNED = pinned()


def first_line(output: str) -> str:
    """What a case is about: the first line that is not a notice, with run times taken out."""
    for line in output.splitlines():
        if "notice:" not in line:
            return re.sub(r"\(\d+\.\d+ s\)|in \d+\.\d+ s", "(time)", line)
    return ""


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_data(tmp_path_factory.mktemp("pristine"))


def copy_data(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in DATA:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return root


# What a command may write without being asked where: the site and the cache of a build.
OWN_OUTPUT = ("output", ".plansite-cache")


def checksums(root: Path) -> dict[str, str]:
    """Every file and link under `root` (links by where they point, never followed), by its content's hash."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[key] = "link to " + os.readlink(path)
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _own(case: Case, path: str) -> bool:
    return any(path == place or path.startswith(place + "/") for place in (*OWN_OUTPUT, *case.output))


def apply(case: Case, root: Path) -> None:
    if case.rename is not None:
        (root / case.rename[0]).rename(root / case.rename[1])
    if case.copy is not None:
        source, target = root / case.copy[0], root / case.copy[1]
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    for path, content in case.files:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)
    if case.file:
        target = root / case.file
        if case.new_bytes is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(case.new_bytes)
        else:
            text = target.read_text(encoding="utf-8")
            assert text.count(case.old) >= 1, f"{case.id}: {case.old!r} is not in {case.file}"
            target.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    for path, points_to in case.links:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).symlink_to(points_to)


def test_case_ids_are_unique_and_each_is_pinned() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert sorted(PINNED) == sorted(ids), "run python tests/hostile/regenerate.py and review the diff"


def run_case(case: Case, pristine: Path, root: Path) -> tuple[Any, dict[str, str]]:
    """Apply `case` to a copy of the data in `root` and run its command there; the result and the checksums."""
    shutil.copytree(pristine, root, symlinks=True)
    apply(case, root)
    before = checksums(root)
    previous = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, list(case.args)), before
    finally:
        os.chdir(previous)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case, pristine: Path, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    result, before = run_case(case, pristine, root)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{case.id}: traceback\n{result.output}"
    )
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, f"{case.id}: exit {result.exit_code}\n{result.output}"
    assert case.id in PINNED, f"{case.id}: no pinned line; run python tests/hostile/regenerate.py and review it"
    assert first_line(result.output) == PINNED[case.id], f"{case.id}: first line differs\n{result.output}"
    for line in case.expect:
        assert line in result.output, f"{case.id}: missing {line!r} in\n{result.output}"
    for text in case.forbid:
        assert text not in result.output, f"{case.id}: unexpected {text!r} in\n{result.output}"
    after = checksums(root)
    lost = sorted(path for path in set(before) - set(after) if not _own(case, path))
    changed = sorted(path for path in before if path in after and before[path] != after[path] and not _own(case, path))
    assert lost == [] and changed == [], f"{case.id}: data lost {lost} or changed {changed}"
    # Nothing written outside the command's own output either: a refused or failed command leaves no trace.
    added = sorted(path for path in set(after) - set(before) if not _own(case, path))
    assert added == [], f"{case.id}: wrote {added} outside its output"
    for path in case.kept:
        assert (root / path).exists(), f"{case.id}: {path} is gone"

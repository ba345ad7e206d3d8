"""Run every case of the hostile corpus (tests/hostile/cases_*.py) on a copy of the shipped data."""

from __future__ import annotations

import hashlib
import importlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from ..conftest import ROOT
from .corpus import Case

MODULES = sorted(p.stem for p in Path(__file__).parent.glob("cases_*.py"))
CASES: list[Case] = [case for name in MODULES for case in importlib.import_module(f"tests.hostile.{name}").CASES]
DATA = ("plans", "results", "site.yaml", "docs", "README.md")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    for name in DATA:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return root


def checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for name in DATA
        for path in ([root / name] if (root / name).is_file() else sorted((root / name).rglob("*")))
        if path.is_file() and not path.is_symlink()
    }


def apply(case: Case, root: Path) -> None:
    if not case.file:
        return
    target = root / case.file
    if case.new_bytes is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(case.new_bytes)
        return
    text = target.read_text(encoding="utf-8")
    assert text.count(case.old) >= 1, f"{case.id}: {case.old!r} is not in {case.file}"
    target.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case, pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    shutil.copytree(pristine, root, symlinks=True)
    apply(case, root)
    before = checksums(root)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, list(case.args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{case.id}: traceback\n{result.output}"
    )
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, f"{case.id}: exit {result.exit_code}\n{result.output}"
    for line in case.expect:
        assert line in result.output, f"{case.id}: missing {line!r} in\n{result.output}"
    for text in case.forbid:
        assert text not in result.output, f"{case.id}: unexpected {text!r} in\n{result.output}"
    after = checksums(root)
    lost = sorted(set(before) - set(after))
    changed = sorted(path for path in before if path in after and before[path] != after[path])
    assert lost == [] and changed == [], f"{case.id}: data lost {lost} or changed {changed}"
    for path in case.kept:
        assert (root / path).exists(), f"{case.id}: {path} is gone"

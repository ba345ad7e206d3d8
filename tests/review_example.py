"""The worked example of docs/review.md: a change to the shipped data under review, and what `plansite diff` says.

The change, on a temporary git repository holding a copy of the shipped data: the 2025 target of 1-1-1 (3rd
plan) is raised, and the 2021 actual of 1-2-1-1 (2nd plan) is corrected. `python tests/golden/regenerate.py`
rewrites the example in the docs; tests/test_diff.py checks it is what the command prints.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

from .conftest import PLANS, RESULTS, ROOT

DOC = ROOT / "docs" / "review.md"
START, END = "<!-- example:start -->\n", "<!-- example:end -->\n"
EDITS = (
    ("plans/seoul-citizen-participation-2024/projects/1-1-1.yaml", "2025: 33500", "2025: 34000"),
    ("results/seoul-citizen-participation-2019/2021/projects/1-2-1.yaml", "actual: 27\n", "actual: 15\n"),
)


def example_markdown() -> str:
    """The Markdown `plansite diff --format markdown --lang en` prints for the example change (commit ids
    written as 1234567, since each run makes new ones)."""
    with tempfile.TemporaryDirectory() as temporary:
        repository = Path(temporary)
        shutil.copytree(PLANS, repository / "plans")
        shutil.copytree(RESULTS, repository / "results")
        git = ["git", "-C", str(repository), "-c", "user.name=Example", "-c", "user.email=example@example.org"]
        subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", "shipped data"], check=True)
        for name, old, new in EDITS:
            path = repository / name
            text = path.read_text(encoding="utf-8")
            assert old in text, (name, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        previous = Path.cwd()
        os.chdir(repository)  # diff reads the data repository it is run in
        try:
            result = CliRunner().invoke(main, ["diff", "--format", "markdown", "--lang", "en"])
        finally:
            os.chdir(previous)
    return re.sub(r"\((?:[0-9a-f]{7})\)", "(1234567)", result.output)


def documented() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text[text.index(START) + len(START) : text.index(END)].removeprefix("````markdown\n").removesuffix("````\n")


def write_example() -> None:
    text = DOC.read_text(encoding="utf-8")
    before, after = text[: text.index(START) + len(START)], text[text.index(END) :]
    DOC.write_text(f"{before}````markdown\n{example_markdown()}````\n{after}", encoding="utf-8")

"""Seconds to read the amendments on the record from a history of N commits: cold, warm (cached), one more.

    .venv/bin/python benchmarks/amendments.py [--commits 300] [--data real|minimal]

A temporary git repository starts with the shipped data (or the minimal test fixture) and gets N commits: most
change a figure (an actual of the 2021 check, or a target of the 3rd plan, in turn), every tenth touches only
the README (git log never lists it) and every tenth but five only a comment in a data file (compared, amends
nothing). The machine is shared: compare runs made one right after the other.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.review.amendments import Amendments, amendments  # noqa: E402

# A file, and the figures a commit raises by one in it: a target with the stated total, so the data stays valid
# (a commit with errors could not be built, so it amends nothing).
REAL = (
    ("results/seoul-citizen-participation-2019/2021/projects/1-1-1.yaml", (r"(?m)^  actual: (\d+)$",)),
    (
        "plans/seoul-citizen-participation-2024/projects/1-1-1.yaml",
        (r"targets: \{2024: (\d+),", r"(?m)^    total: (\d+)$"),
    ),
)
MINIMAL = (
    ("results/demo/2024/projects/1-1-1.yaml", (r"actual: (\d+)",)),
    ("plans/demo/projects/1-1-2.yaml", (r"people: (\d+),",)),
)


def git(root: Path, *arguments: str, date: str = "") -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}
    command = ["git", "-C", str(root), "-c", "user.name=Benchmark", "-c", "user.email=bench@example.org"]
    subprocess.run([*command, *arguments], check=True, capture_output=True, env=env)


def make_history(root: Path, commits: int, data: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The repository, and the figures its commits change."""
    if data == "real":
        shutil.copytree(ROOT / "plans", root / "plans")
        shutil.copytree(ROOT / "results", root / "results")
        figures = REAL
    else:
        shutil.copytree(ROOT / "tests/fixtures/minimal/demo", root / "plans/demo")
        shutil.copytree(ROOT / "tests/fixtures/minimal/results", root / "results")
        figures = MINIMAL
    (root / "README.md").write_text("Synthetic history for a benchmark.\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Publish", date="2025-01-01T09:00:00+09:00")
    for number in range(1, commits):
        date = f"@{1735689600 + number * 3600} +0900"  # an hour apart
        if number % 10 == 0:
            with (root / "README.md").open("a", encoding="utf-8") as readme:
                readme.write(f"Line {number}.\n")
            message = f"README {number}"
        elif number % 10 == 5:
            path = root / figures[0][0]
            path.write_text(path.read_text(encoding="utf-8") + f"# comment {number}\n", encoding="utf-8")
            message = f"Comment {number}"
        else:
            change_figure(root, *figures[number % 2])
            message = f"Correct a figure ({number})"
        git(root, "commit", "-q", "-a", "-m", message, date=date)
    return figures


def timed(root: Path, cache: Path) -> tuple[float, Amendments]:
    start = time.perf_counter()
    result = amendments(root, cache)
    elapsed = time.perf_counter() - start
    assert isinstance(result, Amendments), result
    return elapsed, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--data", choices=("real", "minimal"), default="real")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plansite-amendments-") as folder:
        root, cache = Path(folder) / "repo", Path(folder) / "cache"
        start = time.perf_counter()
        figures = make_history(root, arguments.commits, arguments.data)
        print(f"history of {arguments.commits} commits made in {time.perf_counter() - start:.1f} s")
        cold, result = timed(root, cache)
        print(f"cold: {cold:.2f} s ({result.commits} data commits, {len(result.items)} amendments)")
        assert result.items, "no amendments: the history's commits do not amend anything"
        warm, again = timed(root, cache)
        assert again == result
        print(f"warm: {warm:.2f} s ({again.computed} commits compared)")
        change_figure(root, *figures[0])
        git(root, "commit", "-q", "-a", "-m", "One more correction", date="@1900000000 +0900")
        more, last = timed(root, cache)
        print(f"one commit more: {more:.2f} s ({last.computed} commit compared)")


def change_figure(root: Path, name: str, patterns: tuple[str, ...]) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    for pattern in patterns:
        raised = re.sub(pattern, lambda m: m.group(0).replace(m.group(1), str(int(m.group(1)) + 1)), text, count=1)
        assert raised != text, (name, pattern)
        text = raised
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

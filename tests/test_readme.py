"""The README tells the truth: its test command is what CI runs, and its layout table matches the tree."""

from __future__ import annotations

import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE_SPAN = re.compile(r"`([^`]+)`")
IGNORED = {"output/", ".plansite-cache/"}  # made by builds, never committed


def layout_paths(readme: str) -> list[str]:
    """The paths in the first column of the README's Layout table."""
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [path for row in rows for path in CODE_SPAN.findall(row.split("|")[1])]


def uncovered(modules: list[str], listed: list[str]) -> list[str]:
    """Modules the table names neither directly nor through a folder row that stands for everything in it (one
    with no row of its own below it)."""
    folders = [path for path in listed if path.endswith("/")]
    whole = [folder for folder in folders if not any(p != folder and p.startswith(folder) for p in listed)]
    return [module for module in modules if module not in listed and not any(module.startswith(f) for f in whole)]


def test_the_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"```sh\n{ci}\n```" in README


def test_every_path_in_the_layout_table_exists() -> None:
    missing = [path for path in layout_paths(README) if path not in IGNORED and not (ROOT / path).exists()]
    assert missing == []


def test_every_module_of_the_package_is_in_the_layout_table() -> None:
    modules = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*.py")
        if path.name != "__init__.py" or path.parent.name == "cli"
    )
    assert uncovered(modules, layout_paths(README)) == []


def test_the_coverage_check_finds_a_module_left_out() -> None:
    listed = ["generator/", "generator/site/", "generator/site/pages/", "generator/site/build.py"]
    modules = ["generator/site/build.py", "generator/site/pages/home.py", "generator/site/serve.py"]
    assert uncovered(modules, listed) == ["generator/site/serve.py"]

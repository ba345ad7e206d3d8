"""Issue 24's install-related slips: what init's .gitignore keeps out of git, schema's summary line, which
commands take the data options, and install hints that name an install that works."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.cli.vendoring import requirement_line
from generator.data.jsonschema import schema_files
from generator.site.printing import INSTALL_HINT, PLAYWRIGHT_HINT

from .conftest import ROOT


def invoke(*arguments: str | Path) -> str:
    result = CliRunner().invoke(main, [str(argument) for argument in arguments])
    assert result.exit_code == 0, result.output
    return result.output


def test_init_gitignore_keeps_copies_and_outputs_out_of_git_but_not_the_vendored_wheel(tmp_path: Path) -> None:
    office = tmp_path / "office"
    invoke("init", office)
    subprocess.run(["git", "init", "-q", str(office)], check=True)
    candidates = [
        "output/index.html",
        ".plansite-cache/charts/x.svg",
        "workbooks/example-plan-2025/가과.xlsx",
        "example-plan-2025-ko.pdf",
        "reports/council.pdf",
        "requirements.txt",
        requirement_line().removeprefix("./"),
        "plans/example-plan/plan.yaml",
    ]
    done = subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(office), "check-ignore", "--no-index", *candidates],
        capture_output=True,
        text=True,
    )
    assert done.stdout.splitlines() == candidates[:5]


@pytest.mark.parametrize(
    ("lang", "all_written", "some_written", "none_written"),
    [
        (
            "en",
            "{n} schema(s) written into",
            "1 schema(s) written into {out}; the other {m} were up to date",
            "all {n} schemas in {out} were up to date",
        ),
        (
            "ko",
            "스키마 {n}개를 {out}에 썼습니다",
            "나머지 {m}개는 이미 최신입니다",
            "스키마 {n}개가 모두 이미 최신입니다",
        ),
    ],
)
def test_schema_says_what_it_wrote_and_what_was_up_to_date(
    tmp_path: Path, lang: str, all_written: str, some_written: str, none_written: str
) -> None:
    out = tmp_path / "schemas"
    n = len(schema_files())
    values = {"n": n, "m": n - 1, "out": out}
    first = invoke("schema", "--out", out, "--lang", lang)
    assert all_written.format(**values) in first and ("up to date" not in first and "최신" not in first)
    assert none_written.format(**values) in invoke("schema", "--out", out, "--lang", lang)
    changed = next(out.iterdir())
    changed.write_text(changed.read_text(encoding="utf-8").replace("\n", "\n ", 1), encoding="utf-8")
    assert some_written.format(**values) in invoke("schema", "--out", out, "--lang", lang)


def test_the_readme_names_exactly_the_commands_that_take_the_data_options() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [sentence] = re.findall(r"\n([^\n]*(?:\n[^\n]+)*?) all take `--config FILE`", readme)
    named = set(re.findall(r"`([a-z-]+)`", sentence))
    commands: dict[str, click.Command] = main.commands  # type: ignore[attr-defined]
    taking = {name for name, command in commands.items() if any(p.name == "config" for p in command.params)}
    assert named == taking
    assert "the same on every command" not in readme


def test_install_hints_name_an_install_that_works() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install 'plansite[pdf]'" not in readme
    for lang in ("ko", "en"):
        assert f"pip install '{requirement_line()}[pdf]'" in PLAYWRIGHT_HINT.render(lang)
        hint = INSTALL_HINT.render(lang)
        for way in ("apt-get install chromium", "dnf install chromium", "brew install", "winget", "PLANSITE_CHROMIUM"):
            assert way in hint, (lang, way)

"""`plansite validate`'s outputs: lines for a terminal, GitHub workflow commands, or JSON for other tools.

GitHub turns `::error file=…,line=…,col=…,title=…::message` lines printed by a workflow step into annotations
on the pull request's changed lines (the workflow-commands syntax; values are %-escaped as it requires).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import Problem, Severity
from generator.i18n import render

if TYPE_CHECKING:
    from generator.data.validate import ValidationReport

JSON_FORMAT_VERSION = 1
FORMATS = ("text", "github", "json")


def in_files(problems: Iterable[Problem], files: list[Path]) -> tuple[list[Problem], list[Problem]]:
    """The problems in `files` first, then the others (of the same plans)."""
    # By name, not following links: a file that is a link to itself has no end to follow.
    given = {os.path.abspath(file) for file in files}
    first: list[Problem] = []
    rest: list[Problem] = []
    for problem in problems:
        (first if given and os.path.abspath(problem.file) in given else rest).append(problem)
    return first, rest


def github_line(problem: Problem, lang: str = "en") -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}[problem.severity]
    title = f"plansite: {problem.yaml_path}" if problem.yaml_path else "plansite"
    message = render(problem.message, lang) + (f" — {render(problem.hint, lang)}" if problem.hint else "")
    properties = f"file={_property(problem.file)},line={problem.line},col={problem.column},title={_property(title)}"
    return f"::{level} {properties}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def as_json(report: ValidationReport, files: list[Path], summary: str, lang: str = "en") -> str:
    first, _ = in_files(report.problems, files)
    problems = [
        {
            **dataclasses.asdict(p),
            "message": render(p.message, lang),
            "hint": render(p.hint, lang),
            "severity": p.severity.value,
            "in_given_files": p in first,
        }
        for p in report.problems
    ]
    counts = dataclasses.asdict(report.counts)
    document = {
        "format_version": JSON_FORMAT_VERSION,
        "summary": summary,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "notices": len(report.notices),
        "counts": counts,
        "problems": problems,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)

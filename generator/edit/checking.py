"""A candidate text checked by the validator itself, in a private copy of its plan: never in the user's folder.

The form asks the server, not a second set of rules in JavaScript: the edited file replaced by the candidate in
a temporary copy of its plan and the plan's results, then `validate_path` over that copy with the repository's
own configuration, so cross-file rules (totals, ids, references, results of removed indicators) are checked
too. Each problem comes back worded in both languages with its YAML path, for the form to put beside its field.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.data.layout import PLANS_DIR, RESULTS_DIR, DataRepository
from generator.data.validate import validate_path
from generator.edit.documents import DocumentRef
from generator.errors import Problem, Severity, display_path
from generator.i18n import LANGUAGES, render


@dataclass(frozen=True)
class Checked:
    """The validator's problems with a candidate: those of the edited file, and those it causes elsewhere."""

    here: tuple[Problem, ...]
    elsewhere: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not any(problem.severity is Severity.ERROR for problem in (*self.here, *self.elsewhere))


def check_candidate(repository: DataRepository, document: DocumentRef, text: str) -> Checked:
    """The problems the validator finds with the repository's data once `document` holds `text`: all of the
    edited file's, and those of other files that the data on disk does not have (what the edit causes there; an
    error another file had before does not stop this one being saved)."""
    real = document.path(repository)
    checked = _checked(repository, document, text)
    if not checked.elsewhere:
        return checked
    before = {_key(problem) for problem in _checked(repository, document, real.read_bytes().decode("utf-8")).elsewhere}
    return Checked(checked.here, tuple(problem for problem in checked.elsewhere if _key(problem) not in before))


def _key(problem: Problem) -> tuple[str, str, str, Severity]:
    """A problem as it is compared between two checks (its line may move), as `plansite diff` compares them."""
    return problem.file, problem.message, problem.yaml_path, problem.severity


def _checked(repository: DataRepository, document: DocumentRef, text: str) -> Checked:
    plan = document.id("plan")
    real = document.path(repository)
    with tempfile.TemporaryDirectory(prefix="plansite-edit-") as folder:
        copy = Path(folder)
        shutil.copytree(repository.plans / plan, copy / PLANS_DIR / plan)
        if (repository.results / plan).is_dir():
            shutil.copytree(repository.results / plan, copy / RESULTS_DIR / plan)
        else:
            (copy / RESULTS_DIR).mkdir()
        place = _copied(repository, real, copy)
        place.write_bytes(text.encode("utf-8"))
        report = validate_path(
            copy / PLANS_DIR, copy / RESULTS_DIR, config=repository.config, only=[copy / PLANS_DIR / plan]
        )
        edited = display_path(place)
        rename = _renamer(repository, copy)
        here = tuple(problem for problem in report.problems if problem.file == edited)
        elsewhere = tuple(rename(problem) for problem in report.problems if problem.file != edited)
    shown = display_path(real)
    return Checked(tuple(_named(problem, shown) for problem in here), elsewhere)


def _copied(repository: DataRepository, real: Path, copy: Path) -> Path:
    for root, name in ((repository.plans, PLANS_DIR), (repository.results, RESULTS_DIR)):
        if real.is_relative_to(root):
            return copy / name / real.relative_to(root)
    raise ValueError(real)  # DocumentRef.path gives only files inside the two folders


def _renamer(repository: DataRepository, copy: Path) -> Any:
    """A problem named by the real file, not its copy."""
    names = [
        (display_path(copy / PLANS_DIR) + "/", display_path(repository.plans) + "/"),
        (display_path(copy / RESULTS_DIR) + "/", display_path(repository.results) + "/"),
    ]

    def rename(problem: Problem) -> Problem:
        for copied, real in names:
            if problem.file.startswith(copied):
                return _named(problem, real + problem.file.removeprefix(copied))
        return problem

    return rename


def _named(problem: Problem, file: str) -> Problem:
    return Problem(
        file, problem.line, problem.column, problem.message, problem.yaml_path, problem.hint, problem.severity
    )


def as_json(checked: Checked) -> dict[str, Any]:
    """The problems as the form shows them: each worded in both languages, with its place."""
    return {
        "valid": checked.valid,
        "here": [_problem_json(problem) for problem in checked.here],
        "elsewhere": [_problem_json(problem) for problem in checked.elsewhere],
    }


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "path": problem.yaml_path,
        "severity": problem.severity.value,
        "message": {lang: render(problem.message, lang) for lang in LANGUAGES},
        "hint": {lang: render(problem.hint, lang) for lang in LANGUAGES} if problem.hint else None,
        "line_text": {lang: problem.format(lang) for lang in LANGUAGES},
    }

"""`plansite import`: filled-in workbooks back into a year's results files, checked before anything is written.

Every workbook is read and every cell checked; the results files are then updated in a staging copy and the
whole plan is validated there, so the same rules as for hand-written YAML apply, and a problem in an imported
value is named by its cell. Nothing is written while any error remains, nor when an import would replace a
value the results already hold, unless asked to (`update`).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.error import YAMLError

from generator.data.jsonschema import modeline
from generator.data.layout import CHECK_FILE, DATA_SUFFIX, PROJECTS_DIR, SCHEMAS_DIR, DataRepository, results_dir_for
from generator.data.model import Plan
from generator.data.newyear import check_file_text, project_file_text
from generator.data.paths import replace_files
from generator.data.results import YearResults
from generator.data.validate import validate_repository
from generator.errors import DataError, Problem, Severity, display_path
from generator.i18n import msg
from generator.review.changes import DataDiff
from generator.review.compare import compare
from generator.review.sides import snapshot_of
from generator.sheets.reading import read_filled
from generator.sheets.rows import department_sheets
from generator.sheets.values import Filled
from generator.sheets.yamlupdate import Overwrite, updated


@dataclass(frozen=True)
class ImportPlan:
    """What an import would write, which values it would replace, and what that does to the data."""

    files: dict[Path, str]  # results files with their new text (only those that change)
    overwrites: tuple[Overwrite, ...]
    diff: DataDiff


def prepare_import(
    repository: DataRepository, plan: Plan, year: int, results: YearResults | None, workbooks: list[Path]
) -> ImportPlan:
    """Read and check `workbooks`, and work out the new results files; DataError with every problem found."""
    expected = department_sheets(plan, year, results)
    problems: list[Problem] = []
    filled: list[Filled] = []
    for path in workbooks:
        found = read_filled(path, plan, year, expected, problems)
        if found is None:
            continue
        twin = next((other for other in filled if other.sheet.department.ko == found.sheet.department.ko), None)
        if twin is not None:
            message = msg("workbook_twice", department=found.sheet.department.ko, other=display_path(twin.path))
            problems.append(Problem(display_path(path), 1, 1, message, hint=msg("hint_import_one")))
            continue
        filled.append(found)
    if problems:
        raise DataError(problems)
    files, overwrites = _new_texts(repository, plan, year, filled)
    return ImportPlan(files, tuple(overwrites), _checked(repository, plan, files, filled))


def _new_texts(
    repository: DataRepository, plan: Plan, year: int, filled: list[Filled]
) -> tuple[dict[Path, str], list[Overwrite]]:
    directory = results_dir_for(plan.id, repository.results) / str(year)
    schemas = repository.results.parent / SCHEMAS_DIR
    files: dict[Path, str] = {}
    if not (directory / CHECK_FILE).is_file():  # a year new-year did not write yet: start as it would
        files[directory / CHECK_FILE] = _named(directory / CHECK_FILE, schemas, "check", check_file_text(plan, year))
    overwrites: list[Overwrite] = []
    projects = {project.id: project for project in plan.projects}
    for workbook in filled:
        for project_id, data in workbook.results.items():
            path = directory / PROJECTS_DIR / f"{project_id}{DATA_SUFFIX}"
            template = _named(path, schemas, "project-results", project_file_text(plan, projects[project_id], year))
            # Bytes decoded as they are: CRLF line ends stay CRLF (read_text would make them LF).
            before = path.read_bytes().decode("utf-8") if path.is_file() else template
            try:
                after, replaced = updated(before, project_id, data)
            except YAMLError as error:  # a file new-year would write that is not YAML (a line break in a name)
                where = display_path(path)
                problem = Problem(where, 1, 1, msg("results_text_unreadable", error=type(error).__name__))
                raise DataError([replace(problem, hint=msg("hint_run_new_year_first"))]) from None
            overwrites += replaced if path.is_file() else []  # a file not written yet holds nothing
            if after != before or not path.is_file():
                files[path] = after
    return files, overwrites


def _named(path: Path, schemas: Path, kind: str, body: str) -> str:
    schema = schemas / f"{kind}.schema.json"
    return modeline(path, schema) + body if schema.is_file() else body


def _checked(repository: DataRepository, plan: Plan, files: dict[Path, str], filled: list[Filled]) -> DataDiff:
    """Validate the plan with the new files in a staging copy; the problems of imported values by their cell."""
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as temporary:
        staged = Path(temporary) / "results"
        source = results_dir_for(plan.id, repository.results)
        if source.is_dir():
            shutil.copytree(source, staged / plan.id)
        for path, text in files.items():
            target = staged / path.relative_to(repository.results)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
        staging = DataRepository(Path(temporary), repository.plans, staged, None)
        report = validate_repository(staging, only=[plan.directory])
        errors = [p for p in report.problems if p.severity is Severity.ERROR]
        if errors:
            raise DataError([_at_cell(problem, staged, repository, filled) for problem in errors])
        current = DataRepository(repository.root, repository.plans, repository.results, None)
        return compare(
            snapshot_of(current, [plan.directory]), snapshot_of(staging, [plan.directory]), "results/", "workbooks"
        )


def _at_cell(problem: Problem, staged: Path, repository: DataRepository, filled: list[Filled]) -> Problem:
    """A problem of a staged file, named by the workbook cell its value came from (else by the results file)."""
    try:
        relative = (Path.cwd() / problem.file).resolve().relative_to(staged.resolve())
    except ValueError:
        return problem
    destination = repository.results / relative
    project_id = relative.stem
    field = _field_of(staged / relative, problem.yaml_path)
    for workbook in filled:
        cell = workbook.cells.get((project_id, field)) if field else None
        if cell is not None:
            return replace(problem, file=display_path(workbook.path), cell=cell, yaml_path="")
    return replace(problem, file=display_path(destination))


def _field_of(path: Path, yaml_path: str) -> str:
    """`indicators[2].reason` → `1-2-3-1.reason`, `budget.spent` → itself: the key of a cell in `Filled.cells`."""
    if yaml_path.startswith("budget"):
        return yaml_path if yaml_path.count(".") == 1 else "budget.budget"
    if not yaml_path.startswith("indicators["):
        return ""
    index, _, rest = yaml_path.removeprefix("indicators[").partition("]")
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        indicator = data["indicators"][int(index)]["indicator"]
    except (KeyError, IndexError, TypeError, ValueError):
        return ""
    key = rest.lstrip(".").split(".")[0] or "status"
    return f"{indicator}.{key if key in ('actual', 'status', 'reason', 'narrative') else 'status'}"


def write_import(files: dict[Path, str]) -> None:
    """Every results file of the import, all or nothing, its line ends as they are (see `replace_files`)."""
    replace_files({path: text.encode("utf-8") for path, text in files.items()})

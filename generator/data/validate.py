"""Validate plan folders: every file's shape, then the rules that span values and files.

All problems of a run are collected; nothing stops at the first one. The result is a report the CLI
prints; this module never prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.data.config import SiteConfig, load_config
from generator.data.layout import DATA_SUFFIX, PLAN_FILE, PROJECTS_DIR, DataRepository, default_results_root
from generator.data.model import Plan, sort_key
from generator.data.paths import link_problems, resolve
from generator.data.results import YearResults, load_results
from generator.data.rules import PlanRules
from generator.data.schema import (
    PlanFile,
    ProjectFile,
)
from generator.data.schemacheck import EnglishTally, english_warnings, looped, misnamed, read_checked, stray, yaml_files
from generator.data.yamlsource import Document
from generator.errors import DataError, Problem, Severity, UsageError, display_path
from generator.i18n import msg


@dataclass
class Counts(EnglishTally):
    plans: int = 0
    strategies: int = 0
    tasks: int = 0
    projects: int = 0
    indicators: int = 0
    result_years: int = 0


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    results: dict[str, dict[int, YearResults]] = field(default_factory=dict)
    config: SiteConfig = field(default_factory=lambda: SiteConfig(None))

    def of(self, severity: Severity) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity is severity]

    @property
    def errors(self) -> list[Problem]:
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return self.of(Severity.WARNING)

    @property
    def notices(self) -> list[Problem]:
        return self.of(Severity.NOTICE)


def find_plan_dirs(path: Path) -> list[Path]:
    """A plan folder itself, or a folder of plan folders (such as `plans/`)."""
    if not path.exists():
        raise UsageError(msg("usage_no_such_folder", path=display_path(path)))
    if not path.is_dir():
        raise UsageError(msg("usage_got_a_file", path=display_path(path)))
    if (path / PLAN_FILE).is_file():
        return [path]
    found = sorted(child for child in path.iterdir() if (child / PLAN_FILE).is_file())
    if not found:
        raise UsageError(msg("usage_no_plan_file", path=display_path(path), file=PLAN_FILE))
    return found


def unread_in_plans(plans: Path) -> list[Problem]:
    """Everything in a folder of plans that is not a plan folder: nothing there may vanish without a word."""
    problems = []
    for entry in sorted(plans.iterdir()):
        if entry.name.startswith(".") or (entry / PLAN_FILE).is_file():
            continue
        where = display_path(entry)
        if not entry.is_dir() or looped(entry):
            problems.append(stray(entry, msg("hint_plans_file_out")))
            continue
        names = misnamed(entry, PLAN_FILE)
        if names:
            message = msg("plan_file_misnamed", name=names[0])
            problems.append(Problem(where, 1, 1, message, hint=msg("hint_rename_to", name=PLAN_FILE)))
        elif (entry / PROJECTS_DIR).is_dir() or any(entry.glob(f"*{DATA_SUFFIX}")):
            message = msg("folder_without_plan", name=entry.name, file=PLAN_FILE)
            problems.append(Problem(where, 1, 1, message, hint=msg("hint_add_plan_file", file=PLAN_FILE)))
        else:
            problems.append(stray(entry, msg("hint_plans_folder_out")))
    return problems


def validate_repository(
    repository: DataRepository,
    *,
    with_results: bool = True,
    keep_invalid: bool = False,
    only: list[Path] | None = None,
) -> ValidationReport:
    """Check a data repository: its site configuration, its plans (or `only` these) and their results."""
    return validate_path(
        repository.plans,
        repository.results,
        with_results=with_results,
        config=repository.config,
        keep_invalid=keep_invalid,
        only=only,
    )


def plans_of(repository: DataRepository, files: list[Path]) -> list[Path] | None:
    """The plan folders that `files` belong to (a plan's own files or its results); None when one of them
    belongs to no plan, so that the whole repository is checked."""
    plans, results = resolve(repository.plans), resolve(repository.results)
    found: dict[Path, None] = {}
    for file in files:
        try:
            place = file.resolve()
        except (OSError, RuntimeError):  # a link loop: the whole repository is checked, and says so
            return None
        if repository.config is not None and place == resolve(repository.config):
            continue  # the configuration is checked on every run
        for root in (plans, results):
            if root in place.parents and (plans / place.relative_to(root).parts[0] / PLAN_FILE).is_file():
                found[plans / place.relative_to(root).parts[0]] = None
                break
        else:
            return None
    return sorted(found)


def validate_path(
    path: Path,
    results_root: Path | None = None,
    *,
    with_results: bool = True,
    config: Path | None = None,
    keep_invalid: bool = False,
    only: list[Path] | None = None,
) -> ValidationReport:
    """Check the plans below `path` and, for each plan without errors, its results; and `config` if given.

    `keep_invalid` keeps a plan whose files all have the right shape but break a rule (a total that does not
    add up), with its results: `plansite diff` shows what such a change does besides the error it makes.
    `only` limits the check to those plan folders (the plans of the files a pre-commit hook names)."""
    report = ValidationReport()
    report.config = load_config(config, report.counts, report.problems)
    results_root = results_root if results_root is not None else default_results_root(path)
    resolve(path)  # a link loop as the plans or results folder is named, not a traceback
    if with_results:
        resolve(results_root)
    # A link that leads out of the data is reported and nothing more is read: the readers would follow it.
    loops, leaving = link_problems(path)
    if with_results:
        more_loops, more_leaving = link_problems(results_root)
        loops, leaving = loops + more_loops, leaving + more_leaving
    if leaving:
        report.problems += sorted(leaving)
        return report
    for directory in find_plan_dirs(path) if only is None else only:
        plan, problems = load_plan(directory, report.counts, keep_invalid=keep_invalid)
        report.problems.extend(problems)
        if plan is not None:
            report.plans.append(plan)
            if not with_results:
                continue
            years, result_problems = load_results(plan, results_root, report.counts)
            report.problems.extend(result_problems)
            report.results[plan.id] = years
            report.counts.result_years += len(years)
    whole = only is None and not (path / PLAN_FILE).is_file()  # every plan: the folder itself is checked too
    if whole:
        report.problems += unread_in_plans(path)
    if with_results and whole and results_root.is_dir():
        # Results filed under a misspelt plan id would otherwise never be seen. A plan folder that could not be
        # read is reported itself; its results are not "unexpected" as well.
        plan_ids = {
            child.name
            for child in path.iterdir()
            if child.is_dir() and not looped(child) and ((child / PLAN_FILE).is_file() or misnamed(child, PLAN_FILE))
        }
        report.problems += [
            stray(entry, msg("hint_results_plan_folders", ids=", ".join(sorted(plan_ids))))
            for entry in sorted(results_root.iterdir())
            if entry.name not in plan_ids and not entry.name.startswith(".")
        ]
    seen = {problem.file for problem in report.problems}  # a loop the readers met is reported once
    report.problems += [problem for problem in loops if problem.file not in seen]
    report.problems.sort(key=lambda p: (p.file, p.line, p.column, p.message))
    return report


def load_plan(
    directory: Path, counts: Counts | None = None, *, keep_invalid: bool = False
) -> tuple[Plan | None, list[Problem]]:
    """Load and check one plan folder. The plan is returned only when it has no errors (see `validate_path`)."""
    counts = counts if counts is not None else Counts()
    problems: list[Problem] = []
    plan_doc, plan_spec = read_checked(directory / PLAN_FILE, PlanFile, problems)
    problems += [
        stray(entry, msg("hint_plan_folder_holds", plan=PLAN_FILE, projects=PROJECTS_DIR))
        for entry in sorted(directory.iterdir())
        if entry.name not in (PLAN_FILE, PROJECTS_DIR) and not entry.name.startswith(".")
    ]
    projects: list[tuple[Document, ProjectFile]] = []
    for path in yaml_files(directory / PROJECTS_DIR, problems):
        document, spec = read_checked(path, ProjectFile, problems)
        if document is not None and spec is not None:
            projects.append((document, spec))

    # Counted as read, even when plan.yaml is not: its projects were read and checked, and are counted.
    counts.plans += 1
    if plan_doc is not None and plan_spec is not None:
        checker = PlanRules(directory, plan_doc, plan_spec, problems)
        checker.check_plan()
        for document, spec in projects:
            checker.check_project(document, spec)
        checker.check_unique_indicators(projects)
        checker.check_labels(projects)
        counts.strategies += len(plan_spec.strategies)
        counts.tasks += sum(len(strategy.tasks) for strategy in plan_spec.strategies)
    counts.projects += len(projects)
    counts.indicators += sum(len(spec.indicators) for _, spec in projects)

    documents: list[tuple[Document, BaseModel]] = [(document, spec) for document, spec in projects]
    if plan_doc is not None and plan_spec is not None:
        documents.insert(0, (plan_doc, plan_spec))
    for text_doc, model in documents:
        english_warnings(text_doc, model, counts, problems)

    if plan_spec is None or (any(problem.severity is Severity.ERROR for problem in problems) and not keep_invalid):
        return None, problems
    ordered = tuple(sorted((spec for _, spec in projects), key=lambda spec: sort_key(spec.id)))
    return Plan(directory, plan_spec, ordered), problems


def load_checked(repository: DataRepository, *, with_results: bool = True) -> ValidationReport:
    """Load the configuration and every plan with its results, or raise `DataError` with all errors found."""
    report = validate_repository(repository, with_results=with_results)
    if report.errors:
        raise DataError(report.errors)
    return report


def plan_of(report: ValidationReport, plan_id: str, where: Path) -> Plan:
    """The plan `plan_id` of loaded data, or a UsageError naming the plans there are."""
    plan = next((plan for plan in report.plans if plan.id == plan_id), None)
    if plan is None:
        known = ", ".join(plan.id for plan in report.plans) or msg("none")
        raise UsageError(msg("usage_no_plan", plan=plan_id, folder=display_path(where), known=known))
    return plan


def check_year_in_period(plan: Plan, year: int) -> None:
    """A UsageError naming the plan's period when `year` is outside it (no year's work can be asked for it)."""
    if year not in plan.spec.period.years:
        first, last = plan.spec.period.first, plan.spec.period.last
        raise UsageError(
            msg("usage_year_outside_period", year=year, plan=plan.id, period=msg("span", first=first, last=last))
        )


def year_results(report: ValidationReport, plan: Plan, year: int) -> YearResults:
    """The results of `plan` for `year`, or a UsageError naming the years that have results."""
    years = report.results.get(plan.id, {})
    if year not in years:
        recorded = ", ".join(str(y) for y in sorted(years)) or msg("none")
        raise UsageError(msg("usage_no_results_year", plan=plan.id, year=year, recorded=recorded))
    return years[year]

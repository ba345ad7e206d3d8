"""The `plansite` command. The only place that prints results and chooses exit codes."""

from __future__ import annotations

import logging
import math
import time
from pathlib import Path

import click

from generator import __version__
from generator.errors import DataError, PlansiteError, Problem, Severity, UsageError
from generator.validate import ValidationReport, validate_path

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

log = logging.getLogger("plansite")


@click.group()
@click.version_option(__version__, prog_name="plansite")
def main() -> None:
    """Build report sites for public plans and their annual implementation checks."""
    logging.basicConfig(format="%(message)s", level=logging.INFO)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("plans"))
@click.option("--strict", is_flag=True, help="Fail on warnings too (e.g. missing English text).")
def validate(path: Path, strict: bool) -> None:
    """Check the plan data in PATH (a folder of plans, or one plan folder)."""
    started = time.perf_counter()
    try:
        report = validate_path(path)
    except UsageError as error:
        _fail_usage(error)
    elapsed = time.perf_counter() - started
    for problem in report.problems:
        click.echo(problem.format(), err=problem.severity is not Severity.NOTICE)
    click.echo(summary_line(report, elapsed))
    failed = bool(report.errors) or (strict and bool(report.warnings))
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


def summary_line(report: ValidationReport, seconds: float) -> str:
    c = report.counts
    counted = (
        f"{_n(c.plans, 'plan')}, {_n(c.strategies, 'strategy', 'strategies')}, {_n(c.tasks, 'task')}, "
        f"{_n(c.projects, 'project')}, {_n(c.indicators, 'indicator')}"
    )
    # Floor, so a single missing field never shows as 100%.
    coverage = f"en coverage {math.floor(c.en_coverage)}%"
    if c.missing_en:
        coverage += f": {_n(c.missing_en, 'field')} missing"
    found = (
        f"{_n(len(report.errors), 'error')}, {_n(len(report.warnings), 'warning')}, {_n(len(report.notices), 'notice')}"
    )
    return f"{counted}; {coverage}; {found} ({seconds:.2f} s)"


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def _fail_usage(error: PlansiteError) -> None:
    click.echo(f"plansite: {error}", err=True)
    raise SystemExit(EXIT_USAGE)


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def run_guarded(error: PlansiteError) -> int:
    """Map a user error to its exit code after printing it cleanly."""
    if isinstance(error, DataError):
        print_problems(error.problems)
        return EXIT_PROBLEMS
    click.echo(f"plansite: {error}", err=True)
    return EXIT_USAGE

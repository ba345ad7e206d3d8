"""The `plansite` command. The only place that prints results and chooses exit codes."""

from __future__ import annotations

import contextlib
import logging
import math
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click

from generator import __version__
from generator.cli.newyear import write_new_year
from generator.cli.report import render_report
from generator.data.model import Plan
from generator.data.validate import ValidationReport, default_results_root, load_checked, validate_path
from generator.errors import DataError, PlansiteError, Severity, UsageError, display_path
from generator.evaluation.year import evaluate_year

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
    with _user_errors():
        report = validate_path(path)
    elapsed = time.perf_counter() - started
    for problem in report.problems:
        click.echo(problem.format(), err=problem.severity is not Severity.NOTICE)
    click.echo(summary_line(report, elapsed))
    failed = bool(report.errors) or (strict and bool(report.warnings))
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


def _plans_option(function):
    return click.option(
        "--plans",
        "plans_dir",
        type=click.Path(path_type=Path),
        default=Path("plans"),
        show_default=True,
        help="Folder of plans.",
    )(function)


def _results_option(function):
    return click.option(
        "--results",
        "results_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Folder of results [default: results/ beside the plans folder].",
    )(function)


def _load(
    plans_dir: Path, results_dir: Path | None, plan_id: str, *, with_results: bool = True
) -> tuple[ValidationReport, Plan]:
    report = load_checked(plans_dir, results_dir, with_results=with_results)
    plan = next((plan for plan in report.plans if plan.id == plan_id), None)
    if plan is None:
        known = ", ".join(plan.id for plan in report.plans) or "none"
        raise UsageError(f"no plan '{plan_id}' in {display_path(plans_dir)} (plans: {known})")
    return report, plan


@main.command()
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@_plans_option
@_results_option
def report(plan_id: str, year: int, plans_dir: Path, results_dir: Path | None) -> None:
    """Print YEAR's grade distribution and audit findings for PLAN."""
    with _user_errors():
        checked, plan = _load(plans_dir, results_dir, plan_id)
        years = checked.results.get(plan.id, {})
        if year not in years:
            recorded = ", ".join(str(y) for y in sorted(years)) or "none"
            raise UsageError(f"{plan.id} has no results for {year} (years with results: {recorded})")
        click.echo(render_report(evaluate_year(plan, years[year])))


@main.command("new-year")
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@_plans_option
@_results_option
def new_year(plan_id: str, year: int, plans_dir: Path, results_dir: Path | None) -> None:
    """Write empty results files for YEAR of PLAN, one per unit project; existing files are kept."""
    with _user_errors():
        # Only the plan must be valid: the year being written may be half there already.
        _, plan = _load(plans_dir, results_dir, plan_id, with_results=False)
        if year not in plan.spec.period.years:
            first, last = plan.spec.period.first, plan.spec.period.last
            raise UsageError(f"{year} is outside the period of {plan.id} ({first}–{last})")
        root = results_dir if results_dir is not None else default_results_root(plans_dir)
        outcome = write_new_year(plan, year, root)
    for path in outcome.written:
        click.echo(f"wrote {display_path(path)}")
    for path in outcome.kept:
        click.echo(f"kept {display_path(path)} (exists)")
    click.echo(f"{len(outcome.written)} file(s) written, {len(outcome.kept)} kept")


@main.command()
@_plans_option
@_results_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True)
@click.option("--base-url", default=None, help="Absolute site address for sitemap.xml (links stay relative).")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
def build(plans_dir: Path, results_dir: Path | None, out_dir: Path, base_url: str | None, quiet: bool) -> None:
    """Build the static site from the plans and results into OUT."""
    # Imported here: the site stack (matplotlib, Jinja2) would slow down validate and report.
    from generator.site.build import build_site

    progress = _progress_printer(quiet)
    with _user_errors():
        summary = build_site(plans_dir, results_dir, out_dir, base_url=base_url, progress=progress)
    if not quiet:
        click.echo(
            f"built {summary.pages} pages, {summary.charts} charts, {summary.files} files "
            f"into {display_path(summary.output)} in {summary.seconds:.1f} s"
        )


@main.command()
@_plans_option
@_results_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True)
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
def serve(plans_dir: Path, results_dir: Path | None, out_dir: Path, port: int) -> None:
    """Build, serve OUT on http://127.0.0.1:PORT/ and rebuild when the data or templates change."""
    from generator.site.serve import serve_and_watch

    with _user_errors():
        serve_and_watch(plans_dir, results_dir, out_dir, port, echo=click.echo)


def _progress_printer(quiet: bool):
    """Progress lines on a terminal only; scripts and CI get just the summary."""
    if quiet or not sys.stderr.isatty():
        return None
    return lambda message: click.echo(f"  {message}…", err=True)


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """Turn user errors into clean messages and exit codes: the CLI edge."""
    try:
        yield
    except DataError as error:
        for problem in error.problems:
            click.echo(problem.format(), err=True)
        click.echo(f"plansite: {len(error.problems)} error(s) in the data; run plansite validate for details", err=True)
        raise SystemExit(EXIT_PROBLEMS) from None
    except PlansiteError as error:
        click.echo(f"plansite: {error}", err=True)
        raise SystemExit(EXIT_USAGE) from None
    except OSError as error:
        # A full disk or a read-only folder: say so plainly; the previous output/ is intact (atomic build).
        click.echo(f"plansite: {error.strerror or error}: {error.filename or ''}".rstrip(": "), err=True)
        raise SystemExit(EXIT_PROBLEMS) from None


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

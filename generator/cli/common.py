"""What every command shares: the data options, the exit codes, and the edge where user errors become
clean messages. Only the `generator.cli` modules print and choose exit codes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import click

from generator.data.layout import PLANS_DIR, RESULTS_DIR, SITE_CONFIG, DataRepository
from generator.data.model import Plan
from generator.data.validate import ValidationReport, load_checked, plan_of
from generator.errors import DataError, PlansiteError, display_path, terminal_safe

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., object])


def data_options(function: F) -> F:
    """--config, --plans and --results: the same on every command that reads the data."""
    options = [
        click.option(
            "--config",
            "config",
            type=click.Path(path_type=Path, dir_okay=False),
            default=None,
            help=f"Site configuration [default: {SITE_CONFIG} in the working directory, if there is one].",
        ),
        click.option(
            "--plans",
            "plans",
            type=click.Path(path_type=Path),
            default=None,
            help=f"Folder of plans, or one plan folder [default: {PLANS_DIR}/ beside the configuration].",
        ),
        click.option(
            "--results",
            "results",
            type=click.Path(path_type=Path),
            default=None,
            help=f"Folder of results [default: {RESULTS_DIR}/ beside the folder of plans].",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def load_plan_of(
    repository: DataRepository, plan_id: str, *, with_results: bool = True
) -> tuple[ValidationReport, Plan]:
    report = load_checked(repository, with_results=with_results)
    return report, plan_of(report, plan_id, repository.plans)


def echo_written(paths: list[Path]) -> None:
    for path in paths:
        click.echo(f"wrote {display_path(path)}")


@contextlib.contextmanager
def user_errors(then: str = "run plansite validate for details") -> Iterator[None]:
    """Turn user errors into clean messages and exit codes: the CLI edge. `then` says what to do next."""
    try:
        yield
    except DataError as error:
        for problem in error.problems:
            click.echo(problem.format(), err=True)
        click.echo(f"plansite: {len(error.problems)} error(s); {then}", err=True)
        raise SystemExit(EXIT_PROBLEMS) from None
    except PlansiteError as error:
        click.echo(terminal_safe(f"plansite: {error}"), err=True)
        raise SystemExit(EXIT_USAGE) from None
    except OSError as error:
        # A full disk or a read-only folder: say so plainly; the previous output/ is intact (atomic build).
        click.echo(terminal_safe(f"plansite: {error.strerror or error}: {error.filename or ''}".rstrip(": ")), err=True)
        raise SystemExit(EXIT_PROBLEMS) from None

"""What every command shares: the data options, the exit codes, and the edge where user errors become
clean messages. Only the `generator.cli` modules print and choose exit codes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from generator.api import default_language
from generator.data.layout import CACHE_DIR, OUTPUT_DIR, PLANS_DIR, RESULTS_DIR, SITE_CONFIG, DataRepository
from generator.errors import DataError, PlansiteError, display_path, error_text, terminal_safe
from generator.i18n import LANGUAGES, t

if TYPE_CHECKING:
    from generator.data.model import Plan
    from generator.data.validate import ValidationReport

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl+C (128 + SIGINT)

F = TypeVar("F", bound=Callable[..., object])

_LANG = "plansite.lang"
OUT_HELP = f"Folder to build into [default: {OUTPUT_DIR}/ beside the configuration]."


class Commands(click.Group):
    """plansite's commands. Ctrl+C ends one with a line in the user's language, where click says "Aborted!";
    whatever it stopped ends too (a build's drawing workers, `drawinghelper`) without a traceback of its own."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(err=True)  # past the ^C the terminal shows
            click.echo(t("interrupted", current_language()), err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


def language_option(*, expose: bool = False) -> Callable[[F], F]:
    """--lang ko|en, the same on every command: the language of what the command says. Without it, the
    locale's (LC_ALL, LC_MESSAGES, LANG), else Korean. `expose` passes it to the command as `lang`."""

    def remember(context: click.Context, _: click.Parameter, value: str) -> str:
        context.meta[_LANG] = value
        return value

    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=lambda: default_language(),
        show_default="the locale's language, else ko",
        callback=remember,
        expose_value=expose,
        is_eager=True,
        help="Language of the messages and output.",
    )


def current_language() -> str:
    """The --lang of the running command (the locale's default outside one)."""
    context = click.get_current_context(silent=True)
    return str(context.meta.get(_LANG, default_language())) if context is not None else default_language()


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
    from generator.data.validate import load_checked, plan_of

    report = load_checked(repository, with_results=with_results)
    return report, plan_of(report, plan_id, repository.plans)


def echo_written(paths: list[Path]) -> None:
    for path in paths:
        click.echo(t("wrote", current_language(), path=display_path(path)))


@contextlib.contextmanager
def user_errors(then: str = "then_validate") -> Iterator[None]:
    """Turn user errors into clean messages and exit codes: the CLI edge. `then` (a catalogue key) says what
    to do next. Messages are worded in the command's --lang."""
    lang = current_language()
    try:
        yield
    except DataError as error:
        for problem in error.problems:
            click.echo(problem.format(lang), err=True)
        click.echo(t("errors_then", lang, count=len(error.problems), then=t(then, lang)), err=True)
        raise SystemExit(EXIT_PROBLEMS) from None
    except PlansiteError as error:
        click.echo(terminal_safe(f"plansite: {error_text(error, lang)}"), err=True)
        raise SystemExit(EXIT_USAGE) from None
    except OSError as error:
        # A full disk or a read-only folder: say so plainly; the previous output/ is intact (atomic build).
        click.echo(terminal_safe(f"plansite: {error.strerror or error}: {error.filename or ''}".rstrip(": ")), err=True)
        raise SystemExit(EXIT_PROBLEMS) from None


def cache_options(command: F) -> F:
    """--cache-dir and --no-cache, the same on every command that builds."""
    command = click.option("--no-cache", is_flag=True, help="Draw every chart, and neither read nor fill the cache.")(
        command
    )
    return click.option(
        "--cache-dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help=f"Folder of the chart cache [default: {CACHE_DIR} in the data repository].",
    )(command)

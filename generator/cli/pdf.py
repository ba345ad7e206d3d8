"""`plansite pdf`: a year's report page as a PDF, printed by headless Chromium with the site's print CSS."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from generator import api
from generator.cli.common import current_language, data_options, echo_written, language_option, user_errors
from generator.i18n import render


@click.command()
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@data_options
@language_option(expose=True)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="The PDF to write [default: PLAN-YEAR-LANG.pdf in the working directory].",
)
@click.option("--force", is_flag=True, help="Replace --out if it exists (only ever an existing PDF).")
def pdf(
    plan_id: str,
    year: int,
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    lang: str,
    out: Path | None,
    force: bool,
) -> None:
    """Print YEAR's report page of PLAN to PDF, as the site prints it, to attach to a council report.

    Needs Playwright and pypdf (plansite's pdf extra: pip install './vendor/plansite-VERSION-py3-none-any.whl[pdf]'
    in a repository made by plansite init, or pip install playwright pypdf) and Chromium or Chrome from the
    system's package manager (apt-get, dnf, brew, winget, choco), or PLANSITE_CHROMIUM set to its path.
    """
    with user_errors():
        options = api.Options.from_environment(config=config, plans=plans, results=results, progress=_progress())
        written = api.print_report(options, plan_id, year, lang, out, force=force)
    echo_written([written])


def _progress() -> Callable[[str], None] | None:
    """Progress lines on a terminal only, as `plansite build` shows them."""
    if not sys.stderr.isatty():
        return None
    lang = current_language()
    return lambda message: click.echo(f"  {render(message, lang)}…", err=True)

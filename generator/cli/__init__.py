"""The `plansite` command. The only place that prints results and chooses exit codes."""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import math
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import api
from generator.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    OUT_HELP,
    Commands,
    cache_options,
    current_language,
    data_options,
    echo_written,
    language_option,
    load_plan_of,
    user_errors,
)
from generator.cli.problems import FORMATS, as_json, github_line, in_files
from generator.data.layout import SCHEMAS_DIR, find_repository
from generator.data.paths import refuse_inside
from generator.errors import Severity, UsageError, display_path, terminal_safe
from generator.i18n import msg, render, t
from generator.version import __version__

if TYPE_CHECKING:
    from generator.data.validate import ValidationReport


log = logging.getLogger("plansite")


@click.group(cls=Commands)
@click.version_option(__version__, prog_name="plansite")
def main() -> None:
    """Build report sites for public plans and their annual implementation checks."""
    logging.basicConfig(format="%(message)s", level=logging.INFO)
    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # serve says "change detected" in its own words


@main.command()
@click.argument("paths", metavar="[PATH]...", nargs=-1, type=click.Path(path_type=Path))
@data_options
@click.option("--strict", is_flag=True, help="Fail on warnings too (e.g. missing English text).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for a terminal; github for annotations on a pull request; json for other tools.",
)
@language_option(expose=True)
def validate(
    paths: tuple[Path, ...],
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    strict: bool,
    output_format: str,
    lang: str,
) -> None:
    """Check the site configuration, the plans and their results.

    PATH is a folder of plans or one plan folder; or files (as a pre-commit hook passes them): then the plans
    those files belong to are checked, and the problems in the files given are listed first.
    """
    started = time.perf_counter()
    from generator.data.validate import plans_of

    with user_errors():
        files, folder = _validate_paths(paths, plans)
        options = api.Options.from_environment(config=config, plans=folder or plans, results=results)
        only = plans_of(api.repository(options), files) if files else None
        report = api.validate(options, only=only)
    summary = summary_line(report, time.perf_counter() - started, lang)
    first, rest = in_files(report.problems, files)
    if output_format == "json":
        click.echo(as_json(report, files, summary, lang))
    elif output_format == "github":
        for problem in (*first, *rest):
            click.echo(github_line(problem, lang))
        click.echo(summary)
    else:
        for number, problem in enumerate((*first, *rest)):
            if files and first and number == len(first) and rest:
                click.echo(t("elsewhere_in_plans", lang), err=True)
            click.echo(problem.format(lang), err=problem.severity is not Severity.NOTICE)
        click.echo(summary)
    failed = bool(report.errors) or (strict and bool(report.warnings))
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


def _validate_paths(paths: tuple[Path, ...], plans: Path | None) -> tuple[list[Path], Path | None]:
    """Files to check the plans of, or one folder of plans; UsageError for anything else."""
    folders = [path for path in paths if path.is_dir()]
    missing = [path for path in paths if not path.exists()]
    if len(paths) == 1 and missing:
        return [], paths[0]  # as a folder of plans: its message says where plansite looks
    if missing:
        raise UsageError(msg("usage_no_such_path", path=display_path(missing[0])))
    if folders and (len(paths) > 1 or plans is not None):
        raise UsageError(msg("usage_folder_or_files"))
    if folders:
        return [], folders[0]
    return list(paths), None


@main.command()
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@data_options
@language_option(expose=True)
def report(plan_id: str, year: int, config: Path | None, plans: Path | None, results: Path | None, lang: str) -> None:
    """Print YEAR's grade distribution and audit findings for PLAN."""
    from generator.cli.report import render_report
    from generator.data.validate import year_results
    from generator.evaluation.year import evaluate_year

    with user_errors():
        checked, plan = load_plan_of(find_repository(plans=plans, results=results, config=config), plan_id)
        click.echo(render_report(evaluate_year(plan, year_results(checked, plan, year)), lang))


@main.command("new-year")
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@data_options
@language_option()
def new_year(plan_id: str, year: int, config: Path | None, plans: Path | None, results: Path | None) -> None:
    """Write empty results files for YEAR of PLAN, one per unit project; existing files are kept."""
    from generator.data.newyear import write_new_year
    from generator.data.validate import check_year_in_period

    with user_errors():
        repository = find_repository(plans=plans, results=results, config=config)
        # Only the plan must be valid: the year being written may be half there already.
        _, plan = load_plan_of(repository, plan_id, with_results=False)
        check_year_in_period(plan, year)
        # The schemas sit beside the folders of data (plansite schema, plansite init).
        outcome = write_new_year(plan, year, repository.results, repository.results.parent / SCHEMAS_DIR)
    echo_written(outcome.written)
    lang = current_language()
    for path in outcome.kept:
        click.echo(t("kept_exists", lang, path=display_path(path)))
    click.echo(t("new_year_summary", lang, written=len(outcome.written), kept=len(outcome.kept)))


@main.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text for a terminal, markdown for a pull-request comment, json for other tools.",
)
@language_option(expose=True)
def diff(base: str | None, head: str | None, output_format: str, lang: str) -> None:
    """What a change does to the data: HEAD against BASE, in the plan's terms.

    BASE and HEAD are git revisions (a branch, a tag, a commit) or folders of a data repository. BASE defaults
    to where the current branch left the main branch, HEAD to the working tree. Run it from the data
    repository's root. Exits 1 only when HEAD's data has errors.
    """
    from generator.review.formats import as_json, as_markdown, as_text
    from generator.review.sides import diff_data
    from generator.review.view import diff_view

    with user_errors():
        changes = diff_data(Path.cwd(), base, head)
    if output_format == "json":
        click.echo(as_json(changes), nl=False)
    else:
        render = as_markdown if output_format == "markdown" else as_text
        click.echo(render(diff_view(changes, lang), lang), nl=False)
    raise SystemExit(EXIT_PROBLEMS if changes.head_errors else EXIT_OK)


# A build holds its whole site model (millions of objects for thousands of unit projects) until it ends: the
# garbage collector walks young objects only after this many new ones (700 by default), as mypy's command does,
# rather than walking the model again and again (a one-value build of 4,000 unit projects: 48.6 -> 43.7 s).
BUILD_GC_THRESHOLDS = (100_000, 50, 1000)
# As the process ends, Python's last collection would walk every object still held (about 0.1 s after a build of
# the shipped data); frozen, they are left for the system to free. Registered once, it runs only at the very end.
atexit.register(gc.freeze)


@contextlib.contextmanager
def _collected_seldom() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)  # as it was for whatever runs in this process next (a test, a caller)


@main.command()
@data_options
@cache_options
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help=OUT_HELP)
@click.option(
    "--base-url", default=None, help="Absolute site address for sitemap.xml [default: base_url in site.yaml]."
)
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@language_option()
def build(
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
    out_dir: Path | None,
    base_url: str | None,
    quiet: bool,
) -> None:
    """Build the static site from the plans and results into OUT."""
    with user_errors(), _collected_seldom():
        options = api.Options.from_environment(
            config=config,
            plans=plans,
            results=results,
            out=out_dir,
            base_url=base_url,
            cache_dir=cache_dir,
            use_cache=not no_cache,
            progress=_progress_printer(quiet),
        )
        summary = api.build(options)
    if not quiet:
        lang = current_language()
        drawn = t("charts_drawn", lang, drawn=summary.drawn) if summary.drawn < summary.charts else ""
        said = "site_up_to_date" if summary.up_to_date else "built_summary"
        click.echo(
            t(
                said,
                lang,
                pages=summary.pages,
                charts=summary.charts,
                drawn=drawn,
                files=summary.files,
                output=display_path(summary.output),
                seconds=f"{summary.seconds:.1f}",
            )
        )
        if not summary.sitemap:
            click.echo(t("no_sitemap", lang))
        if summary.no_amendments:
            click.echo(t("no_amendments_listed", lang, why=terminal_safe(render(summary.no_amendments, lang))))
        if summary.cache_unusable:
            click.echo(t("charts_not_cached", lang, why=terminal_safe(summary.cache_unusable)))
        if summary.cache_rejected:
            click.echo(t("cache_entries_rejected", lang, count=summary.cache_rejected))
        if summary.cache_left_alone:
            where = ", ".join(terminal_safe(folder) for folder in summary.cache_left_alone)
            click.echo(t("cache_links_left_alone", lang, where=where))


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(SCHEMAS_DIR),
    show_default=True,
    help="Folder to write the schemas into.",
)
@language_option()
def schema(out_dir: Path) -> None:
    """Write the JSON Schemas of the data files, for editors that check YAML as you type."""
    from generator.cli.schemafiles import write_schemas
    from generator.data.jsonschema import schema_files

    with user_errors():
        data = find_repository()  # the data repository of the working directory, whose folders hold only data
        refuse_inside(out_dir, [data.plans, data.results])
        written = write_schemas(out_dir)
    echo_written(written)
    kept = len(schema_files()) - len(written)
    key = "schemas_none_written" if not written else "schemas_some_written" if kept else "schemas_all_written"
    click.echo(t(key, current_language(), count=len(written), kept=kept, folder=display_path(out_dir)))


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--plansite-source",
    "source",
    metavar="REQUIREMENT",
    default=None,
    help="Install plansite from REQUIREMENT in the new repository's requirements.txt (e.g. a pinned"
    " 'plansite @ git+https://…@v0.1.0') instead of this plansite written as a wheel into vendor/.",
)
@language_option()
def init(directory: Path, source: str | None) -> None:
    """Write a new, minimal data repository into DIRECTORY (which must be empty or not exist yet).

    Its requirements.txt installs exactly this plansite, from a wheel written into its vendor/ folder.
    """
    from generator.cli.scaffold import write_scaffold

    with user_errors():
        written = write_scaffold(directory, source)
    echo_written(written)
    click.echo(t("init_next", current_language(), folder=display_path(directory)))


@main.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path())
@language_option()
def vendor(directory: Path) -> None:
    """Put this plansite into the data repository DIRECTORY [default: here], after installing a newer one.

    Writes it as a wheel into vendor/ and points the plansite line of requirements.txt at it; removes the
    wheel plansite wrote there before. Changes nothing else: never a file plansite did not write.
    """
    from generator.cli.vendoring import REQUIREMENTS, VENDOR_DIR, update_vendored, wheel_name

    with user_errors():
        outcome = update_vendored(directory)
    echo_written(outcome.written)
    lang = current_language()
    for path in outcome.removed:
        click.echo(t("removed", lang, path=display_path(path)))
    values = {
        "requirements": display_path(directory / REQUIREMENTS),
        "version": __version__,
        "wheel": display_path(directory / VENDOR_DIR / wheel_name()),
    }
    click.echo(t("vendor_done" if outcome.written else "vendor_up_to_date", lang, **values))


def _progress_printer(quiet: bool):
    """Progress lines on a terminal only; scripts and CI get just the summary."""
    if quiet or not sys.stderr.isatty():
        return None
    lang = current_language()
    return lambda message: click.echo(f"  {render(message, lang)}…", err=True)


def summary_line(report: ValidationReport, seconds: float, lang: str = "en") -> str:
    c = report.counts
    counted = ", ".join(
        _n(count, noun, lang)
        for count, noun in (
            (c.plans, "plan"),
            (c.strategies, "strategy"),
            (c.tasks, "task"),
            (c.projects, "project"),
            (c.indicators, "indicator"),
        )
    )
    # Floor, so a single missing field never shows as 100%.
    coverage = t("en_coverage", lang, percent=math.floor(c.en_coverage))
    if c.missing_en:
        coverage += t("en_missing", lang, fields=_n(c.missing_en, "field", lang))
    found = ", ".join(
        _n(len(problems), noun, lang)
        for problems, noun in ((report.errors, "error"), (report.warnings, "warning"), (report.notices, "notice"))
    )
    return t("validate_summary", lang, counted=counted, coverage=coverage, found=found, seconds=f"{seconds:.2f}")


def _n(count: int, noun: str, lang: str) -> str:
    """`3 errors`, `1 error`; in Korean `오류 3건` (no plural)."""
    return t(f"count_{noun}_one" if count == 1 else f"count_{noun}_many", lang, count=count)


# Registered here, defined in modules of their own: the spreadsheet round trip, the live preview and the preview
# with the editor's forms, the printed report, and the documentation read offline.
from generator.cli.manual import docs  # noqa: E402
from generator.cli.pdf import pdf  # noqa: E402
from generator.cli.preview import edit, serve  # noqa: E402
from generator.cli.spreadsheets import collect, import_  # noqa: E402

for _command in (collect, import_, serve, edit, pdf, docs):
    main.add_command(_command)

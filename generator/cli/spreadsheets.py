"""`plansite collect` and `plansite import`: a year's results through the departments' spreadsheets."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    current_language,
    data_options,
    echo_written,
    language_option,
    load_plan_of,
    user_errors,
)
from generator.data.layout import find_repository
from generator.i18n import t


@click.command()
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@data_options
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the workbooks [default: workbooks/PLAN-YEAR].",
)
@click.option("--deadline", default="", help="The date the departments return them by, shown on each workbook.")
@language_option()
def collect(
    plan_id: str,
    year: int,
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    out_dir: Path | None,
    deadline: str,
) -> None:
    """Write one workbook per department to fill in YEAR's results of PLAN, and an index."""
    from generator.sheets.collecting import collect_workbooks

    with user_errors():
        repository = find_repository(plans=plans, results=results, config=config)
        report, plan = load_plan_of(repository, plan_id)
        out = out_dir or repository.root / "workbooks" / f"{plan.id}-{year}"
        filed = report.results.get(plan.id, {}).get(year)
        data = (repository.plans, repository.results)
        written = collect_workbooks(plan, year, filed, out, deadline, data_folders=data)
    echo_written(written)
    click.echo(t("workbooks_written", current_language(), count=len(written) - 1, plan=plan.id, year=year))


@click.command("import")
@click.argument("plan_id", metavar="PLAN")
@click.argument("year", type=int)
@click.argument(
    "workbooks", metavar="FILE.xlsx...", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False)
)
@data_options
@click.option("--dry-run", is_flag=True, help="Show what would change, and write nothing.")
@click.option("--update", is_flag=True, help="Replace values the results already hold (see --dry-run first).")
@language_option(expose=True)
def import_(
    plan_id: str,
    year: int,
    workbooks: tuple[Path, ...],
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    dry_run: bool,
    update: bool,
    lang: str,
) -> None:
    """Read filled-in workbooks into YEAR's results of PLAN; nothing is written while any problem remains."""
    from generator.review.formats import as_text
    from generator.review.view import diff_view
    from generator.sheets.importing import prepare_import, write_import

    with user_errors("then_import_again"):
        repository = find_repository(plans=plans, results=results, config=config)
        report, plan = load_plan_of(repository, plan_id)
        planned = prepare_import(repository, plan, year, report.results.get(plan.id, {}).get(year), list(workbooks))
    if planned.diff.plans or dry_run:
        click.echo(as_text(diff_view(planned.diff, lang), lang), nl=False)
    if planned.overwrites and not update:
        for change in planned.overwrites:
            where = f"{change.project_id} {change.indicator_id}".strip()
            change_text = f"{change.key}: {change.before!r} → {change.after!r}"
            click.echo(t("would_replace", lang, where=where, change=change_text), err=True)
        click.echo(t("overwrites_need_update", lang, count=len(planned.overwrites)), err=True)
        raise SystemExit(EXIT_PROBLEMS)
    if dry_run:
        click.echo(t("dry_run_summary", lang, count=len(planned.files)))
        raise SystemExit(EXIT_OK)
    with user_errors():
        write_import(planned.files)
    echo_written(sorted(planned.files))
    click.echo(t("import_summary", lang, count=len(planned.files)))

"""`plansite serve` and `plansite edit`: the live preview, and the preview with the editor's forms (issue 31)."""

from __future__ import annotations

from pathlib import Path

import click

from generator import api
from generator.cli.common import OUT_HELP, cache_options, current_language, data_options, language_option, user_errors


@click.command()
@data_options
@cache_options
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help=OUT_HELP)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
@click.option(
    "--edit", is_flag=True, help="Edit the data in the browser: forms that check as you type and write the YAML."
)
@language_option()
def serve(
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
    out_dir: Path | None,
    port: int,
    edit: bool,
) -> None:
    """Build, serve OUT on http://127.0.0.1:PORT/ and rebuild when the data or the theme change."""
    with user_errors():
        options = api.Options.from_environment(
            config=config, plans=plans, results=results, out=out_dir, cache_dir=cache_dir, use_cache=not no_cache
        )
        api.serve(options, port, echo=click.echo, lang=current_language(), edit=edit)


@click.command()
@data_options
@cache_options
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help=OUT_HELP)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
@language_option()
def edit(
    config: Path | None,
    plans: Path | None,
    results: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
    out_dir: Path | None,
    port: int,
) -> None:
    """The live preview with forms to edit the data (plansite serve --edit), on http://127.0.0.1:PORT/."""
    with user_errors():
        options = api.Options.from_environment(
            config=config, plans=plans, results=results, out=out_dir, cache_dir=cache_dir, use_cache=not no_cache
        )
        api.serve(options, port, echo=click.echo, lang=current_language(), edit=True)

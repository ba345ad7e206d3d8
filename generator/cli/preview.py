"""`plansite serve` and `plansite edit`: the live preview, and the preview with the editor's forms (issue 31)."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import click

from generator import api
from generator.cli.common import (
    OUT_HELP,
    F,
    cache_options,
    current_language,
    data_options,
    language_option,
    user_errors,
)


def preview_options(command: F) -> F:
    """The options both commands take: the data, the cache, the folder served and the port."""
    decorators: list[Callable[[F], F]] = [
        data_options,
        cache_options,
        click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None, help=OUT_HELP),
        click.option(
            "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1."
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _serve(
    paths: tuple[Path | None, Path | None, Path | None, Path | None, Path | None], no_cache: bool, port: int, edit: bool
) -> None:
    """Serve (`paths`: the configuration, plans, results, cache and output folders as given), with or without the
    editor."""
    config, plans, results, cache_dir, out_dir = paths
    with user_errors():
        options = api.Options.from_environment(
            config=config, plans=plans, results=results, out=out_dir, cache_dir=cache_dir, use_cache=not no_cache
        )
        # Stopped by a service manager or `kill` as by Ctrl+C: the preview ends its drawing worker and its server.
        signal.signal(signal.SIGTERM, _interrupted)
        api.serve(options, port, echo=click.echo, lang=current_language(), edit=edit)


def _interrupted(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


@click.command()
@preview_options
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
    _serve((config, plans, results, cache_dir, out_dir), no_cache, port, edit)


@click.command()
@preview_options
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
    _serve((config, plans, results, cache_dir, out_dir), no_cache, port, edit=True)

"""`plansite docs`: the documentation an office needs, read from the installed package (offline).

`generator/cli/docs/` holds links to the repository's `docs/` files (one copy of the text); the wheel carries the
files themselves.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from generator.cli.common import current_language, language_option
from generator.i18n import t

DOCS = files("generator.cli").joinpath("docs")
# Each topic, and the catalogue key of what it covers.
TOPICS = {
    "data-format": "docs_about_data_format",
    "publishing": "docs_about_publishing",
    # review.md is not shipped: its worked example is this repository's own (Seoul) data.
}


def document(topic: str) -> str:
    return DOCS.joinpath(f"{topic}.md").read_text(encoding="utf-8")


@click.command()
@click.argument("topic", required=False, type=click.Choice(list(TOPICS)))
@click.option("--path", "show_path", is_flag=True, help="Print where the file is instead of its text.")
@language_option()
def docs(topic: str | None, show_path: bool) -> None:
    """Read plansite's documentation, offline: the data format, publishing the site, reviewing a change.

    Without TOPIC, list the topics. The text is Markdown, shown in a pager on a terminal.
    """
    lang = current_language()
    if topic is None:
        click.echo(t("docs_topics", lang))
        for name, key in TOPICS.items():
            click.echo(f"  plansite docs {name:<12} {t(key, lang)}")
        return
    if show_path:
        click.echo(str(Path(str(DOCS.joinpath(f"{topic}.md")))))
    else:
        click.echo_via_pager(document(topic))

"""`site.yaml`: what a data repository says about its own site (in the spirit of `mkdocs.yml`).

The generator holds no word about any one city or plan office: the site's name, tagline, publisher and
footer come from here, checked like every other data file (positions, unknown keys are errors).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.data.fields import Slug, describe_value
from generator.data.schema import Model, Text
from generator.data.schemacheck import EnglishTally, english_warnings, read_checked
from generator.errors import Problem
from generator.i18n import msg


def _absolute_url(value: Any) -> str:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise PydanticCustomError(
            "absolute_url", "{message}", {"message": msg("absolute_url_got", got=describe_value(value))}
        )
    return value


def _relative_folder(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or Path(value).is_absolute():
        message = msg("relative_folder_got", got=describe_value(value))
        raise PydanticCustomError("relative_folder", "{message}", {"message": message})
    return value


AbsoluteUrl = Annotated[
    str, PlainValidator(_absolute_url), WithJsonSchema({"type": "string", "pattern": "^https?://[^/]+"})
]


class SiteConfigFile(Model):
    site_name: Text
    # The site's short name in file names, such as the zip of all its data; by default its English name, slugged.
    # Never the checkout folder's name: a CI clone lives elsewhere, and the name must not change with it.
    slug: Slug | None = None
    tagline: Text | None = None
    organisation: Text | None = None
    base_url: AbsoluteUrl | None = None
    footer: Text | None = None
    licence: Text | None = None  # the terms the site's content may be reused under, as its publisher states them
    licence_url: AbsoluteUrl | None = None  # where those terms are published in full
    methodology_notes: Text | None = None  # Markdown: the site's own notes on how its data was read
    theme_dir: (
        Annotated[str, PlainValidator(_relative_folder), WithJsonSchema({"type": "string", "pattern": "^[^/]"})] | None
    ) = None


@dataclass(frozen=True)
class SiteConfig:
    """The checked configuration, with the theme folder resolved against the file's folder."""

    spec: SiteConfigFile | None  # None: no site.yaml; the site uses the catalogue's neutral defaults
    theme_dir: Path | None = None


def load_config(path: Path | None, tally: EnglishTally, problems: list[Problem]) -> SiteConfig:
    """Read `site.yaml` if there is one; every problem is added to `problems`."""
    if path is None:
        return SiteConfig(None)
    document, spec = read_checked(path, SiteConfigFile, problems)
    if document is None or spec is None:
        return SiteConfig(None)
    english_warnings(document, spec, tally, problems)
    theme_dir = None
    if spec.theme_dir is not None:
        theme_dir = path.parent / spec.theme_dir
        if not theme_dir.is_dir():
            problems.append(
                document.problem(
                    ("theme_dir",),
                    msg("theme_missing", folder=spec.theme_dir),
                    hint=msg("hint_create_theme"),
                )
            )
    return SiteConfig(spec, theme_dir)

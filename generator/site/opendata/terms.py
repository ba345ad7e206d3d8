"""How to cite the open data and the terms it may be reused under, as the site states them, for the data package.

The files themselves stay pure data: a CSV file is a table and nothing else (a comment line breaks its readers),
and a JSON file is the plan or the check, with no block about itself. What is said about the files goes where
the standard has room for it: `datapackage.json` (`licenses`, and a citation in the package's own Korean and
English fields) and the README of the zip of all the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.site.opendata.values import Json


@dataclass(frozen=True)
class Terms:
    """Everything in the language it is in (`ko`, `en`), as the site's pages word it."""

    citation: Mapping[str, str]  # how to cite, per language; its address when the site's is known
    licence: Mapping[str, str]  # the licence's name per language (site.yaml `licence`); empty: none stated
    licence_url: str = ""  # where its full terms are (site.yaml `licence_url`); may be empty


def package_terms(terms: Terms) -> Json:
    """The package's properties for `terms`.

    `licenses` is the standard's: each licence needs a `name` (an Open Definition id, which a site's licence
    such as 공공누리 제1유형 has not) or a `path`, so it is stated there only with its address; without one,
    the licence's name is in `licence` and `licence_en` (the package's convention for Korean and English), as
    the citation is in `citation` and `citation_en`. Without a licence neither is there: none is stated."""
    properties: Json = {}
    licence = {lang: text for lang, text in terms.licence.items() if text}
    if licence and terms.licence_url:
        properties["licenses"] = [_without_empty({"path": terms.licence_url, **_localised("title", licence)})]
    elif licence:
        properties |= _localised("licence", licence)
    return properties | _localised("citation", {lang: text for lang, text in terms.citation.items() if text})


def _localised(key: str, texts: Mapping[str, str]) -> Json:
    """`{"ko": a, "en": b}` → `{key: a, key_en: b}`: Korean in the standard's property, English beside it."""
    return _without_empty({key: texts.get("ko", ""), f"{key}_en": texts.get("en", "")})


def _without_empty(data: Json) -> Json:
    return {key: value for key, value in data.items() if value}

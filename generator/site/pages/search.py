"""The search page: a form, and the results the browser finds in the site's Pagefind index (see site.search)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.i18n import t
from generator.site.pages.common import Page, Site, page_meta
from generator.site.pages.paths import lang_path
from generator.site.search import INDEX_DIR

SEARCH_PAGE = "search.html"
QUERY_PARAMETER = "q"


@dataclass(frozen=True)
class SearchContent:
    """What the search script needs: the address of its language's index from the site root, and its messages.

    `messages` are whole sentences with `{query}` and `{count}` for the script to fill in; it shows none of
    them without JavaScript, when the page says `no_script` instead."""

    template: ClassVar[str] = "search.html"

    index: str
    parameter: str
    no_script: str
    messages: tuple[tuple[str, str], ...]


_MESSAGES = (
    "search_hint",
    "search_loading",
    "search_none",
    "search_one",
    "search_many",
    "search_file",
    "search_failed",
    "search_more",
)


def search_page(site: Site, lang: str) -> Page:
    meta = page_meta(site, lang, SEARCH_PAGE, t("search", lang), indexed=False)
    return Page(
        meta,
        SearchContent(
            index=lang_path(lang, f"{INDEX_DIR}/pagefind.js"),  # its language's own bundle
            parameter=QUERY_PARAMETER,
            no_script=t("search_no_script", lang),
            messages=tuple((key.removeprefix("search_"), t(key, lang)) for key in _MESSAGES),
        ),
    )

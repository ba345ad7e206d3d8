"""The page a host serves for a missing path (404.html), in each language.

A host may serve it at any depth (`/plans/x/nope.html`), so when the site's address is known its links are
absolute from the site's path (`root`); relative links would lead nowhere there. `en/404.html` is the English
page for hosts that can serve a 404 per folder; the root page, which hosts such as GitHub Pages serve for every
missing path, also says it in the other language, with a link to that language's home page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.i18n import other_language, t
from generator.site.pages.common import Link, Page, Site, page_meta
from generator.site.pages.paths import lang_path


@dataclass(frozen=True)
class OtherLanguage:
    """The same message in the other language, marked with its language."""

    lang: str
    title: str
    text: str
    home: Link


@dataclass(frozen=True)
class NotFoundContent:
    template: ClassVar[str] = "404.html"

    text: str
    other: OtherLanguage | None = None  # on the root page only: it is served for missing pages of both languages
    root: str | None = None  # the site's path on its host ("/plans/") when its address is known; links start there


def not_found_page(site: Site, lang: str) -> Page:
    other = None
    if lang_path(lang, "404.html") == "404.html":
        second = other_language(lang)
        other = OtherLanguage(
            lang=second,
            title=t("not_found_title", second),
            text=t("not_found_text", second),
            home=Link(lang_path(second, "index.html"), t("home", second)),
        )
    return Page(
        page_meta(site, lang, "404.html", t("not_found_title", lang), indexed=False),
        NotFoundContent(t("not_found_text", lang), other, site.root),
    )

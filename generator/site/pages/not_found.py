"""The page a host serves for a missing path (404.html), in each language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.i18n import t
from generator.site.pages.common import Page, Site, page_meta


@dataclass(frozen=True)
class NotFoundContent:
    template: ClassVar[str] = "404.html"

    text: str


def not_found_page(site: Site, lang: str) -> Page:
    return Page(
        page_meta(site, lang, "404.html", t("not_found_title", lang), indexed=False),
        NotFoundContent(t("not_found_text", lang)),
    )

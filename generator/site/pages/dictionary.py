"""The data dictionary: what the downloadable files contain, column by column, in the page's language.

Its text is the packaged open-data Markdown of the language (`DICTIONARY_FILES`): the English one is also where
the data package takes each column's English meaning from (`generator.site.opendata.package`), and a test keeps
the Korean one's tables to the same names. Every download block links here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from generator.i18n import t
from generator.site.markup import render_sections
from generator.site.pages.common import Link, Page, Site, all_data_link, page_meta
from generator.site.pages.navigation import contents_links
from generator.site.pages.paths import DICTIONARY_PATH

DICTIONARY_FILES = {"ko": "open-data.ko.md", "en": "open-data.md"}


@dataclass(frozen=True)
class DataDictionaryContent:
    template: ClassVar[str] = "data.html"

    contents: tuple[Link, ...]  # every h2 of the page, in order: the contents list at its top
    body: Markup
    all_data: Link | None = None  # the zip of all the data, below the contents list


def dictionary_page(site: Site, lang: str) -> Page:
    title = t("data_dictionary", lang)
    # The text's own title (`# …`) names the document where it is read as a file; the page has its own h1.
    text = re.sub(r"\A# [^\n]*\n", "", site.open_data_md[lang])
    body, sections = render_sections(text, title)
    content = DataDictionaryContent(contents_links((h.id, h.title) for h in sections), body, all_data_link(site, lang))
    return Page(page_meta(site, lang, DICTIONARY_PATH, title), content)

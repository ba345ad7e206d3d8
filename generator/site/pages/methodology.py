"""The methodology page: how rates and grades are computed, the grade scale, and the site's own notes.

The text is the packaged `methodology.<lang>.md`, which states no fact about any one plan or city; what is
particular to a site's plans comes from its data repository (`methodology_notes` in site.yaml). What the
downloads contain is the data dictionary's page (`dictionary`), linked from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from generator.data.grades import Band, scale_of
from generator.data.model import Plan
from generator.describe import grade_ranges
from generator.i18n import t
from generator.site.markup import Heading, render_sections
from generator.site.pages.common import Link, Page, Site, page_meta
from generator.site.pages.navigation import contents_links
from generator.site.pages.paths import DICTIONARY_PATH, lang_path

PATH = "methodology.html"
# The ids the notes' headings get from their words start so, apart from the packaged text's ids.
NOTES_ID_PREFIX = "notes-"


@dataclass(frozen=True)
class ScaleRow:
    grade: str
    range: str


@dataclass(frozen=True)
class ScaleTable:
    """One grade scale and the plans that use it: plans sharing a scale share a table."""

    caption: str
    rows: tuple[ScaleRow, ...]


@dataclass(frozen=True)
class MethodologyContent:
    template: ClassVar[str] = "methodology.html"

    contents: tuple[Link, ...]  # every h2 of the page, in order: the contents list at its top
    scale_section: Heading
    scales: tuple[ScaleTable, ...]
    body: Markup
    notes: Markup  # the site's own notes (site.yaml's methodology_notes), after the generic text; may be empty
    data_section: Heading
    data_note: str
    dictionary: Link


def methodology_page(site: Site, lang: str) -> Page:
    title = t("methodology", lang)
    # The methodology text is written with ## sections; the notes' own sections start at # (→ h2 beside them),
    # as a site cannot add a second h1.
    body, body_sections = render_sections(site.methodology_md[lang], title)
    notes_md = site.methodology_notes(lang)
    notes, notes_sections = (
        render_sections(notes_md, title, heading_shift=1, id_prefix=NOTES_ID_PREFIX) if notes_md else (Markup(), ())
    )
    scale_section = Heading("scale", t("scale", lang))
    data_section = Heading("open-data", t("open_data", lang))
    content = MethodologyContent(
        contents=contents_links(
            (h.id, h.title) for h in (scale_section, *body_sections, *notes_sections, data_section)
        ),
        scale_section=scale_section,
        scales=scale_tables(site.plans, lang),
        body=body,
        notes=notes,
        data_section=data_section,
        data_note=t("methodology_data_note", lang),
        dictionary=Link(lang_path(lang, DICTIONARY_PATH), t("data_dictionary_link", lang)),
    )
    return Page(page_meta(site, lang, PATH, title), content)


def scale_tables(plans: Sequence[Plan], lang: str) -> tuple[ScaleTable, ...]:
    by_scale: dict[tuple[Band, ...], list[str]] = {}
    for plan in plans:
        by_scale.setdefault(scale_of(plan.spec), []).append((plan.spec.short_title or plan.spec.title).get(lang))
    return tuple(
        ScaleTable(
            caption=f"{t('scale_caption', lang)}: {', '.join(names)}",
            rows=tuple(ScaleRow(grade, text) for grade, text in grade_ranges(scale, lang)),
        )
        for scale, names in by_scale.items()
    )

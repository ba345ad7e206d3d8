"""The methodology page: the grade scale, how rates are computed, and the open-data reference."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from generator.data.grades import Band, scale_of
from generator.data.model import Plan
from generator.describe import grade_ranges
from generator.i18n import t
from generator.site.markup import render_markdown
from generator.site.pages.common import Page, Site, page_meta


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

    scales: tuple[ScaleTable, ...]
    body: Markup
    notes: Markup  # the site's own notes (site.yaml's methodology_notes), after the generic text; may be empty
    open_data: Markup
    open_data_note: str


def methodology_page(site: Site, lang: str) -> Page:
    notes = site.methodology_notes(lang)
    content = MethodologyContent(
        scales=scale_tables(site.plans, lang),
        # The methodology text is written with ## sections, the open-data reference starts at # (→ h3 here).
        body=render_markdown(site.methodology_md[lang], t("methodology", lang), heading_shift=0),
        # The notes' own sections start at # (→ h2, beside the text's sections): a site cannot add a second h1.
        notes=render_markdown(notes, t("methodology", lang), heading_shift=1) if notes else Markup(),
        open_data=render_markdown(site.open_data_md, t("open_data", lang), heading_shift=2),
        open_data_note=t("open_data_note", lang),
    )
    return Page(page_meta(site, lang, "methodology.html", t("methodology", lang)), content)


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

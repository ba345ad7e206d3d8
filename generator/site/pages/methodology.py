"""The methodology page: the grade scale, how rates are computed, and the open-data reference."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from generator.evaluation.grading import Band, scale_of
from generator.i18n import t
from generator.site.markup import render_markdown
from generator.site.pages.common import Page, Site, page_meta


@dataclass(frozen=True)
class ScaleRow:
    grade: str
    range: str


@dataclass(frozen=True)
class MethodologyContent:
    template: ClassVar[str] = "methodology.html"

    scale_caption: str
    scale: tuple[ScaleRow, ...]
    body: Markup
    open_data: Markup
    open_data_note: str


def methodology_page(site: Site, lang: str) -> Page:
    scale = scale_of(site.plans[0].spec) if site.plans else ()
    content = MethodologyContent(
        scale_caption=t("scale_caption", lang),
        scale=scale_rows(scale, lang),
        # The methodology text is written with ## sections, the open-data reference starts at # (→ h3 here).
        body=render_markdown(site.methodology_md[lang], t("methodology", lang), heading_shift=0),
        open_data=render_markdown(site.open_data_md, t("open_data", lang), heading_shift=2),
        open_data_note=t("open_data_note", lang),
    )
    return Page(page_meta(site, lang, "methodology.html", t("methodology", lang)), content)


def scale_rows(scale: Sequence[Band], lang: str) -> tuple[ScaleRow, ...]:
    rows = []
    for index, band in enumerate(scale):
        upper = scale[index - 1].min_rate - 1 if index > 0 else None
        if upper is None:
            text = f"{band.min_rate}% 이상" if lang == "ko" else f"{band.min_rate}% and above"
        elif upper == band.min_rate:
            text = f"{band.min_rate}%"
        elif band.min_rate == 0:
            text = f"{upper + 1}% 미만" if lang == "ko" else f"below {upper + 1}%"
        else:
            text = f"{band.min_rate}–{upper}%"
        rows.append(ScaleRow(band.grade, text))
    return tuple(rows)

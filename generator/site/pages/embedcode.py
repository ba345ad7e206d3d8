"""Where the embeds are, and the "embed this" block that hands out their `<iframe>` code.

The embed pages themselves are made in `embed`; this module is apart so that the pages the embeds belong to
(`project`, `report`) can show the code without importing the module that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from generator.data.model import Plan
from generator.i18n import t
from generator.site.pages.common import Site
from generator.site.pages.credits import absolute_url
from generator.site.pages.paths import lang_path

EMBED_DIR = "embed"  # under each language's root: embed/… and en/embed/…
# The frame's size in the code: what the embed needs at that width with its details closed (measured in a
# browser, tests/browser/test_embeds.py); a host may change it, and the frame shrinks to a narrower column.
CHART_FRAME = ("600", "470")
HEADLINE_FRAME = ("600", "350")


def indicator_embed_path(plan: Plan, indicator_id: str) -> str:
    """`embed/plans/<plan>/indicator-1-1-1-1.html`: one indicator's target-and-actual chart."""
    return f"{EMBED_DIR}/plans/{plan.id}/indicator-{indicator_id}.html"


def headline_embed_path(plan: Plan, year: int) -> str:
    """`embed/plans/<plan>/report-2021-summary.html`: one annual report's headline and its bar."""
    return f"{EMBED_DIR}/plans/{plan.id}/report-{year}-summary.html"


@dataclass(frozen=True)
class EmbedCode:
    """The `<iframe>` code of one embed, shown as selectable text under what it embeds (works without a script).

    With the site's address known, `src` in the code is absolute and `path` is empty. Without it, the code names
    the embed by its path inside the site (`path`, also its `src`), `hint` says to put the site's address before
    it, and site.js, when the page is served over http(s), puts the address the reader sees in its place."""

    id: str  # the text box's id: "embed-ind-1-1-1-1", the same in both languages
    heading: str  # "이 차트 퍼가기"
    label: str
    code: str  # the HTML to paste, as text
    path: str  # the embed's path from the site's root, when the code holds no absolute address; else ""
    hint: str  # what to do with a code whose src is a path; "" when it is absolute
    copy: str  # the copy button's words (the button shows only with site.js)
    copied: str


def embed_code(site: Site, lang: str, path: str, ident: str, title: str, *, headline: bool = False) -> EmbedCode:
    """The block for the embed at `path` (from its language's root, e.g. `indicator_embed_path`), titled `title`."""
    full = lang_path(lang, path)
    address = absolute_url(site.address, full)
    width, height = HEADLINE_FRAME if headline else CHART_FRAME
    frame_title = t("embed_frame_title", lang, title=title, site=site.name(lang))
    code = (
        f'<iframe src="{escape(address or full)}" title="{escape(frame_title)}" width="{width}" height="{height}" '
        f'loading="lazy" style="border: 0; max-width: 100%;"></iframe>'
    )
    return EmbedCode(
        id=f"embed-{ident}",
        heading=t("embed_headline_heading" if headline else "embed_chart_heading", lang),
        label=t("embed_code_label", lang),
        code=code,
        path="" if address else full,
        hint="" if address else t("embed_code_relative", lang),
        copy=t("embed_copy", lang),
        copied=t("embed_copied", lang),
    )

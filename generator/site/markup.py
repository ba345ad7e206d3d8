"""Markdown from the YAML, rendered and then sanitised: data is never trusted to be safe HTML."""

from __future__ import annotations

import functools

import markdown
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "a", "h2", "h3", "h4", "h5", "h6", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align", "scope"}, "td": {"align"}}
# Only web and mail links; javascript: and data: URLs are dropped by nh3.
URL_SCHEMES = {"http", "https", "mailto"}


def _four_space_nesting(text: str) -> str:
    """Editors nest lists by two spaces, as GitHub and CommonMark allow; Python-Markdown wants four."""
    lines = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        lines.append(" " * (indent * 2) + stripped if stripped else "")
    return "\n".join(lines)


# Pure, and the slowest step of rendering pages: kept per process, so `serve` renders unchanged text once.
@functools.lru_cache(maxsize=8192)
def render_markdown(text: str, table_caption: str = "", *, heading_shift: int = 2) -> Markup:
    """Markdown → safe HTML. Tables get `table_caption` (numbered if several), as every table needs one.

    Headings move down by `heading_shift` levels, so text from the data fits under the page's own headings.
    """
    html = markdown.markdown(_four_space_nesting(text), extensions=["tables", "sane_lists"], output_format="html")
    # Headings inside data text would break the page's outline (one h1, sections at h2): shift them down.
    if heading_shift:
        for level in range(6 - heading_shift, 0, -1):
            shifted = level + heading_shift
            html = html.replace(f"<h{level}", f"<h{shifted}").replace(f"</h{level}>", f"</h{shifted}>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # Tables from Markdown have no header scope; screen readers need it (KWCAG data tables).
    clean = clean.replace("<th>", '<th scope="col">').replace('<th align="', '<th scope="col" align="')
    tables = clean.count("<table>")
    for number in range(1, tables + 1):
        label = table_caption if tables == 1 else f"{table_caption} ({number})"
        caption = f"<table><caption>{escape(label)}</caption>"
        clean = clean.replace("<table>", caption.replace("<table>", "<table >"), 1)
    clean = clean.replace("<table >", "<table>")
    return Markup(clean)

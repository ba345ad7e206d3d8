"""Markdown from the YAML, rendered and then sanitised: data is never trusted to be safe HTML."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import html as html_text
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import nh3
from markupsafe import Markup, escape

from generator.site.tables import REGION_END, label_cells, table_region

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


class RenderStore(Protocol):
    """Where renders are kept between processes (`buildcache.MarkdownStore`), by a key naming what was rendered."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, body: bytes) -> None: ...


# Set while a build with a cache folder makes its pages; a context variable, so another thread's build (or serve,
# which keeps its renders in memory) is not affected.
_STORE: contextvars.ContextVar[RenderStore | None] = contextvars.ContextVar("markdown_store", default=None)


@contextlib.contextmanager
def renders_kept_in(store: RenderStore) -> Iterator[None]:
    """Renders come from `store` when it has them, and go into it, while the block runs."""
    token = _STORE.set(store)
    try:
        yield
    finally:
        _STORE.reset(token)


def _render_key(*what: object) -> str:
    return json.dumps(what, ensure_ascii=False)


def render_markdown(text: str, table_caption: str, *, heading_shift: int = 2) -> Markup:
    """Markdown → safe HTML. Tables get `table_caption` (numbered if several), as every table needs one, and
    their scroll region named by it.

    Headings move down by `heading_shift` levels, so text from the data fits under the page's own headings.
    """
    store = _STORE.get()
    if store is None:
        return _render_markdown(text, table_caption, heading_shift)
    key = _render_key("markdown", text, table_caption, heading_shift)
    kept = store.get(key)
    if kept is not None:
        with contextlib.suppress(UnicodeDecodeError):
            return Markup(kept.decode("utf-8"))  # sealed by the store: what this code rendered from this text
    html = _render_markdown(text, table_caption, heading_shift)
    store.put(key, str(html).encode("utf-8"))
    return html


# Pure, and the slowest step of rendering pages: kept per process, so `serve` renders unchanged text once.
@functools.lru_cache(maxsize=8192)
def _render_markdown(text: str, table_caption: str, heading_shift: int) -> Markup:
    import markdown  # only when a text is rendered: a build whose renders are all kept needs none

    html = markdown.markdown(_four_space_nesting(text), extensions=["tables", "sane_lists"], output_format="html")
    return _finish(html, table_caption, heading_shift, ALLOWED_ATTRIBUTES)


def _finish(html: str, table_caption: str, heading_shift: int, attributes: dict[str, set[str]]) -> Markup:
    """Shift the headings, sanitise, and give every table its scope and caption, its scroll region named by the
    caption and its cells' labels, as the page's own data tables have (`tables.py`: one place for both)."""
    # Headings inside data text would break the page's outline (one h1, sections at h2): shift them down.
    if heading_shift:
        for level in range(6 - heading_shift, 0, -1):
            shifted = level + heading_shift
            html = html.replace(f"<h{level}", f"<h{shifted}").replace(f"</h{level}>", f"</h{shifted}>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # Tables from Markdown have no header scope; screen readers need it (KWCAG data tables).
    clean = clean.replace("<th>", '<th scope="col">').replace('<th align="', '<th scope="col" align="')
    tables = clean.count("<table>")
    for number in range(1, tables + 1):
        label = table_caption if tables == 1 else f"{table_caption} ({number})"
        opening = f"{table_region(label)}<table ><caption>{escape(label)}</caption>"
        clean = clean.replace("<table>", opening, 1)
    clean = clean.replace("<table >", "<table>").replace("</table>", f"</table>{REGION_END}")
    return label_cells(clean) if tables else Markup(clean)


# -- documents with sections: the packaged texts and the site's own notes -------------------------------------


@dataclass(frozen=True)
class Heading:
    """A section of a rendered document, for its contents list: the heading's id and its words."""

    id: str
    title: str


# Headings of a sectioned document keep their ids (nothing else is added to what data text may carry).
HEADING_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, **{f"h{level}": {"id"} for level in range(2, 7)}}


def render_sections(
    text: str, table_caption: str = "", *, heading_shift: int = 0, id_prefix: str = ""
) -> tuple[Markup, tuple[Heading, ...]]:
    """Markdown with ids on its headings → safe HTML and the sections that become the page's h2 headings (see
    `_render_sections`); kept in the build's store when it has one."""
    store = _STORE.get()
    if store is None:
        return _render_sections(text, table_caption, heading_shift, id_prefix)
    key = _render_key("sections", text, table_caption, heading_shift, id_prefix)
    kept = store.get(key)
    if kept is not None:
        with contextlib.suppress(ValueError, TypeError):
            html, sections = json.loads(kept)
            return Markup(str(html)), tuple(Heading(str(id_), str(title)) for id_, title in sections)
    body, headings = _render_sections(text, table_caption, heading_shift, id_prefix)
    store.put(key, json.dumps([str(body), [[h.id, h.title] for h in headings]], ensure_ascii=False).encode())
    return body, headings


@functools.lru_cache(maxsize=64)
def _render_sections(
    text: str, table_caption: str, heading_shift: int, id_prefix: str
) -> tuple[Markup, tuple[Heading, ...]]:
    """Markdown with ids on its headings → safe HTML and the sections that become the page's h2 headings.

    A heading keeps the id it names (`## Rounding {#rounding}`, the same in every language, so a link and the
    language switch land on the same section); one that names none gets one from its words, after `id_prefix`,
    which keeps the ids of two documents on one page apart. The page's own h1 is never in the text.
    """

    import markdown
    from markdown.extensions.toc import slugify_unicode

    def slug(value: str, separator: str) -> str:
        return id_prefix + (slugify_unicode(value, separator) or "section")

    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "attr_list", "toc"],
        extension_configs={"toc": {"slugify": slug}},
        output_format="html",
    )
    html = converter.convert(_four_space_nesting(text))
    level = 2 - heading_shift  # the Markdown level that becomes h2 on the page
    sections = tuple(
        Heading(token["id"], html_text.unescape(token["name"]))
        for token in _flat(converter.toc_tokens)  # type: ignore[attr-defined]
        if token["level"] == level
    )
    return _finish(html, table_caption, heading_shift, HEADING_ATTRIBUTES), sections


def _flat(tokens: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for token in tokens:
        yield token
        yield from _flat(token["children"])

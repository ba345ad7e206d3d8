"""Words inside Korean compounds, made findable: extra search terms for a page, added before Pagefind reads it.

Pagefind finds a word by its beginning, and Korean writes nouns together (시민참여, 정보소통광장), so a reader
who types the part of a name they remember (참여, 광장) would find nothing. For every Hangul word of three or more
syllables on a Korean page, the suffixes of two or more syllables (시민참여 → 민참여, 참여) are added as terms, so
that Pagefind's prefix match becomes a match anywhere inside a word. Measured on the shipped plans against
morphological analysis and character bigrams, this finds every page whose text holds the query, at the lowest
build cost and with no model to ship (the note on issue 28 has the table).

The terms go into a Pagefind metadata field of `<main>`: Pagefind searches metadata, but neither shows it on the
page nor puts it in a result's excerpt, and it ranks a page whose own words match above one found only through
these terms. A suffix that already begins a word of the page is left out: the page is found by that word. The
terms come from the words Pagefind indexes, so none from a figure's cell or a chart's drawing (`searched`).

Pagefind also runs the text of table cells and of a description list's terms and descriptions together
(소관부서정보공개담당관, 2024202520262027), in the words it indexes and in its excerpts; a space after each cell,
where a browser shows nothing (between table cells and between the items of a grid), keeps them apart.
"""

from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser

from generator.site.tables import UNSEARCHED

COMPOUND_LANGUAGES = frozenset({"ko"})  # languages that write words together; English keeps Pagefind's stemming
TERMS_META = "terms"  # the metadata field that holds the terms (site.js does not show it)
MIN_WORD = 3  # syllables: a two-syllable word has no inner part of two syllables
MIN_PART = 2  # syllables: one syllable alone matches too much to be worth finding inside words
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")  # precomposed Hangul syllables
_BODY = " data-pagefind-body>"  # the end of the opening tag of `<main>` on an indexed page (base.html)
_SKIPPED = frozenset({"script", "style"})
_GLUED_CELL = re.compile(r"(</(?:th|td|dt|dd)>)(?=<)")  # a cell closed right before the next tag
# A figure's cell (site/tables.py): no `<` between the opening tag and `</td>`, so the match ends where the cell
# does.
_UNSEARCHED_CELL = re.compile(rb"<td\b[^>]*" + re.escape(UNSEARCHED.encode()) + rb"[^>]*>[^<]*</td>")
# A chart's box (templates/macros.html), whose drawing is an SVG (which holds no other `<svg>`) and nothing else.
_UNSEARCHED_CHART = re.compile(rb'<div class="chart-(?:wide|narrow)"' + re.escape(UNSEARCHED.encode()) + rb"><svg\b")
_CHART_END = b"</svg></div>"


def compound_terms(text: str) -> tuple[str, ...]:
    """The suffixes of the Hangul words in `text` that Pagefind would not otherwise find, in a fixed order."""
    words = sorted(set(_HANGUL_WORD.findall(text)))
    suffixes = {word[start:] for word in words if len(word) >= MIN_WORD for start in range(1, len(word) - 1)}
    return tuple(sorted(suffix for suffix in suffixes if not _begins_a_word(suffix, words)))


def _begins_a_word(prefix: str, words: list[str]) -> bool:
    """Whether some word of the sorted `words` starts with `prefix`."""
    at = bisect.bisect_left(words, prefix)
    return at < len(words) and words[at].startswith(prefix)


class _Text(HTMLParser):
    """The text of an HTML fragment, without the content of scripts and styles: the reference that `quick_text`
    must equal (tests/test_searchterms.py), and what reads a fragment outside its grammar."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def parsed_text(fragment: str) -> str:
    """The text of `fragment` as HTMLParser reads it: its pieces of text between markup, joined by spaces."""
    reader = _Text()
    reader.feed(fragment)
    reader.close()
    return " ".join(reader.parts)


# The markup of well-formed HTML, in one pattern, each branch consuming exactly what HTMLParser consumes as one
# tag, comment or skipped element (a script or a style with its content), in Python 3.11 as in the later versions
# that parse more as HTML5 does. HTMLParser took half of a build's rendering time on pages with charts (tens of
# thousands of tags each); this is one regular-expression split, in C. Anything else that starts with "<" (a
# declaration, a processing instruction, a tag with odd quoting or names, a script holding "</" or "<!", an element
# whose content later versions read as text) matches no branch, stays in the text, and sends the fragment to
# HTMLParser.
_SPACE = r"[ \t\n\r\f]"  # the whitespace that ends a tag's name, for HTMLParser (not the other Unicode spaces)
_NAME = r"[a-zA-Z][-.a-zA-Z0-9:_]*"
_QUOTED = r"""(?:"[^"]*"|'[^']*')"""
_BARE = r"""[^\s"'<>/=`\x00]+"""
_VALUE = f"(?:{_QUOTED}|{_BARE})"


def _attributes(value: str) -> str:
    """A tag's attributes, each after whitespace, with or without a value of the form `value`."""
    return rf"""(?:{_SPACE}+[^\s"'<>/=\x00]+(?:{_SPACE}*={_SPACE}*{value})?)*"""


_END = r"(?=[ \t\n\r\f/>])"  # where a tag's name ends


def _skipped(name: str) -> str:
    """A script or style (HTMLParser's CDATA_CONTENT_ELEMENTS) and its content: only quoted attribute values and no
    self-closing slash, so that HTMLParser opens it as this does, and no "</" or "<!" inside, so that every version
    closes it where this does."""
    return rf"(?ai:{name}){_attributes(_QUOTED)}{_SPACE}*>(?:[^<]|<(?![/!]))*</(?ai:{name}){_SPACE}*>"


def _text_only(name: str) -> str:
    """The start tag of an element whose content later versions of HTMLParser read as text, not tags (title,
    textarea): taken only when no "<" comes before its end tag, where every version reads the same text."""
    return rf"(?ai:{name}){_END}{_attributes(_VALUE)}{_SPACE}*>(?=[^<]*</(?ai:{name}){_SPACE}*>)"


# Elements whose content HTMLParser skips, or some version reads as text: their start tags are left to HTMLParser
# unless a branch above takes them.
_SPECIAL = "(?ai:script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext)"

_MARKUP = re.compile(
    "<(?:"
    + "|".join(
        (
            "!--(?!-?>)(?:[^-]|-(?!-))*-->",  # a comment without "--" inside: closed alike by every version
            _skipped("script"),
            _skipped("style"),
            _text_only("title"),
            _text_only("textarea"),
            rf"/{_NAME}{_SPACE}*>",  # an end tag
            rf"(?!{_SPECIAL}{_END}){_NAME}{_attributes(_VALUE)}{_SPACE}*/?>",  # any other start tag
        )
    )
    + ")",
    re.DOTALL,
)


def quick_text(fragment: str) -> str | None:
    """`parsed_text(fragment)`, faster, for a fragment whose every "<" opens markup `_MARKUP` knows; else None."""
    text = " ".join(piece for piece in _MARKUP.split(fragment) if piece)
    if "<" in text:
        return None
    # Entities are decoded after joining: none spans a space, so this is decoding each piece on its own.
    return html.unescape(text)


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, without scripts, styles and comments, exactly as HTMLParser gives it."""
    quick = quick_text(fragment)
    return quick if quick is not None else parsed_text(fragment)


def searched(page: bytes) -> bytes:
    """The page without the parts Pagefind skips whose extent is sure: each element marked
    `data-pagefind-ignore="all"` that is a table cell holding text only (a figure, site/tables.py) or a chart's
    box holding its drawing alone (one `<svg>`, templates/macros.html). Anything else, marked or not, is kept, so
    the result holds at least what Pagefind reads (what the search index's key hashes, site/searchcache.py)."""
    page = _UNSEARCHED_CELL.sub(b"", page)
    kept: list[bytes] = []
    position = 0
    for start in _UNSEARCHED_CHART.finditer(page):
        if start.start() < position:
            continue  # inside the chart just left out (cannot happen: an SVG holds no such box)
        opened = page.find(b">", start.end())
        end = page.find(b"</svg>", opened)
        if opened < 0 or page[opened - 1 : opened] == b"/" or end < 0 or not page.startswith(_CHART_END, end):
            continue  # not one drawing alone in its box (or one closed at once: its end is not sure): kept
        kept.append(page[position : start.start()])
        position = end + len(_CHART_END)
    kept.append(page[position:])
    return b"".join(kept)


def indexed_text(page: str) -> str:
    """The text of the page's indexed `<main>`, as Pagefind reads it (without scripts, styles, figures' cells and
    charts' drawings: `searched`); empty when the page is not indexed."""
    if _BODY not in page:
        return ""
    page = searched(page.encode()).decode()
    start = page.find(_BODY) + len(_BODY)  # `searched` leaves `<main>`'s opening tag as it was
    end = page.find("</main>", start)  # `<main>` holds no other `<main>`
    return fragment_text(page[start : end if end >= 0 else len(page)])


def with_spaced_cells(page: str) -> str:
    """The page with a space after each table cell, term and description that another tag follows at once, so
    that Pagefind reads them as separate words; a reader sees the page as it was."""
    return _GLUED_CELL.sub(r"\1 ", page)


def with_compound_terms(page: str) -> str:
    """The page with the terms of its indexed `<main>` in a Pagefind metadata field; the page as it was when it is
    not indexed or has no compound to open."""
    if _BODY not in page:
        return page
    terms = compound_terms(indexed_text(page))
    if not terms:
        return page
    # Hangul syllables and spaces only: nothing to escape in the attribute, no comma to split Pagefind's list.
    field = f' data-pagefind-body data-pagefind-meta="{TERMS_META}:{" ".join(terms)}">'
    return page.replace(_BODY, field, 1)

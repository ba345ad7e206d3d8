"""Every data table of the site, from a template or from Markdown in the data, goes through here (issue 27).

Two things, in one place so a future page cannot forget them:

- `table_region`: the scroll region a table sits in. On a screen too narrow for it, a wide table scrolls in this
  box, which a keyboard can focus and a screen reader names (WCAG 1.4.10 allows it for data tables).
- `label_cells`: each body cell gets its column's header words as `data-label`, and every part of the table its
  ARIA role. On a phone the stylesheet turns each row into a block whose figures carry those labels, so the row's
  name and its key figures are on screen without scrolling sideways; changing `display` of table parts makes some
  browsers forget that they are a table, which the explicit roles keep. A figure's cell (`class="num"`) is also
  kept out of the search index (`data-pagefind-ignore="all"`): a reader looks for names and words, not for a
  figure, and an edit of figures alone then leaves the search index as it was (site/searchcache.py).

The HTML passed to `label_cells` is the site's own: template output, or Markdown already sanitised by nh3. A table
nested in a cell (Markdown inside a narrative row) is left as it is: it was labelled when its own text was made.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

REGION_END = Markup("</div>")

_TAG = re.compile(r"<(/?)(table|thead|tbody|tfoot|tr|th|td)\b([^>]*)>", re.IGNORECASE)
_SPAN = re.compile(r'\b(colspan|rowspan)="?(\d+)"?', re.IGNORECASE)
_SCOPE = re.compile(r'\bscope="?([a-z]+)"?', re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_FIGURE_CELL = re.compile(r'\bclass="(?:[^"]*\s)?num(?:\s[^"]*)?"')
UNSEARCHED = ' data-pagefind-ignore="all"'  # Pagefind leaves the element out, with all it holds
_SPACE = re.compile(r"\s+")
_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tfoot": "rowgroup", "tr": "row", "td": "cell"}


def table_region(label: str, unit: str = "") -> Markup:
    """The opening tag of a table's scroll region, named by the table's caption (and its unit line, if any).

    Focusable, so a keyboard can scroll it; the site's script takes the Tab stop away from a region that does not
    overflow (and gives it back if it comes to, on resize). Close it with `REGION_END`."""
    name = f"{label} {unit}" if unit else label
    return Markup('<div class="scroll-region" role="region" tabindex="0" aria-label="{}">').format(name.strip())


@dataclass
class _Columns:
    """The header words of each column, read from the head rows: a heading spanning columns labels them all, and
    one spanning rows down keeps its columns from the rows below it."""

    words: dict[int, list[str]] = field(default_factory=dict)
    covered_to: dict[int, int] = field(default_factory=dict)  # column → last head row a heading above covers
    row: int = -1
    labels: dict[int, str] = field(default_factory=dict)  # each column's label, once its head is read

    def first_free(self, column: int) -> int:
        while self.covered_to.get(column, -1) >= self.row:
            column += 1
        return column

    def add(self, column: int, attributes: str, text: str) -> int:
        """A head cell at `column`; the column where the next one starts."""
        span, rows = _span(attributes, "colspan"), _span(attributes, "rowspan")
        self.labels.clear()
        for c in range(column, column + span):
            self.words.setdefault(c, []).append(text)
            if rows > 1:
                self.covered_to[c] = self.row + rows - 1
        return self.first_free(column + span)

    def label(self, column: int) -> str:
        """The column's header words, escaped for an attribute (the same for every row: made once)."""
        label = self.labels.get(column)
        if label is None:
            label = self.labels[column] = str(
                escape(" ".join(dict.fromkeys(w for w in self.words.get(column, []) if w)))
            )
        return label


def label_cells(table_html: str) -> Markup:
    """`table_html` (one table's inside, from its macro, or HTML holding whole tables) with its role on every
    table part and its column's header words on each body cell (`data-label`). A nested table is left as it is."""
    source = str(table_html)  # slices of a plain str: a slice of Markup is wrapped again, one per piece
    out: list[str] = []
    base = 0 if _starts_inside_a_table(source) else 1
    depth, in_head, column, position = 0, False, 0, 0
    columns = _Columns()
    for match in _TAG.finditer(source):
        start, end = match.span()
        out.append(source[position:start])
        position = end
        closing, tag, attributes = match.groups()
        name = tag.lower()
        if name == "table":
            depth += -1 if closing else 1
            if closing and depth < base:
                columns, in_head = _Columns(), False
        if closing or depth != base or "role=" in attributes:
            out.append(match.group(0))
            continue
        role = _ROLES.get(name) or _header_role(attributes)
        extra = f' role="{role}"'
        if name in ("thead", "tbody", "tfoot"):
            in_head = name == "thead"
        elif name == "tr":
            columns.row += in_head
            column = columns.first_free(0) if in_head else 0
        elif in_head:
            column = columns.add(column, attributes, _cell_text(source, position))
        else:
            span = _span(attributes, "colspan")
            label = columns.label(column) if name == "td" and span == 1 else ""
            if label:  # a cell spanning columns (a note under a row) is not one column's figure
                extra += f' data-label="{label}"'
            if name == "td" and _FIGURE_CELL.search(attributes):
                extra += UNSEARCHED
            column += span
        out.append(f"<{tag}{attributes}{extra}>")
    out.append(source[position:])
    return Markup("".join(out))


def _starts_inside_a_table(fragment: str) -> bool:
    """A macro's body is the inside of its table (it starts at <thead>); Markdown output holds whole tables."""
    first = _TAG.search(fragment)
    return first is not None and first.group(2).lower() != "table"


def _header_role(attributes: str) -> str:
    scope = _SCOPE.search(attributes)
    return "rowheader" if scope and scope.group(1).lower().startswith("row") else "columnheader"


def _span(attributes: str, which: str) -> int:
    if "span" not in attributes.lower():  # most cells: no regular expression to run
        return 1
    for found in _SPAN.finditer(attributes):
        if found.group(1).lower() == which:
            return max(1, int(found.group(2)))
    return 1


def _cell_text(source: str, start: int) -> str:
    """The words of a head cell: its text up to the next table tag, without tags, spaces collapsed."""
    end = _TAG.search(source, start)
    inner = source[start : end.start() if end else len(source)]
    return _SPACE.sub(" ", html.unescape(_TAGS.sub("", inner))).strip()

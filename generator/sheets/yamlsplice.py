"""Writing a whole edited document back into its YAML text: only the lines of the values that change.

`yamlupdate` writes a workbook's values into a results file; this is the same splicing for any data file and
any change, as the browser editor needs it (a target changed, an indicator added, a text removed). The old and
the new data are compared value by value; each difference is spliced into the text at the position PyYAML's
parser gives for it, with `yamlupdate`'s rendering of values (`{ko: …, en: …}`, figures, quoting only where
YAML needs it). A change inside a flow collection (`targets: {2024: 5, 2025: 7}`) rewrites that collection on
its line; a new key gets a line under its neighbours with their indentation; a new list item is written under
the last one as the file writes its items; a removed key or item loses its own lines. A changed text that runs
over several lines is written as a literal block (`|`), as the data files write Markdown.

The spliced text is read back and must hold exactly the new data. When it does not, or the layout is one the
splicing does not handle, the document is written by a ruamel round trip instead (comments, key order and
quoting of untouched values kept, but the whole document re-emitted), so the values are always right and the
diff is small wherever it can be.
"""

from __future__ import annotations

import io
from typing import Any

import yaml as pyyaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.review.changes import plain
from generator.sheets.yamlupdate import (
    _before_break,
    _comparable,
    _deep_end,
    _line_after,
    _render,
    _Unsupported,
    _yaml,
)

Path = tuple[Any, ...]
Splice = tuple[int, int, str]
_SCALARS = (str, int, float, bool, type(None))


def rewritten(text: str, data: Any) -> str:
    """`text` changed to hold `data`: the changed values' lines only where that can be done, else a ruamel dump."""
    if _same(pyyaml.safe_load(text), data):
        return text
    spliced = _spliced(text, data)
    if spliced is not None:
        return spliced
    return _dumped(text, data)


def _same(one: Any, other: Any) -> bool:
    return bool(plain(_comparable(one)) == plain(_comparable(other)))


def _spliced(text: str, data: Any) -> str | None:
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    unended = not body.endswith("\n")
    body += newline if unended else ""
    try:
        root = pyyaml.compose(body, Loader=pyyaml.SafeLoader)
        old = pyyaml.safe_load(body)
        if not isinstance(root, pyyaml.MappingNode) or root.flow_style:
            return None
        splices = _Splicer(body, newline).differences(root, old, data, 0)
    except (pyyaml.YAMLError, _Unsupported, ValueError, RecursionError):
        return None
    ordered = sorted(splices, key=lambda s: (s[0], s[1]))
    for (_, end), (start, _, _) in zip([(s[0], s[1]) for s in ordered], ordered[1:], strict=False):
        if start < end:
            return None  # two changes in one place: not something to splice
    for start, end, replacement in reversed(ordered):
        body = body[:start] + replacement + body[end:]
    try:
        if not _same(pyyaml.safe_load(body), data):
            return None
    except pyyaml.YAMLError:
        return None
    return bom + (body.removesuffix(newline) if unended else body)


class _Splicer:
    """The splices that turn one composed document into the new data, value by value."""

    def __init__(self, body: str, newline: str) -> None:
        self.body = body
        self.newline = newline

    def differences(self, node: pyyaml.Node, old: Any, new: Any, indent: int) -> list[Splice]:
        """Splices for `node` (holding `old`) to hold `new`; `indent` is the column its own lines start at."""
        if _same(old, new):
            return []
        if getattr(node, "flow_style", False):
            return [(node.start_mark.index, node.end_mark.index, _flow(new))]
        if isinstance(node, pyyaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict) and node.value:
            return self._mapping(node, old, new)
        if isinstance(node, pyyaml.SequenceNode) and isinstance(old, list) and isinstance(new, list) and node.value:
            return self._sequence(node, old, new)
        if isinstance(node, pyyaml.ScalarNode):
            return [self._scalar(node, new, indent)]
        raise _Unsupported

    def _scalar(self, node: pyyaml.ScalarNode, new: Any, indent: int) -> Splice:
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">"):
            end = _before_break(self.body, end)
        if isinstance(new, dict | list) and new:
            raise _Unsupported  # a text became a mapping: not on one line
        rendered = self._value(new, indent + 2)
        if start == end:
            return start, end, " " + rendered  # `actual:` left empty
        return start, end, rendered

    def _mapping(self, node: pyyaml.MappingNode, old: dict[Any, Any], new: dict[Any, Any]) -> list[Splice]:
        splices: list[Splice] = []
        column = node.value[0][0].start_mark.column
        for key_node, value_node in node.value:
            key = pyyaml.safe_load(self.body[key_node.start_mark.index : key_node.end_mark.index] or "null")
            if key not in old:
                raise _Unsupported  # a key PyYAML reads differently alone (a merge key): not ours to edit
            if key not in new:
                splices.append(self._removed_lines(key_node.start_mark.index, _deep_end(value_node)))
            elif self._reshaped(value_node, new[key]):
                # A block mapping or list that becomes one value: the value goes on the key's line, its lines go.
                end = _before_break(self.body, _deep_end(value_node))
                splices.append((key_node.end_mark.index, end, ": " + self._value(new[key], column + 2)))
            else:
                splices += self.differences(value_node, old[key], new[key], column)
        added = [key for key in new if key not in old]
        if added:
            at = _line_after(self.body, _deep_end(node.value[-1][1]))
            text = "".join(self._entry(key, new[key], column) for key in added)
            splices.append((at, at, text))
        return splices

    @staticmethod
    def _reshaped(node: pyyaml.Node, new: Any) -> bool:
        """A block collection whose new value is of another shape (or empty): rewritten whole on its key's line."""
        if not isinstance(node, pyyaml.MappingNode | pyyaml.SequenceNode) or node.flow_style:
            return False
        shape = dict if isinstance(node, pyyaml.MappingNode) else list
        return not isinstance(new, shape) or not new or not node.value

    def _sequence(self, node: pyyaml.SequenceNode, old: list[Any], new: list[Any]) -> list[Splice]:
        splices: list[Splice] = []
        items = node.value
        dash, column = self._dash(items[0])
        for item, before, after in zip(items, old, new, strict=False):
            splices += self.differences(item, before, after, column)
        for item in items[len(new) :]:
            line = self.body.rfind("\n", 0, item.start_mark.index) + 1
            splices.append((line, _line_after(self.body, _deep_end(item)), ""))
        if len(new) > len(old):
            at = _line_after(self.body, _deep_end(items[-1]))
            splices.append((at, at, "".join(self._item(value, dash, column) for value in new[len(old) :])))
        return splices

    def _dash(self, item: pyyaml.Node) -> tuple[int, int]:
        """The column of a list's dash and of its items' text, as its first item writes them."""
        line = self.body.rfind("\n", 0, item.start_mark.index) + 1
        lead = self.body[line : item.start_mark.index]
        if lead.strip() != "-":
            raise _Unsupported  # `- - x`, or an item after a comment on its line
        return lead.index("-"), item.start_mark.column

    def _removed_lines(self, start: int, end: int) -> Splice:
        line = self.body.rfind("\n", 0, start) + 1
        if self.body[line:start].strip():
            raise _Unsupported  # the first key of a list item shares its line with the dash
        return line, _line_after(self.body, end), ""

    def _entry(self, key: Any, value: Any, column: int) -> str:
        """A new `key: value` at `column`, its value on the line or, for a list of mappings, below it."""
        lead = " " * column + f"{_render(_key_text(key))}:"
        if isinstance(value, list) and value and not all(isinstance(v, _SCALARS) for v in value):
            return lead + self.newline + "".join(self._item(v, column + 2, column + 4) for v in value)
        if isinstance(value, dict) and any(isinstance(v, str) and "\n" in v.rstrip("\n") for v in value.values()):
            # A text of several lines (Markdown) under its languages, each a literal block, as the files write it.
            return lead + self.newline + "".join(self._entry(k, v, column + 2) for k, v in value.items())
        return f"{lead} {self._value(value, column + 2)}{self.newline}"

    def _item(self, value: Any, dash: int, column: int) -> str:
        """A new list item: `- key: value` and its other keys under the first, or `- value`."""
        prefix = " " * dash + "-" + " " * (column - dash - 1)
        if not isinstance(value, dict) or not value:
            return f"{prefix}{self._value(value, column)}{self.newline}"
        lines = [self._entry(key, item, column) for key, item in value.items()]
        return prefix + lines[0][column:] + "".join(lines[1:])

    def _value(self, value: Any, indent: int) -> str:
        """A value after its key: a literal block for a text of several lines, else one line."""
        if isinstance(value, str) and "\n" in value.rstrip("\n") and (block := _literal(value, indent, self.newline)):
            return block
        return _flow(value)


def _key_text(key: Any) -> Any:
    return key if isinstance(key, str) else str(key) if isinstance(key, int) and not isinstance(key, bool) else key


def _flow(value: Any) -> str:
    """A value on one line: `{ko: …, en: …}`, `[2021, 2022]`, a figure, a text, null, true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return _render(value)


def _flow_key(key: Any) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return str(key)  # a year: written bare, as YAML reads it back as a number
    return _render(str(key))


def _literal(value: str, indent: int, newline: str) -> str | None:
    """`value` as a literal block (`|`) whose lines start at `indent`; None when a block cannot hold it."""
    lines = value.split("\n")
    trailing = len(value) - len(value.rstrip("\n"))
    if trailing > 1 or lines[0].startswith(" ") or any(line.rstrip(" ") != line for line in lines):
        return None  # a leading space needs an indentation indicator, trailing spaces are lost to editors
    if any(not char.isprintable() and char != "\t" for char in value.replace("\n", "")):
        return None
    chomp = "" if trailing == 1 else "-"
    content = value[:-1] if trailing else value
    pad = " " * indent
    return "|" + chomp + newline + newline.join(pad + line if line else "" for line in content.split("\n"))


def _dumped(text: str, data: Any) -> str:
    """The whole document through ruamel, with the new data laid over the old nodes (their comments kept)."""
    yaml = _yaml(text)
    document = yaml.load(text)
    merged = _laid_over(document, data)
    stream = io.StringIO()
    yaml.dump(merged, stream)
    return stream.getvalue()


def _laid_over(node: Any, new: Any) -> Any:
    if isinstance(node, CommentedMap) and isinstance(new, dict):
        for key in [key for key in node if key not in new]:
            del node[key]
        for key, value in new.items():
            node[key] = _laid_over(node[key], value) if key in node else value
        return node
    if isinstance(node, CommentedSeq) and isinstance(new, list):
        del node[len(new) :]
        for index, value in enumerate(new):
            if index < len(node):
                node[index] = _laid_over(node[index], value)
            else:
                node.append(value)
        return node
    return node if _same(node, new) else new

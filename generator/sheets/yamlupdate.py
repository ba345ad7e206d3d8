"""Writing imported values into a project's results file in place: only the lines of the values that change.

Only the keys a workbook fills in are touched: each indicator's status, actual, reason and narrative, and the
project's budget execution. A key whose value does not change is left exactly as written (a block text whose
only difference is its final line break is the same text).

Why line edits and not a ruamel dump: ruamel's round trip keeps comments and key order, but re-emits the whole
document, so line ends (CRLF), a byte-order mark, four-space indents, document markers, odd spacing and quoting
of untouched values all came out changed, and the reviewer's diff was no longer the change. Here ruamel works out
what changes (the values, and which values are replaced), and each change is then spliced into the text at the
position PyYAML's parser gives for that value (its start and end marks): a changed value is replaced on its own
line, a new key gets a new line under its neighbours with their indentation, a removed text loses its own lines.
The spliced text is read back and must hold exactly the data the ruamel document holds; when it does not, or
the file's layout is one the splicing does not handle (a flow-style indicator list, say), the whole document is
dumped by ruamel as before, so the values are always right and the diff is small wherever it can be.
"""

from __future__ import annotations

import io
import json
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.review.changes import plain


@dataclass(frozen=True)
class Overwrite:
    """A value the results file holds that the import would replace."""

    project_id: str
    indicator_id: str  # "" for the budget
    key: str
    before: Any
    after: Any


def _yaml(text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long Korean line
    # Keep the file's own list indentation: `- indicator:` flush with its key, or indented under it.
    if "\n- " in text:
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _flow(value: Any) -> Any:
    """A mapping written on one line, as the data files write texts and figures: `{ko: …, en: …}`."""
    if isinstance(value, dict):
        mapping = CommentedMap(value)
        mapping.fa.set_flow_style()
        return mapping
    return value


@dataclass
class _Edits:
    """What changes, by place: (indicator id or "" for the project, key) → the new value, or `_DELETE`."""

    values: dict[tuple[str, str], Any] = field(default_factory=dict)
    new_entries: list[str] = field(default_factory=list)  # indicators the file does not list yet


_DELETE = object()


def _comparable(value: Any) -> Any:
    """A value as the data means it: a text without its final line break or edge spaces, in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    if isinstance(value, dict):
        return {str(k): _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _set(
    entry: CommentedMap, key: str, value: Any, changes: list[Overwrite], where: tuple[str, str], edits: _Edits
) -> bool:
    old = entry.get(key)
    if plain(_comparable(_as_plain(old))) == plain(_comparable(value)):
        return False
    if old is not None and not (key == "status" and old == "evaluated"):  # the default holds nothing
        changes.append(Overwrite(where[0], where[1], key, _as_plain(old), value))
    if value is None and key in ("reason", "narrative"):
        del entry[key]
        edits.values[(where[1], key)] = _DELETE
    else:
        entry[key] = _flow(value)
        edits.values[(where[1], key)] = value
    return True


def _as_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _as_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_plain(v) for v in value]
    return value


def _indicator_entry(document: CommentedMap, indicator_id: str, edits: _Edits) -> CommentedMap:
    indicators = document.get("indicators")
    if not isinstance(indicators, CommentedSeq):
        indicators = CommentedSeq()
        document["indicators"] = indicators
    for entry in indicators:
        if isinstance(entry, CommentedMap) and str(entry.get("indicator")) == indicator_id:
            return entry
    entry = CommentedMap([("indicator", indicator_id)])
    indicators.append(entry)
    edits.new_entries.append(indicator_id)
    return entry


def updated(text: str, project_id: str, data: dict[str, Any]) -> tuple[str, list[Overwrite]]:
    """`text` with the values of `data` written in; unchanged text when nothing changes."""
    yaml = _yaml(text)
    document = yaml.load(text)
    overwrites: list[Overwrite] = []
    edits = _Edits()
    changed = False
    for indicator_id, values in data["indicators"].items():
        entry = _indicator_entry(document, indicator_id, edits)
        for key in ("status", "actual", "reason", "narrative"):
            value = values.get(key)
            if key == "status" and value == "evaluated" and "status" not in entry:
                continue  # the default, not written where the file leaves it out
            if key in ("actual",) and value is None and key not in entry:
                continue
            changed |= _set(entry, key, value, overwrites, (project_id, indicator_id), edits)
    changed |= bool(edits.new_entries)
    budget = data.get("budget")
    if budget is not None or document.get("budget") is not None:
        figures = None if budget is None else {k: v for k, v in budget.items() if v is not None}
        if plain(_as_plain(document.get("budget"))) != plain(figures):
            if document.get("budget") is not None:
                overwrites.append(Overwrite(project_id, "", "budget", _as_plain(document["budget"]), figures))
            if "budget" not in document:
                document.insert(1, "budget", _flow(figures))
            else:
                document["budget"] = _flow(figures)
            edits.values[("", "budget")] = figures
            changed = True
    if not changed:
        return text, overwrites
    spliced = _spliced(text, document, edits)
    if spliced is not None:
        return spliced, overwrites
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue(), overwrites


# Splicing the changes into the text.


def _spliced(text: str, document: CommentedMap, edits: _Edits) -> str | None:
    """`text` with only the changed values' lines edited; None where that cannot be done safely."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    unended = not body.endswith("\n")  # no final line break: one is lent for the splicing, and taken back
    body += newline if unended else ""
    try:
        root = pyyaml.compose(body, Loader=pyyaml.SafeLoader)
        if root is None:
            return None
        splices = _splices(body, root, document, edits, newline)
    except (pyyaml.YAMLError, _Unsupported, ValueError):
        return None
    for start, end, replacement in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
        body = body[:start] + replacement + body[end:]
    try:
        again = pyyaml.safe_load(body)
    except pyyaml.YAMLError:
        return None
    if plain(_comparable(again)) != plain(_comparable(_as_plain(document))):
        return None
    return bom + (body.removesuffix(newline) if unended else body)


class _Unsupported(Exception):
    """A layout the splicing does not handle; the whole document is dumped instead."""


Splice = tuple[int, int, str]


def _key_node(mapping: pyyaml.MappingNode, key: str) -> tuple[pyyaml.Node, pyyaml.Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, pyyaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _block_mapping(node: pyyaml.Node | None) -> pyyaml.MappingNode:
    if not isinstance(node, pyyaml.MappingNode) or node.flow_style or not node.value:
        raise _Unsupported
    return node


def _splices(body: str, root: pyyaml.Node, document: CommentedMap, edits: _Edits, newline: str) -> list[Splice]:
    top = _block_mapping(root)
    splices: list[Splice] = []
    entries: dict[str, pyyaml.MappingNode] = {}
    indicators = _key_node(top, "indicators")
    if indicators is not None and isinstance(indicators[1], pyyaml.SequenceNode):
        for item in indicators[1].value:
            if isinstance(item, pyyaml.MappingNode) and (found := _key_node(item, "indicator")) is not None:
                entries.setdefault(str(found[1].value), item)
    for (indicator_id, key), value in edits.values.items():
        if indicator_id in edits.new_entries:
            continue  # written whole below
        mapping = top if indicator_id == "" else _block_mapping(entries.get(indicator_id))
        splices.append(_splice_key(body, mapping, key, value, newline))
    if edits.new_entries:
        splices.append(_splice_entries(body, indicators, document, edits.new_entries, newline))
    return splices


def _splice_key(body: str, mapping: pyyaml.MappingNode, key: str, value: Any, newline: str) -> Splice:
    found = _key_node(mapping, key)
    if found is None:
        if value is _DELETE:
            raise _Unsupported
        if key == "budget":  # under the project's id, where new-year's comment about it stands
            first = mapping.value[0]
            at = _line_after(body, _deep_end(first[1]))
        else:
            at = _line_after(body, _deep_end(mapping.value[-1][1]))
        indent = " " * mapping.value[0][0].start_mark.column
        return at, at, f"{indent}{key}: {_render(value)}{newline}"
    key_node, value_node = found
    if value is _DELETE:
        start = body.rfind("\n", 0, key_node.start_mark.index) + 1
        if body[start : key_node.start_mark.index].strip():
            raise _Unsupported  # not the first thing on its line
        return start, _line_after(body, _deep_end(value_node)), ""
    rendered = _render(value)
    if isinstance(value_node, pyyaml.ScalarNode) and value_node.style in ("|", ">"):
        return value_node.start_mark.index, _before_break(body, value_node.end_mark.index), rendered
    if isinstance(value_node, pyyaml.ScalarNode) and value_node.start_mark.index == value_node.end_mark.index:
        return value_node.start_mark.index, value_node.end_mark.index, " " + rendered  # `actual:` left empty
    if isinstance(value_node, pyyaml.ScalarNode) or getattr(value_node, "flow_style", False):
        return value_node.start_mark.index, value_node.end_mark.index, rendered
    # A block mapping or list: the new value goes on the key's line, the old one's lines go.
    return key_node.end_mark.index, _before_break(body, _deep_end(value_node)), ": " + rendered


def _splice_entries(
    body: str, indicators: tuple[pyyaml.Node, pyyaml.Node] | None, document: CommentedMap, ids: list[str], newline: str
) -> Splice:
    if indicators is None or not isinstance(indicators[1], pyyaml.SequenceNode) or indicators[1].flow_style:
        raise _Unsupported
    items = indicators[1].value
    if not items or not isinstance(items[0], pyyaml.MappingNode):
        raise _Unsupported
    key_column = items[0].start_mark.column
    line_start = body.rfind("\n", 0, items[0].start_mark.index) + 1
    dash = body.find("-", line_start, items[0].start_mark.index)
    if dash < 0:
        raise _Unsupported
    dash_column = dash - line_start
    lines = []
    for entry in document["indicators"]:
        if isinstance(entry, CommentedMap) and str(entry.get("indicator")) in ids:
            for number, (key, value) in enumerate(entry.items()):
                lead = (
                    " " * dash_column + "-" + " " * (key_column - dash_column - 1) if number == 0 else " " * key_column
                )
                lines.append(f"{lead}{key}: {_render(_as_plain(value))}{newline}")
    at = _line_after(body, _deep_end(items[-1]))
    return at, at, "".join(lines)


def _deep_end(node: pyyaml.Node) -> int:
    """Where a value's own text ends: its last scalar or flow value (a block collection's end mark lies past the
    comments after it)."""
    while isinstance(node, pyyaml.MappingNode | pyyaml.SequenceNode) and not getattr(node, "flow_style", False):
        if not node.value:
            break
        last = node.value[-1]
        node = last[1] if isinstance(node, pyyaml.MappingNode) else last
    return int(node.end_mark.index)


def _before_break(body: str, index: int) -> int:
    """`index` moved back before the line break it follows (a block text ends after its last line break)."""
    while index > 0 and body[index - 1] == "\n":
        index -= 2 if body[index - 2 : index] == "\r\n" else 1
    return index


def _line_after(body: str, index: int) -> int:
    """The start of the line after the one holding `index` (a block text's end is already a line start)."""
    if index > 0 and body[index - 1] == "\n":
        return index
    end = body.find("\n", index)
    if end < 0:
        raise _Unsupported  # no final line break: the file ends in this value
    return end + 1


def _render(value: Any) -> str:
    """A value on one line, as the data files write it: `{ko: …, en: …}`, a figure, a status, null."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_render(str(k))}: {_render(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        raise _Unsupported
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    if not isinstance(value, str):
        raise _Unsupported
    if any(char in value for char in "\n\r\t\x85\u2028\u2029") or not value.isprintable():
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    # Inside a one-item flow list, so that the text is quoted wherever a flow mapping `{…}` needs it (`0{`).
    dumped = pyyaml.safe_dump([value], allow_unicode=True, width=1 << 30, default_flow_style=True).rstrip("\n")
    if "\n" in dumped or not (dumped.startswith("[") and dumped.endswith("]")):
        return json.dumps(value, ensure_ascii=False)
    return dumped[1:-1]

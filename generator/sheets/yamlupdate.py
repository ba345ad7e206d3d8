"""Writing imported values into a project's results file in place (ruamel.yaml, round trip): comments, key
order, layout and every value the workbook does not cover stay as they were.

Only the keys a workbook fills in are touched: each indicator's status, actual, reason and narrative, and the
project's budget execution. A key whose value does not change is left exactly as written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

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


def _set(entry: CommentedMap, key: str, value: Any, changes: list[Overwrite], where: tuple[str, str]) -> bool:
    old = entry.get(key)
    if plain(_as_plain(old)) == plain(value):
        return False
    if old is not None and not (key == "status" and old == "evaluated"):  # the default holds nothing
        changes.append(Overwrite(where[0], where[1], key, _as_plain(old), value))
    if value is None and key in ("reason", "narrative"):
        del entry[key]
    else:
        entry[key] = _flow(value)
    return True


def _as_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _as_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_plain(v) for v in value]
    return value


def _indicator_entry(document: CommentedMap, indicator_id: str) -> CommentedMap:
    indicators = document.get("indicators")
    if not isinstance(indicators, CommentedSeq):
        indicators = CommentedSeq()
        document["indicators"] = indicators
    for entry in indicators:
        if isinstance(entry, CommentedMap) and str(entry.get("indicator")) == indicator_id:
            return entry
    entry = CommentedMap([("indicator", indicator_id)])
    indicators.append(entry)
    return entry


def updated(text: str, project_id: str, data: dict[str, Any]) -> tuple[str, list[Overwrite]]:
    """`text` with the values of `data` written in; unchanged text when nothing changes."""
    yaml = _yaml(text)
    document = yaml.load(text)
    overwrites: list[Overwrite] = []
    changed = False
    for indicator_id, values in data["indicators"].items():
        entry = _indicator_entry(document, indicator_id)
        for key in ("status", "actual", "reason", "narrative"):
            value = values.get(key)
            if key == "status" and value == "evaluated" and "status" not in entry:
                continue  # the default, not written where the file leaves it out
            if key in ("actual",) and value is None and key not in entry:
                continue
            changed |= _set(entry, key, value, overwrites, (project_id, indicator_id))
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
            changed = True
    if not changed:
        return text, overwrites
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue(), overwrites

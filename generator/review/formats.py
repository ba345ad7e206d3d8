"""`plansite diff`'s three outputs: text for a terminal, Markdown for a pull-request comment, JSON for tools.

Markdown puts a short summary first (the counts and the indicators whose grade changed), then each plan in a
collapsible section with tables. JSON is the records themselves (`DataDiff`), documented in docs/review.md.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from typing import Any

from generator.errors import Problem
from generator.i18n import t
from generator.review.changes import DataDiff
from generator.review.view import DiffView, Row, Section

JSON_FORMAT_VERSION = 1


def as_text(view: DiffView, lang: str) -> str:
    lines = [f"{view.title}: {view.sides}"]
    if view.unchanged:
        return "\n".join([*lines, view.unchanged, *_problem_lines(view, lang, "  ")]) + "\n"
    if view.summary:
        lines.append(f"{t('diff_summary', lang)}: " + ", ".join(f"{label} {count}" for label, count in view.summary))
    for plan in view.plans:
        lines += ["", plan.heading]
        lines += [f"  {_arrow(row)}" for row in (*plan.rows, *plan.discrepancies)]
        for group in plan.groups:
            lines.append(f"  {group.heading}")
            for section in group.sections:
                lines.append(f"    {section.heading}")
                lines += [f"      {_arrow(row)}" for row in section.rows]
        for section in plan.distributions:
            lines.append(
                f"  {section.heading}: " + ", ".join(f"{r.label} {r.before} → {r.after}" for r in section.rows)
            )
    lines += _problem_lines(view, lang, "  ")
    return "\n".join(lines) + "\n"


def _arrow(row: Row) -> str:
    return f"{row.label}: {row.before} → {row.after}"


def _problem_lines(view: DiffView, lang: str, indent: str) -> list[str]:
    lines = []
    for heading, problems in ((t("diff_introduced", lang), view.introduced), (t("diff_fixed", lang), view.fixed)):
        if problems:
            lines += ["", heading, *(f"{indent}{problem}" for problem in problems)]
    if view.head_errors:
        lines += ["", view.head_errors]
    return lines


def as_markdown(view: DiffView, lang: str) -> str:
    lines = [f"### {view.title}", "", f"`{view.sides}`", ""]
    if view.unchanged:
        lines += [view.unchanged, ""]
    if view.summary:
        lines += [
            f"**{t('diff_summary', lang)}:** " + " · ".join(f"{label} {count}" for label, count in view.summary),
            "",
        ]
    if view.head_errors:
        lines += [f"> **{view.head_errors}**", ""]
    if view.regraded:
        lines += [f"**{t('diff_regraded', lang)}**", "", *_table(view.regraded, lang), ""]
    for plan in view.plans:
        lines += [
            "<details open>" if len(view.plans) == 1 else "<details>",
            f"<summary>{_escape(plan.heading)}</summary>",
            "",
        ]
        if plan.rows or plan.discrepancies:
            lines += [f"#### {t('diff_plan', lang)}", "", *_table((*plan.rows, *plan.discrepancies), lang), ""]
        for group in plan.groups:
            lines += [f"#### {_escape(group.heading)}", ""]
            for section in group.sections:
                lines += _section(section, lang, "#####")
        for section in plan.distributions:
            lines += _section(section, lang, "####")
        lines += ["</details>", ""]
    for heading, problems in ((t("diff_introduced", lang), view.introduced), (t("diff_fixed", lang), view.fixed)):
        if problems:
            lines += [f"<details><summary>{heading} ({len(problems)})</summary>", "", "```"]
            lines += [*problems, "```", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def _section(section: Section, lang: str, level: str) -> list[str]:
    lines = [f"{level} {_escape(section.heading)}", ""]
    return lines + ([*_table(section.rows, lang), ""] if section.rows else [])


def _table(rows: tuple[Row, ...] | list[Row], lang: str) -> list[str]:
    head = f"| {t('diff_item', lang)} | {t('diff_before', lang)} | {t('diff_after', lang)} |"
    return [head, "|---|---|---|", *(f"| {_cell(r.label)} | {_cell(r.before)} | {_cell(r.after)} |" for r in rows)]


def _cell(text: str) -> str:
    # A table cell is one line; a pipe would end it.
    return _escape(text).replace("|", "\\|").replace("\n", " ")


def _escape(text: str) -> str:
    """Data text is shown, never run as HTML or Markdown markup in the comment."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_json(diff: DataDiff) -> str:
    return json.dumps({"format_version": JSON_FORMAT_VERSION, **plain_json(diff)}, ensure_ascii=False, indent=2) + "\n"


def plain_json(value: Any) -> Any:
    """The records as JSON data: dataclasses as objects, enums by value, tuples as lists."""
    if isinstance(value, Problem):
        problem = dataclasses.asdict(value)
        return {**problem, "severity": value.severity.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: plain_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, DataDiff):
            data["unchanged"] = value.unchanged
        return data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(key): plain_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(item) for item in value]
    return value


def from_plain_json(kind: Any, value: Any) -> Any:
    """The records of type `kind` back from what `plain_json` made of them, by their type hints: dataclasses,
    tuples, enums, optional values. A value of another shape raises (ValueError, KeyError, TypeError, ...)."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        record: Any = kind
        hints = _hints(record)
        return record(**{f.name: from_plain_json(hints[f.name], value[f.name]) for f in dataclasses.fields(kind)})
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(from_plain_json(arguments[0], item) for item in value)
        return tuple(from_plain_json(argument, item) for argument, item in zip(arguments, value, strict=True))
    if origin in (types.UnionType, typing.Union):
        return None if value is None else from_plain_json(next(a for a in arguments if a is not type(None)), value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if origin is dict:
        return {str(key): from_plain_json(arguments[1], item) for key, item in value.items()}
    if kind in (str, int, bool) and not isinstance(value, kind):
        raise TypeError(f"{value!r} is not a {kind.__name__}")
    return value


_hints = functools.cache(typing.get_type_hints)  # a record's fields' types, resolved once

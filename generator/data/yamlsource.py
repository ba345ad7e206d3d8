"""Load YAML keeping the line and column of every key and value.

PyYAML's `safe_load` forgets positions and silently keeps the last of two equal keys. Here the document is
composed into nodes first; values are built from the nodes while recording where each one stands, and a
repeated key is reported as a problem instead of overwriting data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.data.yamlsafe import HIDDEN_BREAKS, Refused, clean_text, construct_scalar, loader_classes
from generator.errors import DataError, Problem, Severity, YamlPath, display_path
from generator.i18n import msg

Position = tuple[int, int]


@dataclass
class Document:
    """One YAML file: its data and the 1-based position of every value and key in it."""

    path: Path
    display: str
    data: Any
    value_marks: dict[YamlPath, Position] = field(default_factory=dict)
    key_marks: dict[YamlPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, path: YamlPath, *, at_key: bool = False) -> Position:
        """Position of the value at `path`, or of its nearest ancestor that exists."""
        marks = self.key_marks if at_key else self.value_marks
        if at_key and path in marks:
            return marks[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.value_marks:
                return self.value_marks[path[:end]]
        return (1, 1)

    def describe(self, path: YamlPath) -> str:
        """`('indicators', 0, 'targets', 2024)` → `indicators[0].targets.2024`.

        List indices and integer mapping keys (years) look alike in a path; the data tells them apart.
        """
        text = ""
        node = self.data
        for part in path:
            if isinstance(node, list) and isinstance(part, int):
                text += f"[{part}]"
                node = node[part] if 0 <= part < len(node) else None
            else:
                text += ("." if text else "") + str(part)
                node = node.get(part) if isinstance(node, dict) else None
        return text

    def problem(
        self,
        path: YamlPath,
        message: str,
        *,
        hint: str = "",
        severity: Severity = Severity.ERROR,
        at_key: bool = False,
    ) -> Problem:
        line, column = self.position(path, at_key=at_key)
        return Problem(self.display, line, column, message, self.describe(path), hint, severity)


def load_document(path: Path) -> Document:
    """Read and parse one YAML file; raise `DataError` with a positioned problem if it cannot be used.

    Problems that leave the data usable (repeated keys) are returned in `Document.problems` instead.
    """
    display = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataError(
            [
                Problem(
                    display,
                    1,
                    1,
                    msg("file_unreadable", reason=reason),
                    hint=msg("hint_readable_file"),
                )
            ]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError(
            [
                Problem(
                    display,
                    line,
                    column,
                    msg("file_not_utf8", byte=f"{raw[error.start]:02x}"),
                    hint=msg("hint_save_utf8"),
                )
            ]
        ) from None

    data, builder = _parse(text, display)
    document = Document(path, display, data, builder.value_marks, builder.key_marks)
    # Repeated keys are reported but do not stop the file being checked: the first value is kept.
    document.problems = [
        Problem(display, line, column, message, document.describe(at), hint)
        for at, (line, column), message, hint in builder.problems
    ]
    return document


def _parse(text: str, display: str) -> tuple[Any, _Builder]:
    """The data of one document, or `DataError` with the first thing YAML or the format cannot accept."""
    hidden = HIDDEN_BREAKS.search(text)
    if hidden is not None:
        line, column = _line_and_column(text, hidden.start())
        message = msg("file_invisible", code=f"{ord(hidden.group()):04X}")
        raise DataError([Problem(display, line, column, message, hint=msg("hint_remove_invisible"))])
    *fast, pure = loader_classes(text)
    for loader_class in fast:
        try:
            return _compose(loader_class, text, display)
        except (Refused, yaml.YAMLError):
            pass  # read again by PyYAML, whose messages and positions are the ones users see
    return _pure(pure, text, display)


def _compose(loader_class: type[Any], text: str, display: str) -> tuple[Any, _Builder]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise DataError([Problem(display, 1, 1, msg("file_empty"), hint=msg("hint_write_or_delete"))])
        builder = _Builder(loader)
        return builder.build(root, ()), builder
    finally:
        loader.dispose()


def _pure(loader_class: type[Any], text: str, display: str) -> tuple[Any, _Builder]:
    try:
        return _compose(loader_class, text, display)
    except Refused as refused:
        raise DataError([Problem(display, refused.line, refused.column, refused.message, hint=refused.hint)]) from None
    except yaml.reader.ReaderError as error:
        line, column = _line_and_column(text, error.position)
        raise DataError(
            [
                Problem(
                    display,
                    line,
                    column,
                    msg("file_control", code=f"{error.character:04X}"),
                    hint=msg("hint_remove_control"),
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, text, display)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(display, 1, 1, msg("yaml_error", error=str(error)))]) from None


def _indented_more(lines: list[str], line: int) -> bool:
    """Whether 1-based `line` is indented more than the nearest non-blank line above it."""
    if not 1 < line <= len(lines):
        return False
    above = next((text for text in reversed(lines[: line - 1]) if text.strip()), "")
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))
    return indent > len(above) - len(above.lstrip(" "))


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    """YAML's words for the commonest slips, and the line they concern, as a reader would want them."""
    mark = error.problem_mark or error.context_mark
    what = error.problem or error.context or "invalid YAML"
    context = error.context or ""
    if "end of stream" in what and "quoted scalar" in context and error.context_mark is not None:
        mark = error.context_mark  # where the quote opened: the end of the file says nothing
        what = "unclosed quote"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    shown = msg("line_reads", line=line, text=lines[line - 1].strip()) if 0 < line <= len(lines) else ""

    def then(hint: str) -> str:
        return msg("hint_then", first=hint, second=shown) if shown else hint

    message: str
    hint: str
    if "'\\t'" in what or "tab" in what:
        message, hint = msg("yaml_tab"), msg("hint_tab_to_spaces")
    elif "expected <block end>" in what or "did not find expected key" in what:
        message, hint = msg("yaml_indent"), then(msg("hint_line_up_level"))
    elif "mapping values are not allowed" in what and _indented_more(lines, line):
        message, hint = msg("yaml_indented_more"), then(msg("hint_line_up_above"))
    elif "mapping values are not allowed" in what:
        message, hint = msg("yaml_colon_in_value"), then(msg("hint_quote_value"))
    elif "another document" in what:
        message, hint = msg("yaml_second_document"), msg("hint_one_document")
    elif what == "unclosed quote":
        message, hint = msg("yaml_unclosed_quote"), msg("hint_close_quote")
    else:
        message = msg("yaml_error", error=what)
        hint = shown
        if "flow" in context and error.context_mark is not None and error.context_mark.line + 1 != line:
            hint = msg("hint_then", first=shown, second=msg("hint_flow_closed", line=error.context_mark.line + 1))
    return Problem(display, line, column, message, hint=hint)


class _Builder:
    def __init__(self, loader: Any):
        self.loader = loader
        self.value_marks: dict[YamlPath, Position] = {}
        self.key_marks: dict[YamlPath, Position] = {}
        self.problems: list[tuple[YamlPath, Position, str, str]] = []

    def build(self, node: yaml.Node, path: YamlPath) -> Any:
        self.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode):
            return construct_scalar(self.loader, node)
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: YamlPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append((path, position, msg("key_not_plain"), ""))
                continue
            key = construct_scalar(self.loader, key_node)
            if isinstance(key, datetime.date | float | bool) or key is None:
                key = clean_text(key_node.value, key_node.start_mark)
            if key in result:
                first_line, first_column = self.key_marks[(*path, key)]
                self.problems.append(
                    (
                        (*path, key),
                        position,
                        msg("duplicate_key", key=key, line=first_line, column=first_column),
                        msg("hint_key_once"),
                    )
                )
                continue
            self.key_marks[(*path, key)] = position
            result[key] = self.build(value_node, (*path, key))
        return result

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

from generator.errors import DataError, Problem, Severity, YamlPath, display_path

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
    raw = path.read_bytes()
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
                    f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                    hint="save the file with UTF-8 encoding",
                )
            ]
        ) from None

    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise DataError([Problem(display, 1, 1, "file is empty", hint="a plan file needs at least an id")])
        builder = _Builder(loader)
        data = builder.build(root, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        raise DataError(
            [Problem(display, line, column, f"YAML syntax error: {what}", hint=_syntax_hint(what))]
        ) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(display, 1, 1, f"YAML syntax error: {error}")]) from None
    finally:
        loader.dispose()
    document = Document(path, display, data, builder.value_marks, builder.key_marks)
    # Repeated keys are reported but do not stop the file being checked: the first value is kept.
    document.problems = [
        Problem(display, line, column, message, document.describe(at), hint)
        for at, (line, column), message, hint in builder.problems
    ]
    return document


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "check the indentation of this line and the one before"
    return ""


class _Builder:
    def __init__(self, loader: yaml.SafeLoader):
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
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: YamlPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append((path, position, "a key must be a plain value, not a list or mapping", ""))
                continue
            key = self.loader.construct_object(key_node, deep=True)
            if isinstance(key, datetime.date | float | bool) or key is None:
                key = key_node.value
            if key in result:
                first_line, first_column = self.key_marks[(*path, key)]
                self.problems.append(
                    (
                        (*path, key),
                        position,
                        f"duplicate key '{key}' (first at line {first_line}, column {first_column})",
                        "YAML keeps only the last of two equal keys; remove or rename one",
                    )
                )
                continue
            self.key_marks[(*path, key)] = position
            result[key] = self.build(value_node, (*path, key))
        return result

"""Turn pydantic's validation errors into positioned, plain-language problems."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.data.layout import DATA_SUFFIX
from generator.data.schema import LocalizedText, describe_value
from generator.data.yamlsource import Document, load_document
from generator.errors import DataError, Problem, Severity, YamlPath, display_path

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "string_type": "a string",
    "bool_type": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
}


def check_schema(document: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model; return the model or every problem found."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        problems = [_problem(document, model, dict(detail)) for detail in error.errors(include_url=False)]
        return None, sorted(set(problems))


def read_checked(path: Path, model: type[M], problems: list[Problem]) -> tuple[Document | None, M | None]:
    """Load a YAML file and check it against a model, adding every problem found to `problems`."""
    try:
        document = load_document(path)
    except DataError as error:
        problems.extend(error.problems)
        return None, None
    problems.extend(document.problems)
    spec, found = check_schema(document, model)
    problems.extend(found)
    return document, spec


def yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The `.yaml` files of a data folder; anything else there is reported, since it would be silently skipped."""
    if not folder.is_dir():
        return []
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix == DATA_SUFFIX:
            found.append(entry)
        elif not entry.name.startswith("."):
            problems.append(stray(entry, f"data files here end in {DATA_SUFFIX}"))
    return found


def stray(entry: Path, hint: str) -> Problem:
    kind = "folder" if entry.is_dir() else "file"
    return Problem(display_path(entry), 1, 1, f"unexpected {kind} '{entry.name}' was not read", hint=hint)


@dataclass
class EnglishTally:
    """How many text fields were read and how many lack English, for the coverage in the summary line."""

    text_fields: int = 0
    missing_en: int = 0

    @property
    def en_coverage(self) -> float:
        return 100.0 if not self.text_fields else 100.0 * (self.text_fields - self.missing_en) / self.text_fields


def english_warnings(document: Document, model: BaseModel, tally: EnglishTally, problems: list[Problem]) -> None:
    """A warning for every text field without English; `--strict` makes them fail."""
    for path, text in iter_texts(model):
        tally.text_fields += 1
        if text.en is None:
            tally.missing_en += 1
            problems.append(
                document.problem(path, "no English text", hint="add en: next to ko:", severity=Severity.WARNING)
            )


def iter_texts(node: object, path: YamlPath = ()) -> Iterator[tuple[YamlPath, LocalizedText]]:
    """Every text field in a validated model, with its path in the YAML."""
    if isinstance(node, LocalizedText):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_texts(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from iter_texts(item, (*path, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from iter_texts(item, (*path, key))


def _problem(document: Document, model: type[BaseModel], detail: dict[str, Any]) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    if loc and loc[-1] == "[key]":
        # A bad mapping key: point at the key itself.
        path = loc[:-1]
        return document.problem(path, detail["msg"], at_key=True)
    if kind == "missing":
        key = loc[-1]
        return document.problem(loc[:-1], f"missing required key '{key}'")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed keys: " + ", ".join(allowed)
        return document.problem(loc, f"unknown key '{key}'", hint=hint, at_key=True)
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        return document.problem(loc, f"invalid value {describe_value(value)}", hint=f"expected {expected}")
    if kind == "too_short":
        minimum = detail.get("ctx", {}).get("min_length", 1)
        return document.problem(loc, f"must list at least {minimum} item{'s' if minimum != 1 else ''}")
    if kind in _EXPECTED:
        return document.problem(loc, f"expected {_EXPECTED[kind]}, got {describe_value(value)}")
    return document.problem(loc, detail["msg"])


def _allowed_keys(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys the model allows at a path, found by following the field annotations."""
    annotation: Any = model
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return []
            annotation = field.annotation
        else:
            args = typing.get_args(annotation)
            annotation = args[-1] if args else None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional so the model or container underneath shows."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation

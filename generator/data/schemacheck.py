"""Turn pydantic's validation errors into positioned, plain-language problems."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.data.fields import describe_value
from generator.data.layout import DATA_SUFFIX
from generator.data.schema import LocalizedText
from generator.data.yamlsafe import number_slip
from generator.data.yamlsource import Document, load_document
from generator.errors import DataError, Problem, Severity, YamlPath, display_path
from generator.i18n import msg

M = TypeVar("M", bound=BaseModel)

# pydantic's error types, by the catalogue sentence that says what was expected.
_EXPECTED = {
    "list_type": "list_got",
    "dict_type": "mapping_got",
    "model_type": "mapping_got",
    "model_attributes_type": "mapping_got",
    "string_type": "string_got",
    "bool_type": "boolean_got",
    "date_type": "date_got",
    "date_from_datetime_parsing": "date_got",
    "date_parsing": "date_got",
}


def check_schema(document: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model; return the model or every problem found."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        details = _misspelt_once([dict(detail) for detail in error.errors(include_url=False)])
        problems = [_problem(document, model, detail) for detail in details]
        return None, sorted(set(problems))


def _misspelt_once(details: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`titel:` makes `title` missing and `titel` unknown: one slip, so one message, at the misspelt key."""
    unknown = {
        (tuple(d["loc"][:-1]), str(d["loc"][-1])) for d in details if d["type"] == "extra_forbidden" and d["loc"]
    }
    kept = []
    for detail in details:
        if detail["type"] == "missing" and detail["loc"]:
            parent, key = tuple(detail["loc"][:-1]), str(detail["loc"][-1])
            keys = [name for at, name in unknown if at == parent]
            if difflib.get_close_matches(key, keys, n=1):
                continue  # the unknown key's "did you mean" says it
        kept.append(detail)
    return kept


@dataclass
class ReadMemo:
    """What a long-running preview keeps between its checks: each file's reading, by the file's exact bytes.

    Reading a file is a pure function of its path, its bytes and the model, so a file that did not change is
    not parsed and checked again. Only readings used by the latest check are kept (`keep_used`).
    """

    readings: dict[tuple[Path, str, bytes, type[BaseModel]], tuple[Document | None, Any, tuple[Problem, ...]]] = field(
        default_factory=dict
    )
    used: set[tuple[Path, str, bytes, type[BaseModel]]] = field(default_factory=set)
    fresh: set[tuple[Path, str, bytes, type[BaseModel]]] = field(default_factory=set)  # read anew by this check
    # Since the last check that found no problem (a preview shows the site that check made): the files read anew
    # (changed bytes, or new files), and whether the latest check read the same files as that one did.
    changed: frozenset[Path] = frozenset()
    same_files: bool = False
    good_files: frozenset[Path] | None = None
    failed: bool = False

    def keep_used(self, failed: bool = False) -> None:
        read = frozenset(key[0] for key in self.used)
        self.changed = frozenset(key[0] for key in self.fresh) | (self.changed if self.failed else frozenset())
        self.same_files = read == self.good_files
        if not failed:
            self.good_files = read
        self.failed = failed
        self.readings = {key: reading for key, reading in self.readings.items() if key in self.used}
        self.used, self.fresh = set(), set()


_memo: ContextVar[ReadMemo | None] = ContextVar("plansite_read_memo", default=None)


@contextmanager
def remembered_reads(memo: ReadMemo) -> Iterator[None]:
    """Within this block, files read by `read_checked` are looked up in `memo` first."""
    token = _memo.set(memo)
    failed = True
    try:
        yield
        failed = False
    finally:
        _memo.reset(token)
        memo.keep_used(failed)


def read_checked(path: Path, model: type[M], problems: list[Problem]) -> tuple[Document | None, M | None]:
    """Load a YAML file and check it against a model, adding every problem found to `problems`."""
    memo = _memo.get()
    if memo is None:
        document, spec, found = _read(path, model)
    else:
        try:
            key = (path, display_path(path), path.read_bytes(), model)
        except OSError:
            key = None  # unreadable: `_read` says why
        if key is None or key not in memo.readings:
            document, spec, found = reading = _read(path, model)
            if key is not None:
                memo.readings[key] = reading
                memo.fresh.add(key)
        else:
            document, spec, found = memo.readings[key]
        if key is not None:
            memo.used.add(key)
    problems.extend(found)
    return document, spec


def _read(path: Path, model: type[M]) -> tuple[Document | None, M | None, tuple[Problem, ...]]:
    try:
        document = load_document(path)
    except DataError as error:
        return None, None, tuple(error.problems)
    spec, found = check_schema(document, model)
    return document, spec, (*document.problems, *found)


def yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The `.yaml` files of a data folder; anything else there is reported, since it would be silently skipped."""
    if looped(folder):
        problems.append(stray(folder, ""))
        return []
    if not folder.is_dir():
        return []
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("~$") or entry.name.endswith("~"):
            message = msg("temporary_file", name=entry.name)
            hint = msg("hint_close_or_delete_temporary")
            problems.append(Problem(display_path(folder) + "/" + entry.name, 1, 1, message, hint=hint))
        elif entry.is_symlink() and not entry.exists():
            message = msg("dangling_link", name=entry.name)
            problems.append(Problem(display_path(entry), 1, 1, message, hint=msg("hint_link_to_file")))
        elif entry.is_file() and entry.suffix == DATA_SUFFIX:
            found.append(entry)
        elif not entry.name.startswith("."):
            problems.append(stray(entry, msg("hint_data_suffix", suffix=DATA_SUFFIX)))
    return found


def stray(entry: Path, hint: str) -> Problem:
    if looped(entry):
        message = msg("looped_link", name=entry.name)
        return Problem(display_path(entry), 1, 1, message, hint=msg("hint_remove_link"))
    message = msg("stray_folder" if entry.is_dir() else "stray_file", name=entry.name)
    return Problem(display_path(entry), 1, 1, message, hint=hint)


def misnamed(folder: Path, expected: str) -> list[str]:
    """Files in `folder` that are `expected` under another spelling or suffix (plan.yml, Check.yaml, …)."""
    stem = expected.rsplit(".", 1)[0]
    return sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.is_file() and entry.name != expected and entry.name.lower().startswith(stem + ".")
    )


def looped(entry: Path) -> bool:
    """A link to its own folder or one above it: reading through it would read the same files again."""
    if not entry.is_symlink():
        return False
    try:
        target, parent = entry.resolve(), entry.parent.resolve()
    except (OSError, RuntimeError):
        return False
    return target == parent or target in parent.parents


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
        if text.en is None and number_slip(text.ko) is not None:
            continue  # a figure written as text is reported as a number problem, not as missing English
        tally.text_fields += 1
        if text.en is None:
            tally.missing_en += 1
            problems.append(
                document.problem(path, msg("no_english"), hint=msg("hint_add_en"), severity=Severity.WARNING)
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
        context = detail.get("ctx", {})
        return document.problem(
            loc[:-1], context.get("message", detail["msg"]), hint=context.get("hint", ""), at_key=True
        )
    if kind == "missing":
        return document.problem(loc[:-1], msg("missing_key", key=loc[-1]))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = msg("hint_did_you_mean", close=close[0]) if close else msg("hint_allowed_keys", keys=", ".join(allowed))
        if key.isdigit() and len(key) == 3:
            # {budget: 1,000} reads as {budget: 1, 000: null}: the comma split the figure.
            hint = msg("hint_comma_splits", example="1,000 → 1000")
        elif detail.get("input", "") is None and not close:
            # {ko: …, en: Seoul, Korea} reads as {…, en: Seoul, Korea: null}: the comma split the text.
            hint = msg("hint_comma_splits_text")
        return document.problem(loc, msg("unknown_key", key=key), hint=hint, at_key=True)
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        choices = ", ".join(re.findall(r"'[^']*'", expected)) or expected
        hint = msg("hint_expected", expected=expected, choices=choices)
        return document.problem(loc, msg("invalid_value", value=describe_value(value)), hint=hint)
    if kind == "too_short":
        minimum = detail.get("ctx", {}).get("min_length", 1)
        return document.problem(loc, msg("too_short_one" if minimum == 1 else "too_short_many", minimum=minimum))
    if kind in _EXPECTED:
        return document.problem(loc, msg(_EXPECTED[kind], got=describe_value(value)))
    context = detail.get("ctx", {})
    if "message" in context:  # our own validators' errors carry their message and hint apart
        return document.problem(loc, context["message"], hint=context.get("hint", ""))
    return document.problem(loc, msg("pydantic_other", text=detail["msg"]))


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

"""The values a data file's fields hold, each with how it is checked and its JSON Schema: numbers, years, ids,
slugs, strings. A value's own mistakes get our own messages here; the shapes of the files are in `schema`.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.data.yamlsafe import INVISIBLE, LARGEST, TOO_LARGE_HINT, number_slip, too_large
from generator.i18n import msg

Number = int | float


def describe_value(value: object) -> str:
    """How a YAML value reads in a message: `string 'abc'`, `number 5`, `a list` (a catalogue message)."""
    if value is None:
        return msg("value_null")
    if isinstance(value, bool):
        return msg("value_boolean", value=str(value).lower())
    if isinstance(value, int | float):
        return msg("value_number", value=value)
    if isinstance(value, str):
        return msg("value_string", value=value)
    if isinstance(value, datetime.date):
        return msg("value_date", value=value.isoformat())
    if isinstance(value, list):
        return msg("value_list")
    if isinstance(value, dict):
        return msg("value_mapping")
    return type(value).__name__


def value_error(kind: str, message: str, hint: str = "") -> PydanticCustomError:
    """A validator's error carrying its message and hint apart (catalogue messages, worded at the edge)."""
    return PydanticCustomError(kind, "{message}", {"message": message, "hint": hint})


def check_number(value: Any) -> Number:
    if isinstance(value, str) and (slip := number_slip(value)) is not None:
        raise PydanticCustomError("number_text", "{message}", {"message": slip[0], "hint": slip[1]})
    if isinstance(value, bool) or not isinstance(value, int | float):
        note = msg("note_number_alone") if isinstance(value, str) else ""
        raise value_error("number_type", msg("number_got", got=describe_value(value), note=note))
    if (isinstance(value, int) and abs(value) > LARGEST) or (
        isinstance(value, float) and (not math.isfinite(value) or abs(value) > LARGEST)
    ):
        context = {"message": too_large(str(value)), "hint": TOO_LARGE_HINT}
        raise PydanticCustomError("large_number", "{message}", context)
    if value < 0:
        raise value_error("negative_number", msg("negative_got", got=value))
    return value


def _optional_number(value: Any) -> Number | None:
    return None if value is None else check_number(value)


def _whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise value_error("int_type", msg("whole_number_got", got=describe_value(value)))
    return value


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        # {2025: 33,500} reads as {2025: 33, 500: null}: the comma splits the figure and 500 becomes a "year".
        # A group of three digits is what a thousands separator leaves: 500, or 000 (read as text for its zero).
        split = isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000
        split = split or (isinstance(value, str) and len(value) == 3 and value.isdigit())
        hint = msg("hint_comma_splits", example="33,500 → 33500") if split else ""
        if not split and isinstance(value, str) and value[:4].isdigit() and not value[4:5].isdigit():
            hint = msg("hint_year_alone", year=value[:4])  # 2024년, 2024년도, 2024 (est.)
        raise value_error("year_type", msg("year_got", got=describe_value(value)), hint)
    return value


def text_mapping(value: Any) -> Any:
    if isinstance(value, str):
        value = {"ko": value}
    if not isinstance(value, dict):
        raise value_error("text_type", msg("text_got", got=describe_value(value)))
    return value


def check_non_empty(value: str) -> str:
    if not value.strip().strip(INVISIBLE).strip():
        raise value_error("empty_text", msg("text_empty"))
    return value


NON_EMPTY_SCHEMA = {"type": "string", "minLength": 1}
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NODE_ID = re.compile(r"[1-9][0-9]*(-[1-9][0-9]*)*")


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise value_error("slug", msg("slug_got", got=describe_value(value)))
    return value


def _node_id(value: Any) -> str:
    # `id: 1` is read by YAML as a number; take it as the id "1" rather than make editors quote it.
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _NODE_ID.fullmatch(value):
        raise value_error("node_id", msg("node_id_got", got=describe_value(value)))
    return value


# Each type checked by a function of ours states its JSON Schema (`plansite schema`, for editors) beside it.
Year = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "integer", "minimum": 1900, "maximum": 2200})]
Amount = Annotated[Number, PlainValidator(check_number), WithJsonSchema({"type": "number", "minimum": 0})]
OptionalAmount = Annotated[
    Number | None, PlainValidator(_optional_number), WithJsonSchema({"type": ["number", "null"], "minimum": 0})
]
Slug = Annotated[str, PlainValidator(_slug), WithJsonSchema({"type": "string", "pattern": f"^{_SLUG.pattern}$"})]
NodeId = Annotated[
    str,
    PlainValidator(_node_id),
    # `id: 1` is taken as "1"; a pattern applies to strings only.
    WithJsonSchema({"type": ["string", "integer"], "pattern": f"^{_NODE_ID.pattern}$", "minimum": 1}),
]
WholeNumber = Annotated[int, PlainValidator(_whole_number), WithJsonSchema({"type": "integer"})]


def check_string(value: Any) -> str:
    if not isinstance(value, str):
        raise value_error("string_type", msg("string_got", got=describe_value(value)))
    return value


String = Annotated[str, PlainValidator(check_string), WithJsonSchema({"type": "string"})]

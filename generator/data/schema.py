"""The shape of plan files: pydantic models that mirror the YAML exactly.

Everything a single file can get wrong on its own (missing or unknown keys, wrong types, malformed ids,
negative or non-finite numbers) is rejected here, with our own messages. Rules that need more than one
value (years inside the period, totals, parents) live in `validate`.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema
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


def _error(kind: str, message: str, hint: str = "") -> PydanticCustomError:
    """A validator's error carrying its message and hint apart (catalogue messages, worded at the edge)."""
    return PydanticCustomError(kind, "{message}", {"message": message, "hint": hint})


def _number(value: Any) -> Number:
    if isinstance(value, str) and (slip := number_slip(value)) is not None:
        raise PydanticCustomError("number_text", "{message}", {"message": slip[0], "hint": slip[1]})
    if isinstance(value, bool) or not isinstance(value, int | float):
        note = msg("note_number_alone") if isinstance(value, str) else ""
        raise _error("number_type", msg("number_got", got=describe_value(value), note=note))
    if (isinstance(value, int) and abs(value) > LARGEST) or (
        isinstance(value, float) and (not math.isfinite(value) or abs(value) > LARGEST)
    ):
        context = {"message": too_large(str(value)), "hint": TOO_LARGE_HINT}
        raise PydanticCustomError("large_number", "{message}", context)
    if value < 0:
        raise _error("negative_number", msg("negative_got", got=value))
    return value


def _optional_number(value: Any) -> Number | None:
    return None if value is None else _number(value)


def _whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error("int_type", msg("whole_number_got", got=describe_value(value)))
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
        raise _error("year_type", msg("year_got", got=describe_value(value)), hint)
    return value


def _text(value: Any) -> Any:
    if isinstance(value, str):
        value = {"ko": value}
    if not isinstance(value, dict):
        raise _error("text_type", msg("text_got", got=describe_value(value)))
    return value


def _non_empty(value: str) -> str:
    if not value.strip().strip(INVISIBLE).strip():
        raise _error("empty_text", msg("text_empty"))
    return value


_NON_EMPTY = {"type": "string", "minLength": 1}
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NODE_ID = re.compile(r"[1-9][0-9]*(-[1-9][0-9]*)*")


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise _error("slug", msg("slug_got", got=describe_value(value)))
    return value


def _node_id(value: Any) -> str:
    # `id: 1` is read by YAML as a number; take it as the id "1" rather than make editors quote it.
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _NODE_ID.fullmatch(value):
        raise _error("node_id", msg("node_id_got", got=describe_value(value)))
    return value


# Each type checked by a function of ours states its JSON Schema (`plansite schema`, for editors) beside it.
Year = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "integer", "minimum": 1900, "maximum": 2200})]
Amount = Annotated[Number, PlainValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
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


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class LocalizedText(Model):
    ko: Annotated[str, PlainValidator(lambda v: _non_empty(_string(v))), WithJsonSchema(_NON_EMPTY)]
    en: Annotated[
        str | None,
        PlainValidator(lambda v: None if v is None else _non_empty(_string(v))),
        WithJsonSchema({"anyOf": [_NON_EMPTY, {"type": "null"}]}),
    ] = None

    def get(self, language: str) -> str:
        """The text in `language`, falling back to Korean (the source language)."""
        return (self.en if language == "en" else None) or self.ko


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _error("string_type", msg("string_got", got=describe_value(value)))
    return value


String = Annotated[str, PlainValidator(_string), WithJsonSchema({"type": "string"})]
Text = Annotated[LocalizedText, BeforeValidator(_text)]

MAX_SCALE = 10**12


def _scale(value: Any) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1 <= value <= MAX_SCALE
        or str(value).rstrip("0") != "1"
    ):
        raise _error("scale", msg("scale_got", got=describe_value(value)))
    return value


class UnitText(LocalizedText):
    """A unit as the source writes it, and how many of its base unit one of it counts: 만명 is 10,000 people.

    `en` names the base unit when there is a scale ("people"), so English can say "1.4 million people" where
    Korean says 140만명; figures are kept and computed as the source writes them.
    """

    scale: Annotated[int, PlainValidator(_scale), WithJsonSchema({"enum": [10**k for k in range(13)]})] = 1


Unit = Annotated[UnitText, BeforeValidator(_text)]


def _target(value: Any) -> Number | dict[str, Number] | LocalizedText | None:
    """A yearly target or stated total: nothing, a number, measures of a compound target, or text."""
    if value is None:
        return None
    if isinstance(value, str) or (isinstance(value, dict) and "ko" in value):
        return LocalizedText.model_validate(_text(value))
    if isinstance(value, dict):
        measures: dict[str, Number] = {}
        for key, amount in value.items():
            try:
                measures[str(key)] = _number(amount)
            except PydanticCustomError as error:
                context = error.context or {}
                raise _error(
                    "measure_value", msg("measure_problem", key=key, message=context.get("message", error.message()))
                ) from None
        return measures
    return _number(value)


Target = Annotated[
    Number | dict[str, Number] | LocalizedText | None,
    PlainValidator(_target),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "null"},
                {"type": "number", "minimum": 0},
                {"type": "string", "minLength": 1},
                # The measures of a compound figure, or ko and en of a qualitative one.
                {"type": "object", "additionalProperties": {"type": ["number", "string", "null"]}},
            ]
        }
    ),
]


class Discrepancy(Model):
    field: Literal["title", "name", "unit", "targets", "total", "budget", "department", "contact", "numbering", "other"]
    indicator: NodeId | None = None
    project: NodeId | None = None
    sources: Annotated[list[Slug], Field(min_length=1)]
    note: Text


class Period(Model):
    first: Year
    last: Year

    @property
    def years(self) -> list[int]:
        return list(range(self.first, self.last + 1))


_YEAR_RANGE = re.compile(r"\D*(\d{4})\D+(\d{4})\D*")


def _period(value: Any) -> Any:
    """`period: 2025~2028` (or 2025-2028, 2025–2028, [2025, 2028]): a mapping is meant, and says so."""
    if isinstance(value, dict):
        return value
    years: list[object] = []
    if isinstance(value, str) and (written := _YEAR_RANGE.fullmatch(value.strip())):
        years = [int(written.group(1)), int(written.group(2))]
    elif isinstance(value, list) and len(value) == 2:
        years = value
    if all(isinstance(year, int) and not isinstance(year, bool) for year in years) and years:
        hint = msg("hint_period", first=years[0], last=years[1])
    else:
        hint = msg("hint_period_years")
    raise _error("period_type", msg("period_got", got=describe_value(value)), hint)


class Levels(Model):
    strategy: Text
    task: Text
    project: Text
    indicator: Text


class Source(Model):
    id: Slug
    title: Text
    issuer: Text | None = None
    reference: String | None = None
    date: datetime.date | None = None


class TaskSpec(Model):
    id: NodeId
    label: String | None = None
    title: Text
    short_title: Text | None = None


class StrategySpec(Model):
    id: NodeId
    label: String | None = None
    title: Text
    short_title: Text | None = None
    tasks: Annotated[list[TaskSpec], Field(min_length=1)]


GradeName = String


class GradeBand(Model):
    """A shown (whole-percent) rate of at least `min_rate` earns `grade`."""

    grade: GradeName
    min_rate: WholeNumber


class PlanFile(Model):
    id: Slug
    title: Text
    short_title: Text | None = None
    period: Annotated[Period, BeforeValidator(_period)]
    target_years: list[Year] | None = None
    vision: Text | None = None
    budget_unit: Unit
    levels: Levels
    grade_scale: list[GradeBand] | None = None
    sources: Annotated[list[Source], Field(min_length=1)]
    strategies: Annotated[list[StrategySpec], Field(min_length=1)]
    discrepancies: list[Discrepancy] = []

    @property
    def recorded_years(self) -> list[int]:
        """The years whose targets the data records: the whole period unless the sources show only some."""
        return self.target_years if self.target_years is not None else self.period.years


class Origin(Model):
    status: Literal["continued", "new"]
    note: Text | None = None


NON_BUDGET = "non-budget"


class Budget(Model):
    years: dict[Year, OptionalAmount] | None
    total: OptionalAmount = None

    @property
    def is_non_budget(self) -> bool:
        """The plan marks the project 비예산: it needs no budget (`budget: non-budget` in YAML)."""
        return self.years is None


def _budget(value: Any) -> Any:
    if isinstance(value, str):
        if value == NON_BUDGET:
            # `years` cannot be null when written in YAML, so a null `years` marks non-budget unambiguously.
            return Budget.model_construct(years=None, total=None)
        raise _error("budget_type", msg("budget_got", non_budget=NON_BUDGET, got=describe_value(value)))
    if isinstance(value, dict) and value.get("years", {}) is None:
        raise _error("budget_years", msg("budget_years_mapping"))
    return value


class Contact(Model):
    department: Text
    team: Text | None = None
    phone: String


class Measure(Model):
    id: Slug
    unit: Unit
    primary: bool = False


class IndicatorSpec(Model):
    id: NodeId
    name: Text
    unit: Unit | None = None
    measures: list[Measure] | None = None
    kind: Literal["flow", "stock"] | None = None
    direction: Literal["higher", "lower"] = "higher"
    qualitative: bool = False
    targets: dict[Year, Target]
    total: Target = None


class ProjectFile(Model):
    id: NodeId
    label: String | None = None
    title: Text
    departments: list[Text] = []
    origin: Origin | None = None
    purpose: Text | None = None
    legal_basis: list[Text] = []
    content: Text | None = None
    budget: Annotated[Budget | None, BeforeValidator(_budget)] = None
    contacts: list[Contact] = []
    indicators: list[IndicatorSpec]
    discrepancies: list[Discrepancy] = []


# -- annual results ----------------------------------------------------------------------------------------

ResultStatus = Literal["evaluated", "excluded", "not_evaluated"]


class Assessment(Model):
    """A rate or grade set by judgement (정성평가) instead of computed; always with its rationale."""

    rate: OptionalAmount = None
    grade: GradeName | None = None
    rationale: Text


class Published(Model):
    """The figures as an official report printed them, kept to compare with what plansite computes."""

    rate: OptionalAmount = None
    grade: GradeName | None = None
    target: String | None = None
    actual: String | None = None


class IndicatorResult(Model):
    indicator: NodeId
    status: ResultStatus = "evaluated"
    actual: Target = None
    reason: Text | None = None
    narrative: Text | None = None
    assessed: Assessment | None = None
    published: Published | None = None


class PublishedExecution(Model):
    """Execution rates as an official table printed them, kept to compare with the rates the figures give."""

    committed_rate: OptionalAmount = None
    spent_rate: OptionalAmount = None


class BudgetExecution(Model):
    """The year's budget (예산현액), commitments (원인행위) and expenditure (지출), in the plan's unit."""

    budget: Amount
    committed: OptionalAmount = None
    spent: OptionalAmount = None
    published: PublishedExecution | None = None


class ProjectResults(Model):
    project: NodeId
    narrative: Text | None = None
    budget: BudgetExecution | None = None
    indicators: list[IndicatorResult] = []
    discrepancies: list[Discrepancy] = []


class CheckFile(Model):
    """One year's implementation check (이행사항 점검) of a plan."""

    plan: Slug
    year: Year
    title: Text
    method: Text | None = None
    sources: list[Source] = []
    published_distribution: dict[GradeName, WholeNumber] | None = None
    published_execution: PublishedExecution | None = None
    discrepancies: list[Discrepancy] = []

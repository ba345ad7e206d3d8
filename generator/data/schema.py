"""The shape of plan files: pydantic models that mirror the YAML exactly.

Everything a single file can get wrong on its own (missing or unknown keys, wrong types, malformed ids,
negative or non-finite numbers) is rejected here, with our own messages. Rules that need more than one
value (years inside the period, totals, parents) live in `validate`.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.data.fields import (
    NON_EMPTY_SCHEMA,
    Amount,
    NodeId,
    Number,
    OptionalAmount,
    Slug,
    String,
    WholeNumber,
    Year,
    check_non_empty,
    check_number,
    check_string,
    describe_value,
    text_mapping,
    value_error,
)
from generator.i18n import msg


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class LocalizedText(Model):
    ko: Annotated[str, PlainValidator(lambda v: check_non_empty(check_string(v))), WithJsonSchema(NON_EMPTY_SCHEMA)]
    en: Annotated[
        str | None,
        PlainValidator(lambda v: None if v is None else check_non_empty(check_string(v))),
        WithJsonSchema({"anyOf": [NON_EMPTY_SCHEMA, {"type": "null"}]}),
    ] = None

    def get(self, language: str) -> str:
        """The text in `language`, falling back to Korean (the source language)."""
        return (self.en if language == "en" else None) or self.ko


Text = Annotated[LocalizedText, BeforeValidator(text_mapping)]

MAX_SCALE = 10**12


def _scale(value: Any) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1 <= value <= MAX_SCALE
        or str(value).rstrip("0") != "1"
    ):
        raise value_error("scale", msg("scale_got", got=describe_value(value)))
    return value


class UnitText(LocalizedText):
    """A unit as the source writes it, and how many of its base unit one of it counts: 만명 is 10,000 people.

    `en` names the base unit when there is a scale ("people"), so English can say "1.4 million people" where
    Korean says 140만명; figures are kept and computed as the source writes them.
    """

    scale: Annotated[int, PlainValidator(_scale), WithJsonSchema({"enum": [10**k for k in range(13)]})] = 1


Unit = Annotated[UnitText, BeforeValidator(text_mapping)]


def _target(value: Any) -> Number | dict[str, Number] | LocalizedText | None:
    """A yearly target or stated total: nothing, a number, measures of a compound target, or text."""
    if value is None:
        return None
    if isinstance(value, str) or (isinstance(value, dict) and "ko" in value):
        return LocalizedText.model_validate(text_mapping(value))
    if isinstance(value, dict):
        measures: dict[str, Number] = {}
        for key, amount in value.items():
            try:
                measures[str(key)] = check_number(amount)
            except PydanticCustomError as error:
                context = error.context or {}
                raise value_error(
                    "measure_value", msg("measure_problem", key=key, message=context.get("message", error.message()))
                ) from None
        return measures
    return check_number(value)


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
    raise value_error("period_type", msg("period_got", got=describe_value(value)), hint)


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
        raise value_error("budget_type", msg("budget_got", non_budget=NON_BUDGET, got=describe_value(value)))
    if isinstance(value, dict) and value.get("years", {}) is None:
        raise value_error("budget_years", msg("budget_years_mapping"))
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

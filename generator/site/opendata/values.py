"""What every open-data file shares: file names, columns, cell and JSON forms of values, and serialisation."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator.data.model import number_of
from generator.data.schema import (
    IndicatorSpec,
    LocalizedText,
    Target,
    UnitText,
)
from generator.i18n import t
from generator.numbers import machine

# Raised whenever a field is removed or changes meaning, so consumers can tell which documentation applies.
FORMAT_VERSION = 2

PLAN_JSON = "plan.json"
PLAN_CSV = "plan.csv"

PLAN_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "strategy_id",
    "strategy_ko",
    "strategy_en",
    "task_id",
    "task_ko",
    "task_en",
    "project_id",
    "project_label",
    "project_ko",
    "project_en",
    "departments_ko",
    "indicator_id",
    "indicator_ko",
    "indicator_en",
    "measure",
    "unit_ko",
    "unit_en",
    "unit_scale",
    "kind",
    "direction",
    "year",
    "target",
    "stated_total",
    "budget",
    "budget_unit",
    "budget_unit_scale",
)

RESULTS_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "year",
    "strategy_id",
    "task_id",
    "project_id",
    "project_label",
    "project_ko",
    "project_en",
    "indicator_id",
    "indicator_ko",
    "indicator_en",
    "measure",
    "unit_ko",
    "unit_scale",
    "target",
    "actual",
    "status",
    "reason_ko",
    "reason_en",
    "computed_rate",
    "rate_status",
    "computed_grade",
    "published_rate",
    "published_grade",
    "assessed_rate",
    "assessed_grade",
    "final_rate",
    "final_grade",
    "basis",
    "category",
    "findings",
    "budget",
    "committed",
    "spent",
    "committed_rate",
    "spent_rate",
    "budget_unit",
    "budget_unit_scale",
)

# The project's budget execution, repeated on each of its rows of the CSV; the JSON lists it once per project.
BUDGET_COLUMNS = RESULTS_COLUMNS[RESULTS_COLUMNS.index("budget") :]
# plan_id and year are the same on every row, so the JSON states them once at the top instead.
RESULTS_JSON_INDICATOR_KEYS: tuple[str, ...] = RESULTS_COLUMNS[2 : RESULTS_COLUMNS.index("budget")]

LIST_SEPARATOR = "; "
NON_BUDGET_CELL = t("non_budget", "ko")  # as the source tables print it, so the CSV reads like the plan

# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and
# carriage return are on OWASP's list because some programs strip them and then see the next character.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None
Json = dict[str, Any]


def results_json_name(year: int) -> str:
    return f"results-{year}.json"


def results_csv_name(year: int) -> str:
    return f"results-{year}.csv"


# -- values ------------------------------------------------------------------------------------------------


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # Only text is escaped: a number we formatted is data, and an apostrophe would turn it into text.
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    return machine(value)


def text_json(text: LocalizedText | None) -> Json | None:
    return None if text is None else {"ko": text.ko, "en": text.en}


def unit_json(unit: UnitText | None) -> Json | None:
    """A unit with its scale: {"ko": "만명", "en": "people", "scale": 10000}; figures stay in the source unit."""
    return None if unit is None else {"ko": unit.ko, "en": unit.en, "scale": unit.scale}


def scale_of(unit: UnitText | None) -> int | None:
    return None if unit is None else unit.scale


def texts_json(texts: Iterable[LocalizedText]) -> list[Json | None]:
    return [text_json(text) for text in texts]


def ko(text: LocalizedText | None) -> str | None:
    return None if text is None else text.ko


def en(text: LocalizedText | None) -> str | None:
    # No fallback to Korean: open data should show which translations exist, not hide the gaps.
    return None if text is None else text.en


def target_json(value: Target, indicator: IndicatorSpec) -> Any:
    """A target, total or actual: null, a number, {measure: number} in the indicator's order, or {ko, en}."""
    if isinstance(value, LocalizedText):
        return text_json(value)
    if isinstance(value, dict):
        order = [measure.id for measure in indicator.measures or []]
        keys = [key for key in order if key in value] + sorted(key for key in value if key not in order)
        return {key: value[key] for key in keys}
    return value


def target_cell(value: Target, measure: str | None) -> Cell:
    """The CSV form of a target or actual: the measure's number of a compound value, the Korean of a text."""
    if isinstance(value, LocalizedText):
        return value.ko
    return number_of(value, measure) if measure is not None or not isinstance(value, dict) else None


def unit_of(indicator: IndicatorSpec, measure: str | None) -> UnitText | None:
    if measure is None:
        return indicator.unit
    return next((m.unit for m in indicator.measures or [] if m.id == measure), None)


# -- serialisation -----------------------------------------------------------------------------------------


def dump_json(data: Json) -> str:
    # sort_keys=False: the field order is part of the documented format and reads top-down like the plan.
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"


def dump_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> bytes:
    def cells() -> Iterable[Sequence[str]]:
        yield columns
        for row in rows:
            if set(row) != set(columns):
                raise ValueError(f"row keys differ from the columns: {sorted(set(row) ^ set(columns))}")
            yield [csv_cell(row[column]) for column in columns]

    return dump_cells(cells())


def dump_cells(rows: Iterable[Sequence[str]]) -> bytes:
    """Rows of cells already in their CSV form (`csv_cell`), the header row first, as every CSV file is written."""
    buffer = io.StringIO(newline="")
    # The csv module's default line ending "\r\n" (RFC 4180) is kept; docs/open-data.md states it.
    csv.writer(buffer).writerows(rows)
    # utf-8-sig writes the byte order mark, without which Excel reads the Hangul as mojibake.
    return buffer.getvalue().encode("utf-8-sig")

"""The input cells of a filled-in workbook, read into results data: each cell checked where it stands.

The rows must be the rows `collect` wrote, in the same order (their ids are compared), so that each value goes
to the indicator its row names. A figure typed as text (`1,200`, `12.5`) counts as the figure; anything else
that is not a number (a unit or a word beside the figure) is an error naming the cell.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from generator.data.units import is_rate_unit
from generator.data.yamlsafe import LARGEST, TOO_LARGE_HINT, Refused, clean_text, number_slip, too_large
from generator.errors import Problem
from generator.i18n import msg, t
from generator.sheets.columns import FIRST_ROW, STATUS_KEYS, Column, Key, status_label, status_of
from generator.sheets.rows import DepartmentSheet


@dataclass
class Filled:
    """What one workbook says: each project's results, with the cell each value came from."""

    path: Path
    sheet: DepartmentSheet
    results: dict[str, dict[str, Any]] = field(default_factory=dict)  # project id → results data
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (project id, yaml path) → "성과지표!I5"


_FIGURE = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?|[0-9]+(\.[0-9]+)?")  # ASCII digits only
# The sheet's escape of a character it cannot hold in XML: `_x000D_` is a carriage return, `_x005F_` an underscore.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_TIME = (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)
# What a number format shows literally, not as a code: "text", \x, [colour or condition].
_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
BUDGET_FIGURES = (Key.BUDGET, Key.COMMITTED, Key.SPENT)  # their keys are the results file's names for them
_REORDERED = msg("rows_kept")


class Cells:
    """Cell values of one workbook, with the problems of a cell named by sheet and cell."""

    def __init__(self, where: str, values: Workbook, formulas: Workbook, problems: list[Problem]):
        self.where, self.values, self.formulas, self.problems = where, values, formulas, problems

    def value(self, sheet: str, row: int, column: int) -> Any:
        """What the cell shows, as data: a number or a text (its escapes decoded, checked as YAML text is), or
        None; an error value, a truth value, a date or time, and a formula without its value are refused."""
        cell = self.values[sheet].cell(row, column)
        value = cell.value
        formula = self.formulas[sheet].cell(row, column)
        if value is None and formula.data_type == "f":  # any formula, an array formula too
            self.add(sheet, row, column, msg("cell_formula_unsaved"), _SAVE_VALUES)
            return None
        if cell.data_type == "e":  # typed as text ('#N/A), the same characters are a text
            self.add(sheet, row, column, msg("cell_error_value", value=str(value).strip()), msg("hint_error_value"))
            return None
        if isinstance(value, bool):
            shown = "TRUE" if value else "FALSE"  # as spreadsheet programs show it
            self.add(sheet, row, column, msg("cell_truth_value", value=shown), msg("hint_no_truth_value"))
            return None
        if isinstance(value, _TIME):
            self.add(sheet, row, column, msg("cell_date_value", value=str(value)), msg("hint_date_as_text"))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.add(sheet, row, column, too_large(repr(value)), TOO_LARGE_HINT)
            return None
        if isinstance(value, str):
            return self._text(sheet, row, column, value)
        if value is not None and not isinstance(value, int | float):
            self.add(sheet, row, column, msg("cell_number_got", value=str(value)), msg("sheet_number_hint"))
            return None
        return value

    def _text(self, sheet: str, row: int, column: int, value: str) -> str | None:
        text = decode_escapes(value).replace("\r\n", "\n")
        try:
            text = clean_text(text, None)
        except Refused as refused:
            self.add(sheet, row, column, refused.message, refused.hint)
            return None
        return text.strip() or None

    def percent(self, sheet: str, row: int, column: int) -> bool:
        """The cell's number format shows its value as a percentage (95% typed in a cell is 0.95 in it)."""
        number_format = self.values[sheet].cell(row, column).number_format or ""
        return "%" in _FORMAT_LITERAL.sub("", str(number_format))

    def add(self, sheet: str, row: int, column: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.where, 1, 1, message, hint=hint, cell=self.cell(sheet, row, column)))

    @staticmethod
    def cell(sheet: str, row: int, column: int) -> str:
        return f"{sheet}!{get_column_letter(column)}{row}"


_SAVE_VALUES = msg("hint_save_values")


def decode_escapes(text: str) -> str:
    """`_x000D_` → a carriage return, `_x005F_` → `_`: the escapes spreadsheet programs write into cell text."""
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def _other_digits(text: str) -> str | None:
    """`１２００` or `١٢٠٠` in ASCII digits (1200), when the text has digits of another script; else None."""
    if not any(char.isdigit() and not char.isascii() for char in text):
        return None
    return "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in text)


def _too_large(value: int | float) -> bool:
    return abs(value) >= LARGEST


def _figure(cells: Cells, sheet: str, row: int, column: int, unit: str) -> int | float | None:
    """The figure in a cell, in `unit`. A cell formatted as a percentage holds 0.95 for 95%: for a rate unit
    that is 95 (the figure the cell shows, shifted exactly in decimal), for any other unit an error."""
    value = cells.value(sheet, row, column)
    if value is None:
        return None
    rate = is_rate_unit(unit)
    if isinstance(value, int | float) and not isinstance(value, bool) and cells.percent(sheet, row, column):
        shifted = (Decimal(repr(value)) * 100).normalize()
        if not rate:
            shown = f"{shifted:f}%"
            where = unit or msg("none")
            message = msg("sheet_percent_not_rate", shown=shown, value=repr(value), unit=where)
            cells.add(sheet, row, column, message, msg("sheet_percent_hint", unit=where))
            return None
        value = int(shifted) if shifted == shifted.to_integral_value() else float(shifted)
    if isinstance(value, str) and rate and value.endswith("%") and _FIGURE.fullmatch(value[:-1].rstrip()):
        value = value[:-1].rstrip()  # 95% typed as text: a rate may take it
    if isinstance(value, str) and (ascii_form := _other_digits(value)) is not None:
        cells.add(
            sheet, row, column, msg("cell_other_digits", value=value), msg("hint_ascii_digits", figure=ascii_form)
        )
        return None
    if isinstance(value, str) and _FIGURE.fullmatch(value):
        digits = value.replace(",", "")
        if len(digits.split(".")[0]) > len(str(LARGEST)):
            cells.add(sheet, row, column, too_large(digits), TOO_LARGE_HINT)
            return None
        value = float(digits)
    if isinstance(value, bool) or not isinstance(value, int | float):
        slip = number_slip(str(value))
        hint = slip[1] if slip else msg("sheet_number_hint")
        cells.add(sheet, row, column, msg("cell_number_got", value=value), hint)
        return None
    if _too_large(value):
        cells.add(sheet, row, column, too_large(str(value)), TOO_LARGE_HINT)
        return None
    if value < 0:
        cells.add(sheet, row, column, msg("negative_got", got=f"{value:g}"))
        return None
    return int(value) if float(value).is_integer() else value


def _then(hint: str) -> str:
    return msg("hint_then", first=_REORDERED, second=hint)


def _positions(columns: tuple[Column, ...]) -> dict[Key, int]:
    return {column.key: index for index, column in enumerate(columns, start=1)}


def _rows_kept(
    cells: Cells, sheet: str, keys: list[tuple[int, list[str | None]]], expected: list[list[str | None]]
) -> bool:
    """The id cells of each row are those collect wrote, and nothing is added below them."""
    for row, (found, wanted) in enumerate(zip([k for _, k in keys], expected, strict=False), start=FIRST_ROW):
        if [value or "" for value in found] != [value or "" for value in wanted]:
            shown = " ".join(str(v) for v in wanted if v)
            cells.add(sheet, row, keys[0][0], msg("row_expected", shown=shown), _then(msg("hint_collect_new")))
            return False
    extra = len(keys) - len(expected)
    if extra > 0:
        row = FIRST_ROW + len(expected)
        cells.add(sheet, row, keys[0][0], msg("rows_added", count=extra), _then(msg("hint_remove_them")))
        return False
    if extra < 0:
        row = FIRST_ROW + len(keys)
        cells.add(sheet, row, keys[0][0], msg("rows_deleted", count=-extra), _then(msg("hint_collect_new")))
        return False
    return True


def _key_rows(cells: Cells, sheet: str, columns: list[int]) -> list[tuple[int, list[str | None]]]:
    """The id cells of every row below the headers that has any."""
    worksheet = cells.values[sheet]
    rows = []
    for row in range(FIRST_ROW, worksheet.max_row + 1):
        found = [worksheet.cell(row, column).value for column in columns]
        if any(value not in (None, "") for value in found):
            rows.append((columns[0], [str(value).strip() if value is not None else None for value in found]))
    return rows


def _text(cells: Cells, sheet: str, row: int, ko: int, en: int) -> dict[str, str] | None:
    korean, english = cells.value(sheet, row, ko), cells.value(sheet, row, en)
    if korean is None and english is None:
        return None
    if korean is None:
        cells.add(sheet, row, ko, msg("korean_text_missing"), msg("hint_write_korean"))
        return None
    text = {"ko": str(korean)}
    if english is not None:
        text["en"] = str(english)
    return text


def read_indicator_rows(cells: Cells, sheet: DepartmentSheet, filled: Filled, columns: tuple[Column, ...]) -> None:
    name = t("sheet_indicators", "ko")
    at = _positions(columns)
    keys = _key_rows(cells, name, [at[Key.INDICATOR_ID], at[Key.MEASURE]])
    if not _rows_kept(cells, name, keys, [[r.indicator_id, r.measure or None] for r in sheet.indicators]):
        return
    for offset, spec in enumerate(sheet.indicators):
        row = FIRST_ROW + offset
        project = filled.results.setdefault(spec.project_id, {"indicators": {}})
        entry = project["indicators"].setdefault(spec.indicator_id, {})
        if spec.qualitative:
            actual = cells.value(name, row, at[Key.ACTUAL])
            value: object = None if actual is None else {"ko": str(actual)}
        else:
            value = _figure(cells, name, row, at[Key.ACTUAL], spec.unit)
        if spec.measure:
            entry.setdefault("actual", {})[spec.measure] = value
        else:
            entry["actual"] = value
        filled.cells[(spec.project_id, f"{spec.indicator_id}.actual")] = cells.cell(name, row, at[Key.ACTUAL])
        if spec.first:
            _read_first(cells, name, row, at, entry)
            for field, key in (("status", Key.STATUS), ("reason", Key.REASON_KO), ("narrative", Key.NARRATIVE_KO)):
                filled.cells[(spec.project_id, f"{spec.indicator_id}.{field}")] = cells.cell(name, row, at[key])
    for project in filled.results.values():
        for entry in project["indicators"].values():
            if isinstance(entry.get("actual"), dict) and all(v is None for v in entry["actual"].values()):
                entry["actual"] = None  # no measure filled in: not yet


def _read_first(cells: Cells, name: str, row: int, at: dict[Key, int], entry: dict[str, Any]) -> None:
    label = cells.value(name, row, at[Key.STATUS])
    status = "evaluated" if label is None else status_of(str(label))
    if status is None:
        choices = ", ".join(status_label(s) for s in STATUS_KEYS)
        cells.add(
            name, row, at[Key.STATUS], msg("not_a_status", label=label), msg("hint_choose_one_of", choices=choices)
        )
    entry["status"] = status or "evaluated"
    entry["reason"] = _text(cells, name, row, at[Key.REASON_KO], at[Key.REASON_EN])
    entry["narrative"] = _text(cells, name, row, at[Key.NARRATIVE_KO], at[Key.NARRATIVE_EN])


def read_budget_rows(
    cells: Cells, sheet: DepartmentSheet, filled: Filled, columns: tuple[Column, ...], unit: str
) -> None:
    name = t("sheet_budget", "ko")
    at = _positions(columns)
    keys = _key_rows(cells, name, [at[Key.PROJECT_ID]])
    if not _rows_kept(cells, name, keys, [[row.project_id] for row in sheet.budgets]):
        return
    for offset, spec in enumerate(sheet.budgets):
        row = FIRST_ROW + offset
        figures = {key.value: _figure(cells, name, row, at[key], unit) for key in BUDGET_FIGURES}
        project = filled.results.setdefault(spec.project_id, {"indicators": {}})
        project["budget"] = figures if any(value is not None for value in figures.values()) else None
        for key in BUDGET_FIGURES:
            filled.cells[(spec.project_id, f"budget.{key.value}")] = cells.cell(name, row, at[key])

"""A department's workbook (openpyxl): instructions, the indicator rows, the budget rows, and a hidden sheet
that says which plan, year and rows it was written for.

Cells from the plan are grey and locked; the cells a department fills in are yellow and unlocked. The sheets
are protected without a password (nobody is locked out: Review → Unprotect Sheet), so rows and the grey cells
are not changed by accident. Figures carry data validation (a decimal of at least 0), the status a drop-down.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from generator.data.model import Plan
from generator.data.schema import LocalizedText
from generator.errors import UsageError
from generator.i18n import msg, t
from generator.sheets.columns import (
    FIRST_ROW,
    META_SHEET,
    STATUS_KEYS,
    Column,
    Key,
    budget_columns,
    indicator_columns,
    status_label,
)
from generator.sheets.rows import SHEET_FORMAT, BudgetRow, DepartmentSheet, IndicatorRow, fingerprint

INPUT = PatternFill("solid", fgColor="FFF2CC")  # yellow: fill this in
FIXED = PatternFill("solid", fgColor="EDEDED")  # grey: from the plan
HEADER = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
META_KEYS = ("format", "plan", "year", "department", "fingerprint")


# The sheet's own escape of a character as `_xHHHH_`: a text that holds such a sequence literally has its
# underscore escaped (`_x005F_`), so spreadsheet programs and `import` read the text back as it was.
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_FORMULA_START = ("=", "+", "-", "@")
CELL_CHARACTERS = 32767  # the most a cell holds (Excel's limit)


def put(sheet: Worksheet, row: int, column: int, value: str | int | float | None = None) -> Cell:
    """Write `value` into a cell as data: a text is stored as text (never a formula or an error value, whatever
    it begins with), and one that begins like a formula carries the quote prefix, so editing it in a
    spreadsheet program keeps it text."""
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        if len(value) > CELL_CHARACTERS:  # openpyxl would cut it short without a word
            raise UsageError(msg("collect_text_too_long", start=value[:30], limit=CELL_CHARACTERS))
        cell.value = _ESCAPE_LIKE.sub("_x005F_", value)
        cell.data_type = "s"  # openpyxl makes "=…" a formula and "#N/A" an error value
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    elif value is not None:
        cell.value = value
    assert isinstance(cell, Cell)
    return cell


def workbook_bytes(plan: Plan, year: int, sheet: DepartmentSheet, deadline: str = "") -> bytes:
    book = Workbook()
    first = book.active
    assert isinstance(first, Worksheet)  # a new workbook's one sheet
    _instructions(first, plan, year, sheet, deadline)
    indicators = book.create_sheet(t("sheet_indicators", "ko"))
    columns = indicator_columns(plan)
    _table(indicators, columns, [_in_columns(columns, _indicator_values(row), row.first) for row in sheet.indicators])
    _mark_inputs(indicators, indicator_columns(plan), sheet.indicators)
    if sheet.budgets:
        budgets = book.create_sheet(t("sheet_budget", "ko"))
        unit = plan.spec.budget_unit.ko
        columns = budget_columns(plan)
        _table(budgets, columns, [_in_columns(columns, _budget_values(row, unit), True) for row in sheet.budgets])
        _mark_inputs(budgets, budget_columns(plan), [None] * len(sheet.budgets))
    meta = book.create_sheet(META_SHEET)
    values = (str(SHEET_FORMAT), plan.id, str(year), sheet.department.ko, fingerprint(plan, year, sheet))
    for number, (key, value) in enumerate(zip(META_KEYS, values, strict=True), start=1):
        put(meta, number, 1, key)
        put(meta, number, 2, value)
        # The stubs do not know the workbook's custom properties (openpyxl ≥ 3.1 has them).
        book.custom_doc_props.append(StringProperty(name=f"plansite.{key}", value=value))  # type: ignore[attr-defined]
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _instructions(sheet: Worksheet, plan: Plan, year: int, department: DepartmentSheet, deadline: str) -> None:
    sheet.title = t("sheet_instructions", "ko")
    lines = [
        (t("sheet_title", "ko", year=year), t("sheet_title", "en", year=year)),
        (t("sheet_plan", "ko"), f"{plan.spec.title.ko} ({plan.id})"),
        (t("sheet_department", "ko"), department.department.ko),
        (t("sheet_deadline", "ko"), deadline),
        ("", ""),
    ]
    for key in ("sheet_how", "sheet_how_actual", "sheet_how_status", "sheet_how_budget", "sheet_how_return"):
        unit = plan.spec.budget_unit.ko
        lines += [(t(key, "ko", unit=unit), ""), (t(key, "en", unit=unit), "")]
    for number, (left, right) in enumerate(lines, start=1):
        put(sheet, number, 1, left).alignment = WRAP
        put(sheet, number, 2, right).alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["B1"].font = Font(bold=True, size=12)
    sheet["B4"].fill = INPUT  # the office writes the deadline here if --deadline did not
    sheet.column_dimensions["A"].width = 90
    sheet.column_dimensions["B"].width = 50
    for number, (left, right) in enumerate(lines, start=1):
        # Wrapped text needs its row tall enough for every line: no program grows a row that has a height.
        wrapped = max(wrapped_lines(left, 90), wrapped_lines(right, 50))
        sheet.row_dimensions[number].height = wrapped * (LINE_POINTS_TITLE if number == 1 else LINE_POINTS)
    _print_setup(sheet)


CellValue = str | int | float | None


def _value(value: object) -> CellValue:
    """What a cell holds: a figure, a text, or nothing."""
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def _in_columns(columns: Sequence[Column], values: dict[Key, CellValue], first: bool) -> list[CellValue]:
    """A row's cells in the order of the columns; a column of the indicator is filled in its first row only."""
    if set(values) != {column.key for column in columns}:
        raise ValueError(f"cell values for {sorted(values)} do not match the columns {[c.key for c in columns]}")
    return [None if column.per_indicator and not first else values[column.key] for column in columns]


def _indicator_values(row: IndicatorRow) -> dict[Key, CellValue]:
    def text(value: LocalizedText | None, language: str) -> CellValue:
        return None if value is None else (value.ko if language == "ko" else value.en)

    return {
        Key.STRATEGY: row.strategy,
        Key.TASK: row.task,
        Key.PROJECT: row.project,
        Key.INDICATOR_ID: row.indicator_id,
        Key.MEASURE: row.measure or None,
        Key.INDICATOR: row.name,
        Key.UNIT: row.unit,
        Key.TARGET: _value(row.target),
        Key.ACTUAL: _value(row.actual),
        Key.STATUS: status_label(row.status),
        Key.REASON_KO: text(row.reason, "ko"),
        Key.REASON_EN: text(row.reason, "en"),
        Key.NARRATIVE_KO: text(row.narrative, "ko"),
        Key.NARRATIVE_EN: text(row.narrative, "en"),
    }


def _budget_values(row: BudgetRow, unit: str) -> dict[Key, CellValue]:
    return {
        Key.PROJECT_ID: row.project_id,
        Key.PROJECT: row.project,
        Key.UNIT: unit,
        Key.PLANNED: _value(row.planned),
        Key.BUDGET: _value(row.budget),
        Key.COMMITTED: _value(row.committed),
        Key.SPENT: _value(row.spent),
    }


def _table(sheet: Worksheet, columns: Sequence[Column], rows: list[list[CellValue]]) -> None:
    for index, column in enumerate(columns, start=1):
        for header_row, text in ((1, column.ko), (2, column.en)):
            cell = put(sheet, header_row, index, text)
            cell.font, cell.fill, cell.border, cell.alignment = Font(bold=True), HEADER, BOX, WRAP
        widest = max([_columns(column.ko), _columns(column.en)] + [_columns(str(r[index - 1] or "")) for r in rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(widest + 2, 8), column.width + 10)
    for offset, values in enumerate(rows):
        for index, value in enumerate(values, start=1):
            cell = put(sheet, FIRST_ROW + offset, index, value)
            cell.fill, cell.border, cell.alignment = FIXED, BOX, WRAP
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.protection.sheet = True  # no password: protection against slips, not against people
    sheet.protection.formatColumns = False  # widening a column is allowed
    sheet.protection.formatRows = False
    widths = [sheet.column_dimensions[get_column_letter(index)].width for index in range(1, len(columns) + 1)]
    _print_setup(sheet, pages_wide=math.ceil(sum(widths) / PAGE_WIDTH_CHARS))
    sheet.print_title_rows = "1:2"
    ids = [index for index, column in enumerate(columns, start=1) if column.key in (Key.INDICATOR_ID, Key.PROJECT_ID)]
    if ids and (sheet.page_setup.fitToWidth or 1) > 1:  # each page wide says which row it is
        sheet.print_title_cols = f"{get_column_letter(ids[0])}:{get_column_letter(ids[0])}"


def _mark_inputs(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[IndicatorRow | None]) -> None:
    """Unlock and colour the cells to fill in, with a check on each: decimals ≥ 0, or one status."""
    decimal = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    decimal.error, decimal.errorTitle = t("sheet_how_actual", "ko"), t("col_actual", "ko")
    labels = ",".join(status_label(status) for status in STATUS_KEYS)
    status = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    status.error, status.errorTitle = t("sheet_how_status", "ko"), t("col_status", "ko")
    for validation in (decimal, status):
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
    for offset, row in enumerate(rows):
        for index, column in enumerate(columns, start=1):
            if not column.filled_in or (row is not None and column.per_indicator and not row.first):
                continue
            cell = sheet.cell(FIRST_ROW + offset, index)
            cell.fill, cell.protection = INPUT, Protection(locked=False)
            if column.number and not (row is not None and row.qualitative):
                decimal.add(cell)
            elif column.key is Key.STATUS:
                status.add(cell)


# About as many characters of column width as A4 landscape holds at 100% (277 mm less the margins); a sheet
# wider than this prints over more pages across rather than shrinking its text out of legibility.
PAGE_WIDTH_CHARS = 120
LINE_POINTS = 15  # one line of 11 pt text
LINE_POINTS_TITLE = 20  # one line of the 14 pt title


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (Hangul counts two)."""
    return sum(max(1, math.ceil(_columns(line) / max(width - 2, 1))) for line in text.splitlines() or [""])


def _print_setup(sheet: Worksheet, pages_wide: int = 1) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = max(pages_wide, 1)
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _columns(text: str) -> int:
    """Width in characters, where Hangul takes two."""
    longest = max(text.splitlines() or [""], key=len)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)

"""`plansite collect`: one workbook per department for a year's results, and an index of who covers what.

Nothing is written over an existing file: a folder that already holds one of the workbooks (perhaps one a
department filled in) is refused as a whole, before anything is written.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from generator.data.model import Plan
from generator.data.results import YearResults
from generator.data.validate import check_year_in_period
from generator.errors import UsageError, display_path
from generator.i18n import msg, t
from generator.sheets.rows import DepartmentSheet, department_sheets
from generator.sheets.workbook import workbook_bytes

INDEX_FILE = "index.xlsx"


def collect_workbooks(plan: Plan, year: int, results: YearResults | None, out: Path, deadline: str = "") -> list[Path]:
    check_year_in_period(plan, year)
    sheets = department_sheets(plan, year, results)
    files = {out / sheet.file_name: workbook_bytes(plan, year, sheet, deadline) for sheet in sheets}
    files[out / INDEX_FILE] = _index(plan, sheets)
    taken = [path for path in files if path.exists()]
    if out.exists() and not out.is_dir():
        raise UsageError(msg("folder_is_file_out", where=display_path(out)))
    if taken:
        raise UsageError(msg("workbook_taken", where=display_path(taken[0])))
    out.mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        with path.open("xb") as file:  # "x": never over a file that appeared meanwhile
            file.write(content)
    return list(files)


def _index(plan: Plan, sheets: list[DepartmentSheet]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = t("sheet_department", "ko")
    headers = [
        (t("sheet_department", "ko"), t("sheet_department", "en")),
        (t("sheet_file", "ko"), t("sheet_file", "en")),
        (plan.spec.levels.project.ko, plan.spec.levels.project.get("en")),
        (t("sheet_rows", "ko", indicator=plan.spec.levels.indicator.ko), t("sheet_rows", "en")),
    ]
    for column, (korean, english) in enumerate(headers, start=1):
        sheet.cell(1, column, korean).font = Font(bold=True)
        sheet.cell(2, column, english).font = Font(bold=True)
    for row, department in enumerate(sheets, start=3):
        values: list[str | int] = [
            department.department.ko,
            department.file_name,
            ", ".join(department.projects),
            len(department.indicators),
        ]
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
    for letter, width in zip("ABCD", (28, 32, 60, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

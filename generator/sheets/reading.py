"""Reading a filled-in workbook back: what kind of file it is, whether it is the workbook `collect` wrote for
this plan and year, and each input cell's value; every problem names the file, the sheet and the cell.

Values are read, never formulas: a formula is taken by the value the spreadsheet program stored with it, and a
formula stored without one is an error naming its cell.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from generator.data.model import Plan
from generator.errors import Problem, display_path
from generator.i18n import msg, t
from generator.sheets.columns import FIRST_ROW, META_SHEET, Column, budget_columns, indicator_columns
from generator.sheets.rows import SHEET_FORMAT, DepartmentSheet, fingerprint
from generator.sheets.safefile import Unreadable, read_regular
from generator.sheets.values import Cells, Filled, read_budget_rows, read_indicator_rows

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls files and of password-protected .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def read_filled(
    path: Path, plan: Plan, year: int, expected: list[DepartmentSheet], problems: list[Problem]
) -> Filled | None:
    """The values of one workbook, or None with the reasons in `problems`."""
    where = display_path(path)
    try:
        content = read_regular(path)
    except Unreadable as unreadable:
        problems.append(Problem(where, 1, 1, unreadable.message, hint=unreadable.hint))
        return None
    refusal = _refusal(content)
    if refusal:
        problems.append(Problem(where, 1, 1, refusal[0], hint=refusal[1]))
        return None
    try:
        values = load_workbook(io.BytesIO(content), data_only=True)
        formulas = load_workbook(io.BytesIO(content), data_only=False)
    except (OSError, ValueError, KeyError, TypeError, SyntaxError, zipfile.BadZipFile, InvalidFileException) as error:
        # A damaged .xlsx (cut off in an e-mail, half saved): openpyxl cannot read it (XML parse errors are
        # SyntaxErrors).
        message = msg("workbook_damaged", error=type(error).__name__)
        problems.append(Problem(where, 1, 1, message, hint=msg("hint_send_again")))
        return None
    except Exception as error:  # openpyxl fails in any way on parts it does not expect
        # A chart sheet without a chart, for one, is an AttributeError inside openpyxl.
        message = msg("workbook_part_unreadable", error=type(error).__name__)
        problems.append(Problem(where, 1, 1, message, hint=msg("hint_remove_added_sheets")))
        return None
    sheet = _matching_sheet(values, plan, year, expected, where, problems)
    if sheet is None:
        return None
    filled = Filled(path, sheet)
    cells = Cells(where, values, formulas, problems)
    for name, columns, count in (
        (t("sheet_indicators", "ko"), indicator_columns(plan), len(sheet.indicators)),
        (t("sheet_budget", "ko"), budget_columns(plan), len(sheet.budgets)),
    ):
        if count == 0:
            continue
        if name not in values.sheetnames:
            problems.append(Problem(where, 1, 1, msg("sheet_missing", name=name), hint=_COLLECT_AGAIN))
            return None
        if not _is_worksheet(values, formulas, name, where, problems):
            return None
        if not _layout_kept(values[name], columns, where, problems):
            return None
    before = len(problems)
    read_indicator_rows(cells, sheet, filled, indicator_columns(plan))
    if sheet.budgets:
        read_budget_rows(cells, sheet, filled, budget_columns(plan), plan.spec.budget_unit.ko)
    return filled if len(problems) == before else None


_COLLECT_AGAIN = msg("hint_collect_again")
_THE_XLSX = msg("hint_the_xlsx")


def _is_worksheet(values: Workbook, formulas: Workbook, name: str, where: str, problems: list[Problem]) -> bool:
    """A sheet of cells, not a chart sheet put in its place under its name."""
    if isinstance(values[name], Worksheet) and isinstance(formulas[name], Worksheet):
        return True
    problems.append(Problem(where, 1, 1, msg("sheet_not_cells", name=name), hint=_COLLECT_AGAIN))
    return False


# What a workbook unpacks to at most: a department's is a few MiB at most; more is a "zip bomb".
MAX_UNPACKED = 200 * 1024 * 1024


def _refusal(content: bytes) -> tuple[str, str] | None:
    """Why a file is not an .xlsx workbook plansite can read, in words: (message, hint); None if it is one."""
    head = content[: 1 << 20]
    if head.startswith(_OLE):
        if _ENCRYPTED in head:
            return msg("workbook_password"), msg("hint_remove_password")
        return msg("workbook_xls"), msg("hint_save_xlsx")
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]:
            return msg("workbook_ods"), msg("hint_save_xlsx_2007")
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                    return msg("workbook_unpacks_large", limit=MAX_UNPACKED // (1024 * 1024)), _COLLECT_AGAIN
                if "xl/workbook.xml" in archive.namelist():
                    return None
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            pass
        return msg("workbook_zip"), _COLLECT_AGAIN
    text = head[:4096]
    if text and all(byte >= 9 for byte in text):  # no binary control bytes: a text file, such as CSV
        return msg("workbook_text"), _THE_XLSX
    return msg("workbook_not_xlsx"), _THE_XLSX


def _matching_sheet(
    book: Workbook, plan: Plan, year: int, expected: list[DepartmentSheet], where: str, problems: list[Problem]
) -> DepartmentSheet | None:
    if META_SHEET not in book.sheetnames or not isinstance(book[META_SHEET], Worksheet):
        problems.append(Problem(where, 1, 1, msg("workbook_not_ours"), hint=_COLLECT_AGAIN))
        return None
    meta_sheet = book[META_SHEET]
    assert isinstance(meta_sheet, Worksheet)
    meta = {str(meta_sheet.cell(row, 1).value): str(meta_sheet.cell(row, 2).value) for row in range(1, 6)}
    if meta.get("format") != str(SHEET_FORMAT):
        message = msg("workbook_layout", found=meta.get("format"), format=SHEET_FORMAT)
        problems.append(Problem(where, 1, 1, message, hint=msg("hint_collect_with_this")))
        return None
    if meta.get("plan") != plan.id or meta.get("year") != str(year):
        found_plan, found_year = meta.get("plan"), meta.get("year")
        message = msg("workbook_other_plan", plan=found_plan, year=found_year, want_plan=plan.id, want_year=year)
        problems.append(Problem(where, 1, 1, message, hint=msg("hint_import_as", plan=found_plan, year=found_year)))
        return None
    sheet = next((s for s in expected if s.department.ko == meta.get("department")), None)
    if sheet is None or fingerprint(plan, year, sheet) != meta.get("fingerprint"):
        message = msg("workbook_plan_changed", department=meta.get("department"))
        problems.append(Problem(where, 1, 1, message, hint=msg("hint_collect_new_for", plan=plan.id, year=year)))
        return None
    return sheet


def _layout_kept(sheet: Worksheet, columns: tuple[Column, ...], where: str, problems: list[Problem]) -> bool:
    """The headers as written (no column renamed, moved or removed), and no merged cells among the inputs."""
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        found = (sheet.cell(1, index).value, sheet.cell(2, index).value)
        if found != (column.ko, column.en):
            message = msg("column_heading", letter=letter, found=found[0] or "", ko=column.ko, en=column.en)
            hint = msg("hint_then", first=msg("columns_kept"), second=_COLLECT_AGAIN)
            problems.append(Problem(where, 1, 1, message, hint=hint, cell=f"{sheet.title}!{letter}1"))
            return False
    inputs = {index for index, column in enumerate(columns, start=1) if column.filled_in}
    for merged in sheet.merged_cells.ranges:
        if merged.max_row >= FIRST_ROW and any(merged.min_col <= i <= merged.max_col for i in inputs):
            message = msg("cells_merged", coord=merged.coord)
            hint = msg("hint_unmerge")
            problems.append(Problem(where, 1, 1, message, hint=hint, cell=f"{sheet.title}!{merged.coord}"))
            return False
    return True

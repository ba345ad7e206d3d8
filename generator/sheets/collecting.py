"""`plansite collect`: one workbook per department for a year's results, and an index of who covers what.

Nothing is written over an existing file: a folder that already holds one of the workbooks (perhaps one a
department filled in) is refused as a whole, before anything is written.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
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
from generator.sheets.workbook import put, workbook_bytes

INDEX_FILE = "index.xlsx"


def collect_workbooks(
    plan: Plan,
    year: int,
    results: YearResults | None,
    out: Path,
    deadline: str = "",
    data_folders: tuple[Path, ...] = (),
) -> list[Path]:
    """Write every workbook and the index into `out`, or nothing: every name is checked first, the files are
    written into a staging folder beside `out` and only then put in place, never over an existing file."""
    check_year_in_period(plan, year)
    _check_out(out, data_folders)
    sheets = department_sheets(plan, year, results)
    _check_file_names(sheets)
    files = {sheet.file_name: workbook_bytes(plan, year, sheet, deadline) for sheet in sheets}
    files[INDEX_FILE] = _index(plan, sheets)
    if out.exists() and not out.is_dir():
        raise UsageError(msg("folder_is_file_out", where=display_path(out)))
    taken = [out / name for name in files if (out / name).exists() or (out / name).is_symlink()]
    if taken:
        raise UsageError(msg("workbook_taken", where=display_path(taken[0])))
    _publish(out, files)
    return [out / name for name in files]


def _check_out(out: Path, data_folders: tuple[Path, ...]) -> None:
    """Workbooks never go into the plans or results: they would be read as data, or mistaken for it."""
    where = out.resolve()
    for folder in data_folders:
        if where == folder.resolve() or where.is_relative_to(folder.resolve()):
            raise UsageError(msg("collect_out_in_data", where=display_path(out), folder=display_path(folder)))


# Names Windows keeps for devices, whatever the extension: a workbook named so cannot be opened there.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{kind}{n}" for kind in ("com", "lpt") for n in range(1, 10)}
NAME_BYTES = 200  # below the 255 bytes of most file systems, with room for a copy's " (2)" or a temporary name


def _check_file_names(sheets: list[DepartmentSheet]) -> None:
    """Every department's file name is its own, visible, short enough and not a device name: checked before
    anything is written (two departments whose names differ only by `/` or `:` would share one file)."""
    seen: dict[str, str] = {INDEX_FILE.casefold(): INDEX_FILE}
    for sheet in sheets:
        name, department = sheet.file_name, sheet.department.ko
        stem = name.removesuffix(".xlsx")
        if not stem or name.startswith("."):
            raise UsageError(msg("collect_name_hidden", department=department, name=name))
        if len(name.encode("utf-8")) > NAME_BYTES:
            raise UsageError(msg("collect_name_long", department=department[:40], limit=NAME_BYTES))
        if stem.split(".")[0].strip().casefold() in _RESERVED:
            raise UsageError(msg("collect_name_reserved", department=department, name=name))
        other = seen.get(name.casefold())
        if other is not None:
            raise UsageError(msg("collect_name_shared", department=department, other=other, name=name))
        seen[name.casefold()] = department


def _publish(out: Path, files: dict[str, bytes]) -> None:
    """All files or none: staged beside `out`, then linked into place (a link never replaces a file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name[:40]}.", suffix=".tmp", dir=out.parent))
    placed: list[Path] = []
    try:
        for name, content in files.items():
            with (staging / name).open("xb") as file:
                file.write(content)
        if not out.exists():
            os.rename(staging, out)  # one step: the whole folder appears at once
            return
        for name in files:
            _place(staging / name, out / name)
            placed.append(out / name)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _place(staged: Path, target: Path) -> None:
    try:
        os.link(staged, target)  # fails if the target appeared meanwhile
    except FileExistsError:
        raise UsageError(msg("workbook_taken", where=display_path(target))) from None
    except OSError:  # a file system without hard links (a shared FAT or SMB folder)
        if target.exists() or target.is_symlink():
            raise UsageError(msg("workbook_taken", where=display_path(target))) from None
        shutil.copyfile(staged, target)


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
        put(sheet, 1, column, korean).font = Font(bold=True)
        put(sheet, 2, column, english).font = Font(bold=True)
    for row, department in enumerate(sheets, start=3):
        values: list[str | int] = [
            department.department.ko,
            department.file_name,
            ", ".join(department.projects),
            len(department.indicators),
        ]
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
    for letter, width in zip("ABCD", (28, 32, 60, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

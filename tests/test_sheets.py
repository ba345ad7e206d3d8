"""plansite collect → departments fill in their workbooks → plansite import: the round trip, and each refusal.

The plan here is synthetic (tests only): two departments; flow, stock, lower-is-better, compound and
qualitative indicators; a project with a budget and one without.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main

PLAN = """\
# Synthetic test plan (not real data) for the spreadsheet round trip.
id: sheets
title: {ko: 시험 계획, en: Test plan}
period: {first: 2024, last: 2025}
budget_unit: {ko: 백만원, en: won, scale: 1000000}
levels:
  strategy: {ko: 전략, en: Strategy}
  task: {ko: 과제, en: Task}
  project: {ko: 단위사업, en: Unit project}
  indicator: {ko: 성과지표, en: Indicator}
sources:
  - {id: plan, title: {ko: 시험 문서, en: Test document}}
strategies:
  - id: "1"
    title: {ko: 전략 하나, en: Strategy one}
    tasks:
      - {id: 1-1, title: {ko: 과제 하나, en: Task one}}
"""
PROJECTS = {
    "1-1-1": """\
# Synthetic test project (not real data): flow, stock and lower-is-better, with a budget.
id: 1-1-1
title: {ko: 사업 하나, en: Project one}
departments:
  - {ko: 가과, en: Division A}
budget:
  years: {2024: 10, 2025: 20}
  total: 30
indicators:
  - id: 1-1-1-1
    name: {ko: 방문 수, en: Visits}
    unit: {ko: 건, en: visits}
    kind: flow
    targets: {2024: 100, 2025: 120}
    total: 220
  - id: 1-1-1-2
    name: {ko: 누적 회원, en: Members}
    unit: {ko: 명, en: members}
    kind: stock
    targets: {2024: 50, 2025: 60}
    total: 60
  - id: 1-1-1-3
    name: {ko: 처리 기간, en: Days to answer}
    unit: {ko: 일, en: days}
    kind: flow
    direction: lower
    targets: {2024: 10, 2025: 8}
""",
    "1-1-2": """\
# Synthetic test project (not real data): compound and qualitative, no budget.
id: 1-1-2
title: {ko: 사업 둘, en: Project two}
departments:
  - {ko: 나과, en: Division B}
budget: non-budget
indicators:
  - id: 1-1-2-1
    name: {ko: 교육, en: Training}
    kind: flow
    measures:
      - {id: people, unit: {ko: 명, en: people}, primary: true}
      - {id: sessions, unit: {ko: 회, en: sessions}}
    targets:
      2024: {people: 40, sessions: 2}
      2025: {people: 50, sessions: 2}
  - id: 1-1-2-2
    name: {ko: 제도 도입, en: Scheme introduced}
    qualitative: true
    targets: {2024: {ko: 도입, en: Introduced}, 2025: {ko: 정착, en: Established}}
  - id: 1-1-2-3
    name: {ko: 행사, en: Events}
    unit: {ko: 회, en: events}
    kind: flow
    targets: {2024: null, 2025: 3}
""",
}
# What a department would write by hand in YAML for the figures filled in below.
EXPECTED = {
    "1-1-1": {
        "project": "1-1-1",
        "budget": {"budget": 10, "committed": 9.5, "spent": 8},
        "indicators": [
            {
                "indicator": "1-1-1-1",
                "status": "evaluated",
                "actual": 105,
                "narrative": {"ko": "목표를 넘었다.", "en": "Above the target."},
            },
            {"indicator": "1-1-1-2", "status": "evaluated", "actual": 48},
            {"indicator": "1-1-1-3", "status": "evaluated", "actual": 9},
        ],
    },
    "1-1-2": {
        "project": "1-1-2",
        "indicators": [
            {"indicator": "1-1-2-1", "status": "evaluated", "actual": {"people": 44, "sessions": 2}},
            {
                "indicator": "1-1-2-2",
                "status": "excluded",
                "actual": None,
                "reason": {"ko": "미운영", "en": "Not operated"},
            },
            {"indicator": "1-1-2-3", "status": "not_evaluated", "actual": None},
        ],
    },
}


def invoke(*arguments: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(arguments))


def write_plan(root: Path, projects: dict[str, str] = PROJECTS) -> None:
    (root / "plans" / "sheets" / "projects").mkdir(parents=True)
    (root / "plans" / "sheets" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    for project_id, text in projects.items():
        (root / "plans" / "sheets" / "projects" / f"{project_id}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_plan(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert invoke("new-year", "sheets", "2024").exit_code == 0
    result = invoke("collect", "sheets", "2024", "--deadline", "2025-01-31")
    assert result.exit_code == 0, result.output
    return tmp_path


BOOKS = Path("workbooks/sheets-2024")


def fill(name: str, cells: dict[str, Any], sheet: str = "성과지표") -> Path:
    path = BOOKS / name
    book = load_workbook(path)
    for cell, value in cells.items():
        book[sheet][cell] = value
    book.save(path)
    return path


def fill_both() -> list[Path]:
    a = fill("가과.xlsx", {"I3": 105, "M3": "목표를 넘었다.", "N3": "Above the target.", "I4": "48", "I5": 9})
    fill("가과.xlsx", {"E3": 10, "F3": 9.5, "G3": 8}, sheet="예산집행")
    b = fill(
        "나과.xlsx", {"I3": 44, "I4": 2, "J5": "평가 제외", "K5": "미운영", "L5": "Not operated", "J6": "평가 안함"}
    )
    return [a, b]


def results(project_id: str) -> dict[str, Any]:
    text = Path(f"results/sheets/2024/projects/{project_id}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@pytest.mark.usefixtures("office")
def test_collect_writes_a_workbook_per_department_with_locked_plan_cells_and_marked_inputs() -> None:
    assert sorted(p.name for p in BOOKS.iterdir()) == ["index.xlsx", "가과.xlsx", "나과.xlsx"]
    book = load_workbook(BOOKS / "나과.xlsx")
    assert book.sheetnames == ["안내", "성과지표", "plansite"]  # no budget sheet: 1-1-2 is non-budget
    assert book["plansite"].sheet_state == "veryHidden"
    sheet = book["성과지표"]
    assert [c.value for c in sheet[1]][7:10] == ["목표", "실적", "평가 구분"]
    assert [c.value for c in sheet[2]][7:10] == ["Target", "Actual", "Status"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet["H3"].protection.locked and not sheet["I3"].protection.locked
    assert sheet["J4"].protection.locked  # the second measure's row: status is given once, on the first
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape"
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert kinds == {"decimal", "list"}
    assert book["안내"]["B4"].value == "2025-01-31"


@pytest.mark.usefixtures("office")
def test_the_workbook_prints_legibly_on_a4_and_its_instructions_do_not_overlap() -> None:
    """Issue 24: fitted to one page wide, the indicator sheet printed at about 4.8 pt; the instruction rows had
    fixed heights, so their wrapped lines overlapped."""
    import math

    from generator.sheets.workbook import LINE_POINTS, PAGE_WIDTH_CHARS, wrapped_lines

    book = load_workbook(BOOKS / "가과.xlsx")
    sheet = book["성과지표"]
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize), int(setup.fitToHeight)) == ("landscape", 9, 0)  # 9: A4
    widths = [sheet.column_dimensions[column].width for column in "ABCDEFGHIJKLMN"]
    assert int(setup.fitToWidth) == math.ceil(sum(widths) / PAGE_WIDTH_CHARS) >= 2
    assert sum(widths) / (int(setup.fitToWidth) * PAGE_WIDTH_CHARS) <= 1  # 11 pt text prints at 100% or near
    assert sheet.print_title_cols == "$D:$D" and sheet.print_title_rows == "$1:$2"  # each page names its rows
    instructions = book["안내"]
    for row in range(2, instructions.max_row + 1):
        text = str(instructions.cell(row, 1).value or "")
        needed = wrapped_lines(text, instructions.column_dimensions["A"].width) * LINE_POINTS
        assert instructions.row_dimensions[row].height == needed, (row, text)
    assert any(instructions.row_dimensions[row].height >= 2 * LINE_POINTS for row in range(2, instructions.max_row))


@pytest.mark.usefixtures("office")
def test_the_round_trip_gives_the_results_one_would_write_by_hand_and_they_validate() -> None:
    result = invoke("import", "sheets", "2024", *map(str, fill_both()))
    assert result.exit_code == 0, result.output
    for project_id, expected in EXPECTED.items():
        assert results(project_id) == expected
    assert invoke("validate", "--strict").exit_code == 0
    # The comments new-year wrote are still there; a second import changes no byte.
    text = Path("results/sheets/2024/projects/1-1-1.yaml").read_text(encoding="utf-8")
    assert "# 2024 results of 1-1-1 사업 하나." in text and "# 방문 수; target 100건" in text
    before = {p: p.read_bytes() for p in Path("results").rglob("*.yaml")}
    again = invoke("import", "sheets", "2024", *map(str, (BOOKS / "가과.xlsx", BOOKS / "나과.xlsx")))
    assert again.exit_code == 0, again.output
    assert {p: p.read_bytes() for p in Path("results").rglob("*.yaml")} == before


@pytest.mark.usefixtures("office")
def test_a_second_round_starts_from_the_results_and_changes_need_update() -> None:
    assert invoke("import", "sheets", "2024", *map(str, fill_both())).exit_code == 0
    assert invoke("collect", "sheets", "2024", "--out", "round2").exit_code == 0
    assert load_workbook("round2/가과.xlsx")["성과지표"]["I3"].value == 105  # filled in from results/
    path = Path("round2/가과.xlsx")
    book = load_workbook(path)
    book["성과지표"]["I3"] = 110
    book.save(path)
    dry = invoke("import", "sheets", "2024", str(path), "--dry-run", "--lang", "ko")
    assert "2024년 실적: 105 → 110" in dry.output
    assert "바뀔 값: 1-1-1 1-1-1-1 actual: 105 → 110" in dry.output and dry.exit_code == 1
    assert results("1-1-1")["indicators"][0]["actual"] == 105
    updated = invoke("import", "sheets", "2024", str(path), "--update")
    assert updated.exit_code == 0, updated.output
    assert results("1-1-1")["indicators"][0]["actual"] == 110


@pytest.mark.usefixtures("office")
def test_a_bad_value_is_named_by_file_sheet_and_cell_and_nothing_is_written() -> None:
    before = {p: p.read_bytes() for p in Path("results").rglob("*.yaml")}
    path = fill("가과.xlsx", {"I3": "약 3천", "I4": -5, "J3": "보류"})
    result = invoke("import", "sheets", "2024", str(path))
    assert result.exit_code == 1
    assert "workbooks/sheets-2024/가과.xlsx:성과지표!I3: expected a number, got '약 3천'" in result.output
    assert "가과.xlsx:성과지표!I4: must not be negative, got -5" in result.output
    assert "가과.xlsx:성과지표!J3: '보류' is not a status — choose one of 평가, 평가 제외, 평가 안함" in result.output
    assert {p: p.read_bytes() for p in Path("results").rglob("*.yaml")} == before


@pytest.mark.usefixtures("office")
def test_a_rule_of_the_validator_is_named_by_the_cell_its_value_came_from() -> None:
    path = fill("나과.xlsx", {"J5": "평가 제외"})  # excluded without a reason
    result = invoke("import", "sheets", "2024", str(path))
    assert result.exit_code == 1
    assert "나과.xlsx:성과지표!K5: " in result.output and "reason" in result.output


@pytest.mark.usefixtures("office")
def test_a_formula_without_a_stored_value_is_an_error_naming_its_cell() -> None:
    path = fill("가과.xlsx", {"I3": "=100+5"})  # openpyxl stores no computed value
    result = invoke("import", "sheets", "2024", str(path))
    assert result.exit_code == 1
    assert "가과.xlsx:성과지표!I3: the cell holds a formula whose value was not saved" in result.output


def _expect_refusal(path: Path, message: str) -> None:
    result = invoke("import", "sheets", "2024", str(path))
    assert result.exit_code == 1, result.output
    assert message in result.output, result.output
    assert not Path("results/sheets/2024/projects/1-1-1.yaml").read_text(encoding="utf-8").count("actual: 105")


@pytest.mark.usefixtures("office")
def test_a_workbook_of_another_plan_version_is_refused() -> None:
    project = Path("plans/sheets/projects/1-1-1.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("2024: 100, 2025: 120", "2024: 90, 2025: 130"))
    _expect_refusal(BOOKS / "가과.xlsx", "the plan has changed since this workbook was written for 가과")


@pytest.mark.usefixtures("office")
def test_a_workbook_of_another_year_is_refused() -> None:
    result = invoke("import", "sheets", "2025", str(BOOKS / "가과.xlsx"))
    assert result.exit_code == 1
    assert "this workbook is for sheets 2024, not sheets 2025" in result.output


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("insert", "성과지표!D4: expected the row of 1-1-1-2 here"),
        ("delete", "성과지표!D5: 1 row(s) deleted"),
        ("swap", "성과지표!D3: expected the row of 1-1-1-1 here"),
        ("append", "성과지표!D6: 1 row(s) added below the last one"),
    ],
)
def test_rows_added_deleted_or_reordered_are_refused(change: str, message: str) -> None:
    path = BOOKS / "가과.xlsx"
    book = load_workbook(path)
    sheet = book["성과지표"]
    if change == "insert":
        sheet.insert_rows(4)
        sheet["D4"] = "1-1-1-9"
    elif change == "delete":
        sheet.delete_rows(5)
    elif change == "swap":
        sheet["D3"], sheet["D4"] = "1-1-1-2", "1-1-1-1"
    else:
        sheet["D6"] = "1-1-1-4"
    book.save(path)
    _expect_refusal(path, message)


@pytest.mark.usefixtures("office")
def test_a_renamed_or_removed_column_is_refused() -> None:
    renamed = fill("가과.xlsx", {"I1": "실적치"})
    _expect_refusal(renamed, "가과.xlsx:성과지표!I1: column I is headed '실적치', expected '실적' (Actual)")
    book = load_workbook(BOOKS / "나과.xlsx")
    book["성과지표"].delete_cols(5)
    book.save(BOOKS / "나과.xlsx")
    _expect_refusal(BOOKS / "나과.xlsx", "나과.xlsx:성과지표!E1: column E is headed '성과지표', expected '측정 항목'")


@pytest.mark.usefixtures("office")
def test_merged_cells_in_the_input_area_are_refused() -> None:
    book = load_workbook(BOOKS / "가과.xlsx")
    book["성과지표"].merge_cells("I3:I4")
    book.save(BOOKS / "가과.xlsx")
    _expect_refusal(BOOKS / "가과.xlsx", "가과.xlsx:성과지표!I3:I4: cells I3:I4 are merged")


def _damaged() -> bytes:
    """An .xlsx whose parts are there by name but hold nothing a workbook holds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "not xml")
        archive.writestr("xl/workbook.xml", "not xml either")
    return buffer.getvalue()


def _ods() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "this is an Excel 97–2003 file (.xls), not .xlsx"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptedPackage".encode("utf-16-le"),
            "the workbook is protected with a password",
        ),
        (_ods(), "this is an OpenDocument spreadsheet (.ods), not .xlsx"),
        ("지표 번호,실적\n1-1-1-1,105\n".encode(), "this is a text file (such as CSV), not an Excel workbook"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "this is not an Excel workbook (.xlsx)"),
        (_damaged(), "this workbook is damaged and cannot be read"),
    ],
    ids=["xls", "password", "ods", "csv", "png", "damaged"],
)
def test_files_that_are_not_a_readable_xlsx_are_refused(content: bytes, message: str) -> None:
    path = Path("given.xlsx")
    path.write_bytes(content)
    _expect_refusal(path, f"given.xlsx:1:1: {message}")


@pytest.mark.usefixtures("office")
def test_collect_never_writes_over_a_workbook() -> None:
    filled = fill("가과.xlsx", {"I3": 105}).read_bytes()
    result = invoke("collect", "sheets", "2024")
    assert result.exit_code == 2
    assert "workbooks/sheets-2024/가과.xlsx: exists, so nothing was written" in result.output
    assert (BOOKS / "가과.xlsx").read_bytes() == filled


def test_collect_refuses_a_year_outside_the_plan_s_period_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_plan(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = invoke("collect", "sheets", "2031")
    assert result.exit_code == 2, result.output
    assert "plansite: 2031 is outside the period of sheets (2024–2025)" in result.output
    assert "기간(2024~2025) 밖" in invoke("collect", "sheets", "2023", "--lang", "ko").output
    assert not (tmp_path / "workbooks").exists()


def _percent_cells(cells: dict[str, tuple[float | str, str]], sheet: str = "성과지표") -> Path:
    """Cells as a spreadsheet stores 95% typed in: the fraction, with a percent number format."""
    path = BOOKS / "가과.xlsx"
    book = load_workbook(path)
    for cell, (value, number_format) in cells.items():
        book[sheet][cell] = value
        book[sheet][cell].number_format = number_format
    book.save(path)
    return path


@pytest.mark.usefixtures("office")
def test_a_percentage_typed_for_a_unit_that_is_not_a_rate_is_refused_naming_its_cell() -> None:
    _percent_cells({"I3": (0.95, "0%"), "I4": (0.4825, "0.00%")})
    path = _percent_cells({"F3": (0.9, "0%")}, sheet="예산집행")
    result = invoke("import", "sheets", "2024", str(path))
    assert result.exit_code == 1, result.output
    assert (
        "가과.xlsx:성과지표!I3: the cell shows a percentage, 95% (it holds 0.95), but the unit is 건 — set the "
        "cell's format from percentage to general and type the figure in 건" in result.output
    )
    assert "가과.xlsx:성과지표!I4: the cell shows a percentage, 48.25% (it holds 0.4825), but the unit is 명" in (
        result.output
    )
    assert "가과.xlsx:예산집행!F3: the cell shows a percentage, 90% (it holds 0.9), but the unit is 백만원" in (
        result.output
    )
    assert "actual: 0.95" not in Path("results/sheets/2024/projects/1-1-1.yaml").read_text(encoding="utf-8")
    korean = invoke("import", "sheets", "2024", str(path), "--lang", "ko")
    assert "성과지표!I3: 칸이 백분율 95%로 표시되지만(저장된 값 0.95) 단위가 건입니다" in korean.output


def test_a_rate_indicator_takes_a_percentage_as_the_figure_the_cell_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rated = PROJECTS["1-1-1"].replace("unit: {ko: 명, en: members}", 'unit: {ko: "%", en: "%"}')
    rated = rated.replace("unit: {ko: 일, en: days}", "unit: {ko: 퍼센트, en: per cent}")
    write_plan(tmp_path, {**PROJECTS, "1-1-1": rated})
    monkeypatch.chdir(tmp_path)
    assert invoke("new-year", "sheets", "2024").exit_code == 0
    assert invoke("collect", "sheets", "2024").exit_code == 0
    path = _percent_cells({"I3": (105, "General"), "I4": (0.95, "0%"), "I5": (0.0725, "0.00%")})
    result = invoke("import", "sheets", "2024", str(path))
    assert result.exit_code == 0, result.output
    actuals = [entry["actual"] for entry in results("1-1-1")["indicators"]]
    assert actuals == [105, 95, 7.25]  # exactly as shown: not 0.95, not 7.249999999999999
    again = _percent_cells({"I4": ("48%", "@"), "I5": (9, "General")})  # text, and a figure typed plainly
    assert invoke("import", "sheets", "2024", str(again), "--update").exit_code == 0
    assert [entry["actual"] for entry in results("1-1-1")["indicators"]] == [105, 48, 9]


@pytest.mark.slow
def test_on_the_shipped_plan_one_department_s_workbook_gives_a_year_that_validates_and_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from .conftest import PLANS, ROOT

    shutil.copytree(PLANS, tmp_path / "plans")
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    monkeypatch.chdir(tmp_path)
    plan = "seoul-citizen-participation-2024"
    assert invoke("collect", plan, "2024").exit_code == 0
    books = Path(f"workbooks/{plan}-2024")
    assert len(list(books.glob("*.xlsx"))) == 19  # 18 lead departments and the index
    path = books / "뉴미디어담당관.xlsx"
    book = load_workbook(path)
    sheet = book["성과지표"]
    for row in range(3, sheet.max_row + 1):
        target = sheet.cell(row, 8).value
        if isinstance(target, int | float):
            sheet.cell(row, 9).value = target if row % 2 else round(target * 0.8)  # met, or 80% of it
    book.save(path)
    imported = invoke("import", plan, "2024", str(path))
    assert imported.exit_code == 0, imported.output
    assert invoke("validate").exit_code == 0
    report = invoke("report", plan, "2024", "--lang", "en")
    assert report.exit_code == 0, report.output
    counts = {line.rsplit(None, 2)[0]: int(line.split()[-2]) for line in report.output.splitlines()[3:16]}
    assert counts["A"] > 0 and counts["C"] > 0  # the rows filled with 100% and with 80% of their targets
    built = invoke("build", "--quiet", "--out", "site")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "site" / "plans" / plan / "reports" / "2024.html").is_file()


def test_a_column_without_its_value_or_a_value_without_its_column_is_refused() -> None:
    """The columns are defined once (sheets/columns.py); the values a row writes must match them key for key."""
    from generator.sheets.columns import Column, Key
    from generator.sheets.workbook import _in_columns

    columns = (
        Column(Key.PROJECT_ID, "사업 번호", "Project no.", 11),
        Column(Key.STATUS, "평가 구분", "Status", 12, per_indicator=True),
    )
    assert _in_columns(columns, {Key.PROJECT_ID: "1-1-1", Key.STATUS: "평가"}, first=False) == ["1-1-1", None]
    with pytest.raises(ValueError, match="do not match the columns"):
        _in_columns(columns, {Key.PROJECT_ID: "1-1-1"}, first=True)
    with pytest.raises(ValueError, match="do not match the columns"):
        _in_columns(columns, {Key.PROJECT_ID: "1-1-1", Key.STATUS: "평가", Key.SPENT: 3}, first=True)

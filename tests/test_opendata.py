"""The open data files: documented columns, real figures, reproducible bytes, safe CSV cells."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.data.model import Plan
from generator.data.validate import ValidationReport, validate_path
from generator.evaluation.year import YearEvaluation, evaluate_year
from generator.numbers import machine
from generator.site.opendata import (
    PLAN_COLUMNS,
    RESULTS_COLUMNS,
    csv_cell,
    open_data_files,
    plan_csv,
    plan_data,
    plan_json,
    results_csv,
    results_json,
)
from generator.site.opendata.values import BUDGET_COLUMNS, RESULTS_JSON_INDICATOR_KEYS

from .conftest import FIXTURES, PLANS, RESULTS, ROOT

PLAN_2019 = "seoul-citizen-participation-2019"
PLAN_2024 = "seoul-citizen-participation-2024"
DOC = ROOT / "generator" / "site" / "theme" / "content" / "open-data.md"
BOM = b"\xef\xbb\xbf"
PROGRESS_CHECKS = [f"progress-demo/results-{year}.csv" for year in (2024, 2025, 2026)]


@pytest.fixture(scope="module")
def report() -> ValidationReport:
    return validate_path(PLANS, RESULTS)


def plan_of(report: ValidationReport, plan_id: str) -> Plan:
    [plan] = [plan for plan in report.plans if plan.id == plan_id]
    return plan


@pytest.fixture(scope="module")
def plan_2024(report: ValidationReport) -> Plan:
    return plan_of(report, PLAN_2024)


@pytest.fixture(scope="module")
def evaluation_2021(report: ValidationReport) -> YearEvaluation:
    return evaluate_year(plan_of(report, PLAN_2019), report.results[PLAN_2019][2021])


@pytest.fixture
def demo(demo_root: Path) -> tuple[Plan, list[YearEvaluation]]:
    demo_report = validate_path(demo_root / "plans", demo_root / "results")
    assert demo_report.errors == []
    [plan] = demo_report.plans
    return plan, [evaluate_year(plan, year) for year in demo_report.results["demo"].values()]


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def documented_rows(*headings: str) -> dict[str, str]:
    """`name` → meaning of the first table after each heading in turn, parsed here from the packaged open-data.md
    (not by the code under test)."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    position = 0
    for heading in headings:
        position = next(i for i in range(position, len(lines)) if lines[i].startswith(heading)) + 1
    rows: dict[str, str] = {}
    for line in lines[position:]:
        if line.startswith("#") or (rows and not line.startswith("|")):
            break
        if match := re.match(r"\| `([a-z_]+)` \| (.*) \|$", line):
            rows[match.group(1)] = match.group(2)
    return rows


def documented_table(*headings: str) -> list[str]:
    """First-column names (`name`) of the first table after each heading in turn."""
    return list(documented_rows(*headings))


# -- format ------------------------------------------------------------------------------------------------


def test_csv_files_start_with_a_bom_and_decode_as_utf8_with_crlf_rows(
    plan_2024: Plan, evaluation_2021: YearEvaluation
) -> None:
    for content in (plan_csv(plan_2024), results_csv(evaluation_2021)):
        assert content.startswith(BOM)
        text = content[len(BOM) :].decode("utf-8")
        assert "\ufeff" not in text
        assert text.endswith("\r\n")
        assert text.count("\n") == text.count("\r\n")


def test_json_files_have_no_bom_and_end_with_a_newline(plan_2024: Plan, evaluation_2021: YearEvaluation) -> None:
    for text in (plan_json(plan_2024), results_json(evaluation_2021)):
        assert not text.startswith("\ufeff")
        assert text.endswith("}\n")
        json.loads(text)


def test_plan_csv_header_is_the_documented_column_list(plan_2024: Plan) -> None:
    documented = documented_table("## `plan.csv`")
    assert documented == list(PLAN_COLUMNS)
    assert next(csv.reader(io.StringIO(plan_csv(plan_2024).decode("utf-8-sig")))) == documented


def test_results_csv_header_is_the_documented_column_list(evaluation_2021: YearEvaluation) -> None:
    documented = documented_table("## `results-<year>.csv`")
    assert documented == list(RESULTS_COLUMNS)
    assert next(csv.reader(io.StringIO(results_csv(evaluation_2021).decode("utf-8-sig")))) == documented


def test_json_fields_are_the_documented_ones_in_order(plan_2024: Plan, evaluation_2021: YearEvaluation) -> None:
    # Parsed from the written text, so the order checked is the order in the file, not in our dict.
    plan = json.loads(plan_json(plan_2024))
    assert list(plan) == documented_table("## `plan.json`", "### Top level")
    project = plan["strategies"][0]["tasks"][0]["projects"][0]
    assert list(project) == documented_table("## `plan.json`", "### Unit project")
    assert list(project["indicators"][0]) == documented_table("## `plan.json`", "### Indicator")
    assert list(project["discrepancies"][0] if project["discrepancies"] else plan["discrepancies"][0]) == (
        documented_table("## `plan.json`", "### Discrepancy")
    )
    results = json.loads(results_json(evaluation_2021))
    assert list(results) == documented_table("## `results-<year>.json`", "### Top level")
    assert list(results["findings"][0]) == documented_table("## `results-<year>.json`", "### Finding")
    # The JSON outcome objects are documented as the CSV columns without plan_id and year.
    assert list(results["indicators"][0]) == list(RESULTS_JSON_INDICATOR_KEYS)
    assert list(RESULTS_JSON_INDICATOR_KEYS) == [
        c for c in RESULTS_COLUMNS if c not in ("plan_id", "year") and c not in BUDGET_COLUMNS
    ]


# -- real figures ------------------------------------------------------------------------------------------


def test_plan_csv_row_of_1_1_1_in_2024_has_its_target_and_unit(plan_2024: Plan) -> None:
    rows = [row for row in read_csv(plan_csv(plan_2024)) if row["indicator_id"] == "1-1-1-1"]
    assert [row["year"] for row in rows] == ["2024", "2025", "2026", "2027"]
    row = rows[0]
    assert (row["target"], row["unit_ko"], row["unit_en"]) == ("32000", "천건", "items")
    assert row["unit_scale"] == "1000"
    assert (row["stated_total"], row["kind"], row["budget"], row["budget_unit"]) == ("137000", "stock", "864", "백만원")
    assert (row["strategy_id"], row["task_id"], row["project_id"], row["departments_ko"]) == (
        "1",
        "1-1",
        "1-1-1",
        "정보공개담당관",
    )


def test_plan_csv_lists_compound_measures_and_projects_without_indicators(plan_2024: Plan) -> None:
    rows = read_csv(plan_csv(plan_2024))
    compound = [(r["year"], r["measure"], r["target"]) for r in rows if r["indicator_id"] == "2-4-1-1"]
    assert compound[:4] == [
        ("2024", "members", "50"),
        ("2024", "sessions", "1"),
        ("2025", "members", ""),
        ("2025", "sessions", ""),
    ]
    without = [r for r in rows if r["project_id"] == "2-1-1"]
    assert [(r["year"], r["indicator_id"], r["target"]) for r in without] == [
        ("2024", "", ""),
        ("2025", "", ""),
        ("2026", "", ""),
        ("2027", "", ""),
    ]


def test_results_csv_of_2021_has_45_rows_and_the_white_paper_finding(evaluation_2021: YearEvaluation) -> None:
    rows = read_csv(results_csv(evaluation_2021))
    assert len(rows) == 45
    assert {(row["plan_id"], row["year"]) for row in rows} == {(PLAN_2019, "2021")}
    [row] = [row for row in rows if row["indicator_id"] == "1-2-3-1"]
    assert (row["computed_rate"], row["published_rate"], row["final_grade"]) == ("100", "95", "A")
    assert (row["computed_grade"], row["basis"], row["findings"], row["project_label"]) == (
        "A",
        "published",
        "rate_differs",
        "⑤",
    )


def test_results_csv_shows_primary_measure_and_qualitative_text(evaluation_2021: YearEvaluation) -> None:
    rows = {row["indicator_id"]: row for row in read_csv(results_csv(evaluation_2021))}
    compound = rows["2-4-1-1"]
    assert (compound["measure"], compound["target"], compound["actual"]) == ("members", "50", "54")
    qualitative = rows["3-2-3-1"]
    assert (qualitative["target"], qualitative["rate_status"], qualitative["computed_rate"]) == (
        "운용 및 정착",
        "qualitative",
        "",
    )
    assert qualitative["findings"] == "unverifiable"


def test_results_json_has_the_official_distribution(evaluation_2021: YearEvaluation) -> None:
    data = json.loads(results_json(evaluation_2021))
    distribution = data["distribution"]
    assert distribution["total"] == 45
    counts = {row["category"]: row["count"] for row in distribution["rows"]}
    assert counts == data["published_distribution"]
    assert (counts["A+"], counts["excluded"], counts["not_evaluated"]) == (13, 7, 5)
    assert len(data["indicators"]) == 45
    assert len(data["findings"]) == 13
    [white_paper] = [i for i in data["indicators"] if i["indicator_id"] == "1-2-3-1"]
    assert (white_paper["computed_rate"], white_paper["published_rate"], white_paper["findings"]) == (
        100,
        95,
        ["rate_differs"],
    )


def test_plan_json_keeps_both_languages_and_typed_targets(plan_2024: Plan) -> None:
    data = json.loads(plan_json(plan_2024))
    assert data["id"] == PLAN_2024
    assert data["budget_unit"] == {"ko": "백만원", "en": "won", "scale": 1000000}
    projects = [p for s in data["strategies"] for t in s["tasks"] for p in t["projects"]]
    assert len(projects) == 41
    first = projects[0]
    assert first["budget"] == {
        "non_budget": False,
        "years": {"2024": 864, "2025": 880, "2026": 900, "2027": 920},
        "total": 3564,
    }
    assert first["indicators"][0]["targets"]["2024"] == 32000
    compound = next(i for p in projects for i in p["indicators"] if i["id"] == "2-4-1-1")
    assert compound["targets"]["2024"] == {"members": 50, "sessions": 1}
    assert compound["targets"]["2025"] is None


# -- reproducible ------------------------------------------------------------------------------------------


def file_digests(data: str, reverse: bool = False) -> dict[str, str]:
    """`<plan>/<file>` → SHA-256 of each open data file of each plan in `data` (a folder with plans/ and results/),
    its checks given in the order they load or reversed."""
    report = validate_path(Path(data) / "plans", Path(data) / "results")
    digests = {}
    for plan in report.plans:
        evaluations = [evaluate_year(plan, year) for year in report.results.get(plan.id, {}).values()]
        for name, content in open_data_files(plan, evaluations[::-1] if reverse else evaluations).items():
            digests[f"{plan.id}/{name}"] = hashlib.sha256(content).hexdigest()
    return digests


@pytest.mark.parametrize(
    ("data", "checks"),
    [(ROOT, ["seoul-citizen-participation-2019/results-2021.csv"]), (FIXTURES / "progress", PROGRESS_CHECKS)],
    ids=["shipped", "three-checks"],
)
@pytest.mark.slow
def test_same_data_gives_identical_bytes(data: Path, checks: list[str]) -> None:
    """Another process, with another hash seed and time zone, given the checks in the other order, writes the same
    bytes (the three-check plan makes the order matter)."""
    here = file_digests(str(data))
    assert sorted(name for name in here if "/results-" in name and name.endswith(".csv")) == checks
    script = f"import json; from tests.test_opendata import file_digests; print(json.dumps(file_digests({str(data)!r}, True)))"
    environment = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati"}
    other = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    assert json.loads(other.stdout) == here


def test_open_data_files_names_one_plan(report: ValidationReport, evaluation_2021: YearEvaluation) -> None:
    plan = plan_of(report, PLAN_2019)
    files = open_data_files(plan, [evaluation_2021])
    assert list(files) == ["plan.json", "plan.csv", "results-2021.json", "results-2021.csv", "datapackage.json"]
    assert all(isinstance(content, bytes) for content in files.values())
    with pytest.raises(ValueError, match="given for plan"):
        open_data_files(plan_of(report, PLAN_2024), [evaluation_2021])


# -- synthetic demo ----------------------------------------------------------------------------------------


def test_demo_files_cover_non_budget_compound_and_missing_results(demo: tuple[Plan, list[YearEvaluation]]) -> None:
    plan, evaluations = demo
    files = open_data_files(plan, evaluations)
    assert list(files) == ["plan.json", "plan.csv", "results-2024.json", "results-2024.csv", "datapackage.json"]
    plan_rows = read_csv(files["plan.csv"])
    assert [(r["indicator_id"], r["year"], r["measure"], r["budget"]) for r in plan_rows] == [
        ("1-1-1-1", "2024", "", "10"),
        ("1-1-1-1", "2025", "", "20"),
        ("1-1-2-1", "2024", "people", "비예산"),
        ("1-1-2-1", "2024", "sessions", "비예산"),
        ("1-1-2-1", "2025", "people", "비예산"),
        ("1-1-2-1", "2025", "sessions", "비예산"),
        ("1-1-2-2", "2024", "", "비예산"),
        ("1-1-2-2", "2025", "", "비예산"),
    ]
    results = {row["indicator_id"]: row for row in read_csv(files["results-2024.csv"])}
    assert [(r["status"], r["category"], r["reason_en"]) for r in results.values()] == [
        ("evaluated", "A+", ""),
        ("not_evaluated", "not_evaluated", ""),
        ("excluded", "excluded", "Not operated"),
    ]
    computed = results["1-1-1-1"]
    assert (computed["computed_rate"], computed["published_rate"], computed["final_rate"], computed["basis"]) == (
        "120",
        "",
        "120",
        "computed",
    )
    non_budget = json.loads(files["plan.json"])["strategies"][0]["tasks"][0]["projects"][1]
    assert (non_budget["id"], non_budget["budget"]) == ("1-1-2", {"non_budget": True, "years": None, "total": None})
    budget = json.loads(files["results-2024.json"])["budget_execution"]
    assert [(b["project_id"], b["committed_rate"], b["spent_rate"]) for b in budget] == [("1-1-1", 90.0, 80.0)]


def test_file_names_are_plain_names_for_the_plan_folder(
    report: ValidationReport, demo: tuple[Plan, list[YearEvaluation]]
) -> None:
    # The build puts each file at data/<plan id>/<name>: a folder, `..` or odd character in a name would put it
    # somewhere else on the site, or give it a URL that needs escaping.
    real = [
        (plan, [evaluate_year(plan, year) for year in report.results.get(plan.id, {}).values()])
        for plan in report.plans
    ]
    for plan, evaluations in [demo, *real]:
        for name in open_data_files(plan, evaluations):
            assert re.fullmatch(r"[a-z]+(-[0-9]{4})?\.(json|csv)", name), name


# -- cells -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+82", "'+82"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("운용 및 정착", "운용 및 정착"),
        ("1-1-1", "1-1-1"),
        (-5, "-5"),
        (-0.5, "-0.5"),
        (None, ""),
    ],
)
def test_only_text_cells_that_look_like_formulas_are_escaped(value: str | float | None, cell: str) -> None:
    assert csv_cell(value) == cell


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (32000, "32000"),
        (12.5, "12.5"),
        (3.0, "3.0"),
        (10000.0, "10000.0"),
        (1e16, "10000000000000000"),
        (1e-05, "0.00001"),
    ],
)
def test_numbers_are_written_without_exponents(value: float, text: str) -> None:
    assert machine(value) == text


def test_formula_text_is_escaped_in_csv_but_not_in_json(demo_root: Path) -> None:
    project = demo_root / "plans" / "demo" / "projects" / "1-1-1.yaml"
    source = project.read_text(encoding="utf-8")
    project.write_text(source.replace("{ko: 사업 하나,", "{ko: '=사업 하나',"), encoding="utf-8")
    demo_report = validate_path(demo_root / "plans", demo_root / "results")
    [plan] = demo_report.plans
    rows = read_csv(plan_csv(plan))
    assert {row["project_ko"] for row in rows if row["project_id"] == "1-1-1"} == {"'=사업 하나"}
    assert plan_data(plan)["strategies"][0]["tasks"][0]["projects"][0]["title"]["ko"] == "=사업 하나"


def test_an_assessed_fractional_rate_is_written_as_recorded_and_graded_whole(demo_root: Path) -> None:
    results = demo_root / "results" / "demo" / "2024" / "projects" / "1-1-1.yaml"
    source = results.read_text(encoding="utf-8")
    assessed = "    assessed: {rate: 99.5, rationale: {ko: 현장 점검, en: Site visit}}\n"
    results.write_text(source.replace("    actual: 6\n", "    actual: 6\n" + assessed), encoding="utf-8")
    demo_report = validate_path(demo_root / "plans", demo_root / "results")
    assert demo_report.errors == []
    [plan] = demo_report.plans
    evaluation = evaluate_year(plan, demo_report.results["demo"][2024])
    [row] = [row for row in read_csv(results_csv(evaluation)) if row["indicator_id"] == "1-1-1-1"]
    assert (row["assessed_rate"], row["final_rate"], row["final_grade"], row["basis"]) == (
        "99.5",
        "100",
        "A",
        "assessed",
    )
    assert row["findings"] == "assessed; grade_differs"
    [finding, _] = json.loads(results_json(evaluation))["findings"]
    assert (finding["kind"], finding["rationale"]) == ("assessed", {"ko": "현장 점검", "en": "Site visit"})

"""The open data as a Frictionless Data Package: `frictionless validate` passes on the real data and on the synthetic
three-year plan, keys are really checked, and every column is described in both languages."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from generator.data.layout import DataRepository
from generator.data.validate import load_checked
from generator.evaluation.year import evaluate_year
from generator.site.opendata import PLAN_COLUMNS, RESULTS_COLUMNS, open_data_files
from generator.site.opendata.package import PLAN_KEY, column_texts, documented_meanings

from .conftest import FIXTURES, PLANS, RESULTS, ROOT
from .test_opendata import documented_rows

FRICTIONLESS = Path(sys.executable).parent / "frictionless"
REAL = DataRepository(ROOT, PLANS, RESULTS, None)
SYNTHETIC = DataRepository(
    FIXTURES / "progress", FIXTURES / "progress" / "plans", FIXTURES / "progress" / "results", None
)


def _write_package(repository: DataRepository, plan_id: str, folder: Path) -> Path:
    report = load_checked(repository)
    [plan] = [plan for plan in report.plans if plan.id == plan_id]
    years = [evaluate_year(plan, results) for _, results in sorted(report.results.get(plan.id, {}).items())]
    folder.mkdir(parents=True)
    for name, content in open_data_files(plan, years).items():
        (folder / name).write_bytes(content)
    return folder / "datapackage.json"


CASES = [
    (REAL, "seoul-citizen-participation-2019"),
    (REAL, "seoul-citizen-participation-2024"),
    (SYNTHETIC, "progress-demo"),
]


@pytest.mark.parametrize(("repository", "plan_id"), CASES, ids=[plan for _, plan in CASES])
@pytest.mark.slow
def test_frictionless_validate_passes(repository: DataRepository, plan_id: str, tmp_path: Path) -> None:
    package = _write_package(repository, plan_id, tmp_path / plan_id)
    command = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(package)], capture_output=True, text=True, check=False
    )
    assert command.returncode == 0, command.stdout[-2000:] + command.stderr[-2000:]
    assert json.loads(command.stdout)["valid"] is True


@pytest.mark.slow
def test_the_foreign_keys_are_checked(tmp_path: Path) -> None:
    """A result row for an indicator the plan does not have fails on its key: the check is not vacuous."""
    package = _write_package(SYNTHETIC, "progress-demo", tmp_path / "package")
    results = tmp_path / "package" / "results-2025.csv"
    results.write_bytes(results.read_bytes().replace(b",1-1-1-1,", b",1-1-1-9,", 1))
    report = frictionless.validate(str(package))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_a_text_in_a_number_column_is_a_type_error(tmp_path: Path) -> None:
    package = _write_package(SYNTHETIC, "progress-demo", tmp_path / "package")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    [results] = [r for r in descriptor["resources"] if r["name"] == "results-2026"]
    assert {"name": "computed_rate", "type": "integer"}.items() <= next(
        f for f in results["schema"]["fields"] if f["name"] == "computed_rate"
    ).items()
    path = tmp_path / "package" / "results-2026.csv"
    lines = path.read_bytes().split(b"\r\n")
    header = lines[0].lstrip(b"\xef\xbb\xbf").split(b",")
    cells = lines[1].split(b",")
    cells[header.index(b"computed_rate")] = b"many"
    lines[1] = b",".join(cells)
    path.write_bytes(b"\r\n".join(lines))
    report = frictionless.validate(str(package))
    assert "type-error" in {error.type for task in report.tasks for error in task.errors}


@pytest.mark.parametrize(("table", "columns"), [("plan", PLAN_COLUMNS), ("results", RESULTS_COLUMNS)])
def test_every_column_is_titled_and_described_in_both_languages(table: str, columns: tuple[str, ...]) -> None:
    texts = column_texts(table)  # type: ignore[arg-type]
    assert tuple(texts) == columns
    meanings = documented_meanings("## `plan.csv`" if table == "plan" else "## `results-<year>.csv`")
    for name, (title_ko, title_en, description_ko) in texts.items():
        assert title_ko and title_en and description_ko, name
        assert meanings[name], name


def test_the_package_follows_the_files_and_describes_them_in_both_languages(tmp_path: Path) -> None:
    package = json.loads(_write_package(SYNTHETIC, "progress-demo", tmp_path / "p").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]][:2] == ["plan.json", "plan.csv"]
    assert {r["path"] for r in package["resources"]} == {p.name for p in (tmp_path / "p").iterdir()} - {
        "datapackage.json"
    }
    for resource in package["resources"]:
        assert resource["description"] and resource["description_en"], resource["name"]
    assert "2024, 2025, 2026" in package["description"] and "2024, 2025, 2026" in package["description_en"]
    assert "licenses" not in package  # the data states none, so none is invented


# -- keys, schemas and the documentation, checked independently of the code -----------------------------------


def _errors(package: Path) -> list[tuple[str, str]]:
    return [(error.type, error.note) for task in frictionless.validate(str(package)).tasks for error in task.errors]


def _replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first occurrence of a cell text in a CSV, keeping its BOM and CRLF rows."""
    text = path.read_bytes().decode("utf-8-sig")
    assert old in text, old
    path.write_bytes(text.replace(old, new, 1).encode("utf-8-sig"))


@pytest.mark.slow
def test_python_api_reports_no_errors_and_checks_every_result_against_plan_csv(tmp_path: Path) -> None:
    package = _write_package(REAL, "seoul-citizen-participation-2019", tmp_path / "p")
    report = frictionless.validate(str(package))
    assert report.valid and report.stats["errors"] == 0, report.flatten(["type", "note"])
    loaded = frictionless.Package(str(package))
    plan_rows = loaded.get_table_resource("plan").read_rows()
    results = loaded.get_table_resource("results-2021")
    assert results.schema.foreign_keys == [
        {"fields": list(PLAN_KEY), "reference": {"resource": "plan", "fields": list(PLAN_KEY)}}
    ]
    with results:
        # The set frictionless looks every results row up in: all rows of plan.csv, keyed as the foreign key says.
        lookup = results.lookup["plan"][PLAN_KEY]
        rows = list(results.row_stream)
    assert len(lookup) == len(plan_rows) == 46
    assert len(rows) == 45 and all(row.valid for row in rows)
    assert all(tuple(row[name] for name in PLAN_KEY) in lookup for row in rows)
    assert (rows[0]["year"], rows[0]["target"]) == (2021, plan_rows[0]["target"])


def test_a_repeated_result_row_is_a_primary_key_error(tmp_path: Path) -> None:
    package = _write_package(REAL, "seoul-citizen-participation-2019", tmp_path / "p")
    _replace_once(tmp_path / "p" / "results-2021.csv", ",1-1-2-1,", ",1-1-1-1,")
    assert "primary-key" in {kind for kind, _ in _errors(package)}


def test_a_text_in_an_integer_column_of_plan_csv_is_a_type_error(tmp_path: Path) -> None:
    package = _write_package(REAL, "seoul-citizen-participation-2019", tmp_path / "p")
    [first, *_] = csv.DictReader(io.StringIO((tmp_path / "p" / "plan.csv").read_bytes().decode("utf-8-sig")))
    cells = f",{first['unit_en']},{first['unit_scale']},{first['kind']},"
    _replace_once(tmp_path / "p" / "plan.csv", cells, cells.replace(f",{first['unit_scale']},", ",천,"))
    errors = _errors(package)
    assert ("type-error", 'type is "integer/default"') in errors
    assert {kind for kind, _ in errors} == {"type-error"}


@pytest.mark.parametrize(("repository", "plan_id"), CASES, ids=[plan for _, plan in CASES])
@pytest.mark.slow
def test_fields_follow_the_csv_header_with_open_data_md_as_english(
    repository: DataRepository, plan_id: str, tmp_path: Path
) -> None:
    package = _write_package(repository, plan_id, tmp_path / plan_id)
    documented = {"plan": documented_rows("## `plan.csv`"), "results": documented_rows("## `results-<year>.csv`")}
    for resource in json.loads(package.read_text(encoding="utf-8"))["resources"]:
        if resource.get("type") != "table":
            continue
        table = "plan" if resource["path"] == "plan.csv" else "results"
        content = (package.parent / resource["path"]).read_bytes().decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(content)))
        assert header == list(PLAN_COLUMNS if table == "plan" else RESULTS_COLUMNS)
        assert [field["name"] for field in resource["schema"]["fields"]] == header
        assert resource["schema"]["missingValues"] == [""]
        for field in resource["schema"]["fields"]:
            assert all(field[key].strip() for key in ("title", "title_en", "description", "description_en"))
            assert re.search("[가-힣]", field["description"]), field["name"]
            assert field["description_en"] == documented[table][field["name"]], field["name"]


def test_figures_name_the_column_that_gives_their_unit(tmp_path: Path) -> None:
    package = json.loads(_write_package(REAL, "seoul-citizen-participation-2019", tmp_path / "p").read_text("utf-8"))
    fields = {
        (resource["path"], field["name"]): field
        for resource in package["resources"]
        if resource.get("type") == "table"
        for field in resource["schema"]["fields"]
    }
    for key in [("plan.csv", "target"), ("plan.csv", "stated_total"), ("results-2021.csv", "actual")]:
        assert "unit_ko" in fields[key]["description"] and "unit_ko" in fields[key]["description_en"], key
    for name in ("budget", "committed", "spent"):
        assert "budget_unit" in fields["results-2021.csv", name]["description"], name
        assert "budget_unit" in fields["results-2021.csv", name]["description_en"], name


@pytest.mark.parametrize(("repository", "plan_id"), CASES, ids=[plan for _, plan in CASES])
def test_plan_rows_are_unique_on_the_stated_unique_key(
    repository: DataRepository, plan_id: str, tmp_path: Path
) -> None:
    # frictionless 5 does not check `uniqueKeys`, so this test does, comparing empty cells as equal.
    package = _write_package(repository, plan_id, tmp_path / plan_id)
    [plan] = [r for r in json.loads(package.read_text(encoding="utf-8"))["resources"] if r["name"] == "plan"]
    assert plan["schema"]["uniqueKeys"] == [list(PLAN_KEY)] and "primaryKey" not in plan["schema"]
    rows = list(csv.DictReader(io.StringIO((package.parent / "plan.csv").read_bytes().decode("utf-8-sig"))))
    keys = [tuple(row[name] for name in PLAN_KEY) for row in rows]
    assert len(set(keys)) == len(keys)


def test_a_check_of_a_year_without_recorded_targets_is_keyed_without_the_year(demo_root: Path) -> None:
    # The plan records only 2025, and 1-1-1-1 has no 2024 target: plan.csv has no 2024 row for it.
    plan_file = demo_root / "plans" / "demo" / "plan.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "target_years: [2025]\n", encoding="utf-8")
    project = demo_root / "plans" / "demo" / "projects" / "1-1-1.yaml"
    text = project.read_text(encoding="utf-8").replace("targets: {2024: 5, 2025: 7}", "targets: {2025: 7}")
    project.write_text(text.replace("total: 12", "total: 7"), encoding="utf-8")
    result = demo_root / "results" / "demo" / "2024" / "projects" / "1-1-1.yaml"
    result.write_text(result.read_text(encoding="utf-8").replace("status: evaluated", "status: not_evaluated"))
    repository = DataRepository(demo_root, demo_root / "plans", demo_root / "results", None)
    package = _write_package(repository, "demo", demo_root / "data")
    [results] = [r for r in json.loads(package.read_text(encoding="utf-8"))["resources"] if r["name"] == "results-2024"]
    assert results["schema"]["foreignKeys"][0]["fields"] == list(PLAN_KEY[:-1])
    assert _errors(package) == []

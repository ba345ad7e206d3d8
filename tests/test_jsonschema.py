"""The JSON Schemas editors check the YAML with: generated from the validator's models, committed, and right.

Every shipped file passes its schema; every negative fixture whose problem a schema can express fails it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.data.jsonschema import DIALECT, FILE_KINDS, schema_files
from generator.edit.documents import as_json  # data as JSON holds it, as an editor's YAML server does

from .conftest import FIXTURES, PLANS, RESULTS, ROOT
from .docs_descriptions import OUT, extract

SCHEMAS = ROOT / "schemas"
STALE = "out of date: run python tests/golden/regenerate.py and commit the result"
# Negative fixtures (tests/fixtures/invalid/<kind>/<case>.yaml) whose problem is one of shape, which a schema
# states: unknown keys, wrong types, missing keys, malformed ids, empty text, negative figures.
SCHEMA_CATCHES = {
    "plan": [
        "unknown-key",
        "missing-key",
        "bad-plan-id",
        "text-wrong-type",
        "top-level-list",
        "empty-text",
        "empty-strategies",
        "bad-date",
    ],
    "project": [
        "unknown-key",
        "missing-indicators",
        "malformed-id",
        "invalid-direction",
        "budget-bad-string",
        "negative-number",
    ],
    "results": [
        "unknown-key",
        "unknown-status",
        "negative-actual",
        "budget-negative",
        "assessed-without-rationale",
        "budget-missing-amount",
    ],
    "check": ["missing-title"],
}
KIND_SCHEMA = {"plan": "plan", "project": "project", "results": "project-results", "check": "check"}


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def load(path: Path) -> Any:
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_the_committed_schemas_and_descriptions_are_current() -> None:
    assert json.loads(OUT.read_text(encoding="utf-8")) == extract(), f"{OUT.name} {STALE}"
    for name, text in schema_files().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"schemas/{name} {STALE}"
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(FILE_KINDS)


def test_schemas_are_2020_12_and_carry_the_docs_wording() -> None:
    project = json.loads((SCHEMAS / "project.schema.json").read_text(encoding="utf-8"))
    assert project["$schema"] == DIALECT
    assert project["properties"]["title"]["description"] == "name of the unit project"
    indicator = project["$defs"]["IndicatorSpec"]["properties"]
    assert indicator["kind"]["description"] == "flow (a yearly count) or stock (a cumulative level)"


def test_every_property_of_every_schema_has_a_description() -> None:
    """An editor shows the description as the user types a key: none may be left without (issue 24). They come
    from docs/data-format.md, the source: write one there, then python tests/golden/regenerate.py."""
    undescribed = []
    for name in FILE_KINDS:
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        for where, node in [("", schema), *schema.get("$defs", {}).items()]:
            undescribed += [
                f"{name} {where}.{key}"
                for key, prop in node.get("properties", {}).items()
                if not prop.get("description")
            ]
    assert undescribed == []
    # A described text field still takes plain Korean text, as the validator does.
    title = json.loads((SCHEMAS / "plan.schema.json").read_text(encoding="utf-8"))["properties"]["title"]
    assert title["anyOf"][0] == {"type": "string", "minLength": 1} and title["description"]


def _shipped() -> list[tuple[str, Path]]:
    files = [("site", ROOT / "site.yaml")]
    files += [("plan", path) for path in sorted(PLANS.glob("*/plan.yaml"))]
    files += [("project", path) for path in sorted(PLANS.glob("*/projects/*.yaml"))]
    files += [("check", path) for path in sorted(RESULTS.glob("*/*/check.yaml"))]
    files += [("project-results", path) for path in sorted(RESULTS.glob("*/*/projects/*.yaml"))]
    return files


@pytest.mark.slow
def test_every_shipped_file_passes_its_schema() -> None:
    files = _shipped()
    # Every data file is checked against a schema: none is left out by where it sits or what it is named.
    shipped = {ROOT / "site.yaml", *PLANS.rglob("*"), *RESULTS.rglob("*")}
    assert sorted(path for _, path in files) == sorted(path for path in shipped if path.is_file())
    for name, path in files:
        errors = list(validator(name).iter_errors(load(path)))
        assert not errors, (path, [error.message for error in errors])


@pytest.mark.parametrize(("kind", "case"), [(kind, case) for kind, cases in SCHEMA_CATCHES.items() for case in cases])
def test_a_shape_problem_fails_the_schema(kind: str, case: str) -> None:
    fixture = FIXTURES / "invalid" / kind / f"{case}.yaml"
    assert not validator(KIND_SCHEMA[kind]).is_valid(load(fixture)), fixture


def test_every_shipped_file_names_its_schema_for_editors() -> None:
    for name, path in _shipped():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (SCHEMAS / f"{name}.schema.json").resolve(), path


@pytest.mark.slow
def test_new_year_and_init_write_files_that_name_their_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from click.testing import CliRunner

    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "office"]).exit_code == 0
    office = tmp_path / "office"
    assert sorted(p.name for p in (office / "schemas").iterdir()) == sorted(FILE_KINDS)
    assert "yaml.schemas" in json.loads((office / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for name, path in [
        ("site", office / "site.yaml"),
        ("plan", office / "plans/example-plan/plan.yaml"),
        ("project", office / "plans/example-plan/projects/1-1-1.yaml"),
    ]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert (path.parent / first.split("$schema=", 1)[1]).resolve() == (office / "schemas" / f"{name}.schema.json")
        assert not list(validator(name).iter_errors(load(path))), path

    shutil.copytree(PLANS / "seoul-citizen-participation-2024", office / "plans" / "seoul-citizen-participation-2024")
    monkeypatch.chdir(office)
    assert CliRunner().invoke(main, ["new-year", "seoul-citizen-participation-2024", "2025"]).exit_code == 0
    year = office / "results" / "seoul-citizen-participation-2024" / "2025"
    for name, path in [("check", year / "check.yaml"), ("project-results", year / "projects" / "1-1-1.yaml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert (path.parent / first.split("$schema=", 1)[1]).resolve() == (office / "schemas" / f"{name}.schema.json")
        assert not list(validator(name).iter_errors(load(path))), path

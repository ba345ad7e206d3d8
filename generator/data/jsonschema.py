"""JSON Schemas (2020-12) of the data files, made from the models the validator uses, for editors.

With a schema, an editor (VS Code with the YAML extension, and others using yaml-language-server) completes keys
and flags unknown keys, wrong types and malformed ids as one types. The validator stays the judge: a schema
cannot express the rules that span values and files (totals, years in the period, ids of other files).
The descriptions are the wording of docs/data-format.md, copied into `descriptions.json` by
`python tests/golden/regenerate.py` (a test checks it is current), so one text serves both.
"""

from __future__ import annotations

import json
import os
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.data.config import SiteConfigFile
from generator.data.schema import NON_BUDGET, CheckFile, PlanFile, ProjectFile, ProjectResults

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = "# yaml-language-server: $schema="
# The file kinds: schema file name, model, and what the files are.
FILE_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "site.schema.json": (SiteConfigFile, "plansite site configuration (site.yaml)"),
    "plan.schema.json": (PlanFile, "plansite plan (plans/<plan>/plan.yaml)"),
    "project.schema.json": (ProjectFile, "plansite unit project (plans/<plan>/projects/<id>.yaml)"),
    "check.schema.json": (CheckFile, "plansite results year (results/<plan>/<year>/check.yaml)"),
    "project-results.schema.json": (
        ProjectResults,
        "plansite results of a unit project (results/<plan>/<year>/projects/<id>.yaml)",
    ),
}
_TEXT_MODELS = ("LocalizedText", "UnitText")  # a plain string is Korean text: `title: 정보소통광장 운영`


def descriptions() -> dict[str, dict[str, str]]:
    """Each model's field descriptions, by model name: the wording of docs/data-format.md."""
    text = files("generator.data").joinpath("descriptions.json").read_text(encoding="utf-8")
    loaded: dict[str, dict[str, str]] = json.loads(text)
    return loaded


def file_schema(name: str) -> dict[str, Any]:
    model, title = FILE_KINDS[name]
    schema = model.model_json_schema(mode="validation")
    described = descriptions()
    for model_name, properties in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        for key, prop in properties.get("properties", {}).items():
            prop.pop("title", None)
            if key in described.get(model_name, {}):
                prop["description"] = described[model_name][key]
    schema.pop("title", None)
    schema = _accept_plain_text(schema)
    if model is ProjectFile:
        budget = schema["properties"]["budget"]
        budget["anyOf"] = [{"const": NON_BUDGET}, *budget["anyOf"]]
    return {"$schema": DIALECT, "$id": name, "title": title, **schema}


def _accept_plain_text(node: Any) -> Any:
    """Wherever text is expected, a plain string (Korean) is text too."""
    if isinstance(node, dict):
        if str(node.get("$ref", "")).rsplit("/", 1)[-1] in _TEXT_MODELS and set(node) <= {"$ref", "description"}:
            described = {"description": node["description"]} if "description" in node else {}
            return {"anyOf": [{"type": "string", "minLength": 1}, {"$ref": node["$ref"]}], **described}
        return {key: _accept_plain_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_accept_plain_text(value) for value in node]
    return node


def modeline(file: Path, schema: Path) -> str:
    """The first line that tells editors (yaml-language-server) which schema `file` follows, by relative path."""
    return f"{MODELINE}{Path(os.path.relpath(schema, file.parent)).as_posix()}\n"


def schema_files() -> dict[str, str]:
    """Every schema file's text, by file name."""
    return {name: json.dumps(file_schema(name), ensure_ascii=False, indent=2) + "\n" for name in FILE_KINDS}

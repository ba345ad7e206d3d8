"""The field descriptions of docs/data-format.md, read for the JSON Schemas: one wording for docs and editors.

Three forms in the docs carry descriptions: the tables (`| key | type | required | meaning |`), the YAML
examples (`key: value   # what it is`) and the sentences listing a list item's keys ("A source (`sources[]`):
`id` (slug, unique), …"). `python tests/golden/regenerate.py` writes them to generator/data/descriptions.json.
"""

from __future__ import annotations

import json
import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from generator.data.config import SiteConfigFile
from generator.data.schema import CheckFile, PlanFile, ProjectFile, ProjectResults

from .conftest import ROOT

DOC = ROOT / "docs" / "data-format.md"
OUT = ROOT / "generator" / "data" / "descriptions.json"
# (the ## heading, the ### heading or "") → the file's model the section describes
SECTIONS: dict[tuple[str, str], type[BaseModel]] = {
    ("Site configuration: `site.yaml`", ""): SiteConfigFile,
    ("Text fields", ""): PlanFile,
    ("`plan.yaml`", ""): PlanFile,
    ("`projects/<id>.yaml`", ""): ProjectFile,
    ("`projects/<id>.yaml`", "Budget"): ProjectFile,
    ("`projects/<id>.yaml`", "Indicators"): ProjectFile,
    ("`projects/<id>.yaml`", "Discrepancies"): ProjectFile,
    ("Annual results", "`check.yaml`"): CheckFile,
    ("Annual results", "`projects/<id>.yaml`"): ProjectResults,
}
_ROW = re.compile(r"^\| `(\w+)` \| [^|]* \| [^|]* \| (.*) \|$")
_YAML_KEY = re.compile(r"^(\s*)(- )?(\w+):(?:[^#]*?)(?:#\s*(.*))?$")
_SENTENCE = re.compile(r"^An? [\w ]+ \(`(\w+)(?:\[\])?`\): (.*)$")
_ITEM = re.compile(r"`(\w+)` \(([^)]*)\)")


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, through Optional, list, dict and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    if isinstance(annotation, types.UnionType):
        return next((m for a in annotation.__args__ if (m := _model_in(a)) is not None), None)
    return None


def _resolve(root: type[BaseModel], path: list[str]) -> tuple[type[BaseModel], str] | None:
    model: type[BaseModel] | None = root
    for key in path[:-1]:
        if model is None or key not in model.model_fields:
            return None
        model = _model_in(model.model_fields[key].annotation)
    if model is None or path[-1] not in model.model_fields:
        return None
    return model, path[-1]


def _find(root: type[BaseModel], key: str, seen: set[type[BaseModel]] | None = None) -> type[BaseModel] | None:
    """The model of the list field `key` anywhere below `root` (for "A task (`tasks[]`)")."""
    seen = seen or set()
    for name, info in root.model_fields.items():
        inner = _model_in(info.annotation)
        if inner is None or inner in seen:
            continue
        if name == key:
            return inner
        seen.add(inner)
        found = _find(inner, key, seen)
        if found is not None:
            return found
    return None


def extract() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}

    def add(model: type[BaseModel], key: str, text: str) -> None:
        found.setdefault(model.__name__, {}).setdefault(key, text.strip())

    h2 = h3 = ""
    in_yaml, stack = False, []  # the YAML example's open keys: (indent, key)
    # A sentence listing keys may run over several lines: each paragraph is read as one line.
    lines, paragraph = [], ""
    for raw in DOC.read_text(encoding="utf-8").splitlines():
        if _SENTENCE.match(raw) or (paragraph and raw.strip()):
            paragraph = f"{paragraph} {raw.strip()}".strip()
            continue
        lines += [paragraph, raw] if paragraph else [raw]
        paragraph = ""
    for line in lines:
        if line.startswith("```"):
            in_yaml, stack = line.strip() == "```yaml" and not in_yaml, []
            continue
        if not in_yaml and line.startswith("## "):
            h2, h3 = line[3:].strip(), ""
        elif not in_yaml and line.startswith("### "):
            h3 = line[4:].strip()
        root = SECTIONS.get((h2, h3)) or SECTIONS.get((h2, ""))
        if root is None:
            continue
        if in_yaml and (match := _YAML_KEY.match(line)):
            indent = len(match.group(1)) + (2 if match.group(2) else 0)
            stack = [(i, k) for i, k in stack if i < indent] + [(indent, match.group(3))]
            resolved = _resolve(root, [k for _, k in stack])
            if resolved is not None and match.group(4):
                add(*resolved, match.group(4))
        elif not in_yaml and (match := _ROW.match(line)) and match.group(1) in root.model_fields:
            add(root, match.group(1), match.group(2))
        elif not in_yaml and (match := _SENTENCE.match(line)):
            model = _find(root, match.group(1))
            for key, text in _ITEM.findall(match.group(2)) if model is not None else []:
                if key in model.model_fields:  # type: ignore[union-attr]
                    add(model, key, text)  # type: ignore[arg-type]
    return {name: dict(sorted(fields.items())) for name, fields in sorted(found.items())}


def write() -> None:
    OUT.write_text(json.dumps(extract(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

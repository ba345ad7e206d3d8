"""What a form needs besides its file: the plan's years (year tables sized to the period), its budget unit and
level names, and for a results file the plan's indicators (their names and units beside the figures).

Read leniently from the files as they are on disk: a form must open on data that does not validate yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.data.layout import DATA_SUFFIX, PLAN_FILE, PROJECTS_DIR, DataRepository
from generator.edit.documents import DocumentRef, as_json, read_data


def _read(path: Path) -> Any:
    try:
        return read_data(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):  # an unreadable file gives no context
        return None


def _years(plan: dict[str, Any]) -> list[int]:
    period = plan.get("period")
    if isinstance(period, dict) and isinstance(period.get("first"), int) and isinstance(period.get("last"), int):
        first, last = period["first"], period["last"]
        if 0 <= last - first < 50:
            return list(range(first, last + 1))
    return []


def of(repository: DataRepository, document: DocumentRef) -> dict[str, Any]:
    """The plan's years, budget unit and level names; a results file's project indicators."""
    plan_id = document.id("plan")
    plan = _read(repository.plans / plan_id / PLAN_FILE)
    plan = plan if isinstance(plan, dict) else {}
    found: dict[str, Any] = {
        "plan": plan_id,
        "years": _years(plan),
        "target_years": plan.get("target_years") if isinstance(plan.get("target_years"), list) else None,
        "budget_unit": as_json(plan.get("budget_unit")),
        "levels": as_json(plan.get("levels")) if isinstance(plan.get("levels"), dict) else {},
        "plan_title": as_json(plan.get("title")),
    }
    if document.kind in ("results", "project"):
        project = _read(repository.plans / plan_id / PROJECTS_DIR / f"{document.id('project')}{DATA_SUFFIX}")
        if isinstance(project, dict):
            found["project_title"] = as_json(project.get("title"))
            listed = project.get("indicators")
            indicators: list[Any] = listed if isinstance(listed, list) else []
            found["indicators"] = [
                {key: as_json(item.get(key)) for key in ("id", "name", "unit", "measures", "qualitative")}
                for item in indicators
                if isinstance(item, dict)
            ]
    return found

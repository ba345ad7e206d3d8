"""Where each page and data file of the site is, from the site's root: one place for the site's layout."""

from __future__ import annotations

import re

from generator.data.model import Plan
from generator.evaluation.year import YearEvaluation


def lang_path(lang: str, path: str) -> str:
    """Korean at the root, English under en/ with the same path."""
    return path if lang == "ko" else f"en/{path}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_path(plan: Plan) -> str:
    return f"plans/{plan.id}/index.html"


def project_path(plan: Plan, project_id: str) -> str:
    return f"plans/{plan.id}/projects/{project_id}.html"


def report_path(plan: Plan, year: int) -> str:
    return f"plans/{plan.id}/reports/{year}.html"


# The data dictionary: what the downloadable files contain (`generator.site.pages.dictionary`).
DICTIONARY_PATH = "data.html"


def data_path(plan: Plan, name: str) -> str:
    return f"data/{plan.id}/{name}"


def report_years(plan: Plan, evaluations: dict[int, YearEvaluation]) -> list[int]:
    """Every year of the period gets a report page; years without results say so plainly."""
    return sorted(set(plan.spec.period.years) | set(evaluations))

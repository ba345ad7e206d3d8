"""The demo plan's site model (`Site`), for tests of page models: one definition instead of one per test file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.data.validate import validate_path
from generator.evaluation.year import evaluate_year
from generator.site.pages import Site


def demo_site(**fields: Any) -> Site:
    """The demo plan (`plansite init`'s, in the current folder) with its 2024 results; `fields` replace the
    defaults (e.g. `amendments=`, `address=`)."""
    report = validate_path(Path("plans"))
    [plan] = report.plans
    defaults: dict[str, Any] = {
        "plans": report.plans,
        "evaluations": {plan.id: {2024: evaluate_year(plan, report.results["demo"][2024])}},
        "data_date": "2024-01-01",
        "methodology_md": {"ko": "## 방법", "en": "## Method"},
        "open_data_md": {"ko": "# 공개 데이터", "en": "# Open data"},
    }
    return Site(**(defaults | fields))

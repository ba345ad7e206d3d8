"""The site's downloadable open data: the plan and each year's check as JSON and CSV, byte for byte reproducible.

Everything here returns bytes; the build writes them to disk with the rest of the site. The same plan and results
always give identical bytes (no timestamps, fixed field order), so a rebuild changes a download only when the data
changed, and the files can be compared across builds. Every file and column is documented in the packaged
open-data.md (theme/content/); tests read the column lists from there, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.data.model import Plan
from generator.evaluation.year import YearEvaluation
from generator.site.opendata.package import DATAPACKAGE_JSON, datapackage_data, datapackage_json
from generator.site.opendata.plan import plan_csv, plan_data, plan_json
from generator.site.opendata.results import results_csv, results_data, results_json
from generator.site.opendata.terms import Terms
from generator.site.opendata.values import (
    FORMAT_VERSION,
    PLAN_COLUMNS,
    PLAN_CSV,
    PLAN_JSON,
    RESULTS_COLUMNS,
    csv_cell,
    results_csv_name,
    results_json_name,
)

__all__ = [
    "DATAPACKAGE_JSON",
    "FORMAT_VERSION",
    "PLAN_COLUMNS",
    "RESULTS_COLUMNS",
    "Terms",
    "csv_cell",
    "datapackage_data",
    "datapackage_json",
    "open_data_files",
    "plan_csv",
    "plan_data",
    "plan_json",
    "results_csv",
    "results_data",
    "results_json",
]


# -- files ---------------------------------------------------------------------------------------------------


def open_data_files(plan: Plan, evaluations: Sequence[YearEvaluation], terms: Terms | None = None) -> dict[str, bytes]:
    """File name → content for one plan: plan.json, plan.csv, results-<year>.json/.csv by year, datapackage.json;
    `terms` how to cite them and their licence, stated in the data package (None: neither)."""
    files: dict[str, bytes] = {PLAN_JSON: plan_json(plan).encode("utf-8"), PLAN_CSV: plan_csv(plan)}
    seen: set[int] = set()
    ordered = sorted(evaluations, key=lambda e: e.year)
    for evaluation in ordered:
        if evaluation.plan.id != plan.id:
            raise ValueError(f"evaluation of plan '{evaluation.plan.id}' given for plan '{plan.id}'")
        if evaluation.year in seen:
            raise ValueError(f"two evaluations of {plan.id} for {evaluation.year}")
        seen.add(evaluation.year)
        files[results_json_name(evaluation.year)] = results_json(evaluation).encode("utf-8")
        files[results_csv_name(evaluation.year)] = results_csv(evaluation)
    # Last: it describes the files above (Frictionless Data Package), so tools can read and check them.
    files[DATAPACKAGE_JSON] = datapackage_json(plan, ordered, terms).encode("utf-8")
    return files

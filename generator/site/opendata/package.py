"""`datapackage.json`: the plan's open data described as a Frictionless Data Package (v2), so tools can check it.

Every CSV becomes a tabular resource with its dialect and Table Schema (types, constraints, keys), every JSON
file a plain resource. Texts follow one convention throughout: the standard `title` and `description` are in
Korean, the language of the source documents, and the custom `title_en` and `description_en` hold the English,
like the `_ko`/`_en` columns. The English meaning of each column is read from the packaged open-data.md, the
page that documents the files, so the two cannot say different things; the Korean words are in the packaged
open-data-columns.json beside it. The licence and how to cite come from the site (`terms`); without them, none is
stated.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

from generator.data.model import Plan
from generator.data.schema import IndicatorSpec, ResultStatus, Source
from generator.evaluation.grading import RateStatus
from generator.evaluation.year import GradeBasis, YearEvaluation
from generator.i18n import t
from generator.site import theme
from generator.site.opendata.terms import Terms, package_terms
from generator.site.opendata.values import (
    FORMAT_VERSION,
    LIST_SEPARATOR,
    PLAN_COLUMNS,
    PLAN_CSV,
    PLAN_JSON,
    RESULTS_COLUMNS,
    Json,
    dump_json,
    en,
    ko,
    results_csv_name,
    results_json_name,
)

DATAPACKAGE_JSON = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PLAN_RESOURCE = "plan"
# As dump_csv writes them: csv.writer's defaults, a header row; the BOM is part of the UTF-8 encoding.
DIALECT: Json = {"header": True, "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True}
# A row of plan.csv is one indicator, measure and year of a project; a project without indicators has empty
# indicator cells, so no key without empty cells exists: a unique key (v2), not a primary key, which cannot be empty.
PLAN_KEY = ("plan_id", "project_id", "indicator_id", "measure", "year")
RESULTS_KEY = ("plan_id", "year", "indicator_id")

Table = Literal["plan", "results"]

# The Korean words of the package live beside open-data.md, in the packaged open-data-columns.json: each column's
# (Korean title, English title, Korean description), and the Korean description of each file and of the package.
COLUMNS_FILE = "open-data-columns.json"


@functools.cache
def _words() -> Json:
    words: Json = json.loads(theme.read_text("content", COLUMNS_FILE))
    return words


def column_texts(table: Table) -> dict[str, tuple[str, str, str]]:
    """Column → (Korean title, English title, Korean description), in the order of the table's columns."""
    shared, results = _words()["columns"], _words()["results_columns"]
    if table == "plan":
        return {name: tuple(shared[name]) for name in PLAN_COLUMNS}
    return {name: tuple(results.get(name) or shared[name]) for name in RESULTS_COLUMNS}


# Types other than string. `any`: a number, or the Korean text of a qualitative target or of 비예산.
_TYPES: dict[str, str] = {
    "year": "year",
    "unit_scale": "integer",
    "budget_unit_scale": "integer",
    "target": "any",
    "stated_total": "any",
    "actual": "any",
    "computed_rate": "integer",
    "final_rate": "integer",
    "published_rate": "number",
    "assessed_rate": "number",
    "committed": "number",
    "spent": "number",
    "committed_rate": "number",
    "spent_rate": "number",
    "departments_ko": "list",
    "findings": "list",
}
# plan.csv's budget is a number or 비예산; a results file's budget is always a number.
TYPES: dict[Table, dict[str, str]] = {"plan": _TYPES | {"budget": "any"}, "results": _TYPES | {"budget": "number"}}
# Never empty: the ids and Korean names of the levels every row belongs to, and what every result row states.
_REQUIRED = {"plan_id", "year", "strategy_id", "task_id", "project_id", "project_ko"}
REQUIRED: dict[Table, set[str]] = {
    "plan": _REQUIRED | {"strategy_ko", "task_ko"},
    "results": _REQUIRED | {"indicator_id", "indicator_ko", "rate_status", "category"},
}


def _literal_values(annotation: Any) -> list[str]:
    """The strings of a Literal, also inside an Optional: Literal["flow", "stock"] | None → ["flow", "stock"]."""
    values = [value for arg in get_args(annotation) for value in (get_args(arg) or [arg])]
    return [value for value in values if isinstance(value, str)]


def _enums() -> dict[str, list[str]]:
    """The codes a column may hold, from the types that define them, so a new code cannot be left out."""
    fields = IndicatorSpec.model_fields
    return {
        "kind": _literal_values(fields["kind"].annotation),
        "direction": _literal_values(fields["direction"].annotation),
        "status": list(get_args(ResultStatus)),
        "rate_status": [status.value for status in RateStatus],
        "basis": list(get_args(GradeBasis)),
    }


# -- the meanings documented in open-data.md -------------------------------------------------------------------


@functools.cache
def documented_meanings(heading: str) -> Mapping[str, str]:
    """Name → meaning of the first table after the heading that starts with `heading` in the packaged open-data.md."""
    lines = theme.read_text("content", "open-data.md").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    meanings: dict[str, str] = {}
    for line in lines[start:]:
        if line.startswith("#") or (meanings and not line.startswith("|")):
            break
        if match := re.fullmatch(r"\| `([^`]+)` \| (.+) \|", line):
            meanings[match.group(1)] = match.group(2)
    return meanings


def _file_meaning(name: str) -> str:
    return documented_meanings("# ")[name]


# -- the package -------------------------------------------------------------------------------------------------


def datapackage_data(plan: Plan, evaluations: Sequence[YearEvaluation], terms: Terms | None = None) -> Json:
    """The package of one plan's files; `evaluations` in the order of their files (by year), `terms` how to cite
    them and their licence (None: neither is stated)."""
    title = plan.spec.title
    years = ", ".join(str(evaluation.year) for evaluation in evaluations)
    words = _words()["package"]
    package: Json = {
        "$schema": PROFILE,
        "name": package_name(plan.id),
        "title": title.ko,
        "title_en": title.en,
        "description": words["ko"].format(title=title.ko, years=years or words["no_years"]["ko"]),
        "description_en": words["en"].format(title=title.en, years=years or words["no_years"]["en"]),
        "format_version": FORMAT_VERSION,
        **(package_terms(terms) if terms is not None else {}),
        "sources": _sources(plan, evaluations),
        "resources": _resources(evaluations),
    }
    return _without_none(package)


def datapackage_json(plan: Plan, evaluations: Sequence[YearEvaluation], terms: Terms | None = None) -> str:
    return dump_json(datapackage_data(plan, evaluations, terms))


def package_name(plan_id: str) -> str:
    """A name as v1 of the standard allows it too: lower case letters, digits and `-._/`."""
    return re.sub(r"[^-a-z0-9._/]+", "-", plan_id.lower())


def _without_none(data: Json) -> Json:
    # Unlike the data files, a descriptor leaves out what it does not know: a property is never null.
    return {key: value for key, value in data.items() if value is not None}


def _sources(plan: Plan, evaluations: Sequence[YearEvaluation]) -> list[Json]:
    """The plan's source documents, then those only a check names, each once."""
    sources: dict[str, Source] = {}
    for source in [*plan.spec.sources, *(s for e in evaluations for s in e.results.check.sources)]:
        sources.setdefault(source.id, source)
    return [_source(source) for source in sources.values()]


def _source(source: Source) -> Json:
    return _without_none(
        {
            "title": source.title.ko,
            "title_en": source.title.en,
            "id": source.id,
            "issuer": ko(source.issuer),
            "issuer_en": en(source.issuer),
            "reference": source.reference,
            "date": source.date.isoformat() if source.date is not None else None,
        }
    )


def _resources(evaluations: Sequence[YearEvaluation]) -> list[Json]:
    """One resource per file, in the order open_data_files gives them."""
    resources = [
        _json_resource(
            f"{PLAN_RESOURCE}-json",
            PLAN_JSON,
            (t("data_plan_json", "ko"), t("data_plan_json", "en")),
            _file_words(PLAN_JSON),
        ),
        _table_resource(
            PLAN_RESOURCE,
            PLAN_CSV,
            (t("data_plan_csv", "ko"), t("data_plan_csv", "en")),
            _file_words(PLAN_CSV),
            _plan_schema(),
        ),
    ]
    for evaluation in evaluations:
        year = evaluation.year
        resources += [
            _json_resource(
                f"results-{year}-json",
                results_json_name(year),
                (t("data_results_json", "ko", year=year), t("data_results_json", "en", year=year)),
                _file_words(results_json_name(year), year),
            ),
            _table_resource(
                f"results-{year}",
                results_csv_name(year),
                (t("data_results_csv", "ko", year=year), t("data_results_csv", "en", year=year)),
                _file_words(results_csv_name(year), year),
                _results_schema(evaluation),
            ),
        ]
    return resources


def _file_words(path: str, year: int | None = None) -> str:
    """The Korean description of a file, as open-data-columns.json words it."""
    return str(_words()["files"][_documented_file(path)]).format(year=year)


def _documented_file(path: str) -> str:
    return path if path in documented_meanings("# ") else re.sub(r"-\d{4}\.", "-<year>.", path)


def _json_resource(name: str, path: str, titles: tuple[str, str], description_ko: str) -> Json:
    return {
        "name": name,
        "path": path,
        "title": titles[0],
        "title_en": titles[1],
        "description": description_ko,
        "description_en": _file_meaning(_documented_file(path)),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }


def _table_resource(name: str, path: str, titles: tuple[str, str], description_ko: str, schema: Json) -> Json:
    return {
        "name": name,
        "type": "table",
        "path": path,
        "title": titles[0],
        "title_en": titles[1],
        "description": description_ko,
        "description_en": _file_meaning(_documented_file(path)),
        "format": "csv",
        "mediatype": "text/csv",
        # The files begin with a byte order mark; readers of UTF-8 skip it (frictionless does).
        "encoding": "utf-8",
        "dialect": dict(DIALECT),
        "schema": schema,
    }


# -- schemas -------------------------------------------------------------------------------------------------


def _plan_schema() -> Json:
    return {
        "fields": fields_of("plan"),
        "missingValues": [""],
        "uniqueKeys": [list(PLAN_KEY)],
    }


def _results_schema(evaluation: YearEvaluation) -> Json:
    return {
        "fields": fields_of("results"),
        "missingValues": [""],
        "primaryKey": list(RESULTS_KEY),
        "foreignKeys": [results_foreign_key(evaluation)],
    }


def results_foreign_key(evaluation: YearEvaluation) -> Json:
    """Each result row → the row of plan.csv holding the target it is checked against.

    plan.csv has a row for each year an indicator's targets record. A check of a year some indicator records no
    target for (the plan's data may cover only some years) is keyed without the year: indicator and measure."""
    recorded = all(evaluation.year in outcome.indicator.targets for outcome in evaluation.outcomes)
    fields = list(PLAN_KEY if recorded else PLAN_KEY[:-1])
    return {"fields": fields, "reference": {"resource": PLAN_RESOURCE, "fields": fields}}


def fields_of(table: Table) -> list[Json]:
    meanings = documented_meanings("## `plan.csv`" if table == "plan" else "## `results-<year>.csv`")
    enums = _enums()
    return [
        _field(name, texts, TYPES[table].get(name, "string"), meanings[name], name in REQUIRED[table], enums.get(name))
        for name, texts in column_texts(table).items()
    ]


def _field(
    name: str, texts: tuple[str, str, str], kind: str, meaning: str, required: bool, enum: list[str] | None
) -> Json:
    title_ko, title_en, description_ko = texts
    field: Json = {"name": name, "type": kind}
    if kind == "list":
        field |= {"delimiter": LIST_SEPARATOR, "itemType": "string"}
    field |= {"title": title_ko, "title_en": title_en, "description": description_ko, "description_en": meaning}
    constraints: Json = {"required": True} if required else {}
    if enum is not None:
        constraints["enum"] = enum
    return field | ({"constraints": constraints} if constraints else {})

"""Load and validate annual results: `results/<plan-id>/<year>/check.yaml` and `projects/<id>.yaml`.

One folder per year and one file per unit project, so each department submits and reviews its own file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.data.grades import EXCLUDED, NOT_EVALUATED, scale_of
from generator.data.indicatorrules import not_a_number
from generator.data.layout import CHECK_FILE, DATA_SUFFIX, PLAN_FILE, PROJECTS_DIR, results_dir_for
from generator.data.model import Plan
from generator.data.rules import unknown_sources
from generator.data.schema import (
    BudgetExecution,
    CheckFile,
    IndicatorResult,
    IndicatorSpec,
    LocalizedText,
    ProjectResults,
)
from generator.data.schemacheck import (
    EnglishTally,
    english_warnings,
    looped,
    misnamed,
    read_checked,
    stray,
    yaml_files,
)
from generator.data.yamlsource import Document
from generator.errors import Problem, Severity, YamlPath, display_path
from generator.i18n import msg
from generator.numbers import amount

WHERE_SOURCES = f"{PLAN_FILE} and {CHECK_FILE}"


@dataclass
class YearResults:
    year: int
    check: CheckFile
    projects: dict[str, ProjectResults] = field(default_factory=dict)

    def result_for(self, project_id: str, indicator_id: str) -> IndicatorResult | None:
        project = self.projects.get(project_id)
        if project is None:
            return None
        return next((r for r in project.indicators if r.indicator == indicator_id), None)


def year_dirs(plan_results: Path, problems: list[Problem]) -> list[Path]:
    if looped(plan_results):
        problems.append(stray(plan_results, ""))
        return []
    if not plan_results.is_dir():
        return []
    found = []
    for entry in sorted(plan_results.iterdir()):
        if entry.is_dir() and entry.name.isdigit() and not looped(entry):
            found.append(entry)
        elif not entry.name.startswith("."):
            problems.append(stray(entry, msg("hint_results_year_folders")))
    return found


def load_results(
    plan: Plan, results_root: Path, tally: EnglishTally | None = None
) -> tuple[dict[int, YearResults], list[Problem]]:
    """Every year of results for a plan, and every problem found in them."""
    tally = tally if tally is not None else EnglishTally()
    problems: list[Problem] = []
    years: dict[int, YearResults] = {}
    for directory in year_dirs(results_dir_for(plan.id, results_root), problems):
        loaded = load_year(plan, directory, problems, tally)
        if loaded is not None:
            years[loaded.year] = loaded
    return years, problems


def load_year(plan: Plan, directory: Path, problems: list[Problem], tally: EnglishTally) -> YearResults | None:
    entries = sorted(entry for entry in directory.iterdir() if not entry.name.startswith("."))
    wrong_names = misnamed(directory, CHECK_FILE)
    check_path = directory / CHECK_FILE
    found = check_path.is_file()
    if not found:
        message = msg("results_no_check", file=CHECK_FILE)
        hint = msg("hint_new_year")
        if wrong_names:
            message = msg("check_misnamed", name=wrong_names[0])
            hint = msg("hint_rename_to", name=CHECK_FILE)
        problems.append(Problem(display_path(directory), 1, 1, message, hint=hint))
    problems += [
        stray(entry, msg("hint_results_year_holds", check=CHECK_FILE, projects=PROJECTS_DIR))
        for entry in entries
        if entry.name not in (CHECK_FILE, PROJECTS_DIR) and (found or entry.name not in wrong_names)
    ]
    if not found:
        return None
    document, check = read_checked(check_path, CheckFile, problems)
    if document is None or check is None:
        return None
    english_warnings(document, check, tally, problems)
    errors_before = _errors(problems)
    if check.plan != plan.id:
        problems.append(document.problem(("plan",), msg("results_other_plan", named=check.plan, plan=plan.id)))
    if str(check.year) != directory.name:
        problems.append(document.problem(("year",), msg("year_folder", year=check.year, folder=directory.name)))
    if check.year not in plan.spec.period.years:
        first, last = plan.spec.period.first, plan.spec.period.last
        problems.append(
            document.problem(
                ("year",), msg("year_outside_period", year=check.year, period=msg("span", first=first, last=last))
            )
        )
    if _errors(problems) > errors_before:
        # A folder filed under the wrong plan or year: every result in it would fail for that one reason.
        return None
    source_ids = {source.id for source in (*plan.spec.sources, *check.sources)}
    problems.extend(unknown_sources(document, ("discrepancies",), check.discrepancies, source_ids, WHERE_SOURCES))
    problems.extend(_check_distribution_keys(plan, document, check))
    year = YearResults(check.year, check)
    for path in yaml_files(directory / PROJECTS_DIR, problems):
        project_doc, results = read_checked(path, ProjectResults, problems)
        if project_doc is None or results is None:
            continue
        english_warnings(project_doc, results, tally, problems)
        problems.extend(
            unknown_sources(project_doc, ("discrepancies",), results.discrepancies, source_ids, WHERE_SOURCES)
        )
        if _check_project_results(plan, check.year, project_doc, results, problems):
            year.projects[results.project] = results
    return year if _errors(problems) == errors_before else None


def _errors(problems: list[Problem]) -> int:
    return sum(1 for problem in problems if problem.severity is Severity.ERROR)


def _check_distribution_keys(plan: Plan, doc: Document, check: CheckFile) -> list[Problem]:
    allowed = [band.grade for band in scale_of(plan.spec)] + [EXCLUDED, NOT_EVALUATED]
    return [
        doc.problem(
            ("published_distribution", key),
            msg("unknown_category", key=key),
            hint=msg("hint_categories", names=", ".join(allowed)),
            at_key=True,
        )
        for key in (check.published_distribution or {})
        if key not in allowed
    ]


def _check_project_results(
    plan: Plan, year: int, doc: Document, results: ProjectResults, problems: list[Problem]
) -> bool:
    before = len(problems)
    project = next((p for p in plan.projects if p.id == results.project), None)
    if project is None:
        problems.append(
            doc.problem(
                ("project",), msg("unknown_project", id=results.project), hint=msg("hint_no_project_in", plan=plan.id)
            )
        )
        return False
    if unicodedata.normalize("NFC", doc.path.stem) != results.project:  # a name typed on a Mac may be decomposed
        problems.append(
            doc.problem(
                ("project",),
                msg("results_project_file", id=results.project, file=doc.path.name),
                hint=msg("hint_rename_file_to", name=f"{results.project}{DATA_SUFFIX}"),
            )
        )
    indicators = {indicator.id: indicator for indicator in project.indicators}
    seen: set[str] = set()
    grades = [band.grade for band in scale_of(plan.spec)]
    for i, result in enumerate(results.indicators):
        path: YamlPath = ("indicators", i)
        indicator = indicators.get(result.indicator)
        if indicator is None:
            known = ", ".join(indicators) or msg("none")
            problems.append(
                doc.problem(
                    (*path, "indicator"),
                    msg("unknown_indicator", id=result.indicator, project=project.id),
                    hint=msg("hint_indicators_of_project", known=known),
                )
            )
            continue
        if result.indicator in seen:
            problems.append(doc.problem((*path, "indicator"), msg("two_results", id=result.indicator)))
        seen.add(result.indicator)
        problems.extend(_check_result(doc, path, indicator, result, year, grades))
    errors = len(problems) == before
    problems.extend(_check_budget(doc, results.budget, plan.spec.budget_unit.ko))
    return errors


def _check_budget(doc: Document, execution: BudgetExecution | None, unit: str) -> list[Problem]:
    """More spent than committed, or more committed than the budget: warnings, since carried-over funds
    (이월) can make either legitimate, but a slip of a digit makes them too."""
    if execution is None:
        return []
    found = []
    pairs = (
        ("committed", execution.committed, "budget", execution.budget),
        ("spent", execution.spent, "committed", execution.committed),
    )
    words = {"budget": msg("word_budget_available"), "committed": msg("word_committed"), "spent": msg("word_spent")}
    for key, value, other_key, other in pairs:
        if value is not None and other is not None and value > other:
            found.append(
                doc.problem(
                    ("budget", key),
                    msg(
                        "execution_more_than",
                        key=words[key],
                        value=f"{amount(value)} {unit}",
                        other=words[other_key],
                        other_value=f"{amount(other)} {unit}",
                    ),
                    hint=msg("hint_carried_over"),
                    severity=Severity.WARNING,
                )
            )
    return found


def _check_result(
    doc: Document,
    path: YamlPath,
    indicator: IndicatorSpec,
    result: IndicatorResult,
    year: int,
    known_grades: list[str],
) -> list[Problem]:
    found: list[Problem] = []
    target = indicator.targets.get(year)
    if result.status == "evaluated" and target is None and result.assessed is None and result.published is None:
        found.append(
            doc.problem(
                (*path, "status"),
                msg("no_target_for_year", id=indicator.id, year=year),
                hint=msg("hint_not_evaluated_or_assessed"),
            )
        )
    if result.status == "excluded" and result.reason is None:
        found.append(
            doc.problem(
                (*path, "reason"),
                msg("excluded_needs_reason"),
                hint=msg("hint_reason_example"),
            )
        )
    if result.assessed is not None and result.assessed.rate is None and result.assessed.grade is None:
        found.append(doc.problem((*path, "assessed"), msg("assessment_needs_rate_or_grade")))
    for key, value in (("assessed", result.assessed), ("published", result.published)):
        if value is not None and value.grade is not None and value.grade not in known_grades:
            found.append(
                doc.problem(
                    (*path, key, "grade"),
                    msg("unknown_grade", grade=value.grade),
                    hint=msg("hint_grades", names=", ".join(known_grades)),
                )
            )
    found.extend(_check_actual_shape(doc, (*path, "actual"), indicator, result.actual))
    return found


def _check_actual_shape(doc: Document, path: YamlPath, indicator: IndicatorSpec, actual: object) -> list[Problem]:
    if actual is None:
        return []
    if indicator.qualitative:
        if not isinstance(actual, LocalizedText):
            return [doc.problem(path, msg("qualitative_actual_text"))]
        return []
    if indicator.measures:
        ids = [m.id for m in indicator.measures]
        if not isinstance(actual, dict):
            return [doc.problem(path, msg("compound_actual_names"), hint=msg("hint_measures", ids=", ".join(ids)))]
        return [
            doc.problem(
                (*path, key),
                msg("unknown_measure", key=key),
                hint=msg("hint_measures", ids=", ".join(ids)),
                at_key=True,
            )
            for key in actual
            if key not in ids
        ]
    return not_a_number(
        doc,
        path,
        actual,
        text_hint=msg("hint_text_actual_qualitative"),
        measures_hint=msg("hint_single_measure"),
    )

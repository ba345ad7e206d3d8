"""Write an empty-but-complete year of results for departments to fill in. Never overwrites a file."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.data.jsonschema import modeline
from generator.data.layout import CHECK_FILE, DATA_SUFFIX, PROJECTS_DIR, results_dir_for
from generator.data.model import Plan
from generator.data.paths import check_new_file, write_new_files
from generator.data.results import load_year
from generator.data.schema import IndicatorSpec, LocalizedText, ProjectFile
from generator.data.schemacheck import EnglishTally
from generator.errors import Problem, Severity
from generator.i18n import t
from generator.numbers import amount


@dataclass
class NewYearOutcome:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`: JSON's escapes are YAML's too, so a
    newline, a quote, a backslash or a `#` stay what they are."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    """`text` fit for the rest of one comment line: a line break would end the comment and start data."""
    return " ".join(text.split())


def _target_text(indicator: IndicatorSpec, year: int) -> str:
    target = indicator.targets.get(year)
    if target is None:
        return "no target"
    if isinstance(target, LocalizedText):
        return target.ko
    if isinstance(target, dict):
        units = {m.id: m.unit.ko for m in indicator.measures or []}
        return ", ".join(f"{amount(v)}{units.get(k, '')}" for k, v in target.items())
    unit = indicator.unit.ko if indicator.unit else ""
    return f"{amount(target)}{unit}"


def check_file_text(plan: Plan, year: int) -> str:
    short = plan.spec.short_title or plan.spec.title
    title_ko = t("new_check_title", "ko", year=year, plan=short.ko)
    title_en = t("new_check_title", "en", year=year, plan=short.get("en"))
    return (
        f"# The {year} implementation check of {plan.id}. Written by `plansite new-year`; edit freely.\n"
        f"plan: {plan.id}\n"
        f"year: {year}\n"
        "title:\n"
        f"  ko: {_quote(title_ko)}\n"
        f"  en: {_quote(title_en)}\n"
    )


def project_file_text(plan: Plan, project: ProjectFile, year: int) -> str:
    lines = [
        f"# {year} results of {project.id} {_comment(project.title.ko)}."
        " Fill in each actual; see `plansite docs data-format`.",
        f"project: {project.id}",
    ]
    budget = project.budget
    planned = budget.years.get(year) if budget is not None and budget.years is not None else None
    if planned is not None:
        unit = plan.spec.budget_unit.ko
        lines.append(
            f"# budget: {{budget: …, committed: …, spent: …}}  # planned for {year}: {amount(planned)} {_comment(unit)}"
        )
    if not project.indicators:
        lines.append("indicators: []")
    else:
        lines.append("indicators:")
    for indicator in project.indicators:
        has_target = indicator.targets.get(year) is not None
        lines += [
            f"  - indicator: {indicator.id}"
            f"  # {_comment(indicator.name.ko)}; target {_comment(_target_text(indicator, year))}",
            f"    status: {'evaluated' if has_target else 'not_evaluated'}",
            "    actual: null",
        ]
    return "\n".join(lines) + "\n"


def write_new_year(plan: Plan, year: int, results_root: Path, schemas: Path | None = None) -> NewYearOutcome:
    """Create the year's check file and one results file per unit project, skipping any that exist.

    All or nothing: every file is made in memory and the whole year is checked against the plan first; a
    failure while writing (a dangling link, a folder that cannot be written) leaves nothing behind.
    Where the repository has its JSON Schemas (`schemas`), each file names its schema for editors."""
    outcome = NewYearOutcome()
    directory = results_dir_for(plan.id, results_root) / str(year)
    files = {directory / CHECK_FILE: ("check.schema.json", check_file_text(plan, year))}
    for project in plan.projects:
        path = directory / PROJECTS_DIR / f"{project.id}{DATA_SUFFIX}"
        files[path] = ("project-results.schema.json", project_file_text(plan, project, year))
    texts: dict[Path, str] = {}
    for path, (schema, body) in files.items():
        named = schemas is not None and (schemas / schema).is_file()
        texts[path] = modeline(path, schemas / schema) + body if named and schemas is not None else body
    _check_year(plan, year, {path.relative_to(directory): text for path, text in texts.items()})
    new: dict[Path, bytes] = {}
    for path, text in texts.items():
        if path.is_file() and not path.is_symlink():
            outcome.kept.append(path)
            continue
        check_new_file(path)  # a dangling link, or a folder on the way that is not one: before anything is written
        new[path] = text.encode("utf-8")
    outcome.written = write_new_files(new)
    return outcome


def _check_year(plan: Plan, year: int, texts: dict[Path, str]) -> None:
    """Read the year as written back with the plan; a problem here is plansite's bug, never the user's data."""
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="plansite-new-year-") as temporary:
        staged = Path(temporary) / str(year)
        for relative, text in texts.items():
            (staged / relative).parent.mkdir(parents=True, exist_ok=True)
            (staged / relative).write_text(text, encoding="utf-8")
        load_year(plan, staged, problems, EnglishTally())
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise AssertionError(f"plansite new-year wrote a year that does not validate: {errors[0].format()}")

"""The MkDocs site an office would write by hand for the same data: the second MkDocs workload (issue 30).

One Markdown page per unit project (its title, departments, content and, per indicator, a table of targets and
results by year), one page per plan (its strategies and tasks, its budget table) and one per checked year (a
table of every indicator's result), in Korean and in English, with MkDocs' default theme and its built-in
search; no charts. It is made from the data repository's YAML, as a person would copy the figures into tables.
The equivalent-content workload (`run.py`) is the other one: plansite's own pages' content, charts included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("ko", "en")
HEADINGS = {"ko": ("연도", "목표", "실적", "달성도", "등급"), "en": ("Year", "Target", "Actual", "Rate", "Grade")}


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang, value.get("ko", "")))
    return "" if value is None else str(value)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def _table(headings: tuple[str, ...], rows: list[list[str]]) -> str:
    return "\n".join([_row(list(headings)), _row(["---"] * len(headings)), *(_row(row) for row in rows)])


def _results(repository: Path, plan_id: str) -> dict[int, dict[str, dict[str, Any]]]:
    """Each checked year's indicator results, by indicator id."""
    years: dict[int, dict[str, dict[str, Any]]] = {}
    for path in sorted((repository / "results" / plan_id).glob("*/projects/*.yaml")):
        year = int(path.parent.parent.name)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for outcome in data.get("indicators", []):
            years.setdefault(year, {})[str(outcome.get("indicator"))] = outcome
    return years


def _project_page(project: dict[str, Any], years: list[int], results: dict[int, dict[str, Any]], lang: str) -> str:
    parts = [f"# {project.get('label', project['id'])} {_text(project.get('title'), lang)}", ""]
    departments = ", ".join(_text(department, lang) for department in project.get("departments", []))
    parts += [f"**{'소관부서' if lang == 'ko' else 'Department'}:** {departments}", ""]
    parts += [_text(project.get("content"), lang), ""]
    for indicator in project.get("indicators", []):
        parts += [f"## {_text(indicator.get('name'), lang)} ({_text(indicator.get('unit'), lang)})", ""]
        targets = indicator.get("targets") or {}
        rows = []
        for year in years:
            outcome = results.get(year, {}).get(str(indicator.get("id")), {})
            published = outcome.get("published") or {}
            cells = [targets.get(year), outcome.get("actual"), published.get("rate"), published.get("grade")]
            rows.append([str(year), *("" if cell is None else str(cell) for cell in cells)])
        parts += [_table(HEADINGS[lang], rows), ""]
    return "\n".join(parts)


def _plan_page(plan: dict[str, Any], lang: str) -> str:
    parts = [f"# {_text(plan.get('title'), lang)}", ""]
    for strategy in plan.get("strategies", []):
        parts += [f"## {strategy['id']}. {_text(strategy.get('title'), lang)}", ""]
        parts += [f"- {task['id']} {_text(task.get('title'), lang)}" for task in strategy.get("tasks", [])] + [""]
    return "\n".join(parts)


def _year_page(year: int, results: dict[str, dict[str, Any]], lang: str) -> str:
    rows = [
        [indicator, str(outcome.get("actual", "")), str((outcome.get("published") or {}).get("rate", "")),
         str((outcome.get("published") or {}).get("grade", outcome.get("status", "")))]
        for indicator, outcome in sorted(results.items())
    ]  # fmt: skip
    headings = ("지표", "실적", "달성도", "등급") if lang == "ko" else ("Indicator", "Actual", "Rate", "Grade")
    return f"# {year}\n\n{_table(headings, rows)}\n"


def handwritten_site(repository: Path, folder: Path) -> Path:
    """The hand-written MkDocs project for the data in `repository`, made in `folder`; its folder."""
    docs = folder / "docs"
    for plan_file in sorted((repository / "plans").glob("*/plan.yaml")):
        plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
        period = plan.get("period", {})
        years = list(range(int(period.get("first", 0)), int(period.get("last", -1)) + 1))
        results = _results(repository, plan["id"])
        for lang in LANGUAGES:
            base = docs / lang / plan["id"]
            base.mkdir(parents=True, exist_ok=True)
            (base / "index.md").write_text(_plan_page(plan, lang), encoding="utf-8")
            for project_file in sorted((plan_file.parent / "projects").glob("*.yaml")):
                project = yaml.safe_load(project_file.read_text(encoding="utf-8"))
                page = _project_page(project, years, results, lang)
                (base / f"{project['id']}.md").write_text(page, encoding="utf-8")
            for year, outcomes in sorted(results.items()):
                (base / f"report-{year}.md").write_text(_year_page(year, outcomes, lang), encoding="utf-8")
    (docs / "index.md").write_text("# Plans\n\n- [한국어](ko/)\n- [English](en/)\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Hand-written site\nuse_directory_urls: false\n", encoding="utf-8")
    return folder

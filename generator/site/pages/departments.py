"""The departments index and one page per department, listing its unit projects across every plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.data.model import Plan
from generator.data.schema import LocalizedText, ProjectFile
from generator.describe import category_label, count_heading
from generator.evaluation.budget import lead_department
from generator.i18n import in_sentence, plural, sentence_case, t
from generator.numbers import NONE
from generator.site.pages.budget import ExecutionTable, by_project_links, by_project_rows, execution_table
from generator.site.pages.common import Link, Page, Site, level_name, page_meta
from generator.site.pages.credits import project_sources
from generator.site.pages.paths import lang_path, project_path

INDEX_PATH = "departments/index.html"


@dataclass(frozen=True)
class DepartmentRow:
    link: Link
    projects: int


@dataclass(frozen=True)
class DepartmentsContent:
    template: ClassVar[str] = "departments.html"

    caption: str
    count_heading: str
    rows: tuple[DepartmentRow, ...]
    translation_note: str  # English department names are ours, not the sources'


@dataclass(frozen=True)
class DepartmentProject:
    plan: str
    link: Link
    grades: str


@dataclass(frozen=True)
class DepartmentContent:
    template: ClassVar[str] = "department.html"

    caption: str
    project_header: str
    projects: tuple[DepartmentProject, ...]
    budgets: tuple[ExecutionTable, ...]  # each checked year's execution of its projects, with the total


def department_pages(site: Site, lang: str) -> list[Page]:
    """The index first, then each department's page in the order of their Korean names."""
    slugs = site.department_slugs()
    rows = []
    pages = []
    for name, (text, projects) in site.departments().items():
        path = f"departments/{slugs[name]}.html"
        rows.append(DepartmentRow(Link(lang_path(lang, path), text.get(lang)), len(projects)))
        pages.append(_department_page(site, path, text, projects, lang))
    rows.sort(key=lambda row: row.link.label)
    word = _project_word(lang)
    summary = t("summary_departments", lang, count=len(rows), project=word, project_plural=plural(word, lang))
    index = Page(
        page_meta(site, lang, INDEX_PATH, t("departments", lang), summary=summary),
        DepartmentsContent(
            t("departments_caption", lang, project=word, project_plural=plural(word, lang)),
            count_heading(word, lang),
            tuple(rows),
            t("department_names_translated", lang) if lang == "en" else "",
        ),
    )
    return [index, *pages]


def _department_page(
    site: Site, path: str, department: LocalizedText, projects: list[tuple[Plan, ProjectFile]], lang: str
) -> Page:
    entries = tuple(_department_project(site, plan, project, lang) for plan, project in projects)
    word = _project_word(lang)
    caption = sentence_case(
        t("department_caption", lang, department=department.get(lang), project=word, project_plural=plural(word, lang)),
        lang,
    )
    crumbs = (Link(lang_path(lang, INDEX_PATH), t("departments", lang)),)
    sources = [
        source
        for plan, project in projects
        for source in project_sources(plan.id, project.id, site.evaluations.get(plan.id, {}))
    ]
    return Page(
        page_meta(
            site,
            lang,
            path,
            department.get(lang),
            crumbs,
            summary=_summary(department, projects, lang),
            sources=sources,
        ),
        DepartmentContent(caption, word, entries, _budget_tables(site, department, lang)),
    )


def _summary(department: LocalizedText, projects: list[tuple[Plan, ProjectFile]], lang: str) -> str:
    word = _project_word(lang)
    plans = ", ".join(dict.fromkeys((plan.spec.short_title or plan.spec.title).get(lang) for plan, _ in projects))
    if len(projects) == 1:
        key, values = "summary_department_one", {"project_lower": in_sentence(word, lang)}
    else:
        key, values = "summary_department", {"project_plural": plural(word, lang)}
    return t(key, lang, department=department.get(lang), count=len(projects), project=word, plans=plans, **values)


def _budget_tables(site: Site, department: LocalizedText, lang: str) -> tuple[ExecutionTable, ...]:
    """Per plan and checked year, the lines this department leads and their total (see `lead_department`)."""
    tables = []
    for plan in site.plans:
        for year, evaluation in sorted(site.evaluations.get(plan.id, {}).items()):
            lines = [
                line
                for line in evaluation.budget_lines
                if (lead := lead_department(line.project)) is not None and lead.ko == department.ko
            ]
            if not lines:
                continue
            name = (plan.spec.short_title or plan.spec.title).get(lang)
            tables.append(
                execution_table(
                    plan,
                    lang,
                    t("budget_execution_department", lang, plan=name, year=year),
                    level_name(plan, "project", lang),
                    by_project_rows(lines, lang),
                    t("total", lang),
                    by_project_links(plan, lines, lang),
                )
            )
    return tuple(tables)


def _department_project(site: Site, plan: Plan, project: ProjectFile, lang: str) -> DepartmentProject:
    return DepartmentProject(
        (plan.spec.short_title or plan.spec.title).get(lang),
        Link(
            lang_path(lang, project_path(plan, project.id)),
            f"{project.label or project.id} {project.title.get(lang)}",
        ),
        _latest_grades(site, plan, project, lang),
    )


def _latest_grades(site: Site, plan: Plan, project: ProjectFile, lang: str) -> str:
    """The project's grades in the plan's latest checked year, e.g. "2024: A, B+"; – before any check."""
    evaluations = site.evaluations.get(plan.id, {})
    if not evaluations:
        return NONE
    last = max(evaluations)
    latest = evaluations[last]
    cats = [category_label(o.category, lang) for year, o in site.outcomes_of(plan.id, project.id) if year == last]
    return f"{latest.year}: " + ", ".join(cats) if cats else NONE


def _project_word(lang: str) -> str:
    # Departments span plans whose levels are named differently; use the plain word.
    return t("project_generic", lang)

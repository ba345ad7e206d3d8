"""Getting around: in-page anchors of the plan's structure, contents lists, and the links between pages.

An anchor is made from the data's own ids (node ids are digits and hyphens, unique within a plan), so the same
section has the same `#anchor` in both languages and a link to it survives a change of wording. A page that has
nothing to show (a year not yet checked, a list of amendments with none) is never linked to: where it would be,
the page says so in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.data.model import Plan, parent_id, task_of
from generator.data.schema import ProjectFile
from generator.evaluation.year import YearEvaluation
from generator.i18n import t
from generator.site.pages.common import Link, Site, level_name, numbered
from generator.site.pages.paths import lang_path, plan_path, project_path, report_path, report_years

# -- anchors ---------------------------------------------------------------------------------------------


def strategy_anchor(strategy_id: str) -> str:
    """The id of a strategy's section on the plan page: `strategy-1`."""
    return f"strategy-{strategy_id}"


def task_anchor(task_id: str) -> str:
    """The id of a task's table on the plan page: `task-1-2`."""
    return f"task-{task_id}"


def indicator_anchor(indicator_id: str) -> str:
    """The id of an indicator's section on its project page: `ind-1-1-1-1`."""
    return f"ind-{indicator_id}"


# -- contents lists --------------------------------------------------------------------------------------


def contents_links(sections: Iterable[tuple[str, str]]) -> tuple[Link, ...]:
    """A contents list from the (heading id, heading text) of each section the page has, in page order.

    Its hrefs are fragments of the page itself ("#detail-heading"), written as they are, not made relative."""
    return tuple(Link(f"#{anchor}", label) for anchor, label in sections)


# -- where a project sits ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """One level above a project: what the plan calls the level ("추진전략") and the link to it on the plan page."""

    level: str
    link: Link


def placements(plan: Plan, project: ProjectFile, lang: str) -> tuple[Placement, ...]:
    """The project's strategy and task, each linked to its anchor on the plan page."""
    task_id = task_of(project.id)
    strategy = next(s for s in plan.strategies if s.id == parent_id(task_id))
    task = next(task for task in strategy.tasks if task.id == task_id)
    page = lang_path(lang, plan_path(plan))
    return (
        Placement(
            level_name(plan, "strategy", lang),
            Link(
                f"{page}#{strategy_anchor(strategy.id)}",
                numbered(strategy.label or strategy.id, strategy.title.get(lang)),
            ),
        ),
        Placement(
            level_name(plan, "task", lang),
            # As the plan page captions the task's table: "1-1 디지털 행정정보 제공", "1. 행정정보 전면공개".
            Link(f"{page}#{task_anchor(task.id)}", f"{task.label or task.id} {task.title.get(lang)}"),
        ),
    )


def department_links(site: Site, project: ProjectFile, lang: str) -> tuple[Link, ...]:
    """The project's departments, each linked to its page (`departments/<slug>.html`)."""
    slugs = site.department_slugs()
    return tuple(
        Link(lang_path(lang, f"departments/{slugs[department.ko]}.html"), department.get(lang))
        for department in project.departments
    )


def project_link(plan: Plan, project: ProjectFile, lang: str, anchor: str = "") -> Link:
    """A link to a project's page, labelled as the official tables name it ("1-1-① 정보소통광장 운영")."""
    href = lang_path(lang, project_path(plan, project.id)) + (f"#{anchor}" if anchor else "")
    return Link(href, f"{project.label or project.id} {project.title.get(lang)}")


# -- the annual reports of a plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportEntry:
    """A year of the plan in its list of reports: a link where the year was checked, else words saying it was not."""

    link: Link | None  # None: no results for the year, so no report to link to
    text: str  # said instead of the link: "2022년: 미점검"; empty with a link


def report_entries(plan: Plan, evaluations: dict[int, YearEvaluation], lang: str) -> tuple[ReportEntry, ...]:
    return tuple(_report_entry(plan, year, year in evaluations, lang) for year in report_years(plan, evaluations))


def _report_entry(plan: Plan, year: int, checked: bool, lang: str) -> ReportEntry:
    if not checked:
        return ReportEntry(None, t("report_not_checked", lang, year=year))
    return ReportEntry(Link(lang_path(lang, report_path(plan, year)), t("report_title", lang, year=year)), "")


def present(sections: Sequence[tuple[str, str, object]]) -> list[tuple[str, str]]:
    """The (id, label) of the sections whose content is there (truthy): a contents list names no absent section."""
    return [(anchor, label) for anchor, label, shown in sections if shown]

"""What a page model reads grows with its own project, not with the whole plan: the pages of a plan of N projects
cost N times one page's, not N² (issue 30: a cold build's cost is linear in its pages)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from generator.data.layout import find_repository
from generator.data.validate import load_checked
from generator.evaluation.year import IndicatorOutcome, evaluate_year
from generator.site.pages import Site
from generator.site.pages.departments import department_pages
from generator.site.pages.embed import embed_pages
from generator.site.pages.embedcode import indicator_embed_path
from generator.site.pages.paths import lang_path
from generator.site.pages.project import ProjectContent, project_page

from .conftest import ROOT


class _CountedOutcomes(tuple[IndicatorOutcome, ...]):
    """A year's outcomes that count how often they are read through."""

    reads = 0

    def __iter__(self) -> Iterator[IndicatorOutcome]:
        type(self).reads += 1
        return super().__iter__()


class _CountedPlans(list[Any]):
    """The site's plans, counting how often they are read through (every project's departments are found so)."""

    reads = 0

    def __iter__(self) -> Iterator[Any]:
        type(self).reads += 1
        return super().__iter__()


@pytest.fixture(scope="module")
def counted_site() -> Site:
    """The shipped plans and results (81 unit projects), their outcomes and plans counting their readers."""
    report = load_checked(find_repository(cwd=ROOT))
    evaluations = {
        plan.id: {
            year: dataclasses.replace(ev, outcomes=_CountedOutcomes(ev.outcomes))
            for year, ev in ((year, evaluate_year(plan, results)) for year, results in years.items())
        }
        for plan in report.plans
        if (years := report.results.get(plan.id, {}))
    }
    texts = {"ko": "", "en": ""}
    return Site(_CountedPlans(report.plans), evaluations, "2024-01-01", texts, texts)


def test_project_and_department_pages_read_each_years_outcomes_once_in_all(counted_site: Site) -> None:
    projects = [(plan, project) for plan in counted_site.plans for project in plan.projects]
    assert len(projects) > 10 and counted_site.evaluations  # else once per project and once in all look alike
    _CountedOutcomes.reads = _CountedPlans.reads = 0
    for lang in ("ko", "en"):
        for plan, project in projects:
            project_page(counted_site, plan, project, lang)
        department_pages(counted_site, lang)
    years = sum(len(years) for years in counted_site.evaluations.values())
    assert _CountedOutcomes.reads == years  # indexed by project once, then read by no page
    # The departments and their projects are found once, not for each project's links; each department's page
    # walks the plans for its budget lines.
    assert _CountedPlans.reads == 1 + 2 * len(counted_site.departments())
    for lang in ("ko", "en"):
        embed_pages(counted_site, lang)
    # The headline embed of each checked year reads them; an indicator's embed reads the index.
    assert _CountedOutcomes.reads - years < len(projects)


def test_an_indicators_section_is_made_once_for_its_projects_page_and_its_embed(counted_site: Site) -> None:
    plan = counted_site.plans[0]
    project = next(project for project in plan.projects if any(not i.qualitative for i in project.indicators))
    page = project_page(counted_site, plan, project, "ko")
    assert isinstance(page.content, ProjectContent)
    embeds = {embed.meta.path: embed for embed in embed_pages(counted_site, "ko")}
    charted = [view for view in page.content.indicators if view.chart is not None]
    assert charted
    for view in charted:
        embed = embeds[lang_path("ko", indicator_embed_path(plan, view.id))]
        assert embed.charts == (view.chart,) and embed.charts[0] is view.chart  # one object: made once

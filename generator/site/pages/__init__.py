"""The page models of every page, in both languages: one module per kind of page, shared pieces in `common`.

Everything a page shows is chosen, computed and localised here, so templates only format.
"""

from __future__ import annotations

from generator.i18n import LANGUAGES
from generator.site.pages.amendments import amendments_page
from generator.site.pages.common import Page, Site, lang_path, report_years
from generator.site.pages.departments import department_pages
from generator.site.pages.home import home_page
from generator.site.pages.methodology import methodology_page
from generator.site.pages.not_found import not_found_page
from generator.site.pages.plan import plan_page
from generator.site.pages.project import project_page
from generator.site.pages.report import report_page
from generator.site.pages.search import search_page

__all__ = ["Page", "Site", "build_pages", "lang_path"]


def build_pages(site: Site) -> list[Page]:
    pages: list[Page] = []
    for lang in LANGUAGES:
        pages.append(home_page(site, lang))
        for plan in site.plans:
            evaluations = site.evaluations.get(plan.id, {})
            pages.append(plan_page(site, plan, lang))
            for project in plan.projects:
                pages.append(project_page(site, plan, project, lang))
            for year in report_years(plan, evaluations):
                pages.append(report_page(site, plan, year, evaluations.get(year), lang))
            listed = amendments_page(site, plan, lang)
            if listed is not None:
                pages.append(listed)
        pages.extend(department_pages(site, lang))
        pages.append(methodology_page(site, lang))
        pages.append(search_page(site, lang))
        pages.append(not_found_page(site, lang))
    return pages

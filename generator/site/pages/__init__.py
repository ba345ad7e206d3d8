"""The page models of every page, in both languages: one module per kind of page, shared pieces in `common`.

Everything a page shows is chosen, computed and localised here, so templates only format. `KINDS` is the one
list of the kinds of page: what content each carries, how its pages are made, and its entry in the main menu.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from generator.data.model import Plan
from generator.i18n import LANGUAGES, t
from generator.site.pages.amendments import AmendmentsContent, amendments_page
from generator.site.pages.common import Link, Page, PageContent, PageMeta, Site
from generator.site.pages.departments import INDEX_PATH, DepartmentContent, DepartmentsContent, department_pages
from generator.site.pages.dictionary import DataDictionaryContent, dictionary_page
from generator.site.pages.embed import EmbedContent, embed_pages, project_embeds
from generator.site.pages.follow import plan_feed_link, site_feed_link
from generator.site.pages.home import HomeContent, home_page
from generator.site.pages.methodology import MethodologyContent, methodology_page
from generator.site.pages.not_found import NotFoundContent, not_found_page
from generator.site.pages.paths import lang_path, report_years
from generator.site.pages.plan import PlanContent, plan_page
from generator.site.pages.project import ProjectContent, project_page
from generator.site.pages.report import ReportContent, ReportPendingContent, report_page
from generator.site.pages.search import SEARCH_PAGE, SearchContent, search_page

__all__ = ["KINDS", "Page", "PageKind", "Site", "build_pages", "lang_path", "project_pages"]


@dataclass(frozen=True)
class PageKind:
    """A kind of page: the content its pages carry (whose `template` shows it), how they are made for one
    language, its entry in the main menu (a catalogue key and the page's path), if it has one, and the word
    naming the kind beside its pages among search results (a catalogue key), if they are searched."""

    name: str
    contents: tuple[type[PageContent], ...]
    pages: Callable[[Site, str], Iterable[Page | None]]
    menu: tuple[str, str] | None = None
    result_kind: str | None = None


def _home(site: Site, lang: str) -> list[Page | None]:
    return [home_page(site, lang)]


def _plans(site: Site, lang: str) -> list[Page | None]:
    return [_followed(plan_page(site, plan, lang), plan, lang) for plan in site.plans]


def _projects(site: Site, lang: str) -> list[Page | None]:
    return [
        _followed(project_page(site, plan, project, lang), plan, lang)
        for plan in site.plans
        for project in plan.projects
    ]


def _reports(site: Site, lang: str) -> list[Page | None]:
    pages: list[Page | None] = []
    for plan in site.plans:
        evaluations = site.evaluations.get(plan.id, {})
        pages += [
            _followed(report_page(site, plan, year, evaluations.get(year), lang), plan, lang)
            for year in report_years(plan, evaluations)
        ]
    return pages


def _amendments(site: Site, lang: str) -> list[Page | None]:
    # None where a plan has no record
    return [_followed(amendments_page(site, plan, lang), plan, lang) for plan in site.plans]


def _followed(page: Page | None, plan: Plan, lang: str) -> Page | None:
    """A plan's page names the plan's feed in its <head>, after the site's (`build_pages` puts that first)."""
    if page is None:
        return None
    return dataclasses.replace(page, meta=dataclasses.replace(page.meta, feeds=(plan_feed_link(plan, lang),)))


def _one(make: Callable[[Site, str], Page]) -> Callable[[Site, str], list[Page | None]]:
    return lambda site, lang: [make(site, lang)]


KINDS: tuple[PageKind, ...] = (
    PageKind("home", (HomeContent,), _home, ("home", "index.html")),
    PageKind("plan", (PlanContent,), _plans, result_kind="result_kind_plan"),
    PageKind("project", (ProjectContent,), _projects, result_kind="result_kind_project"),
    PageKind("report", (ReportContent, ReportPendingContent), _reports, result_kind="result_kind_report"),
    PageKind("amendments", (AmendmentsContent,), _amendments, result_kind="result_kind_amendments"),
    PageKind(
        "departments",
        (DepartmentsContent, DepartmentContent),
        department_pages,
        ("departments", INDEX_PATH),
        "result_kind_departments",
    ),
    PageKind(
        "methodology",
        (MethodologyContent,),
        _one(methodology_page),
        ("methodology", "methodology.html"),
        "result_kind_methodology",
    ),
    # No menu entry: the dictionary is for those who download the files, and every download block links to it.
    PageKind("dictionary", (DataDictionaryContent,), _one(dictionary_page), result_kind="result_kind_dictionary"),
    PageKind("search", (SearchContent,), _one(search_page), ("search", SEARCH_PAGE)),
    PageKind("not_found", (NotFoundContent,), _one(not_found_page)),
    # No menu entry: an embed is shown inside another site's <iframe>; its code is under what it embeds.
    PageKind("embed", (EmbedContent,), embed_pages),
)


def _result_kind(kind: PageKind, lang: str) -> str:
    return t(kind.result_kind, lang) if kind.result_kind else ""


def _finished(meta: PageMeta, menu: tuple[Link, ...], kind: str, site_feed: Link) -> PageMeta:
    """The page's envelope with what only the registry knows: the menu, its kind's word, the site's feed."""
    return dataclasses.replace(meta, menu=menu, kind=kind, feeds=(site_feed, *meta.feeds))


def build_pages(site: Site, kinds: tuple[PageKind, ...] = KINDS) -> list[Page]:
    """Every page of every kind in both languages, each with the main menu and the feeds its <head> names; a page
    whose content is not its kind's, or a menu entry that leads to no page, is an error of the registry (a bug,
    not the user's)."""
    pages: list[Page] = []
    for lang in LANGUAGES:
        made = [(kind, page) for kind in kinds for page in kind.pages(site, lang) if page is not None]
        menu = _menu(kinds, lang)
        paths = {page.meta.path for _, page in made}
        if missing := [link.href for link in menu if link.href not in paths]:
            raise TypeError(f"menu entries that lead to no page: {missing}")
        pages += _finished_pages(site, lang, made, menu)
    return pages


def project_pages(site: Site, projects: Collection[tuple[str, str]]) -> list[Page]:
    """Only the pages of these projects (plan id, project id), in both languages: each one's page and its
    indicators' embeds, as `build_pages` makes them. The preview shows a save of project files with them first."""
    kinds = {kind.name: kind for kind in KINDS}
    pages: list[Page] = []
    for lang in LANGUAGES:
        made: list[tuple[PageKind, Page | None]] = []
        for plan in site.plans:
            for project in plan.projects:
                if (plan.id, project.id) in projects:
                    made.append((kinds["project"], _followed(project_page(site, plan, project, lang), plan, lang)))
                    made += [(kinds["embed"], embed) for embed in project_embeds(site, plan, project, lang)]
        present = [(kind, page) for kind, page in made if page is not None]
        pages += _finished_pages(site, lang, present, _menu(KINDS, lang))
    return pages


def _menu(kinds: tuple[PageKind, ...], lang: str) -> tuple[Link, ...]:
    return tuple(Link(lang_path(lang, path), t(key, lang)) for kind in kinds if kind.menu for key, path in [kind.menu])


def _finished_pages(site: Site, lang: str, made: list[tuple[PageKind, Page]], menu: tuple[Link, ...]) -> list[Page]:
    wrong = [page.meta.path for kind, page in made if not isinstance(page.content, kind.contents)]
    if wrong:
        raise TypeError(f"pages whose content is not of their kind: {wrong}")
    site_feed = site_feed_link(site, lang)
    return [
        dataclasses.replace(page, meta=_finished(page.meta, menu, _result_kind(kind, lang), site_feed))
        for kind, page in made
    ]

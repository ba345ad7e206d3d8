"""Amendments on the record, as the pages show them: on each project page and annual report, the changes made to
their published figures; and a page per plan listing all of them, newest first (see `generator.review.amendments`).

Without a git history (`Site.amendments` None) there are no such sections and no list page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from generator import numbers
from generator.data.model import Plan
from generator.i18n import t
from generator.review.record import Amendment
from generator.site.pages.common import Link, Page, Site, page_meta
from generator.site.pages.credits import plan_sources
from generator.site.pages.follow import Follow, follow_plan
from generator.site.pages.paths import lang_path, plan_path


@dataclass(frozen=True)
class ChangeLine:
    label: str
    before: str
    after: str
    lang: str  # the language of before and after when it is not the page's ("ko" when only the Korean changed)


@dataclass(frozen=True)
class AmendmentView:
    date: str  # YYYY-MM-DD
    commit: str  # the short commit id: where the change can be looked up in the repository
    heading: str  # what was amended
    caption: str  # "2026-02-03 · 1-1-2 사업 (변경 9355f75)": names the table of its lines
    lines: tuple[ChangeLine, ...]


@dataclass(frozen=True)
class AmendmentsSection:
    """The amendments of one page's figures; `items` may be empty ("none since first published")."""

    heading: str
    intro: str
    none_text: str
    items: tuple[AmendmentView, ...]


@dataclass(frozen=True)
class AmendmentsContent:
    template: ClassVar[str] = "amendments.html"

    plan_link: Link
    section: AmendmentsSection
    follow: Follow  # the plan's feed, which lists each of these amendments as it is made


AMENDMENTS_PAGE = "amendments.html"


def amendments_path(plan: Plan) -> str:
    return f"{plan_path(plan).removesuffix('index.html')}{AMENDMENTS_PAGE}"


def amendment_views(items: Sequence[Amendment], lang: str) -> tuple[AmendmentView, ...]:
    return tuple(_view(item, lang) for item in items)


def _view(item: Amendment, lang: str) -> AmendmentView:
    commit, heading = item.commit[:7], item.heading(lang)
    return AmendmentView(
        date=item.date,
        commit=commit,
        heading=heading,
        caption=f"{item.date} · {heading} ({t('amendment_change', lang, commit=commit)})",
        lines=tuple(ChangeLine(row.label, row.before, row.after, row.lang) for row in item.rows(lang)),
    )


def amendments_section(items: Sequence[Amendment] | None, lang: str) -> AmendmentsSection | None:
    """None without a git history: the page then says nothing about amendments at all."""
    return None if items is None else _section(items, lang)


def _section(items: Sequence[Amendment], lang: str) -> AmendmentsSection:
    return AmendmentsSection(
        heading=t("amendments", lang),
        intro=t("amendments_intro", lang),
        none_text=t("no_amendments", lang),
        items=amendment_views(items, lang),
    )


def amendments_link(site: Site, plan: Plan, lang: str) -> Link | None:
    """None without a git history, and when the record lists none: a list of nothing is not linked to."""
    if site.amendments is None:
        return None
    count = len(site.amendments.for_plan(plan.id))
    if count == 0:
        return None
    return Link(lang_path(lang, amendments_path(plan)), t("amendments_link", lang, count=numbers.count(count)))


def amendments_page(site: Site, plan: Plan, lang: str) -> Page | None:
    if site.amendments is None:
        return None
    spec = plan.spec
    plan_link = Link(lang_path(lang, plan_path(plan)), spec.title.get(lang))
    crumbs = (Link(plan_link.href, (spec.short_title or spec.title).get(lang)),)
    section = _section(site.amendments.for_plan(plan.id), lang)
    title = f"{t('amendments', lang)} — {(spec.short_title or spec.title).get(lang)}"
    # Built even when empty, so its address always answers; nothing links to it then (`amendments_link`).
    sources = plan_sources(plan.id, results=True)
    meta = page_meta(site, lang, amendments_path(plan), title, crumbs, empty=not section.items, sources=sources)
    return Page(meta, AmendmentsContent(plan_link, section, follow_plan(plan, lang)))

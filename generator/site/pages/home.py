"""The home page: the current plan first, with its size, budget and its latest check's headline; then earlier plans.

The current plan is the one whose period holds the year of the data's date (the newest source); where none
does (or nothing is dated), the one whose period starts last. The page's heading says what the site is (the
site's tagline, or a plain line), since the header already names the site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from generator.data.model import Plan
from generator.describe import counted
from generator.evaluation.year import YearEvaluation
from generator.i18n import t
from generator.numbers import span
from generator.site.pages.common import DataLinks, Link, Page, Site, data_links, level_name, page_meta
from generator.site.pages.distribution import DistributionView, distribution_caption, distribution_view
from generator.site.pages.follow import Follow, follow_site
from generator.site.pages.headline import Headline, plan_headline, report_headline
from generator.site.pages.paths import lang_path, plan_path, report_path


@dataclass(frozen=True)
class ReportSummary:
    year: int
    link: Link
    distribution: DistributionView
    headline: Headline


@dataclass(frozen=True)
class LevelCount:
    name: str  # the plan's name for the level, e.g. "전략"
    count: int
    text: str  # the count as each language says it: "전략 4", "4 strategies"


@dataclass(frozen=True)
class PlanCard:
    link: Link
    title: str
    period: str
    vision: str
    levels: tuple[str, ...]
    counts: tuple[LevelCount, ...]
    latest: ReportSummary | None
    headline: str  # the plan's period, budget and size in a sentence
    budget_words: str  # "4년간 1,163억 원"; empty: the plan states no budget


@dataclass(frozen=True)
class HomeContent:
    template: ClassVar[str] = "home.html"

    heading: str  # what the site is: its tagline, or a plain line
    current: PlanCard | None  # None: a site with no plan
    earlier: tuple[PlanCard, ...]  # newest first
    follow: Follow  # the site's feed: new checks and amendments
    data_links: DataLinks  # the zip of all the data and the data dictionary (each plan's files are on its page)


def home_page(site: Site, lang: str) -> Page:
    ordered = plans_by_currency(site.plans, site.data_date)
    cards = [plan_card(site, plan, lang) for plan in ordered]
    current = cards[0] if cards else None
    summary = ""
    if current is not None:
        summary = current.latest.headline.sentence if current.latest else current.headline
    heading = site.tagline(lang) or t("home_heading", lang)
    content = HomeContent(heading, current, tuple(cards[1:]), follow_site(lang), data_links((), lang, site))
    return Page(page_meta(site, lang, "index.html", site.name(lang), summary=summary), content)


def plans_by_currency(plans: Sequence[Plan], data_date: str) -> list[Plan]:
    """The current plan first (its period holds the data's year; else the latest to start), then newest first."""
    newest = sorted(plans, key=lambda plan: (plan.spec.period.first, plan.spec.period.last), reverse=True)
    year = int(data_date[:4]) if data_date[:4].isdigit() else None
    holding = [plan for plan in newest if year is not None and year in plan.spec.period.years]
    current = holding[0] if holding else (newest[0] if newest else None)
    return [plan for plan in newest if plan is current] + [plan for plan in newest if plan is not current]


def plan_card(site: Site, plan: Plan, lang: str) -> PlanCard:
    """A plan at a glance; the plan page opens with the same facts."""
    spec = plan.spec
    evaluations = site.evaluations.get(plan.id, {})
    latest = report_summary(plan, evaluations[max(evaluations)], lang) if evaluations else None
    headline = plan_headline(plan, lang)
    levels = tuple(level_name(plan, level, lang) for level in ("strategy", "task", "project", "indicator"))
    numbers = (len(plan.strategies), len(plan.tasks), len(plan.projects), sum(1 for _ in plan.indicators()))
    counts = tuple(
        LevelCount(name, number, counted(name, number, lang)) for name, number in zip(levels, numbers, strict=True)
    )
    return PlanCard(
        link=Link(lang_path(lang, plan_path(plan)), spec.title.get(lang)),
        title=spec.title.get(lang),
        period=span(spec.period.first, spec.period.last, lang),
        vision=spec.vision.get(lang) if spec.vision else "",
        levels=levels,
        counts=counts,
        latest=latest,
        headline=headline.sentence,
        budget_words=headline.budget_words,
    )


def report_summary(plan: Plan, evaluation: YearEvaluation, lang: str) -> ReportSummary:
    caption = distribution_caption(plan, evaluation.year, lang)
    view = distribution_view(
        plan, evaluation.distribution, lang, caption, None, evaluation.results.check.published_distribution
    )
    link = Link(lang_path(lang, report_path(plan, evaluation.year)), t("view_report", lang, year=evaluation.year))
    return ReportSummary(evaluation.year, link, view, report_headline(plan, evaluation, lang))

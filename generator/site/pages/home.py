"""The home page: one card per plan, with the grade distribution of its latest checked year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.data.model import Plan
from generator.describe import counted
from generator.evaluation.year import YearEvaluation
from generator.i18n import t
from generator.numbers import span
from generator.site.pages.common import (
    DistributionView,
    Link,
    Page,
    Site,
    distribution_caption,
    distribution_view,
    lang_path,
    level_name,
    page_meta,
    plan_path,
    report_path,
)


@dataclass(frozen=True)
class ReportSummary:
    year: int
    link: Link
    distribution: DistributionView


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


@dataclass(frozen=True)
class HomeContent:
    template: ClassVar[str] = "home.html"

    intro: str
    plans: tuple[PlanCard, ...]


def home_page(site: Site, lang: str) -> Page:
    content = HomeContent(site.tagline(lang), tuple(plan_card(site, plan, lang) for plan in site.plans))
    return Page(page_meta(site, lang, "index.html", site.name(lang)), content)


def plan_card(site: Site, plan: Plan, lang: str) -> PlanCard:
    """A plan at a glance; the plan page opens with the same facts."""
    spec = plan.spec
    evaluations = site.evaluations.get(plan.id, {})
    latest = report_summary(plan, evaluations[max(evaluations)], lang) if evaluations else None
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
    )


def report_summary(plan: Plan, evaluation: YearEvaluation, lang: str) -> ReportSummary:
    caption = distribution_caption(plan, evaluation.year, lang)
    view = distribution_view(
        plan, evaluation.distribution, lang, caption, None, evaluation.results.check.published_distribution
    )
    link = Link(lang_path(lang, report_path(plan, evaluation.year)), t("view_report", lang, year=evaluation.year))
    return ReportSummary(evaluation.year, link, view)

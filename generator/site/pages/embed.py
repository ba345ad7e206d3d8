"""Embeds: one indicator's chart, or one annual report's headline and its bar, as a page of its own that another
site shows in an `<iframe>`.

An embed carries no site header, menu, search or footer: its title, the chart (or the headline), the source line
(publisher, plan, data date), a link back to the page it comes from, and, behind a disclosure control, the text
alternative and the figures as a table. It is left out of the search index and the sitemap and marked noindex:
its page is where readers find it. The chart is the very specification its page draws, so no drawing is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.data.model import Plan
from generator.data.schema import IndicatorSpec, ProjectFile
from generator.describe import count_heading
from generator.evaluation.grading import percent_of
from generator.evaluation.year import YearEvaluation
from generator.i18n import plural, t
from generator.numbers import percent
from generator.site import chartspec
from generator.site.pages.common import Link, Page, Site, level_name, page_meta
from generator.site.pages.credits import absolute_url, project_sources, report_sources
from generator.site.pages.embedcode import headline_embed_path, indicator_embed_path
from generator.site.pages.headline import Headline, Tally, report_headline, tally
from generator.site.pages.navigation import indicator_anchor
from generator.site.pages.paths import lang_path, project_path, report_path
from generator.site.pages.project import indicator_view


@dataclass(frozen=True)
class EmbedTable:
    """The figures behind the chart or bar: a row per year (or per part of the bar), its first cell the row's name."""

    caption: str
    headings: tuple[str, ...]
    numeric: tuple[bool, ...]  # per column: figures, right-aligned
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EmbedContent:
    template: ClassVar[str] = "embed.html"

    context: str  # what it belongs to: "1-1-① 정보소통광장 운영", the plan's title
    title: str  # the chart's title (with its unit), or the check's
    chart: chartspec.TargetActualSpec | None  # an indicator's embed
    headline: Headline | None  # a report's embed
    description: str  # the text alternative, in words
    details: str  # the disclosure control's words
    table: EmbedTable | None  # None: a headline with no bar (a check that filed budget execution only)
    source: str  # "출처: 서울특별시, 「…」, 자료 기준일 2025-02-28"
    back: Link  # to the page (and section) it comes from; opens in a new tab
    new_tab: str  # said to screen readers after the link's words
    canonical: str  # the absolute address of that page; empty when the site's address is not known


def embed_pages(site: Site, lang: str) -> list[Page]:
    """An embed of every indicator chart of every project, then of every checked year's headline."""
    pages: list[Page] = []
    for plan in site.plans:
        for project in plan.projects:
            pages += project_embeds(site, plan, project, lang)
        evaluations = site.evaluations.get(plan.id, {})
        pages += [_headline_embed(site, plan, evaluations[year], lang) for year in sorted(evaluations)]
    return pages


def project_embeds(site: Site, plan: Plan, project: ProjectFile, lang: str) -> list[Page]:
    """An embed of each of the project's indicator charts."""
    made = (_indicator_embed(site, plan, project, indicator, lang) for indicator in project.indicators)
    return [page for page in made if page is not None]


def _indicator_embed(site: Site, plan: Plan, project: ProjectFile, indicator: IndicatorSpec, lang: str) -> Page | None:
    view = indicator_view(site, plan, project, indicator, lang)
    if view.chart is None:
        return None
    table = EmbedTable(
        caption=view.chart_caption,
        headings=(t("year", lang), t("target", lang), t("actual", lang), t("rate", lang), t("grade", lang)),
        numeric=(False, True, True, True, False),
        rows=tuple((str(cell.year), cell.target, cell.actual, cell.rate, cell.grade) for cell in view.years),
    )
    page_path = project_path(plan, project.id)
    content = EmbedContent(
        context=f"{project.label or project.id} {project.title.get(lang)}",
        title=view.chart_caption,
        chart=view.chart,
        headline=None,
        description=view.chart.summary,
        details=t("embed_details", lang),
        table=table,
        source=source_line(site, plan, lang),
        back=Link(
            f"{lang_path(lang, page_path)}#{indicator_anchor(indicator.id)}",
            t("embed_back", lang, site=site.name(lang)),
        ),
        new_tab=t("embed_new_tab", lang),
        canonical=absolute_url(site.address, lang_path(lang, page_path)),
    )
    evaluations = site.evaluations.get(plan.id, {})
    sources = project_sources(plan.id, project.id, sorted(evaluations))
    meta = page_meta(
        site, lang, indicator_embed_path(plan, indicator.id), view.chart_caption, indexed=False, sources=sources
    )
    return Page(meta, content, (view.chart,))


def _headline_embed(site: Site, plan: Plan, evaluation: YearEvaluation, lang: str) -> Page:
    headline = report_headline(plan, evaluation, lang)
    title = evaluation.results.check.title.get(lang)
    page_path = report_path(plan, evaluation.year)
    content = EmbedContent(
        context=plan.spec.title.get(lang),
        title=title,
        chart=None,
        headline=headline,
        description=headline.bar_label if headline.segments else headline.summary,
        details=t("embed_headline_details", lang),
        table=_headline_table(plan, evaluation, headline, lang) if headline.segments else None,
        source=source_line(site, plan, lang),
        back=Link(lang_path(lang, page_path), _back_words(site, lang)),
        new_tab=t("embed_new_tab", lang),
        canonical=absolute_url(site.address, lang_path(lang, page_path)),
    )
    sources = report_sources(plan.id, evaluation.year)
    meta = page_meta(site, lang, headline_embed_path(plan, evaluation.year), title, indexed=False, sources=sources)
    return Page(meta, content)


def _headline_table(plan: Plan, evaluation: YearEvaluation, headline: Headline, lang: str) -> EmbedTable:
    """The bar's parts as figures: how many indicators each holds, and its share of them all."""
    counts = tally(evaluation.outcomes, evaluation.scale)
    name = level_name(plan, "indicator", lang)
    return EmbedTable(
        caption=t("embed_headline_caption", lang, year=evaluation.year, indicator=name, indicators=plural(name, lang)),
        headings=(t("grade", lang), count_heading(name, lang), t("share", lang)),
        numeric=(False, True, True),
        rows=tuple(
            (segment.label, segment.count, percent(percent_of(_segment_count(counts, segment.key), counts.total)))
            for segment in headline.segments
        ),
    )


def _segment_count(counts: Tally, key: str) -> int:
    """The count a part of the headline's bar stands for (`headline._segments` names them)."""
    by_key = {
        "top": counts.top,
        "other": counts.other,
        "excluded": counts.excluded,
        "not-evaluated": counts.not_evaluated,
        "pending": counts.pending,
    }
    return by_key[key]


def _back_words(site: Site, lang: str) -> str:
    return t("embed_back", lang, site=site.name(lang))


def source_line(site: Site, plan: Plan, lang: str) -> str:
    """Who published the figures, from which plan, as of when: the publisher is the site's name when site.yaml
    names no organisation."""
    words = {"publisher": site.publisher(lang) or site.name(lang), "plan": plan.spec.title.get(lang)}
    if site.data_date:
        return t("embed_source_dated", lang, **words, date=site.data_date)
    return t("embed_source", lang, **words)

"""Views several kinds of page share: a grade distribution (table and chart) and the sources' discrepancies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.data.grades import scale_of
from generator.data.model import Plan
from generator.data.schema import Discrepancy
from generator.describe import category_label, count_heading
from generator.evaluation.grading import Distribution, Tone, tone_of
from generator.i18n import plural, t
from generator.numbers import NONE, percent
from generator.site import chartspec
from generator.site.pages.chartfiles import ChartFiles
from generator.site.pages.common import level_name

# -- distributions and discrepancies ----------------------------------------------------------------------


@dataclass(frozen=True)
class DistributionRowView:
    category: str  # grade or excluded / not_evaluated / pending
    tone: Tone
    label: str
    count: int
    percent: int | None  # None: a share of nothing (no indicator at all), shown as "–"
    published: int | None  # the official count, when a report published one

    @property
    def share(self) -> str:
        return percent(self.percent)


@dataclass(frozen=True)
class DistributionView:
    caption: str
    count_heading: str  # names what is graded: "성과지표 수", "Number of indicators"
    total: int
    rows: tuple[DistributionRowView, ...]
    matches_published: bool | None
    chart: chartspec.DistributionSpec | None
    total_share: str  # "100%", or "–" for a share of nothing
    files: ChartFiles | None = None  # the chart's downloads (a report's); None without a chart


def distribution_view(
    plan: Plan,
    distribution: Distribution,
    lang: str,
    caption: str,
    chart_id: str | None,
    published: dict[str, int] | None = None,
) -> DistributionView:
    scale = scale_of(plan.spec)
    rows = tuple(
        DistributionRowView(
            row.category,
            tone_of(row.category, scale),
            category_label(row.category, lang),
            row.count,
            row.percent if distribution.total else None,
            None if published is None else published.get(row.category, 0),
        )
        for row in distribution.rows
    )
    matches = None if published is None else all(row.count == row.published for row in rows)
    counted = count_heading(level_name(plan, "indicator", lang), lang)
    chart = None
    if chart_id is not None:
        summary = ", ".join(f"{row.label} {row.count} ({row.share})" for row in rows)
        chart = chartspec.DistributionSpec(
            chart_id,
            tuple(chartspec.Bar(row.label, row.count, row.percent or 0) for row in rows),
            title=caption,
            summary=f"{t('total', lang)} {distribution.total}: {summary}",
            count_label=counted,
        )
    # A share of nothing is no share: "–", not "100%".
    total_share = percent(100) if distribution.total else NONE
    return DistributionView(caption, counted, distribution.total, rows, matches, chart, total_share)


def distribution_caption(plan: Plan, year: int, lang: str) -> str:
    name = level_name(plan, "indicator", lang)
    return t("distribution_caption", lang, year=year, indicator=name, indicator_plural=plural(name, lang))


@dataclass(frozen=True)
class DiscrepancyView:
    subject: str
    note: str
    sources: str


def discrepancy_views(plan: Plan, items: Sequence[Discrepancy], lang: str, subject: str = "") -> list[DiscrepancyView]:
    titles = {source.id: source.title.get(lang) for source in plan.spec.sources}
    return [
        DiscrepancyView(
            subject=" ".join(filter(None, [subject, d.indicator or d.project or ""])),
            note=d.note.get(lang),
            sources="; ".join(titles.get(s, s) for s in d.sources),
        )
        for d in items
    ]

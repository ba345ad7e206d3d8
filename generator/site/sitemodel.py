"""The site model a build makes its pages from: the data, its evaluations, the site's words and its address.

Gathered before anything is drawn or written (`build.render_site`); pure but for reading the theme's own texts.
"""

from __future__ import annotations

import datetime
import re

from generator.data.model import Plan
from generator.data.validate import ValidationReport
from generator.evaluation.year import YearEvaluation
from generator.i18n import LANGUAGES
from generator.review.record import Amendments, FileDates, Unavailable
from generator.site import theme
from generator.site.pages import Site
from generator.site.pages.dictionary import DICTIONARY_FILES


def data_date(
    plans: list[Plan], evaluations: dict[str, dict[int, YearEvaluation]], source_date: datetime.date | None = None
) -> str:
    """`source_date` when given (SOURCE_DATE_EPOCH: reproducible builds), else the newest source document date;
    empty when the data dates none of its sources (the footer then names no date)."""
    if source_date is not None:
        return source_date.isoformat()
    dates = [source.date for plan in plans for source in plan.spec.sources if source.date is not None]
    dates += [
        source.date
        for years in evaluations.values()
        for evaluation in years.values()
        for source in evaluation.results.check.sources
        if source.date is not None
    ]
    return max(dates).isoformat() if dates else ""


def site_model(
    report: ValidationReport,
    evaluations: dict[str, dict[int, YearEvaluation]],
    static: dict[str, bytes],
    address: str | None,
    root_path: str | None,
    record: Amendments | Unavailable | None,
    history: FileDates | None,
    source_date: datetime.date | None,
) -> Site:
    """What the pages are made from: the data, its evaluations, the site's words and where it is published."""
    return Site(
        plans=report.plans,
        evaluations=evaluations,
        data_date=data_date(report.plans, evaluations, source_date),
        config=report.config.spec,
        extra_css=f"{theme.STATIC_PREFIX}/{theme.EXTRA_CSS}" in static,
        methodology_md={lang: theme.read_text("content", f"methodology.{lang}.md") for lang in LANGUAGES},
        # Links between the repository's docs mean nothing on the site: keep their text only.
        open_data_md={
            lang: re.sub(r"\[([^\]]+)\]\([^)]*\.md[^)]*\)", r"\1", theme.read_text("content", name))
            for lang, name in DICTIONARY_FILES.items()
        },
        amendments=record if isinstance(record, Amendments) else None,
        root=root_path,
        address=address or None,
        history=history,
        # The one clock a build reads, and only without SOURCE_DATE_EPOCH: the date of pages git does not date.
        build_date=(source_date or datetime.date.today()).isoformat(),
    )

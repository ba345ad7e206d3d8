"""Views of progress across a plan's checks: each year's distribution side by side, and what changed since the
previous check (on the annual report). The comparison itself is `generator.evaluation.progress`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.data.grades import scale_of
from generator.data.model import Plan
from generator.describe import category_label, target_text
from generator.evaluation.grading import Tone, tone_of
from generator.evaluation.progress import Movement, OutcomeChange, changes_since, previous_check
from generator.evaluation.year import IndicatorOutcome, YearEvaluation
from generator.i18n import t
from generator.numbers import count, count_share, span
from generator.site.pages.common import Link, grade_text, level_name, rate_text
from generator.site.pages.paths import lang_path, project_path

# -- distributions side by side ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    category: str
    tone: Tone
    label: str
    cells: tuple[str, ...]  # one per column: a count, or "13 (29%)" where years stand side by side


@dataclass(frozen=True)
class GradeMatrix:
    """A distribution with a row per grade and a column per strategy (one check) or per year (every check)."""

    caption: str
    columns: tuple[str, ...]
    totals: tuple[int, ...]
    rows: tuple[MatrixRow, ...]


def years_matrix(
    plan: Plan, evaluations: Mapping[int, YearEvaluation], lang: str, up_to: int | None = None
) -> GradeMatrix | None:
    """The checks up to `up_to` (all by default) side by side; None unless there are at least two."""
    years = sorted(year for year in evaluations if up_to is None or year <= up_to)
    if len(years) < 2:
        return None
    distributions = [evaluations[year].distribution for year in years]
    # Every year lists the whole scale; "pending" shows only in a year that has it, so take the union in order.
    categories = list(dict.fromkeys(row.category for d in distributions for row in d.rows))
    scale = evaluations[years[-1]].scale

    def cell(year_index: int, category: str) -> str:
        row = next((r for r in distributions[year_index].rows if r.category == category), None)
        return "0" if row is None else count_share(row.count, row.percent)

    name = level_name(plan, "indicator", lang)
    return GradeMatrix(
        caption=t("distribution_by_year", lang, indicator=name, years=span(years[0], years[-1], lang)),
        columns=tuple(str(year) for year in years),
        totals=tuple(d.total for d in distributions),
        rows=tuple(
            MatrixRow(c, tone_of(c, scale), category_label(c, lang), tuple(cell(i, c) for i in range(len(years))))
            for c in categories
        ),
    )


# -- changes since the previous check ----------------------------------------------------------------------


@dataclass(frozen=True)
class YearFigures:
    target: str
    actual: str
    rate: str
    grade: str
    tone: Tone


@dataclass(frozen=True)
class ChangeRow:
    project_link: Link  # labelled "1-1-① 정보소통광장 운영"
    indicator: str
    before: YearFigures
    after: YearFigures


@dataclass(frozen=True)
class ChangeGroup:
    movement: str  # Movement value, for the CSS and tests
    caption: str  # "등급 상승 (2)"
    rows: tuple[ChangeRow, ...]

    @property
    def classes(self) -> str:
        """The table's CSS classes: every changes table, and this movement's."""
        return f"changes {self.movement}"


@dataclass(frozen=True)
class ChangesView:
    heading: str
    previous_year: int
    year: int
    groups: tuple[ChangeGroup, ...]  # only the kinds that occur, in Movement order
    none_text: str  # said instead when no indicator moved


def changes_view(plan: Plan, evaluations: Mapping[int, YearEvaluation], year: int, lang: str) -> ChangesView | None:
    """What changed since the previous check; None when `year` is the plan's first check."""
    previous = previous_check(evaluations, year)
    if previous is None:
        return None
    changes = changes_since(previous, evaluations[year])
    groups = []
    for movement in Movement:
        rows = tuple(_change_row(plan, change, lang) for change in changes if change.movement is movement)
        if rows:
            caption = f"{t(f'movement_{movement.value}', lang)} ({count(len(rows))})"
            groups.append(ChangeGroup(movement.value, caption, rows))
    return ChangesView(
        heading=t("changes_since", lang, year=previous.year),
        previous_year=previous.year,
        year=year,
        groups=tuple(groups),
        none_text=t("no_changes", lang, year=previous.year),
    )


def _change_row(plan: Plan, change: OutcomeChange, lang: str) -> ChangeRow:
    project = change.after.project
    label = f"{project.label or project.id} {project.title.get(lang)}"
    return ChangeRow(
        project_link=Link(lang_path(lang, project_path(plan, project.id)), label),
        indicator=change.after.indicator.name.get(lang),
        before=_figures(plan, change.before, lang),
        after=_figures(plan, change.after, lang),
    )


def _figures(plan: Plan, outcome: IndicatorOutcome, lang: str) -> YearFigures:
    indicator = outcome.indicator
    return YearFigures(
        target=target_text(outcome.target, indicator, lang),
        actual=target_text(outcome.actual, indicator, lang),
        rate=rate_text(outcome),
        grade=grade_text(outcome, lang),
        tone=tone_of(outcome.category, scale_of(plan.spec)),
    )

"""Headlines: how a check did and what it spent, in one sentence and one bar, and the summary table (총괄표).

Computed from the data, never typed: the annual report opens with them, the home page repeats the latest
report's, and the page's `summary` (its description) is the same sentence.

Two counts are chosen here, for any plan's scale:
- **met the target**: an indicator whose shown rate (the rate its grade is read from) is 100% or more;
- **at the top grades** ("A or above"): graded with a grade whose band starts at 100% or more (A+ and A on the
  default ladder); on a scale with no such band, its first grade alone. A published or judged grade can be a top
  grade with a rate under 100%, so the two counts may differ; both are said.
The share at the top grades is of those graded, since an excluded indicator cannot reach any grade.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.data.grades import EXCLUDED, NOT_EVALUATED, Band
from generator.data.model import Plan, task_of
from generator.describe import count_heading, display_of, sum_in_words
from generator.evaluation.budget import Execution, total
from generator.evaluation.grading import percent_of
from generator.evaluation.year import IndicatorOutcome, YearEvaluation
from generator.i18n import in_sentence, plural, t
from generator.numbers import NONE, UnitDisplay, count, css_share, percent, percent_tenths, span
from generator.site.pages.budget import planned_budget, sum_of
from generator.site.pages.common import level_name, numbered

TARGET_MET = 100  # a shown rate of at least this meets the target


def top_grades(scale: Sequence[Band]) -> tuple[str, ...]:
    """The grades of the scale at or above the target (band from 100%), best first; the first grade if none."""
    grades = tuple(band.grade for band in scale if band.min_rate >= TARGET_MET)
    return grades or (scale[0].grade,)


@dataclass(frozen=True)
class Tally:
    """What one set of outcomes comes to: the counts a headline and a summary row say."""

    total: int
    graded: int
    top: int
    met: int
    excluded: int
    not_evaluated: int
    filed: int  # outcomes with any result filed for the year

    @property
    def pending(self) -> int:
        return self.total - self.graded - self.excluded - self.not_evaluated

    @property
    def other(self) -> int:
        return self.graded - self.top


def tally(outcomes: Sequence[IndicatorOutcome], scale: Sequence[Band]) -> Tally:
    grades, top = {band.grade for band in scale}, set(top_grades(scale))
    return Tally(
        total=len(outcomes),
        graded=sum(1 for o in outcomes if o.category in grades),
        top=sum(1 for o in outcomes if o.category in top),
        met=sum(1 for o in outcomes if o.category in grades and (o.final_rate or 0) >= TARGET_MET),
        excluded=sum(1 for o in outcomes if o.category == EXCLUDED),
        not_evaluated=sum(1 for o in outcomes if o.category == NOT_EVALUATED),
        filed=sum(1 for o in outcomes if o.status is not None),
    )


def has_grades(evaluation: YearEvaluation) -> bool:
    """Whether the check filed any indicator's result: a check that files only budget execution has no grades
    to show, and its report shows no grade tables."""
    return any(outcome.status is not None for outcome in evaluation.outcomes)


# -- the headline -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarSegment:
    """One part of the headline's stacked bar; `key` names its fill and pattern in the style sheet."""

    key: str  # "top", "other", "excluded", "not-evaluated", "pending"
    label: str
    count: str
    width: str  # its share of the bar, as a CSS length ("46.67%")


@dataclass(frozen=True)
class Headline:
    sentence: str  # how the check did
    money: str  # what it spent, or that it recorded no execution
    segments: tuple[BarSegment, ...]  # empty: nothing graded or left out, no bar
    bar_label: str  # the bar's text alternative

    @property
    def summary(self) -> str:
        return f"{self.sentence} {self.money}"


def report_headline(plan: Plan, evaluation: YearEvaluation, lang: str) -> Headline:
    counts = tally(evaluation.outcomes, evaluation.scale)
    segments = _segments(counts, evaluation.scale, lang) if has_grades(evaluation) else ()
    name = level_name(plan, "indicator", lang)
    parts = ", ".join(f"{segment.label} {segment.count}" for segment in segments)
    return Headline(
        sentence=_sentence(plan, evaluation, counts, lang),
        money=money_sentence(plan, evaluation, lang),
        segments=segments,
        bar_label=t("headline_bar_label", lang, indicator=name, indicators=plural(name, lang), parts=parts),
    )


def _sentence(plan: Plan, evaluation: YearEvaluation, counts: Tally, lang: str) -> str:
    name = level_name(plan, "indicator", lang)
    words = {"year": evaluation.year, "indicator": name, "indicators": plural(name, lang), "total": count(counts.total)}
    if not has_grades(evaluation):
        return t("headline_budget_only" if evaluation.budget_lines else "headline_nothing", lang, **words)
    if counts.graded == 0:
        sentences = [t("headline_none_graded", lang, **words)]
    else:
        grade = top_grades(evaluation.scale)[-1]
        share = percent(percent_of(counts.top, counts.graded))
        sentences = [
            t(
                "headline_graded",
                lang,
                **words,
                graded=count(counts.graded),
                top=count(counts.top),
                share=share,
                grade=grade,
                met=count(counts.met),
            )
        ]
    sentences.append(
        t("headline_left_out", lang, excluded=count(counts.excluded), not_evaluated=count(counts.not_evaluated))
    )
    if counts.pending:
        sentences.append(t("headline_pending", lang, indicator=name, pending=count(counts.pending)))
    return " ".join(sentences)


def money_sentence(plan: Plan, evaluation: YearEvaluation, lang: str) -> str:
    """The check's budget execution in words people read, or that it recorded none."""
    if not evaluation.budget_lines:
        return t("headline_no_money", lang)
    execution = total(line.execution for line in evaluation.budget_lines)
    unit = plan.spec.budget_unit
    return t(
        "headline_money",
        lang,
        budget=sum_in_words(unit, execution.budget, lang),
        spent=sum_in_words(unit, execution.spent, lang),
        rate=percent_tenths(execution.spent_rate),
        committed=sum_in_words(unit, execution.committed, lang),
        committed_rate=percent_tenths(execution.committed_rate),
    )


def _segments(counts: Tally, scale: Sequence[Band], lang: str) -> tuple[BarSegment, ...]:
    parts = (
        ("top", t("headline_top", lang, grade=top_grades(scale)[-1]), counts.top),
        ("other", t("headline_other_grades", lang), counts.other),
        ("excluded", t(EXCLUDED, lang), counts.excluded),
        ("not-evaluated", t(NOT_EVALUATED, lang), counts.not_evaluated),
        ("pending", t("headline_no_grade", lang), counts.pending),
    )
    return tuple(
        BarSegment(key, label, count(number), css_share(number, counts.total)) for key, label, number in parts if number
    )


# -- the summary table (총괄표) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    label: str  # a strategy, or the total
    indicators: str
    graded: str
    top: str
    excluded: str
    not_evaluated: str
    budget: str  # NONE where no project of the strategy filed execution
    spent: str
    spent_rate: str
    is_total: bool = False


@dataclass(frozen=True)
class SummaryTable:
    caption: str
    unit: str  # the budget figures' unit ("백만원"), for the "(단위: …)" line; empty without budget columns
    count_heading: str  # "추진과제 수"
    top_heading: str  # "A 이상"
    grades: bool  # whether the check graded anything: the grade columns
    budget: bool  # whether it filed execution: the budget columns
    rows: tuple[SummaryRow, ...]


def summary_table(plan: Plan, evaluation: YearEvaluation, lang: str) -> SummaryTable:
    """A row per strategy and the total: indicators, graded, at the top grades, left out; budget where filed."""
    outcomes, executions = _by_strategy(plan, evaluation)
    grand = total(line.execution for line in evaluation.budget_lines) if evaluation.budget_lines else None
    shown = [e for e in (*executions.values(), grand) if e is not None]
    display = display_of(plan.spec.budget_unit, lang, [f for e in shown for f in (e.budget, e.spent)])
    rows = [
        _summary_row(
            numbered(s.label or s.id, s.title.get(lang)), outcomes[s.id], executions[s.id], evaluation, display
        )
        for s in plan.strategies
    ]
    rows.append(_summary_row(t("total", lang), evaluation.outcomes, grand, evaluation, display, is_total=True))
    return SummaryTable(
        caption=t(
            "summary_caption",
            lang,
            year=evaluation.year,
            strategy=in_sentence(level_name(plan, "strategy", lang), lang),
        ),
        unit=display.unit if grand is not None else "",
        count_heading=count_heading(level_name(plan, "indicator", lang), lang),
        top_heading=t("headline_top", lang, grade=top_grades(evaluation.scale)[-1]),
        grades=has_grades(evaluation),
        budget=grand is not None,
        rows=tuple(rows),
    )


def _by_strategy(
    plan: Plan, evaluation: YearEvaluation
) -> tuple[dict[str, list[IndicatorOutcome]], dict[str, Execution | None]]:
    """Each strategy's outcomes, and the total of its projects' execution (None where none filed any)."""
    strategy_of = {task.id: strategy.id for strategy in plan.strategies for task in strategy.tasks}
    outcomes: dict[str, list[IndicatorOutcome]] = {s.id: [] for s in plan.strategies}
    for outcome in evaluation.outcomes:
        outcomes[strategy_of[task_of(outcome.project.id)]].append(outcome)
    money: dict[str, list[Execution]] = {s.id: [] for s in plan.strategies}
    for line in evaluation.budget_lines:
        money[strategy_of[task_of(line.project.id)]].append(line.execution)
    return outcomes, {sid: total(items) if items else None for sid, items in money.items()}


def _summary_row(
    label: str,
    outcomes: Sequence[IndicatorOutcome],
    execution: Execution | None,
    evaluation: YearEvaluation,
    display: UnitDisplay,
    *,
    is_total: bool = False,
) -> SummaryRow:
    counts = tally(outcomes, evaluation.scale)
    return SummaryRow(
        label,
        count(counts.total),
        count(counts.graded),
        count(counts.top),
        count(counts.excluded),
        count(counts.not_evaluated),
        display.figure(execution.budget) if execution else NONE,
        display.figure(execution.spent) if execution else NONE,
        percent_tenths(execution.spent_rate) if execution else NONE,
        is_total,
    )


# -- the plan's headline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanHeadline:
    sentence: str  # the plan's period, budget and size
    budget_words: str  # "4년간 1,163억 원", "116.3 billion won over 4 years"; empty: the plan states no budget


def plan_headline(plan: Plan, lang: str) -> PlanHeadline:
    period = plan.spec.period
    years = len(period.years)
    planned = sum_of(planned_budget(p)[0].get(year) for p in plan.projects for year in period.years)
    sizes = [
        (level_name(plan, "strategy", lang), len(plan.strategies)),
        (level_name(plan, "task", lang), len(plan.tasks)),
        (level_name(plan, "project", lang), len(plan.projects)),
        (level_name(plan, "indicator", lang), sum(1 for _ in plan.indicators())),
    ]
    items = [
        t("headline_level_count", lang, name=_counted(name, number, lang), count=count(number))
        for name, number in sizes
    ]
    counts = t("count_list", lang, items=", ".join(items[:-1]), last=items[-1])
    words = {"period": span(period.first, period.last, lang), "years": years, "counts": counts}
    if planned is None:
        return PlanHeadline(t("plan_headline_no_budget", lang, **words), "")
    budget = sum_in_words(plan.spec.budget_unit, planned, lang)
    return PlanHeadline(
        t("plan_headline", lang, **words, budget=budget), t("plan_budget_words", lang, years=years, budget=budget)
    )


def _counted(name: str, number: int, lang: str) -> str:
    """A level's name after its count: English says "1 strategy", "4 strategies"; Korean counts with 개."""
    return in_sentence(name, lang) if number == 1 else plural(name, lang)

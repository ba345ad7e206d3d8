"""The semantic diff as a reader sees it, in one language: headings and before → after rows, worded and formatted.

The text and Markdown outputs only lay these out; everything shown is chosen and formatted here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.describe import category_label, status_text
from generator.i18n import t
from generator.numbers import NONE, amount, percent, percent_tenths
from generator.review.changes import (
    DataDiff,
    FieldChange,
    IndicatorChange,
    Kind,
    Plain,
    PlanChange,
    ProjectChange,
    ResultChange,
)


@dataclass(frozen=True)
class Row:
    label: str
    before: str
    after: str
    lang: str = ""  # the language of before and after when not the row's: "ko" for a change only the Korean shows


SOURCE_LANG = "ko"  # the language every text of the data has (LocalizedText.ko is required)


@dataclass(frozen=True)
class Section:
    heading: str
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class Group:
    """The changed projects of one strategy."""

    heading: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class PlanView:
    heading: str
    rows: tuple[Row, ...]  # the plan's own changes, its strategies' and tasks'
    groups: tuple[Group, ...]
    distributions: tuple[Section, ...]
    discrepancies: tuple[Row, ...]


@dataclass(frozen=True)
class DiffView:
    title: str
    sides: str
    summary: tuple[tuple[str, int], ...]
    regraded: tuple[Row, ...]
    plans: tuple[PlanView, ...]
    introduced: tuple[str, ...]
    fixed: tuple[str, ...]
    head_errors: str  # "" when HEAD has none
    unchanged: str  # "" when something changed


def text_of(value: Plain, lang: str) -> str:
    """A plain value in words: `–` for nothing, grouped figures, text in `lang`, measures joined."""
    if value is None or value == [] or value == {}:
        return NONE
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, int | float):
        return amount(value, lang)
    if isinstance(value, dict):
        if "ko" in value and all(isinstance(item, str | int) for item in value.values()):
            return str(value.get(lang) or value["ko"])
        return ", ".join(f"{key} {text_of(item, lang)}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(text_of(item, lang) for item in value)
    return str(value)


def diff_view(diff: DataDiff, lang: str) -> DiffView:
    summary = tuple(
        (t(f"diff_count_{name}", lang), count) for name, count in diff.counts.items() if count and name != "plans"
    )
    errors = t("diff_head_errors", lang, count=diff.head_errors) if diff.head_errors else ""
    return DiffView(
        t("diff_title", lang),
        f"{diff.base} → {diff.head}",
        summary,
        tuple(row for plan in diff.plans for row in _regraded(plan, lang)),
        tuple(plan_view(plan, lang) for plan in diff.plans),
        tuple(problem.format() for problem in diff.introduced),
        tuple(problem.format() for problem in diff.fixed),
        errors,
        t("diff_no_change", lang) if diff.unchanged else "",
    )


def _regraded(plan: PlanChange, lang: str) -> list[Row]:
    rows = []
    for project in plan.projects:
        for indicator in project.indicators:
            for result in indicator.results:
                if result.grade[0] != result.grade[1] or result.final[0] != result.final[1]:
                    label = f"{indicator.indicator_id} {text_of(indicator.name, lang)} ({result.year})"
                    before = _graded(result.grade[0], result.final[0], lang)
                    rows.append(Row(label, before, _graded(result.grade[1], result.final[1], lang)))
    return rows


def _graded(computed: str | None, final: str | None, lang: str) -> str:
    """`C`, or `C (counted as A+)` where a published or assessed grade is counted instead."""
    shown = _grade(computed, lang)
    return shown if final == computed else f"{shown} ({t('diff_counted', lang, grade=_grade(final, lang))})"


def _grade(category: str | None, lang: str) -> str:
    return NONE if category is None else category_label(category, lang)


def _kind(kind: Kind, lang: str) -> str:
    return t(f"diff_{kind.value}", lang)


def plan_view(plan: PlanChange, lang: str) -> PlanView:
    """One plan's changes, worded (also used by the amendments on the record, for parts of a plan's change)."""
    heading = f"{plan.plan_id} {text_of(plan.title, lang)}"
    if plan.kind is not Kind.CHANGED:
        return PlanView(f"{heading} ({_kind(plan.kind, lang)})", (), (), (), ())
    rows = [_field_row(change, lang) for change in plan.fields]
    rows += [Row(t("diff_years_added", lang), NONE, ", ".join(map(str, plan.years_added)))] if plan.years_added else []
    if plan.years_removed:
        rows.append(Row(t("diff_years_removed", lang), ", ".join(map(str, plan.years_removed)), NONE))
    groups = []
    for strategy_id in dict.fromkeys(project.strategy_id for project in plan.projects):
        title = text_of(plan.strategy_titles.get(strategy_id), lang)
        sections = tuple(project_section(p, lang) for p in plan.projects if p.strategy_id == strategy_id)
        groups.append(Group(f"{strategy_id} {title}", sections))
    distributions = tuple(
        Section(t(key, lang, year=change.year), counted)
        for change in plan.distributions
        for key, before, after in (
            ("diff_distribution", change.before, change.after),
            ("diff_distribution_computed", change.computed_before, change.computed_after),
        )
        if (counted := _distribution_rows(before, after, lang))
    )
    discrepancies = tuple(
        Row(f"{d.where}: {d.field}", *((note, NONE) if d.kind is Kind.REMOVED else (NONE, note)))
        for d in plan.discrepancies
        if (note := text_of(d.note, lang))
    )
    return PlanView(heading, tuple(rows), tuple(groups), distributions, discrepancies)


def _distribution_rows(
    before: tuple[tuple[str, int], ...], after: tuple[tuple[str, int], ...], lang: str
) -> tuple[Row, ...]:
    """The categories whose count changed, and the total when it did."""
    old, new = dict(before), dict(after)
    rows = [
        Row(category_label(category, lang), str(old.get(category, 0)), str(new.get(category, 0)))
        for category in dict.fromkeys([*new, *old])
        if old.get(category, 0) != new.get(category, 0)
    ]
    if rows and sum(old.values()) != sum(new.values()):
        rows.append(Row(t("total", lang), str(sum(old.values())), str(sum(new.values()))))
    return tuple(rows)


def project_section(project: ProjectChange, lang: str) -> Section:
    """One project's changes: its heading (id, title, how it changed) and a row for each value changed."""
    heading = f"{project.project_id} {text_of(project.title, lang)}"
    if project.kind is Kind.MOVED:
        heading += f" ({t('diff_moved', lang, old=project.moved_from, new=project.project_id)})"
    elif project.kind is not Kind.CHANGED:
        heading += f" ({_kind(project.kind, lang)})"
    rows = [_field_row(change, lang) for change in (*project.fields, *project.budget_execution)]
    for indicator in project.indicators:
        rows += _indicator_rows(indicator, lang)
    return Section(heading, tuple(rows))


def _indicator_rows(indicator: IndicatorChange, lang: str) -> list[Row]:
    name = f"{indicator.indicator_id} {text_of(indicator.name, lang)}"
    if indicator.kind is not Kind.CHANGED:
        before = name if indicator.kind is Kind.REMOVED else NONE
        return [Row(f"{name} ({_kind(indicator.kind, lang)})", before, name if before == NONE else NONE)]
    rows = [_field_row(change, lang, name) for change in indicator.fields]
    for result in indicator.results:
        rows += _result_rows(result, name, lang)
    return rows


def _result_rows(result: ResultChange, name: str, lang: str) -> list[Row]:
    rows = [_field_row(change, lang, name) for change in result.fields]
    if result.rate[0] != result.rate[1]:
        label = f"{name}: {t('diff_field_rate', lang, year=result.year)}"
        rows.append(Row(label, percent(result.rate[0]), percent(result.rate[1])))
    if result.grade != (None, None) and result.grade[0] != result.grade[1]:
        before, after = (_graded(g, f, lang) for g, f in zip(result.grade, result.final, strict=True))
        rows.append(Row(f"{name}: {t('diff_field_grade', lang, year=result.year)}", before, after))
    if result.final[0] != result.final[1]:
        label = f"{name}: {t('diff_field_final', lang, year=result.year)}"
        rows.append(Row(label, _grade(result.final[0], lang), _grade(result.final[1], lang)))
    return rows


def _field_row(change: FieldChange, lang: str, within: str = "") -> Row:
    label = t(f"diff_field_{change.field}", lang, year=change.year, subject=change.subject)
    before, after = text_of(change.before, lang), text_of(change.after, lang)
    if change.field == "status":
        before, after = (NONE if v is None else status_text(v, lang) for v in (change.before, change.after))
    if change.field == "spent_rate":
        before, after = (percent_tenths(v) for v in (change.before, change.after))
    label = f"{within}: {label}" if within else label
    if before == after and lang != SOURCE_LANG:
        # Only the source text changed ("proposals → proposals" said nothing): show the Korean, marked as such.
        source = text_of(change.before, SOURCE_LANG), text_of(change.after, SOURCE_LANG)
        if source[0] != source[1]:
            return Row(t("diff_source_only", lang, label=label), *source, lang=SOURCE_LANG)
    return Row(label, before, after)

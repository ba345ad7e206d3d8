"""How the domain's values read, in both languages: grade categories, targets with units, grade ranges, findings.

Shared by the site and the terminal, so a finding or a range is worded the same wherever it is shown. The words
themselves come from the catalogue (`generator.i18n`); numbers from `generator.numbers`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from generator.data.fields import Number
from generator.data.grades import EXCLUDED, NOT_EVALUATED, PENDING, Band
from generator.data.schema import IndicatorSpec, LocalizedText, Target, UnitText
from generator.data.units import base_counter
from generator.evaluation.budget import ExecutionFinding
from generator.evaluation.totals import plan_total
from generator.evaluation.year import Finding, FindingKind, IndicatorOutcome
from generator.i18n import in_sentence, plural, t
from generator.numbers import NONE, UnitDisplay, count, exact, in_words, percent, percent_printed, span, unit_display

NON_GRADES = (EXCLUDED, NOT_EVALUATED, PENDING)

_FINDING_KEYS = {
    FindingKind.RATE_DIFFERS: "finding_rate_differs",
    FindingKind.GRADE_DIFFERS: "finding_grade_differs",
    FindingKind.UNVERIFIABLE: "finding_unverifiable",
    FindingKind.ASSESSED: "finding_assessed",
}
_BASIS_KEYS = {"published": "finding_basis_published", "assessed": "finding_basis_assessed"}


# A result's status (평가 / 평가 제외 / 평가 안함) by the catalogue's words for it.
STATUS_WORDS = {"evaluated": "status_evaluated", "excluded": "excluded", "not_evaluated": "not_evaluated"}


def status_text(status: str, lang: str) -> str:
    return t(STATUS_WORDS[status], lang)


def category_label(category: str, lang: str) -> str:
    """A grade as the scale names it; 평가 제외, 평가 안함 and pending in words."""
    return t(category, lang) if category in NON_GRADES else category


def count_heading(name: str, lang: str) -> str:
    """The heading of a column counting a plan's level, named as the plan names it: "성과지표 수", "Number of
    indicators" — never a fixed word, since plans grade different levels."""
    return t("count_of", lang, name=name, plural=plural(name, lang))


def counted(name: str, number: int, lang: str) -> str:
    """A count of a plan's level, named as the plan names it: "전략 4"; in English the number first and the name
    in the plural but for one: "4 strategies", "1 strategy"."""
    level = in_sentence(name, lang) if number == 1 else plural(name, lang)
    return t("level_count", lang, level=level, count=count(number))


def plan_total_words(indicator: IndicatorSpec, lang: str) -> tuple[str, str, str]:
    """The indicator's plan total as (label, figure, note), by its kind (`evaluation.totals`): "계획상 합계" and the
    sum for a flow, "최종 목표(2027년)" and the final target for a stock, with a note when the plan states another
    total for it; three empty strings where the plan states no total."""
    total = plan_total(indicator)
    if total is None:
        return "", "", ""
    if total.final_year is None:
        return t("stated_total", lang), target_text(total.value, indicator, lang), ""
    note = ""
    if total.stated_instead is not None:
        note = t("stated_total_not_used", lang, stated=target_text(total.stated_instead, indicator, lang))
    label = t("plan_total_stock", lang, year=total.final_year)
    return label, target_text(total.value, indicator, lang), note


def target_text(value: Target, indicator: IndicatorSpec, lang: str) -> str:
    """A target or actual as a reader sees it: number with unit, measures joined, or text."""
    if value is None:
        return NONE
    if isinstance(value, LocalizedText):
        return value.get(lang)
    if isinstance(value, dict):
        units = {m.id: m.unit for m in indicator.measures or []}
        return ", ".join(display_of(units.get(k), lang, [v]).with_unit(v) for k, v in value.items())
    return display_of(indicator.unit, lang, [value]).with_unit(value)


def display_of(unit: UnitText | None, lang: str, figures: Iterable[Number | Decimal | None]) -> UnitDisplay:
    """How `figures` in `unit` read together in `lang` (see `numbers.unit_display`)."""
    if unit is None:
        return unit_display("", "", 1, lang, figures)
    return unit_display(unit.ko, unit.get("en"), unit.scale, lang, figures)


def sum_in_words(unit: UnitText, figure: Number | Decimal, lang: str) -> str:
    """A sum in `unit` as people say it (`1,163억 원`, `116.3 billion won`); where the unit's base cannot be
    told, the exact figure with its unit."""
    base = base_counter(unit.ko, unit.scale)
    if base is None:
        return display_of(unit, lang, [figure]).with_unit(figure)
    return in_words(exact(figure) * unit.scale, base, unit.get("en"), lang)


def grade_ranges(scale: Sequence[Band], lang: str) -> list[tuple[str, str]]:
    """Each grade with the range of shown rates that earns it: `A+ 101% 이상`, `B 90~94%`, `E 70% 미만`."""
    ranges = []
    for index, band in enumerate(scale):
        upper = scale[index - 1].min_rate - 1 if index > 0 else None
        if upper is None:
            text = t("rate_at_least", lang, rate=band.min_rate)
        elif upper == band.min_rate:
            text = percent(band.min_rate)
        elif band.min_rate == 0:
            text = t("rate_below", lang, rate=upper + 1)
        else:
            text = span(band.min_rate, percent(upper), lang)
        ranges.append((band.grade, text))
    return ranges


def finding_sentence(finding: Finding, outcome: IndicatorOutcome, lang: str) -> str:
    """What an audit finding says, e.g. `The published rate 95% differs from the 100% the figures give.`"""
    basis = t(_BASIS_KEYS[finding.basis], lang) if finding.basis in _BASIS_KEYS else finding.basis
    return t(
        _FINDING_KEYS[finding.kind],
        lang,
        basis=basis,
        stated=finding.stated or NONE,
        computed=finding.computed or NONE,
        rate=percent(outcome.rate.shown),
        reason=rate_status_text(outcome, lang),
    )


def rate_status_text(outcome: IndicatorOutcome, lang: str) -> str:
    """Why no rate could be computed (`no actual`, `qualitative target` …); empty when it could."""
    return t(f"rate_status_{outcome.rate.status.value}", lang)


def execution_finding_subject(finding: ExecutionFinding, lang: str) -> str:
    """What a printed execution rate belongs to: a unit project's line, or the year's total."""
    project = finding.project
    if project is None:
        return t("execution_finding_total", lang)
    return t("execution_finding_project", lang, project=f"{project.label or project.id} {project.title.get(lang)}")


def execution_finding_sentence(finding: ExecutionFinding, lang: str) -> str:
    """`The published execution rate (spent) 56.3% differs from the 56.2% the figures give.`"""
    measure = t(f"measure_{finding.measure}_rate", lang)
    stated = percent_printed(finding.stated)
    if finding.computed is None:
        return t("finding_execution_rate_no_budget", lang, measure=measure, stated=stated)
    computed = percent_printed(finding.computed)
    return t("finding_execution_rate_differs", lang, measure=measure, stated=stated, computed=computed)

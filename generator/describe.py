"""How the domain's values read, in both languages: grade categories, targets with units, grade ranges, findings.

Shared by the site and the terminal, so a finding or a range is worded the same wherever it is shown. The words
themselves come from the catalogue (`generator.i18n`); numbers from `generator.numbers`.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.data.schema import IndicatorSpec, LocalizedText, Target
from generator.evaluation.grading import EXCLUDED, NOT_EVALUATED, PENDING, Band
from generator.evaluation.year import Finding, FindingKind, IndicatorOutcome
from generator.i18n import t
from generator.numbers import NONE, percent, with_unit

NON_GRADES = (EXCLUDED, NOT_EVALUATED, PENDING)

_FINDING_KEYS = {
    FindingKind.RATE_DIFFERS: "finding_rate_differs",
    FindingKind.GRADE_DIFFERS: "finding_grade_differs",
    FindingKind.UNVERIFIABLE: "finding_unverifiable",
    FindingKind.ASSESSED: "finding_assessed",
}
_BASIS_KEYS = {"published": "finding_basis_published", "assessed": "finding_basis_assessed"}


def category_label(category: str, lang: str) -> str:
    """A grade as the scale names it; 평가 제외, 평가 안함 and pending in words."""
    return t(category, lang) if category in NON_GRADES else category


def target_text(value: Target, indicator: IndicatorSpec, lang: str) -> str:
    """A target or actual as a reader sees it: number with unit, measures joined, or text."""
    if value is None:
        return NONE
    if isinstance(value, LocalizedText):
        return value.get(lang)
    if isinstance(value, dict):
        units = {m.id: m.unit.get(lang) for m in indicator.measures or []}
        return ", ".join(with_unit(v, units.get(k, ""), lang) for k, v in value.items())
    return with_unit(value, indicator.unit.get(lang) if indicator.unit else "", lang)


def grade_ranges(scale: Sequence[Band], lang: str) -> list[tuple[str, str]]:
    """Each grade with the range of shown rates that earns it: `A+ 101% 이상`, `B 90–94%`, `E 70% 미만`."""
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
            text = f"{band.min_rate}–{percent(upper)}"
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

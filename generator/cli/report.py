"""The terminal report of one year's check: distribution table and audit findings, for pull-request review."""

from __future__ import annotations

import unicodedata

from generator.evaluation.grading import EXCLUDED, NOT_EVALUATED, PENDING, Distribution
from generator.evaluation.year import Finding, FindingKind, IndicatorOutcome, YearEvaluation
from generator.i18n import t


def _short(category: str) -> str:
    return t(category, "ko") if category in (EXCLUDED, NOT_EVALUATED, PENDING) else category


def _long(category: str) -> str:
    if category in (EXCLUDED, NOT_EVALUATED, PENDING):
        return f"{t(category, 'ko')} ({t(category, 'en').lower()})"
    return category


def distribution_line(distribution: Distribution) -> str:
    """`total 45; A+ 13 (29%), A 8 (18%), B 0, …` — the official table in one line."""
    parts = [
        f"{_short(row.category)} {row.count}" + (f" ({row.percent}%)" if row.count else "") for row in distribution.rows
    ]
    return f"total {distribution.total}; " + ", ".join(parts)


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal, where Hangul takes two columns."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - columns)


def distribution_table(distribution: Distribution) -> list[str]:
    lines = [f"{_pad('등급 grade', 30)}{'count':>6}{'%':>6}", f"{_pad('계 total', 30)}{distribution.total:>6}{100:>6}"]
    for row in distribution.rows:
        label = _long(row.category)
        lines.append(f"{_pad(label, 30)}{row.count:>6}{row.percent:>6}")
    return lines


def published_comparison(evaluation: YearEvaluation) -> list[str]:
    published = evaluation.results.check.published_distribution
    if published is None:
        return []
    computed = evaluation.distribution
    differences = [
        f"  {_short(category)}: published {count}, computed {computed.count(category)}"
        for category, count in published.items()
        if computed.count(category) != count
    ]
    if not differences:
        return ["The distribution matches the published one."]
    return ["The distribution differs from the published one:", *differences]


def finding_line(finding: Finding, outcome: IndicatorOutcome) -> str:
    project = outcome.project
    label = f"{project.label} " if project.label else ""
    where = f"{finding.indicator_id} {label}{project.title.ko} — {outcome.indicator.name.ko}"
    if finding.kind is FindingKind.RATE_DIFFERS:
        what = f"{finding.basis} rate {finding.stated} differs from computed {finding.computed}"
    elif finding.kind is FindingKind.GRADE_DIFFERS:
        what = f"{finding.basis} grade {finding.stated} differs from computed {finding.computed} ({_shown(outcome)})"
    elif finding.kind is FindingKind.UNVERIFIABLE:
        reason = t(f"rate_status_{outcome.rate.status.value}", "en")
        what = f"{finding.basis} grade {finding.stated} cannot be recomputed: {reason}"
    else:
        rationale = finding.rationale.ko if finding.rationale else ""
        what = f"assessed {finding.stated} (computed {finding.computed or '—'}): {rationale}"
    return f"{where}: {what}"


def _shown(outcome: IndicatorOutcome) -> str:
    return f"{outcome.rate.shown}%" if outcome.rate.shown is not None else "no rate"


def render_report(evaluation: YearEvaluation) -> str:
    check = evaluation.results.check
    lines = [f"{check.title.ko} — {evaluation.plan.id} {evaluation.year}", ""]
    lines += distribution_table(evaluation.distribution)
    lines += ["", distribution_line(evaluation.distribution)]
    lines += published_comparison(evaluation)
    outcomes = {outcome.indicator.id: outcome for outcome in evaluation.outcomes}
    findings = evaluation.findings
    lines += ["", f"Audit findings: {len(findings)}"]
    lines += [f"  {finding_line(finding, outcomes[finding.indicator_id])}" for finding in findings]
    missing = [outcome.indicator.id for outcome in evaluation.outcomes if outcome.status is None]
    if missing:
        lines += ["", f"No result filed for {len(missing)} indicator(s): " + ", ".join(missing)]
    return "\n".join(lines)

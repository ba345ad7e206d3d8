"""The terminal report of one year's check: distribution table and audit findings, for pull-request review."""

from __future__ import annotations

import unicodedata

from generator.describe import category_label, finding_sentence
from generator.evaluation.grading import Distribution
from generator.evaluation.year import Finding, IndicatorOutcome, YearEvaluation
from generator.i18n import t
from generator.numbers import percent

LABEL_COLUMNS = 30


def distribution_line(distribution: Distribution, lang: str) -> str:
    """`계 45; A+ 13 (29%), A 8 (18%), B 0, …` — the official table in one line."""
    parts = [
        f"{category_label(row.category, lang)} {row.count}" + (f" ({percent(row.percent)})" if row.count else "")
        for row in distribution.rows
    ]
    return f"{t('total', lang)} {distribution.total}; " + ", ".join(parts)


def _pad(text: str, width: int) -> str:
    """Left-align in a terminal, where Hangul takes two columns."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - columns)


def distribution_table(distribution: Distribution, lang: str) -> list[str]:
    count, share = t("count", lang), t("share", lang)
    lines = [
        f"{_pad(t('grade', lang), LABEL_COLUMNS)}{count:>8}{share:>8}",
        f"{_pad(t('total', lang), LABEL_COLUMNS)}{distribution.total:>8}{percent(100):>8}",
    ]
    for row in distribution.rows:
        label = category_label(row.category, lang)
        lines.append(f"{_pad(label, LABEL_COLUMNS)}{row.count:>8}{percent(row.percent):>8}")
    return lines


def published_comparison(evaluation: YearEvaluation, lang: str) -> list[str]:
    published = evaluation.results.check.published_distribution
    if published is None:
        return []
    computed = evaluation.distribution
    differences = [
        "  "
        + t(
            "published_vs_computed",
            lang,
            category=category_label(category, lang),
            published=count,
            computed=computed.count(category),
        )
        for category, count in published.items()
        if computed.count(category) != count
    ]
    if not differences:
        return [t("distribution_matches", lang)]
    return [t("distribution_differs", lang), *differences]


def finding_line(finding: Finding, outcome: IndicatorOutcome, lang: str) -> str:
    project = outcome.project
    label = f"{project.label} " if project.label else ""
    where = f"{finding.indicator_id} {label}{project.title.get(lang)} — {outcome.indicator.name.get(lang)}"
    line = f"{where}: {finding_sentence(finding, outcome, lang)}"
    if finding.rationale is not None:
        line += f" {finding.rationale.get(lang)}"
    return line


def render_report(evaluation: YearEvaluation, lang: str) -> str:
    check = evaluation.results.check
    lines = [f"{check.title.get(lang)} — {evaluation.plan.id} {evaluation.year}", ""]
    lines += distribution_table(evaluation.distribution, lang)
    lines += ["", distribution_line(evaluation.distribution, lang)]
    lines += published_comparison(evaluation, lang)
    outcomes = {outcome.indicator.id: outcome for outcome in evaluation.outcomes}
    findings = evaluation.findings
    lines += ["", f"{t('audit_findings', lang)}: {len(findings)}"]
    lines += [f"  {finding_line(finding, outcomes[finding.indicator_id], lang)}" for finding in findings]
    missing = [outcome.indicator.id for outcome in evaluation.outcomes if outcome.status is None]
    if missing:
        lines += ["", t("no_result_filed", lang, count=len(missing), ids=", ".join(missing))]
    return "\n".join(lines)

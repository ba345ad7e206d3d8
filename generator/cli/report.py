"""The terminal report of one year's check: distribution table and audit findings, for pull-request review."""

from __future__ import annotations

import unicodedata

from generator.describe import (
    category_label,
    count_heading,
    display_of,
    execution_finding_sentence,
    execution_finding_subject,
    finding_sentence,
)
from generator.evaluation.budget import Execution, by_department, total
from generator.evaluation.grading import Distribution
from generator.evaluation.year import Finding, IndicatorOutcome, YearEvaluation
from generator.i18n import t
from generator.numbers import NONE, UnitDisplay, percent, percent_tenths

LABEL_COLUMNS = 30


def distribution_line(distribution: Distribution, lang: str) -> str:
    """`계 45; A+ 13 (29%), A 8 (18%), B 0, …` — the official table in one line."""
    parts = [
        f"{category_label(row.category, lang)} {row.count}" + (f" ({percent(row.percent)})" if row.count else "")
        for row in distribution.rows
    ]
    return f"{t('total', lang)} {distribution.total}; " + ", ".join(parts)


def _columns(text: str) -> int:
    """Width in a terminal, where Hangul takes two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _columns(text))


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _columns(text)) + text


def distribution_table(distribution: Distribution, counted: str, lang: str) -> list[str]:
    """The official grade table; `counted` names what it counts, from the plan's level names."""
    count, share = count_heading(counted, lang), t("share", lang)
    width = max(8, _columns(count) + 2)
    lines = [
        f"{_pad(t('grade', lang), LABEL_COLUMNS)}{_right(count, width)}{share:>8}",
        f"{_pad(t('total', lang), LABEL_COLUMNS)}{distribution.total:>{width}}{percent(100):>8}",
    ]
    for row in distribution.rows:
        label = category_label(row.category, lang)
        lines.append(f"{_pad(label, LABEL_COLUMNS)}{row.count:>{width}}{percent(row.percent):>8}")
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


def budget_table(evaluation: YearEvaluation, lang: str) -> list[str]:
    """Budget execution by project, then by department with the grand total; one-decimal rates."""
    lines = evaluation.budget_lines
    if not lines:
        return []
    groups = [
        (group.department.get(lang) if group.department is not None else NONE, group.execution)
        for group in by_department(lines)
    ]
    rows = [
        (f"{line.project.label or line.project.id} {line.project.title.get(lang)}", line.execution) for line in lines
    ]
    grand = (t("total", lang), total(line.execution for line in lines))
    figures = [f for _, e in [*rows, grand] for f in (e.budget, e.committed, e.spent)]
    display = display_of(evaluation.plan.spec.budget_unit, lang, figures)
    heading = [t(key, lang) for key in ("budget_current", "committed", "spent", "committed_rate", "execution_rate")]
    widths = [max(14, _columns(text) + 2) for text in heading]
    out = [f"{t('budget_execution', lang)} ({display.unit})", _budget_line("", heading, widths)]
    for block in (rows, [*groups, grand]):
        out += [_budget_line(label, _execution_cells(execution, display), widths) for label, execution in block]
        out.append("")
    return out[:-1]


def _execution_cells(execution: Execution, display: UnitDisplay) -> list[str]:
    return [
        display.figure(execution.budget),
        display.figure(execution.committed),
        display.figure(execution.spent),
        percent_tenths(execution.committed_rate),
        percent_tenths(execution.spent_rate),
    ]


def _budget_line(label: str, cells: list[str], widths: list[int]) -> str:
    clipped = _pad(_clip(label, LABEL_COLUMNS - 2), LABEL_COLUMNS)
    return clipped + "".join(_right(cell, width) for cell, width in zip(cells, widths, strict=True))


def _clip(text: str, width: int) -> str:
    """Cut a long project title to the label column, so the figures stay in their columns."""
    while _columns(text) > width:
        text = text[:-2] + "…"
    return text


def render_report(evaluation: YearEvaluation, lang: str) -> str:
    check = evaluation.results.check
    lines = [f"{check.title.get(lang)} — {evaluation.plan.id} {evaluation.year}", ""]
    counted = evaluation.plan.spec.levels.indicator.get(lang)
    lines += distribution_table(evaluation.distribution, counted, lang)
    lines += ["", distribution_line(evaluation.distribution, lang)]
    lines += published_comparison(evaluation, lang)
    outcomes = {outcome.indicator.id: outcome for outcome in evaluation.outcomes}
    findings = evaluation.findings
    budget_findings = evaluation.execution_findings
    lines += ["", f"{t('audit_findings', lang)}: {len(findings) + len(budget_findings)}"]
    lines += [f"  {finding_line(finding, outcomes[finding.indicator_id], lang)}" for finding in findings]
    lines += [
        f"  {execution_finding_subject(finding, lang)}: {execution_finding_sentence(finding, lang)}"
        for finding in budget_findings
    ]
    budget = budget_table(evaluation, lang)
    if budget:
        lines += ["", *budget]
    missing = [outcome.indicator.id for outcome in evaluation.outcomes if outcome.status is None]
    if missing:
        lines += ["", t("no_result_filed", lang, count=len(missing), ids=", ".join(missing))]
    return "\n".join(lines)

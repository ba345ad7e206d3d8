"""The columns of the workbooks, their headers in both languages and which ones departments fill in.

`collect` writes these headers (Korean in row 1, English in row 2) and `import` requires them unchanged: one
definition for both, so a renamed or removed column is always noticed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from generator.data.model import Plan
from generator.describe import STATUS_WORDS
from generator.i18n import t

HEADER_ROWS = 2  # Korean headers, then English
FIRST_ROW = HEADER_ROWS + 1
META_SHEET = "plansite"  # the hidden sheet with the plan, year and fingerprint
STATUS_KEYS = STATUS_WORDS


class Key(enum.StrEnum):
    """Every column of the workbooks, by what it holds: writing and reading find a column by its key."""

    STRATEGY = "strategy"
    TASK = "task"
    PROJECT = "project"
    INDICATOR_ID = "indicator_id"
    MEASURE = "measure"
    INDICATOR = "indicator"
    UNIT = "unit"
    TARGET = "target"
    ACTUAL = "actual"
    STATUS = "status"
    REASON_KO = "reason_ko"
    REASON_EN = "reason_en"
    NARRATIVE_KO = "narrative_ko"
    NARRATIVE_EN = "narrative_en"
    PROJECT_ID = "project_id"
    PLANNED = "planned"
    BUDGET = "budget"
    COMMITTED = "committed"
    SPENT = "spent"


@dataclass(frozen=True)
class Column:
    key: Key
    ko: str
    en: str
    width: int
    filled_in: bool = False  # an input cell: unlocked and marked
    number: bool = False  # a figure: a decimal of at least 0 (except a qualitative actual)
    per_indicator: bool = False  # one value for the indicator, in its first row (its measures' rows share it)


def _words(key: str) -> tuple[str, str]:
    return t(key, "ko"), t(key, "en")


def indicator_columns(plan: Plan) -> tuple[Column, ...]:
    levels = plan.spec.levels
    return (
        Column(Key.STRATEGY, levels.strategy.ko, levels.strategy.get("en"), 24),
        Column(Key.TASK, levels.task.ko, levels.task.get("en"), 28),
        Column(Key.PROJECT, levels.project.ko, levels.project.get("en"), 30),
        Column(Key.INDICATOR_ID, *_words("col_indicator_id"), 11),
        Column(Key.MEASURE, *_words("col_measure"), 10),
        Column(Key.INDICATOR, levels.indicator.ko, levels.indicator.get("en"), 34),
        Column(Key.UNIT, *_words("unit"), 8),
        Column(Key.TARGET, *_words("col_target"), 12),
        Column(Key.ACTUAL, *_words("col_actual"), 12, filled_in=True, number=True),
        Column(Key.STATUS, *_words("col_status"), 12, filled_in=True, per_indicator=True),
        Column(Key.REASON_KO, *_words("col_reason_ko"), 24, filled_in=True, per_indicator=True),
        Column(Key.REASON_EN, *_words("col_reason_en"), 24, filled_in=True, per_indicator=True),
        Column(Key.NARRATIVE_KO, *_words("col_narrative_ko"), 40, filled_in=True, per_indicator=True),
        Column(Key.NARRATIVE_EN, *_words("col_narrative_en"), 40, filled_in=True, per_indicator=True),
    )


def budget_columns(plan: Plan) -> tuple[Column, ...]:
    levels = plan.spec.levels
    return (
        Column(Key.PROJECT_ID, *_words("col_project_id"), 11),
        Column(Key.PROJECT, levels.project.ko, levels.project.get("en"), 34),
        Column(Key.UNIT, *_words("unit"), 8),
        Column(Key.PLANNED, *_words("col_planned_budget"), 12, number=True),
        Column(Key.BUDGET, *_words("col_budget"), 12, filled_in=True, number=True),
        Column(Key.COMMITTED, *_words("col_committed"), 12, filled_in=True, number=True),
        Column(Key.SPENT, *_words("col_spent"), 12, filled_in=True, number=True),
    )


def status_label(status: str) -> str:
    """평가 / 평가 제외 / 평가 안함: how the status reads in the drop-down."""
    return t(STATUS_KEYS[status], "ko")


def status_of(label: str) -> str | None:
    """The status a cell names, in Korean (the drop-down) or in English; None when it names none."""
    wanted = " ".join(label.split()).casefold().replace("_", " ")
    for status, key in STATUS_KEYS.items():
        if wanted in (t(key, "ko").casefold(), t(key, "en").casefold(), status.replace("_", " ")):
            return status
    return None

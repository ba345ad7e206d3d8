"""What a change to the data means, as plain records: the semantic diff's page model.

Values are plain JSON data (numbers, strings, `{"ko": …, "en": …}` for text, `{measure: figure}` for compound
figures, None for nothing), so the text, Markdown and JSON outputs show the same records.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.errors import Problem

Plain = Any  # None | int | float | str | list | dict: what json.dumps writes as it is


class Kind(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"  # a unit project under another id (another task), known by its unchanged title


@dataclass(frozen=True)
class FieldChange:
    """One value, old → new. `field` names it in the catalogue's words (`diff_field_<field>`)."""

    field: str
    before: Plain
    after: Plain
    year: int | None = None
    subject: str = ""  # what within the item: a measure, a strategy or task id


@dataclass(frozen=True)
class ResultChange:
    """An indicator's check of one year: what changed in its result, and its rate and grade before → after."""

    year: int
    fields: tuple[FieldChange, ...]
    rate: tuple[int | None, int | None]  # the rate the figures give (shown, rounded), before and after
    grade: tuple[str | None, str | None]  # the grade the figures give; None: none (no result, no rate)
    final: tuple[str | None, str | None]  # the category counted: the published or assessed grade if stated

    @property
    def regraded(self) -> bool:
        return self.rate[0] != self.rate[1] or self.grade[0] != self.grade[1] or self.final[0] != self.final[1]


@dataclass(frozen=True)
class IndicatorChange:
    indicator_id: str
    kind: Kind
    name: Plain  # {"ko": …, "en": …}, after the change (before it, if removed)
    fields: tuple[FieldChange, ...] = ()
    results: tuple[ResultChange, ...] = ()
    unit: Plain = None  # the unit after the change, to read the figures by


@dataclass(frozen=True)
class ProjectChange:
    project_id: str
    strategy_id: str
    kind: Kind
    title: Plain
    moved_from: str | None = None
    fields: tuple[FieldChange, ...] = ()  # the project's own: title, departments, budget …
    budget_execution: tuple[FieldChange, ...] = ()  # results: budget, committed, spent, rate, per year
    indicators: tuple[IndicatorChange, ...] = ()


@dataclass(frozen=True)
class DistributionChange:
    """A results year's grade distribution, as (category, count) rows, before → after: as counted (with the
    published grades), and by the figures alone (the computed grades), which an edited actual moves."""

    year: int
    before: tuple[tuple[str, int], ...]
    after: tuple[tuple[str, int], ...]
    computed_before: tuple[tuple[str, int], ...] = ()
    computed_after: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class DiscrepancyChange:
    kind: Kind  # added or removed
    where: str  # the file's place: the plan, a project id, or a results year
    field: str
    note: Plain


@dataclass(frozen=True)
class PlanChange:
    plan_id: str
    kind: Kind
    title: Plain
    fields: tuple[FieldChange, ...] = ()  # the plan's own, and its strategies' and tasks' titles
    projects: tuple[ProjectChange, ...] = ()
    distributions: tuple[DistributionChange, ...] = ()
    discrepancies: tuple[DiscrepancyChange, ...] = ()
    years_added: tuple[int, ...] = ()
    years_removed: tuple[int, ...] = ()
    strategy_titles: dict[str, Plain] = field(default_factory=dict)  # to head the groups of projects


@dataclass(frozen=True)
class DataDiff:
    base: str  # what the user called each side
    head: str
    plans: tuple[PlanChange, ...] = ()
    introduced: tuple[Problem, ...] = ()  # validation problems HEAD has and BASE had not
    fixed: tuple[Problem, ...] = ()
    head_errors: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # the summary: how many of each kind of change

    @property
    def unchanged(self) -> bool:
        return not (self.plans or self.introduced or self.fixed)


def plain(value: Any) -> Plain:
    """A model value as plain JSON data; equal data compares equal (5 and 5.0 alike)."""
    if isinstance(value, BaseModel):
        return plain(value.model_dump(mode="json", exclude_none=True))
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def differ(name: str, before: Any, after: Any, *, year: int | None = None, subject: str = "") -> list[FieldChange]:
    old, new = plain(before), plain(after)
    return [] if old == new else [FieldChange(name, old, new, year, subject)]

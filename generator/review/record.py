"""The record of amendments as data: what the site shows and the history reader (`amendments.py`) produces.

Kept apart from the reading of git history so that the pages take the record as given, never read it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.review.view import Row


@dataclass(frozen=True)
class Commit:
    commit: str
    date: str  # YYYY-MM-DD: the committer's date, in the commit's own time zone
    subject: str  # the first line of the commit message


@dataclass(frozen=True)
class Wording:
    lang: str
    heading: str  # what was amended: "1-1-1 Project one", "demo Test plan", "2024 grade distribution"
    rows: tuple[Row, ...]  # label, before, after


@dataclass(frozen=True)
class Amendment:
    """What one commit changed in one published thing: a plan's own figures, a project's plan figures
    (`year` None), a project's check of one year, or a year's grade distribution (`project_id` None)."""

    commit: str
    date: str
    subject: str
    plan_id: str
    project_id: str | None
    year: int | None  # the check year for changed results; None for the plan's figures
    wording: tuple[Wording, ...]  # one per language, in the order of LANGUAGES
    moved_from: str | None = None  # the project's id before this commit, when it moved

    def heading(self, lang: str) -> str:
        return self._in(lang).heading

    def rows(self, lang: str) -> tuple[Row, ...]:
        return self._in(lang).rows

    def _in(self, lang: str) -> Wording:
        return next((w for w in self.wording if w.lang == lang), self.wording[0])


@dataclass(frozen=True)
class Amendments:
    items: tuple[Amendment, ...]  # newest first
    commits: int = 0  # the commits that touch the data
    computed: int = field(default=0, compare=False)  # of them, compared in this run (the rest: from the cache)
    rejected: int = field(default=0, compare=False)  # cache entries that were not what plansite wrote: recomputed

    def for_plan(self, plan_id: str) -> tuple[Amendment, ...]:
        return self._at(("plan", plan_id))

    def for_report(self, plan_id: str, year: int) -> tuple[Amendment, ...]:
        """The amendments of a year's check: its indicators' results, budget execution and distribution."""
        return self._at(("year", plan_id, year))

    def for_project(self, plan_id: str, project_id: str) -> tuple[Amendment, ...]:
        """A project's amendments, with those made under the id it had before it moved."""
        found: set[int] = set()
        pending = [(project_id, -1)]  # an id, and the position after which (older) its amendments are this one's
        while pending:
            known, newer = pending.pop()
            for position in self._index.get(("project", plan_id, known), ()):
                if position > newer and position not in found:
                    found.add(position)
                    if (moved := self.items[position].moved_from) is not None:
                        pending.append((moved, position))
        return tuple(self.items[position] for position in sorted(found))

    def _at(self, key: tuple[str | int, ...]) -> tuple[Amendment, ...]:
        return tuple(self.items[position] for position in self._index.get(key, ()))

    @functools.cached_property
    def _index(self) -> dict[tuple[str | int | None, ...], list[int]]:
        """Positions in `items` by plan, by project and by check year: a site asks once per page."""
        index: dict[tuple[str | int | None, ...], list[int]] = {}
        for position, a in enumerate(self.items):
            for key in (("plan", a.plan_id), ("project", a.plan_id, a.project_id), ("year", a.plan_id, a.year)):
                index.setdefault(key, []).append(position)
        return index


@dataclass(frozen=True)
class Unavailable:
    reason: str  # why there is no record of amendments, for the build to say once


@dataclass(frozen=True)
class FileDates:
    """When each data file last changed on the record: the date of the newest commit that touched it.

    `dates` holds every file by its path from the data repository's root ("plans/x/projects/1-1-1.yaml") and
    every folder above it ("plans/x", "plans"), each with the newest date found under it, so a page asks for
    the files and folders it shows and gets one date back (`history.py` reads it from git). `first` holds the
    oldest date of each: when a thing was first published (a feed's entry, `generator.site.feeds`)."""

    dates: dict[str, str]  # path → YYYY-MM-DD, the committer's date in the commit's own time zone
    first: dict[str, str] = field(default_factory=dict)  # path → the date of the oldest commit that touched it

    def latest(self, paths: Iterable[str]) -> str:
        """The newest date among `paths` (files or folders); empty when none of them was ever committed."""
        return max((date for path in paths if (date := self.dates.get(path.strip("/"))) is not None), default="")

    def earliest(self, paths: Iterable[str]) -> str:
        """The oldest date among `paths`: when the first of them was first committed; empty when none was."""
        return min((date for path in paths if (date := self.first.get(path.strip("/"))) is not None), default="")

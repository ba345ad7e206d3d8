"""The plan as the later stages see it: one validated plan file and its unit projects, assembled."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.data.schema import IndicatorSpec, PlanFile, ProjectFile, StrategySpec, Target, TaskSpec


@dataclass(frozen=True)
class Plan:
    directory: Path
    spec: PlanFile
    projects: tuple[ProjectFile, ...]

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def strategies(self) -> list[StrategySpec]:
        return self.spec.strategies

    @property
    def tasks(self) -> list[TaskSpec]:
        return [task for strategy in self.spec.strategies for task in strategy.tasks]

    def projects_of(self, task_id: str) -> list[ProjectFile]:
        return list(self._projects_by_task.get(task_id, ()))

    @cached_property
    def _projects_by_task(self) -> dict[str, tuple[ProjectFile, ...]]:
        grouped: dict[str, list[ProjectFile]] = {}
        for project in self.projects:
            grouped.setdefault(task_of(project.id), []).append(project)
        return {task_id: tuple(projects) for task_id, projects in grouped.items()}

    @cached_property
    def planned_figures(self) -> tuple[int | float | None, ...]:
        """Every budget figure the plan states (each project's years and stated total), computed once: every
        page shows them in one display, and a plan of thousands of projects has thousands of pages."""
        figures: list[int | float | None] = []
        for project in self.projects:
            if project.budget is not None and project.budget.years is not None:
                figures += [*project.budget.years.values(), project.budget.total]
        return tuple(figures)

    def indicators(self) -> Iterator[tuple[ProjectFile, IndicatorSpec]]:
        for project in self.projects:
            for indicator in project.indicators:
                yield project, indicator


def parent_id(node_id: str) -> str:
    """`1-2-3` → `1-2`."""
    return node_id.rsplit("-", 1)[0]


def task_of(project_id: str) -> str:
    return parent_id(project_id)


def sort_key(node_id: str) -> tuple[int, ...]:
    """Ids sort by number, so 1-10 follows 1-9."""
    return tuple(int(part) for part in node_id.split("-"))


def primary_measure(indicator: IndicatorSpec) -> str | None:
    """The measure a compound indicator's rate is computed from (`primary: true`); None for a single measure."""
    return next((measure.id for measure in indicator.measures or [] if measure.primary), None)


def measure_value(value: Target, measure: str | None) -> Target:
    """One measure of a compound target or actual; a single-measure value as it is."""
    if measure is None:
        return value
    return value.get(measure) if isinstance(value, dict) else None


def number_of(value: Target, measure: str | None = None) -> int | float | None:
    """The figure of a target or actual (of `measure`, if compound), or None when there is no number."""
    picked = measure_value(value, measure)
    return picked if isinstance(picked, int | float) else None

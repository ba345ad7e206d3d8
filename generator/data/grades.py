"""A plan's grade scale and the categories a result can fall in besides a grade: what the data states.

The data layer checks results against these (a published grade must be a grade of the plan's scale); the
evaluation layer computes rates and looks grades up from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Band:
    """A shown rate of at least `min_rate` percent earns `grade`."""

    grade: str
    min_rate: int


# The official thresholds were not found in the sources; this ladder reproduces most graded rows of the
# checks it was tried on (a site says where its scale came from in site.yaml's `methodology_notes`). A plan sets
# its own in plan.yaml (`grade_scale`).
DEFAULT_SCALE: tuple[Band, ...] = (
    Band("A+", 101),
    Band("A", 100),
    Band("B+", 95),
    Band("B", 90),
    Band("C+", 85),
    Band("C", 80),
    Band("D+", 75),
    Band("D", 70),
    Band("E", 0),
)

EXCLUDED = "excluded"  # 평가 제외
NOT_EVALUATED = "not_evaluated"  # 평가 안함
PENDING = "pending"  # evaluated, but no grade can be given yet (no actual, no target …)


class _HasScale(Protocol):
    @property
    def grade_scale(self) -> Sequence[Any] | None: ...


def scale_of(plan_spec: _HasScale) -> tuple[Band, ...]:
    """The plan's grade scale (`grade_scale` in plan.yaml), or the default one."""
    if plan_spec.grade_scale is None:
        return DEFAULT_SCALE
    return tuple(Band(band.grade, band.min_rate) for band in plan_spec.grade_scale)

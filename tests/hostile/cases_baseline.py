"""Baseline cases: the shipped data as it is, and plain mistakes the validator already reports well."""

from __future__ import annotations

from .corpus import PLAN_2024, Case

CASES = [
    Case("shipped-data-is-clean", "own", "", exit_code=0, expect=("0 errors, 0 warnings, 3 notices",)),
    Case(
        "missing-title",
        "message",
        f"{PLAN_2024}/projects/1-1-1.yaml",
        old="title:",
        new="titl:",
        expect=(f"{PLAN_2024}/projects/1-1-1.yaml:",),
    ),
]

"""Mistakes a new user makes (issue 10): each gives one message that says where, what and what to do."""

from __future__ import annotations

from .corpus import PLAN_2019, PLAN_2024, RESULTS_2021, Case

P = f"{PLAN_2024}/projects/1-1-1.yaml"
PLAN = f"{PLAN_2024}/plan.yaml"
R = f"{RESULTS_2021}/projects/1-1-1.yaml"
EXCLUDED = f"{RESULTS_2021}/projects/2-2-1.yaml"
CHECK = f"{RESULTS_2021}/check.yaml"
TARGETS = "targets: {2024: 32000, 2025: 33500, 2026: 35000, 2027: 36500}"
BUDGET = "years: {2024: 864, 2025: 880, 2026: 900, 2027: 920}"
STRICT = ("validate", "--strict")


def at(file: str, old: str, new: str, case_id: str) -> Case:
    return Case(case_id, "message", file, old=old, new=new)


def filed_budget(case_id: str, figures: str) -> Case:
    return Case(case_id, "message", R, old="project: 1-1-1\n", new=f"project: 1-1-1\nbudget: {figures}\n")


CASES = [
    at(P, "title:\n", "titel:\n", "misspelt-required-key"),
    at(PLAN, "period:", "peroid:", "misspelt-plan-key"),
    at(P, "    name:\n", "    nmae:\n", "misspelt-indicator-key"),
    at(P, "departments:\n", "departmens:\n", "misspelt-optional-key"),
    at(P, "    kind: stock", "    kind: stok", "misspelt-kind"),
    at(P, "    direction: higher", "    direction: up", "unknown-direction"),
    at(P, "  status: continued", "  status: continuing", "unknown-origin-status"),
    at(P, BUDGET, BUDGET.replace("864", "1,864"), "budget-with-separator"),
    at(P, "  total: 3564", '  total: "3564"', "budget-total-quoted"),
    at(P, BUDGET, BUDGET.replace("864", "864백만원"), "budget-with-unit"),
    at(P, BUDGET, BUDGET.replace("864", "-864"), "negative-budget"),
    at(P, TARGETS, TARGETS.replace("32000", "-32000"), "negative-target"),
    at(P, TARGETS, TARGETS.replace("2024: 32000", "2024년: 32000"), "year-with-suffix"),
    at(P, TARGETS, TARGETS.replace(", 2027: 36500", ""), "a-year-missing"),
    at(P, TARGETS, TARGETS.replace("2027: 36500", "2028: 36500"), "year-outside-the-period"),
    at(P, "id: 1-1-1\n", "id: 1-1-9\n", "project-id-differs-from-file"),
    at(P, "  - id: 1-1-1-1", "  - id: 1-1-2-1", "indicator-id-of-another-project"),
    at(P, "title:\n", "title:\n  ko: 중복\n  en: Repeated\ntitle:\n", "duplicate-key"),
    at(P, "  total: 3564", "  total: 3500", "budget-total-differs"),
    at(
        P,
        "unit: {ko: 천건, en: items, scale: 1000}",
        "unit: {ko: 천건, en: thousand items}",
        "scaled-unit-without-scale",
    ),
    at(P, "unit: {ko: 천건, en: items, scale: 1000}", "unit: {ko: 천건, en: items, scale: 10000}", "scale-disagrees"),
    at(P, "label: 1-1-①\n", "", "label-removed"),
    at(P, "  en: Operating the Information Plaza\n", "", "english-missing"),
    at(PLAN, "period: {first: 2024, last: 2027}", "period: {first: 2027, last: 2024}", "period-reversed"),
    at(PLAN, "date: 2023-12-28", "date: 2023.12.28", "date-with-dots"),
    at(R, "  status: evaluated", "  status: evaluted", "misspelt-status"),
    at(R, "    grade: A+", "    grade: A++", "unknown-published-grade"),
    at(R, "    rate: 113", '    rate: "113%"', "rate-with-percent"),
    at(R, "- indicator: 1-1-1-1", "- indicator: 1-1-1-9", "unknown-indicator-in-results"),
    at(R, "project: 1-1-1", "project: 1-1-2", "results-project-differs-from-file"),
    at(EXCLUDED, "  reason:\n    ko: 미운영\n    en: Not operated\n", "", "excluded-without-reason"),
    at(CHECK, "year: 2021", "year: 2022", "check-year-differs-from-folder"),
    filed_budget("results-budget-with-separator", "{budget: 1,000, committed: 900, spent: 800}"),
    filed_budget("results-budget-quoted", '{budget: "1000", committed: 900, spent: 800}'),
    filed_budget("results-committed-above-budget", "{budget: 1000, committed: 1200, spent: 800}"),
    filed_budget("results-spent-above-committed", "{budget: 1000, committed: 800, spent: 900}"),
    filed_budget("results-budget-misspelt-key", "{budget: 1000, comitted: 900, spent: 800}"),
    filed_budget("results-budget-without-budget", "{committed: 900, spent: 800}"),
    Case("site-config-misspelt-key", "message", "site.yaml", old="site_name:", new="site_nmae:"),
    Case("site-config-relative-base-url", "message", "site.yaml", old="site_name:", new="base_url: plans/\nsite_name:"),
    Case("site-config-absolute-theme", "message", "site.yaml", old="site_name:", new="theme_dir: /etc\nsite_name:"),
    Case("site-config-empty", "message", "site.yaml", new_bytes=b""),
    Case("report-unknown-plan", "message", "", args=("report", "no-such-plan", "2021"), exit_code=2),
    Case(
        "report-year-without-results",
        "message",
        "",
        args=("report", "seoul-citizen-participation-2019", "2020"),
        exit_code=2,
    ),
    Case("validate-missing-folder", "message", "", args=("validate", "no-such-folder"), exit_code=2),
    Case(
        "build-relative-base-url", "message", "", args=("build", "--out", "site-out", "--base-url", "x/"), exit_code=2
    ),
    Case(
        "new-year-outside-the-period",
        "message",
        "",
        args=("new-year", "seoul-citizen-participation-2019", "2030"),
        exit_code=2,
    ),
    Case("measures-without-primary", "message", f"{PLAN_2019}/projects/2-4-1.yaml", old="    primary: true\n", new=""),
]

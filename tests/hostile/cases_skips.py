"""Nothing under the data folders vanishes without a word (issue 10): every folder and file is read or reported.

Also the messages that were wrong before: one root cause gives one message."""

from __future__ import annotations

from .corpus import PLAN_2019, PLAN_2024, RESULTS_2021, Case

RESULTS_2019 = "results/seoul-citizen-participation-2019"


def moved(case_id: str, source: str, target: str, kind: str = "skip") -> Case:
    return Case(case_id, kind, "", rename=(source, target))


def added(case_id: str, file: str, content: bytes = b"notes\n", kind: str = "skip") -> Case:
    return Case(case_id, kind, file, new_bytes=content)


def linked(case_id: str, *links: tuple[str, str]) -> Case:
    return Case(case_id, "traceback", "", links=links)


CASES = [
    linked("symlink-to-itself", (f"{PLAN_2024}/projects/9-9-9.yaml", "9-9-9.yaml")),
    linked(
        "symlink-loop-of-two",
        (f"{PLAN_2024}/projects/9-9-8.yaml", "9-9-7.yaml"),
        (f"{PLAN_2024}/projects/9-9-7.yaml", "9-9-8.yaml"),
    ),
    linked("symlink-dangling", (f"{PLAN_2024}/projects/9-9-9.yaml", "missing.yaml")),
    linked("symlink-folder-loop-in-plans", ("plans/loop", ".")),
    linked("symlink-folder-loop-in-projects", (f"{PLAN_2024}/projects/again", ".")),
    linked("symlink-results-year-loop", (f"{RESULTS_2019}/2022", ".")),
    Case(
        "symlink-projects-loop",
        "traceback",
        "",
        rename=(f"{PLAN_2024}/projects", "plans/projects-elsewhere"),
        links=((f"{PLAN_2024}/projects", "."),),
    ),
    linked("symlink-results-loop", ("results/seoul-citizen-participation-2024", "..")),
    moved("plan-yml", f"{PLAN_2019}/plan.yaml", f"{PLAN_2019}/plan.yml"),
    moved("plan-capitalised", f"{PLAN_2024}/plan.yaml", f"{PLAN_2024}/Plan.yaml"),
    moved("plan-txt", f"{PLAN_2024}/plan.yaml", f"{PLAN_2024}/plan.yaml.txt"),
    moved("plan-file-missing", f"{PLAN_2024}/plan.yaml", "plans/plan-2024-backup.yaml"),
    moved("projects-folder-misnamed", f"{PLAN_2024}/projects", f"{PLAN_2024}/project"),
    moved("project-yml", f"{PLAN_2024}/projects/1-1-1.yaml", f"{PLAN_2024}/projects/1-1-1.yml"),
    moved("project-without-extension", f"{PLAN_2024}/projects/1-1-1.yaml", f"{PLAN_2024}/projects/1-1-1"),
    moved("project-upper-extension", f"{PLAN_2024}/projects/1-1-1.yaml", f"{PLAN_2024}/projects/1-1-1.YAML"),
    moved("results-year-renamed", RESULTS_2021, f"{RESULTS_2019}/2021-old"),
    moved("results-plan-misspelt", RESULTS_2019, "results/seoul-citizen-participation-2O19"),
    moved("check-yml", f"{RESULTS_2021}/check.yaml", f"{RESULTS_2021}/check.yml"),
    moved("results-file-yml", f"{RESULTS_2021}/projects/1-1-1.yaml", f"{RESULTS_2021}/projects/1-1-1.yml"),
    moved("results-projects-misnamed", f"{RESULTS_2021}/projects", f"{RESULTS_2021}/project"),
    added("stray-file-in-plans", "plans/readme.txt"),
    added("stray-folder-in-plans", "plans/notes/a.txt"),
    added("yaml-beside-the-plans", "plans/extra.yaml", b"id: x\n"),
    added("stray-file-in-a-plan", f"{PLAN_2024}/notes.txt"),
    added("stray-folder-in-a-plan", f"{PLAN_2024}/old/1-1-1.yaml", b"id: 1-1-1\n"),
    added("project-file-in-the-plan-folder", f"{PLAN_2024}/1-1-1.yaml", b"id: 1-1-1\n"),
    added("stray-file-in-results", "results/readme.txt"),
    added("stray-file-in-a-plans-results", f"{RESULTS_2019}/notes.txt"),
    added("results-for-an-unknown-plan", "results/no-such-plan/2024/check.yaml", b"plan: no-such-plan\nyear: 2024\n"),
    added("stray-file-in-a-year", f"{RESULTS_2021}/projects/notes.txt"),
    added("office-lock-file", f"{PLAN_2024}/projects/~$1-1-1.yaml", b""),
    # Hidden files (a leading dot) belong to the system or to git, and are the one kind that is skipped.
    Case("hidden-file-is-ignored", "own", f"{PLAN_2024}/projects/.DS_Store", new_bytes=b"\x00\x01", exit_code=0),
    Case(
        "results-copied-to-a-wrong-year",
        "message",
        f"{RESULTS_2019}/2022/check.yaml",
        new_bytes=b"plan: seoul-citizen-participation-2019\nyear: 2021\ntitle: {ko: x, en: x}\n",
    ),
    Case(
        "results-folder-copied-to-a-wrong-year",
        "message",
        "",
        copy=(RESULTS_2021, f"{RESULTS_2019}/2022"),
        expect=("1 error, 0 warnings",),
    ),
    Case(
        "results-year-outside-the-period",
        "message",
        f"{RESULTS_2019}/2030/check.yaml",
        new_bytes=b"plan: seoul-citizen-participation-2019\nyear: 2030\ntitle: {ko: x, en: x}\n",
    ),
    Case(
        "results-of-another-plan",
        "message",
        f"{RESULTS_2021}/check.yaml",
        old="plan: seoul-citizen-participation-2019",
        new="plan: seoul-citizen-participation-2024",
    ),
]

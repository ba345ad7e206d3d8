"""Data loss: `plansite build --out` must never replace a folder it did not write (issue 10)."""

from __future__ import annotations

from .corpus import PLAN_2019, PLAN_2024, Case

REFUSED_DATA = "refusing to build the site there, it would replace"
NOT_OURS = "is not empty and was not written by plansite build, so it is left as it is"


def _build(case_id: str, out: str, expect: str, kept: tuple[str, ...] = ()) -> Case:
    return Case(case_id, "data-loss", "", args=("build", "--out", out), exit_code=2, expect=(expect,), kept=kept)


CASES = [
    _build("out-is-results", "results", f"plansite: results: {REFUSED_DATA} results", ("results",)),
    _build("out-is-plans", "plans", f"plansite: plans: {REFUSED_DATA} plans", ("plans",)),
    _build("out-is-a-plan", PLAN_2024, f"{REFUSED_DATA} plans", (PLAN_2024,)),
    _build("out-is-another-plan", PLAN_2019, f"{REFUSED_DATA} plans", (PLAN_2019,)),
    _build("out-inside-a-plan", f"{PLAN_2024}/site", f"{REFUSED_DATA} plans", (PLAN_2024,)),
    _build("out-inside-results", "results/site", f"{REFUSED_DATA} results", ("results",)),
    _build("out-is-the-config", "site.yaml", f"{REFUSED_DATA} site.yaml", ("site.yaml",)),
    _build("out-is-docs", "docs", f"plansite: docs: {NOT_OURS}", ("docs/data-format.md",)),
    _build("out-is-the-root", ".", "refusing to replace a folder that holds the data repository", ("plans",)),
    _build("out-contains-the-root", "..", "refusing to replace a folder that holds the data repository", ("plans",)),
    _build("out-is-a-file", "README.md", "plansite: README.md: exists and is not a folder", ("README.md",)),
    Case(
        "out-is-a-previous-site",
        "data-loss",
        "site-out/.plansite-output",
        new_bytes=b"Written by `plansite build`; this folder is replaced by the next build.\n",
        args=("build", "--out", "site-out", "--quiet"),
        exit_code=0,
        kept=("site-out/index.html",),
        output=("site-out",),
    ),
    Case(
        "out-is-a-user-folder-with-one-file",
        "data-loss",
        "mine/notes.txt",
        new_bytes=b"my notes",
        args=("build", "--out", "mine"),
        exit_code=2,
        expect=(f"plansite: mine: {NOT_OURS}",),
        kept=("mine/notes.txt",),
    ),
    Case(
        "out-is-an-empty-folder",
        "data-loss",
        "empty/.keep-me-out",
        new_bytes=b"",
        args=("build", "--out", "empty"),
        exit_code=2,
        expect=(f"plansite: empty: {NOT_OURS}",),
        kept=("empty/.keep-me-out",),
    ),
]

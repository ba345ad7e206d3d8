"""The hostile-input corpus: each case is the shipped data with one change, and what `plansite` must say.

A case names the file it changes (relative to the repository root), how (replace one exact text, or write new
bytes), the command to run (`validate --strict` unless said), the exit code, and lines the output must hold —
`file:line:col: message` exactly as a user sees it. Cases live in `cases_*.py` by class; `test_corpus.py` runs
them all and also checks that no case ends in a traceback and that no data file is deleted or changed except
the one the case edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLAN_2024 = "plans/seoul-citizen-participation-2024"
PLAN_2019 = "plans/seoul-citizen-participation-2019"
RESULTS_2021 = "results/seoul-citizen-participation-2019/2021"


@dataclass(frozen=True)
class Case:
    id: str  # unique, short, readable: "alias-billion-laughs"
    kind: str  # the class in the issue: data-loss, skip, traceback, acceptance, message, xss, own
    file: str  # repository-relative path of the file the case writes ("" when it changes nothing)
    old: str = ""  # exact text replaced once in `file`; empty with `new_bytes` to write the whole file
    new: str = ""
    new_bytes: bytes | None = None  # the whole new content of `file` (a new file, or raw bytes)
    args: tuple[str, ...] = ("validate", "--strict")
    exit_code: int = 1
    expect: tuple[str, ...] = ()  # lines (or parts of lines) the output must contain
    forbid: tuple[str, ...] = ()  # texts the output must not contain
    kept: tuple[str, ...] = field(default=())  # paths that must still exist afterwards (besides all data files)
    rename: tuple[str, str] | None = None  # move a file or folder first (from, to), e.g. plan.yaml → plan.yml
    copy: tuple[str, str] | None = None  # copy a file or folder first (from, to), e.g. a year of results
    links: tuple[tuple[str, str], ...] = ()  # symbolic links made first: (path, where it points), e.g. a loop
    files: tuple[tuple[str, bytes], ...] = ()  # more files written first (path, content), e.g. a user's folder
    output: tuple[str, ...] = ()  # what the command may write or replace besides output/ and .plansite-cache/

"""When each data file last changed: the "last updated" date of every page, read from the data's git history.

One `git log` over the data folders gives, newest commit first, the files each commit touched; the first date
a file is seen is its last change, the last date its first commit (when it was first published, for the feeds).
A page then asks for the files and folders it shows (`FileDates.latest`).
The line read is HEAD's first-parent history, as for the amendments: a change merged from a branch counts from
the day it was merged, when it was published. Uncommitted changes are not on the record (the site then shows
the date of the last commit, as it shows the committed amendments).

It takes one call of git for the whole site, about 30 ms on the shipped data, so it is not cached.
"""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from generator.errors import UsageError
from generator.review.record import FileDates, Unavailable
from generator.review.revisions import _git

# Marks the start of each commit in the log, before its date (a NUL separates file names with -z).
_COMMIT = "\x01"


def file_dates(root: Path, paths: Sequence[str]) -> FileDates | Unavailable:
    """The last commit date of every file under `paths` (relative to `root`, the data repository's root) and of
    every folder above them; Unavailable when `root` is not in a git repository with commits."""
    try:
        found = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
        if found.returncode != 0:
            return Unavailable("the data is not in a git repository with commits")
        log = _git(
            root,
            *("-c", "core.quotePath=false", "log", "--first-parent", "-z", "--relative", "--name-only"),
            f"--format={_COMMIT}%cI",
            "--",
            *paths,
        )
    except UsageError:
        return Unavailable("git is not installed")
    except subprocess.TimeoutExpired:
        return Unavailable("git took too long to read the data's history")
    if log.returncode != 0:
        return Unavailable("git could not read the data's history")
    return FileDates(*_dates(log.stdout.decode("utf-8", "replace")))


def _dates(log: str) -> tuple[dict[str, str], dict[str, str]]:
    """Each file's newest and oldest date, and each folder's newest and oldest date of any file under it, from
    the log's text."""
    dates: dict[str, str] = {}
    first: dict[str, str] = {}
    for commit in log.split(_COMMIT)[1:]:
        date, _, names = commit.partition("\0")
        day = date.strip()[:10]
        for name in names.split("\0"):
            name = unicodedata.normalize("NFC", name.strip("\n"))  # a name typed on a Mac may be decomposed
            if not name:
                continue
            path = PurePosixPath(name)
            for place in (path, *list(path.parents)[:-1]):
                key = str(place)
                if dates.get(key, "") < day:
                    dates[key] = day
                if first.get(key, day) >= day:
                    first[key] = day
    return dates, first

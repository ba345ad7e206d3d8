"""The data at a git revision, read with git itself into a private folder; the user's work tree is never touched.

`plansite diff` compares two sides. A side is a folder (the working tree, or any data repository), or a git
revision of the repository the working tree belongs to: its data folders are exported with `git archive` into
a temporary folder, which is removed afterwards.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.data.layout import PLANS_DIR, RESULTS_DIR
from generator.errors import Problem, UsageError, display_path
from generator.i18n import msg

WORKING_TREE = "working tree"
MAIN_BRANCHES = ("main", "master", "origin/main", "origin/master")
_GIT_TIMEOUT = 120  # seconds; a data repository's archive takes well under one


@dataclass(frozen=True)
class Side:
    """One side of a comparison: where its data lies now, and what the user called it."""

    root: Path
    label: str  # "working tree", a folder as given, or a revision with its short commit id
    problems: tuple[Problem, ...] = ()  # what could not be taken out of the revision (a link leading out of it)


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, check=False, timeout=_GIT_TIMEOUT
        )
    except FileNotFoundError:
        raise UsageError(msg("git_missing")) from None


def git_prefix(root: Path) -> str:
    """Where `root` lies inside its git repository ("" at the top); UsageError when it is not in one."""
    found = _git(root, "rev-parse", "--show-prefix")
    if found.returncode != 0:
        raise UsageError(msg("not_in_git", where=display_path(root)))
    return found.stdout.decode("utf-8", "replace").strip()


def commit_of(root: Path, revision: str) -> str:
    """The commit a revision names; UsageError naming the revision when git knows none."""
    if revision.startswith("-"):
        raise UsageError(msg("not_a_revision", revision=revision))
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise UsageError(msg("unknown_revision", revision=revision))
    return found.stdout.decode().strip()


def default_base(root: Path) -> tuple[str, str]:
    """The merge base of HEAD with the main branch, where the change under review started; and its label."""
    git_prefix(root)  # not a git repository: say so first
    for branch in MAIN_BRANCHES:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}").returncode != 0:
            continue
        found = _git(root, "merge-base", "HEAD", branch)
        if found.returncode == 0:
            commit = found.stdout.decode().strip()
            return commit, f"{branch} ({commit[:7]})"
    raise UsageError(msg("no_main_branch"))


@contextmanager
def exported(root: Path, revision: str, label: str = "") -> Iterator[Side]:
    """The data folders of `root` as they were at `revision`, in a temporary folder for the time of the block."""
    prefix = git_prefix(root)
    commit = commit_of(root, revision)
    label = label or (commit[:7] if commit.startswith(revision) else f"{revision} ({commit[:7]})")
    folder = Path(tempfile.mkdtemp(prefix="plansite-diff-"))
    try:
        (folder / PLANS_DIR).mkdir()  # a revision before the data existed has no plans: all of them are new
        paths = _data_paths(root, commit, prefix)
        if paths:
            archive = _git(_top(root, prefix), "archive", "--format=tar", f"{commit}:{prefix}", "--", *paths)
            if archive.returncode != 0:
                reason = archive.stderr.decode("utf-8", "replace").strip().splitlines() or [msg("no_reason_given")]
                raise UsageError(msg("git_cannot_read", revision=revision, reason=reason[-1]))
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                refused = _extract(tar, folder)
        problems = tuple(
            Problem(
                name,
                1,
                1,
                msg("revision_link_not_read", name=Path(name).name, revision=label),
                hint=msg("hint_link_itself"),
            )
            for name in refused
        )
        yield Side(folder, label, problems)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _extract(tar: tarfile.TarFile, folder: Path) -> list[str]:
    """Extract the archive into `folder`, never a link that is absolute or leads out of it (nor a device, nor an
    absolute name: tarfile's "data" filter); what was left out, by name, for the revision's problems."""
    refused: list[str] = []

    def keep(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        try:
            return tarfile.data_filter(member, path)
        except tarfile.FilterError:
            refused.append(member.name)
            return None

    tar.extractall(folder, filter=keep)
    return refused


def is_revision(root: Path, name: str) -> bool:
    """Whether git, in the repository `root` is in, knows `name` as a revision (False outside git)."""
    try:
        found = _git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    except UsageError:  # no git at all
        return False
    return found.returncode == 0 and not name.startswith("-")


def _data_paths(root: Path, commit: str, prefix: str) -> list[str]:
    """The data folders that exist at `commit` (git archive fails on a missing path).

    The site configuration is not compared: it names the site, not the plan's figures."""
    listed = _git(_top(root, prefix), "ls-tree", "--name-only", f"{commit}:{prefix}")
    present = set(listed.stdout.decode("utf-8", "replace").splitlines()) if listed.returncode == 0 else set()
    return [name for name in (PLANS_DIR, RESULTS_DIR) if name in present]


def _top(root: Path, prefix: str) -> Path:
    """The top of the git repository: run in a folder below it, git archive and ls-tree list only that folder
    of the tree given, which for `<commit>:<prefix>` (the tree of that folder itself) is nothing."""
    return root.joinpath(*[".."] * len(Path(prefix).parts)) if prefix else root

"""Issue 25: `plansite diff` and the amendments record with a name that is a folder and a revision, and with
symbolic links in a revision's tree (absolute or leading out of it): reported, never extracted or followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.review.amendments import amendments
from generator.review.record import Amendments

from .test_amendments import RESULT, commit, edit, published
from .test_diff import diff, git


@pytest.fixture
def repo(demo_root: Path) -> Path:
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "data")
    return demo_root


def test_a_folder_named_like_a_revision_must_say_which(repo: Path) -> None:
    (repo / "main").mkdir()
    (repo / "main/plans").symlink_to(repo / "plans")  # a data folder called main, beside the branch main
    code, output = diff("main")
    assert code == 2, output
    assert output.startswith(
        "plansite: 'main' is both a folder and a git revision; write ./main for the folder or main~0 for the revision"
    )
    assert diff("./main")[0] == 0
    code, output = diff("main~0")
    assert code == 0, output
    assert "main~0" in output


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../outside.yaml"])
def test_a_link_in_a_revision_is_a_problem_of_that_revision_never_extracted(repo: Path, target: str) -> None:
    link = repo / "plans/demo/projects/1-1-9.yaml"
    link.symlink_to(target)
    git("add", "-A")
    git("commit", "-q", "-m", "a link")
    link.unlink()
    code, output = diff("HEAD~1", "HEAD")
    assert code == 1, output
    assert "Traceback" not in output
    assert (
        "plans/demo/projects/1-1-9.yaml:1:1: '1-1-9.yaml' is a symbolic link at HEAD (" in output
        and "that is absolute or leads out of the repository, so it was not read" in output
    )
    code, output = diff("HEAD", "HEAD~1")  # as the base: no traceback either, and the head has no errors
    assert code == 0, output


def test_a_link_anywhere_in_the_history_does_not_end_the_record(tmp_path: Path) -> None:
    root = published(tmp_path / "repo")
    link = root / "plans/demo/projects/1-1-9.yaml"
    link.symlink_to("/etc/passwd")
    commit(root, "A link by mistake", "2025-02-01T09:00:00+09:00")
    link.unlink()
    edit(root / RESULT, "actual: 6", "actual: 5")
    commit(root, "Link removed, an actual corrected", "2025-02-02T09:00:00+09:00")
    record = amendments(root, None)
    assert isinstance(record, Amendments), record
    assert record.items[0].subject == "Link removed, an actual corrected"
    assert not os.path.exists(tmp_path / "etc")

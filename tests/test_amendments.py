"""Amendments on the record, from a temporary git repository of synthetic data made by each test."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.review import amendments as module
from generator.review.amendments import Amendment, Amendments, Unavailable, amendments, history
from generator.review.view import Row
from tests.conftest import FIXTURES

PROJECT = Path("plans/demo/projects/1-1-1.yaml")
RESULT = Path("results/demo/2024/projects/1-1-1.yaml")
SUBJECTS = (
    "Publish the plan and the 2024 check",
    "Correct the 2025 target of 1-1-1",
    "Correct the 2024 actual of 1-1-1",
    "Reformat 1-1-1",
    "Add unit project 1-1-3",
    "The 2025 check",
)


def git(root: Path, *arguments: str, date: str = "") -> str:
    env = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date} if date else None
    done = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@e", *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout


def commit(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, "-m", "A body line the subject does not show.", date=date)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def published(root: Path) -> Path:
    """The demo plan and its 2024 check, first committed."""
    shutil.copytree(FIXTURES / "minimal" / "demo", root / "plans" / "demo")
    shutil.copytree(FIXTURES / "minimal" / "results", root / "results")
    (root / "README.md").write_text("The data.\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, SUBJECTS[0], "2025-01-10T10:00:00+09:00")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Six commits that touch the data (one of them only its layout) and one that touches only the README."""
    root = published(tmp_path / "repo")
    edit(root / PROJECT, "targets: {2024: 5, 2025: 7}\n    total: 12", "targets: {2024: 5, 2025: 9}\n    total: 14")
    commit(root, SUBJECTS[1], "2025-02-01T09:00:00+09:00")
    edit(root / RESULT, "actual: 6", "actual: 4")
    commit(root, SUBJECTS[2], "2025-03-01T23:30:00-05:00")  # 2025-03-02 in UTC: the commit's own day is kept
    edit(root / PROJECT, "# Synthetic test project (not real data).", "# Synthetic test project (not real data!)")
    edit(
        root / PROJECT,
        "departments:\n  - {ko: 시험과, en: Test Division}",
        "departments: [{ko: 시험과, en: Test Division}]",
    )
    commit(root, SUBJECTS[3], "2025-03-05T09:00:00+09:00")
    (root / "README.md").write_text("The data, amended.\n", encoding="utf-8")
    commit(root, "README only", "2025-03-06T09:00:00+09:00")
    added = (root / PROJECT).read_text(encoding="utf-8").replace("1-1-1", "1-1-3").replace("사업 하나", "사업 셋")
    (root / PROJECT).with_name("1-1-3.yaml").write_text(added, encoding="utf-8")
    commit(root, SUBJECTS[4], "2025-04-01T09:00:00+09:00")
    shutil.copytree(root / "results/demo/2024", root / "results/demo/2025")
    edit(root / "results/demo/2025/check.yaml", "year: 2024", "year: 2025")
    edit(root / "results/demo/2025/check.yaml", "2024년 시험 점검, en: 2024", "2025년 시험 점검, en: 2025")
    commit(root, SUBJECTS[5], "2025-05-01T09:00:00+09:00")
    return root


def found(root: Path, cache: Path | None = None) -> Amendments:
    result = amendments(root, cache)
    assert isinstance(result, Amendments), result
    return result


def rows(amendment: Amendment, lang: str = "en") -> list[tuple[str, str, str]]:
    return [(row.label, row.before, row.after) for row in amendment.rows(lang)]


def test_the_history_is_the_commits_that_touch_the_data_oldest_first(repo: Path) -> None:
    commits = history(repo)
    assert not isinstance(commits, Unavailable)
    assert [c.subject for c in commits] == list(SUBJECTS)  # not the README's commit
    assert [c.date for c in commits] == [
        "2025-01-10",
        "2025-02-01",
        "2025-03-01",
        "2025-03-05",
        "2025-04-01",
        "2025-05-01",
    ]
    assert commits[-1].commit == git(repo, "rev-parse", "HEAD").strip()


def test_only_changes_to_published_figures_are_amendments_newest_first(repo: Path) -> None:
    record = found(repo)
    assert record.commits == 6
    # The first publication, the layout, the new project and the new year's check amend nothing.
    assert {a.subject for a in record.items} == {SUBJECTS[1], SUBJECTS[2]}
    assert [a.subject for a in record.for_plan("demo")] == [SUBJECTS[2]] * 3 + [SUBJECTS[1]]
    assert record.for_plan("other") == ()

    actual, counted, computed, target = record.for_plan("demo")
    assert (target.project_id, target.year, target.date) == ("1-1-1", None, "2025-02-01")
    assert target.heading("en") == "1-1-1 Project one" and target.heading("ko") == "1-1-1 사업 하나"
    assert rows(target) == [
        ("1-1-1-1 Indicator one: 2025 target", "7", "9"),
        ("1-1-1-1 Indicator one: Stated total", "12", "14"),
    ]
    assert rows(target, "ko")[0] == ("1-1-1-1 지표 하나: 2025년 목표", "7", "9")

    assert (actual.project_id, actual.year, actual.date) == ("1-1-1", 2024, "2025-03-01")
    assert rows(actual) == [
        ("1-1-1-1 Indicator one: 2024 actual", "6", "4"),
        ("1-1-1-1 Indicator one: 2024 rate", "120%", "80%"),
        ("1-1-1-1 Indicator one: 2024 grade", "A+", "C"),
        ("1-1-1-1 Indicator one: 2024 grade counted (published or assessed)", "A+", "C"),
    ]
    # The year's distribution, as counted and as the figures give it, moved with the actual.
    assert (counted.project_id, counted.year) == (None, 2024)
    assert counted.heading("en") == "2024 grade distribution"
    assert ("A+", "1", "0") in rows(counted) and ("C", "0", "1") in rows(counted)
    assert computed.heading("en") != counted.heading("en") and computed.year == 2024

    assert record.for_project("demo", "1-1-1") == (actual, target)
    assert record.for_project("demo", "1-1-3") == ()
    assert record.for_report("demo", 2024) == (actual, counted, computed)
    assert record.for_report("demo", 2025) == ()
    assert all(a.commit == record.items[0].commit for a in (actual, counted, computed))
    hash(record)  # page models compare and hash them


def test_the_cache_answers_a_second_run_without_exporting_any_revision(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    exports: list[str] = []
    real = module.exported

    def counted(root: Path, revision: str, label: str = ""):  # type: ignore[no-untyped-def]
        exports.append(revision)
        return real(root, revision, label)

    monkeypatch.setattr(module, "exported", counted)
    cold = found(repo, cache)
    # Each commit's data is exported once: the "after" of one commit is the "before" of the next.
    assert sorted(exports) == sorted(c.commit for c in history(repo))  # type: ignore[union-attr]
    assert cold.computed == 6 and len(list((cache / "amendments").glob("*.json"))) == 6

    exports.clear()
    warm = found(repo, cache)
    assert warm == cold and warm.computed == 0 and exports == []
    assert found(repo) == cold  # and the same without a cache


def test_a_corrupt_or_outdated_cache_entry_is_computed_again_and_rewritten(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = found(repo, cache)
    entries = sorted((cache / "amendments").glob("*.json"))
    entries[0].write_text('{"version": "', encoding="utf-8")
    entries[1].write_text('{"version": 1, "entry": []}', encoding="utf-8")
    again = found(repo, cache)
    assert again == cold and again.computed == 2
    assert found(repo, cache).computed == 0  # rewritten whole
    assert not list((cache / "amendments").glob("*.tmp"))


def test_changed_comparison_code_misses_the_cache(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cold = found(repo, cache)
    monkeypatch.setattr(module, "comparison_version", lambda: "other code")
    again = found(repo, cache)
    assert again == cold and again.computed == 6


def test_a_commit_that_breaks_the_data_is_skipped_and_the_next_compared_with_the_last_good_data(
    tmp_path: Path,
) -> None:
    root = published(tmp_path / "repo")
    (root / "plans/demo/plan.yaml").rename(root / "plans/demo/plan.txt")
    commit(root, "Broken", "2025-02-01T09:00:00+09:00")
    (root / "plans/demo/plan.txt").rename(root / "plans/demo/plan.yaml")
    edit(root / RESULT, "actual: 6", "actual: 5")
    commit(root, "Mended, and an actual corrected", "2025-02-02T09:00:00+09:00")
    record = found(root)
    assert record.commits == 3
    newest = record.items[0]
    assert (newest.subject, newest.project_id, newest.year) == ("Mended, and an actual corrected", "1-1-1", 2024)
    assert rows(record.items[0])[0] == ("1-1-1-1 Indicator one: 2024 actual", "6", "5")


def test_a_removed_project_and_a_moved_project_are_amendments(tmp_path: Path) -> None:
    root = published(tmp_path / "repo")
    edit(root / RESULT, "actual: 6", "actual: 5")
    commit(root, "Correct an actual", "2025-02-01T09:00:00+09:00")
    (root / "plans/demo/projects/1-1-2.yaml").unlink()
    (root / "results/demo/2024/projects/1-1-2.yaml").unlink()
    commit(root, "Withdraw 1-1-2", "2025-03-01T09:00:00+09:00")
    for folder in ("plans/demo/projects", "results/demo/2024/projects"):
        moved = (root / folder / "1-1-1.yaml").read_text(encoding="utf-8").replace("1-1-1", "1-1-4")
        (root / folder / "1-1-4.yaml").write_text(moved, encoding="utf-8")
        (root / folder / "1-1-1.yaml").unlink()
    commit(root, "Renumber 1-1-1 as 1-1-4", "2025-04-01T09:00:00+09:00")
    record = found(root)
    removed = next(a for a in record.items if a.subject == "Withdraw 1-1-2" and a.project_id == "1-1-2")
    assert rows(removed) == [("1-1-2 Project two (removed)", "1-1-2 Project two", "–")]
    move = record.for_project("demo", "1-1-4")
    assert [(a.subject, a.moved_from) for a in move] == [
        ("Renumber 1-1-1 as 1-1-4", "1-1-1"),
        ("Correct an actual", None),
    ]
    assert rows(move[0]) == [("1-1-4 Project one (moved: 1-1-1 → 1-1-4)", "1-1-1", "1-1-4")]


def test_outside_git_the_record_is_unavailable_and_says_why(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "minimal" / "demo", tmp_path / "plans" / "demo")
    result = amendments(tmp_path, tmp_path / "cache")
    assert isinstance(result, Unavailable) and "git repository" in result.reason
    assert isinstance(history(tmp_path), Unavailable)


def test_without_git_installed_the_record_is_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    result = amendments(tmp_path)
    assert isinstance(result, Unavailable) and "git is not installed" in result.reason


def test_a_repository_without_commits_has_no_record(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    result = amendments(tmp_path)
    assert isinstance(result, Unavailable) and "no commits" in result.reason


def test_a_shallow_clone_is_unavailable_since_its_early_history_is_missing(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True
    )
    result = amendments(clone)
    assert isinstance(result, Unavailable)
    assert "shallow" in result.reason and "fetch-depth: 0" in result.reason


def test_the_record_is_of_the_commits_not_the_working_tree(repo: Path) -> None:
    before = found(repo)
    edit(repo / RESULT, "actual: 4", "actual: 2")
    assert found(repo) == before


def test_a_data_folder_below_the_top_of_the_repository(tmp_path: Path) -> None:
    top = tmp_path / "top"
    root = top / "data"
    shutil.copytree(FIXTURES / "minimal" / "demo", root / "plans" / "demo")
    shutil.copytree(FIXTURES / "minimal" / "results", root / "results")
    (top / "plans").mkdir()
    (top / "plans" / "unrelated.txt").write_text("not this data\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    commit(top, "Publish", "2025-01-10T10:00:00+09:00")
    (top / "plans" / "unrelated.txt").write_text("still not this data\n", encoding="utf-8")
    commit(top, "Unrelated", "2025-01-11T10:00:00+09:00")
    edit(root / RESULT, "actual: 6", "actual: 5")
    commit(top, "Correct", "2025-01-12T10:00:00+09:00")
    record = found(root, tmp_path / "cache")
    assert record.commits == 2 and {a.subject for a in record.items} == {"Correct"}
    assert isinstance(record.items[0].rows("en")[0], Row)


def test_a_merged_branch_is_one_amendment_of_the_merge_commit(tmp_path: Path) -> None:
    root = published(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "fix")
    edit(root / RESULT, "actual: 6", "actual: 5")
    commit(root, "On the branch: 5", "2025-02-01T09:00:00+09:00")
    edit(root / RESULT, "actual: 5", "actual: 3")
    commit(root, "On the branch: 3", "2025-02-02T09:00:00+09:00")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "fix", "-m", "Merge the correction", date="2025-02-03T09:00:00+09:00")
    record = found(root)
    assert record.commits == 2  # the first-parent line: what was published on main, in the order it was
    assert {a.subject for a in record.items} == {"Merge the correction"}
    assert rows(record.for_project("demo", "1-1-1")[0])[0] == ("1-1-1-1 Indicator one: 2024 actual", "6", "3")


def test_a_commit_with_errors_published_nothing_and_its_change_counts_with_the_next_valid_one(
    tmp_path: Path,
) -> None:
    root = published(tmp_path / "repo")
    edit(root / RESULT, "actual: 6", "actual: six")  # the year's results do not load: not "2024 withdrawn"
    commit(root, "Invalid actual", "2025-02-01T09:00:00+09:00")
    edit(root / RESULT, "actual: six", "actual: 3")
    edit(root / PROJECT, "targets: {2024: 5,", "targets: {2024: [5],")  # the project does not load
    commit(root, "Valid actual, invalid target", "2025-02-02T09:00:00+09:00")
    edit(root / PROJECT, "targets: {2024: [5],", "targets: {2024: 5,")
    commit(root, "Valid again", "2025-02-03T09:00:00+09:00")
    record = found(root)
    assert {a.subject for a in record.items} == {"Valid again"}
    assert rows(record.for_project("demo", "1-1-1")[0])[0] == ("1-1-1-1 Indicator one: 2024 actual", "6", "3")


def test_a_user_error_while_reading_the_history_is_said_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.errors import UsageError
    from generator.i18n import msg, render, t

    def failing(*_args: object) -> object:
        raise UsageError(msg("history_no_git"))  # as `_git` raises it when git is gone meanwhile

    monkeypatch.setattr(module, "history", lambda _root: [])
    monkeypatch.setattr(module, "_changes", failing)
    result = amendments(tmp_path)
    assert isinstance(result, Unavailable)
    assert render(result.reason, "ko") == t("history_unreadable", "ko", reason=t("history_no_git", "ko"))

"""`plansite diff`'s inputs: each side found (a folder, a git revision, the working tree), checked and evaluated."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path

from generator.data.layout import PLANS_DIR, RESULTS_DIR, DataRepository
from generator.data.validate import validate_repository
from generator.errors import UsageError, display_path
from generator.evaluation.year import evaluate_year
from generator.i18n import msg
from generator.review.changes import DataDiff
from generator.review.compare import Snapshot, compare
from generator.review.revisions import WORKING_TREE, Side, default_base, exported, is_revision


def diff_data(root: Path, base: str | None = None, head: str | None = None) -> DataDiff:
    """What the data of `head` (default: the working tree at `root`) changes against `base` (default: where
    the branch left the main branch). Each is a git revision of the repository `root` is in, or a folder."""
    with ExitStack() as stack:
        old = stack.enter_context(_side(root, *((base, "") if base is not None else default_base(root))))
        new = stack.enter_context(_side(root, head)) if head is not None else Side(root, WORKING_TREE)
        return compare(side_snapshot(old), side_snapshot(new), old.label, new.label)


def side_snapshot(side: Side) -> Snapshot:
    """A side's snapshot, with what could not be taken out of its revision among its problems."""
    taken = snapshot(side.root)
    return replace(taken, problems=tuple(sorted((*taken.problems, *side.problems)))) if side.problems else taken


@contextmanager
def _side(root: Path, name: str, label: str = "") -> Iterator[Side]:
    """A folder of data, or a git revision; a name that is both must say which (./NAME, NAME~0)."""
    folder = Path(name)
    if (folder / PLANS_DIR).is_dir():
        as_folder = name.startswith(("./", "../", "/")) or name.endswith("/")
        if not as_folder and is_revision(root, name):
            raise UsageError(msg("diff_name_ambiguous", name=name))
        yield Side(folder, display_path(folder))
        return
    with exported(root, name, label) as side:
        yield side


def snapshot(root: Path) -> Snapshot:
    """One side's plans and results, checked, with problems named by their place in the data repository."""
    return snapshot_of(DataRepository(root, root / PLANS_DIR, root / RESULTS_DIR, None))


def snapshot_of(repository: DataRepository, only: list[Path] | None = None) -> Snapshot:
    """As `snapshot`, for a repository whose folders lie anywhere (an import's staged results), or some plans."""
    root = repository.root
    report = validate_repository(repository, keep_invalid=True, only=only)
    evaluations = {
        plan.id: {year: evaluate_year(plan, results) for year, results in report.results.get(plan.id, {}).items()}
        for plan in report.plans
    }
    prefix = display_path(root).rstrip("/") + "/"
    problems = tuple(replace(problem, file=problem.file.removeprefix(prefix)) for problem in report.problems)
    return Snapshot({plan.id: plan for plan in report.plans}, evaluations, problems)

"""Amendments on the record: what each commit of the data's git history changed in figures already published.

The history is the first-parent line of HEAD, limited to the commits that touch `plans/` and `results/`. Each
is compared with the data before it by the semantic diff (`compare`); what it changes in things that already
existed is an amendment. What a commit adds (a plan, a strategy or task, a unit project, an indicator, a year
of results) is its first publication; a commit that changed files but not the data (comments, layout) amends
nothing; a commit whose data has errors could not be built, so its changes count with the next valid one.
Uncommitted changes are not on the record.

A commit's comparison never changes: it is kept in the cache folder, one JSON file per commit, as the
language-neutral records of `changes.py`, under a hash of the code that computes them, so a warm build reads
the history without exporting any revision. The wording is done afresh on every run (it is fast).

A cached comparison is evidence, not truth: it is sealed with a hash over what it derives from (the code's
version, the data's place in the repository, the commit and the commit it was compared with) and its records;
it is read only from a regular file of bounded size; and it must decode to the records exactly, every field one
the catalogue names and every amendment worded. An entry that fails is computed again, replaced and counted
(`Amendments.rejected`). The seal catches a damaged, edited or misplaced entry, not one forged by someone who
also recomputes the seal: a published record is built with no cache from other runs (docs/publishing.md).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.data.layout import PLANS_DIR, RESULTS_DIR
from generator.errors import PlansiteError, Severity, UsageError, display_path, error_message
from generator.fingerprint import UnusableEntry, code_closure, fingerprint, is_real_folder, read_entry_file, seal
from generator.i18n import LANGUAGES, UI, msg, t
from generator.numbers import NONE
from generator.review.changes import DistributionChange, FieldChange, Kind, PlanChange, ProjectChange
from generator.review.compare import Snapshot, compare
from generator.review.formats import from_plain_json, plain_json
from generator.review.record import Amendment, Amendments, Commit, Unavailable, Wording
from generator.review.revisions import _git, exported
from generator.review.sides import side_snapshot
from generator.review.view import PlanView, Row, plan_view, project_section, text_of

CACHE_FOLDER = "amendments"  # inside the cache folder (.plansite-cache), beside the charts
CACHE_FORMAT = 1
# The code whose behaviour decides a comparison's records, as paths inside the package; and its libraries.
_LIBRARIES = ("pydantic", "PyYAML")
_EMPTY = Snapshot({}, {}, ())
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # one commit's comparison; a larger file is not one this cache wrote


def amendments(root: Path, cache_dir: Path | None = None) -> Amendments | Unavailable:
    """The amendments to the data at `root` (a data repository in a git repository), newest first.

    `cache_dir` (usually `<root>/.plansite-cache`) keeps each commit's comparison; None keeps nothing."""
    commits = history(root)
    if isinstance(commits, Unavailable):
        return commits
    try:
        prefix = _git(root, "rev-parse", "--show-prefix").stdout.decode("utf-8", "replace").strip()
        cache = _Cache(cache_dir / CACHE_FOLDER) if cache_dir else None
        changes, computed = _changes(root, commits, cache, prefix)
    except (UsageError, OSError, subprocess.SubprocessError) as error:
        return Unavailable(msg("history_unreadable", reason=error_message(error)))
    items = [
        amendment
        for commit in reversed(commits)
        for plan in changes[commit.commit]
        for amendment in _amendments_of(commit, plan)
    ]
    return Amendments(tuple(items), len(commits), computed, cache.rejected if cache else 0)


def history(root: Path) -> list[Commit] | Unavailable:
    """The commits of HEAD's first-parent line that change `plans/` or `results/` at `root`, oldest first."""
    where = display_path(root)
    try:
        shallow = _git(root, "rev-parse", "--is-shallow-repository")
        if shallow.returncode != 0:
            return Unavailable(msg("history_not_git", where=where))
        if shallow.stdout.strip() == b"true":
            return Unavailable(msg("history_shallow"))
        if _git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
            return Unavailable(msg("history_no_commits", where=where))
        log = _git(root, "log", "--first-parent", "--reverse", "--format=%H%x00%cI%x00%s", "--", PLANS_DIR, RESULTS_DIR)
    except UsageError:
        return Unavailable(msg("history_no_git"))
    except subprocess.TimeoutExpired:
        return Unavailable(msg("history_too_slow"))
    if log.returncode != 0:
        reason = log.stderr.decode("utf-8", "replace").strip().splitlines() or [msg("no_reason_given")]
        return Unavailable(msg("history_unreadable", reason=reason[-1]))
    commits = []
    for line in log.stdout.decode("utf-8", "replace").splitlines():
        commit, date, subject = line.split("\0", 2)
        commits.append(Commit(commit, date[:10], subject))
    return commits


@dataclass(frozen=True)
class _Entry:
    """A commit compared: with which commit's data (None: none yet), whether it could be published, and what
    it changed."""

    base: str | None
    published: bool
    plans: tuple[PlanChange, ...]


def _changes(
    root: Path, commits: list[Commit], cache: _Cache | None, prefix: str
) -> tuple[dict[str, tuple[PlanChange, ...]], int]:
    """Each commit's plan changes against the last commit before it whose data could be published.

    A site is built only from valid data: a commit whose data has errors (or no plans at all) published
    nothing, and amends nothing; the next valid one is compared with the last valid data, so no change made
    in between is lost, and none of what the errors hid is taken for a removal."""
    found: dict[str, tuple[PlanChange, ...]] = {}
    base: str | None = None
    loaded: tuple[str | None, Snapshot] = (None, _EMPTY)  # the last snapshot taken: the next one's "before"
    computed = 0
    for commit in commits:
        entry = _read(cache, commit.commit, base, prefix)
        if entry is None:
            before = loaded[1] if loaded[0] == base else _load(root, base)
            after = _load(root, commit.commit)
            valid = bool(after.plans) and not any(p.severity is Severity.ERROR for p in after.problems)
            entry = _Entry(base, valid, compare(before, after, "", "").plans if valid and before.plans else ())
            _write(cache, commit.commit, entry, prefix)
            loaded = (commit.commit, after) if valid else (base, before)
            computed += 1
        found[commit.commit] = entry.plans
        base = commit.commit if entry.published else base
    return found, computed


def _load(root: Path, commit: str | None) -> Snapshot:
    if commit is None:
        return _EMPTY
    with exported(root, commit) as side:
        try:
            # A link the revision could not give (absolute, or leading out of it) is one of its problems: that
            # commit published nothing, and the history after it is read on.
            return side_snapshot(side)
        except PlansiteError:  # no plan at all (plans/ empty, or no plan.yaml): a side without plans
            return _EMPTY


def _amendments_of(commit: Commit, plan: PlanChange) -> list[Amendment]:
    """A plan's change, split into what it amends; additions (first publications) left out."""
    plan = _official(plan)
    if plan.kind is Kind.ADDED:
        return []
    if plan.kind is not Kind.CHANGED:
        return [_amendment(commit, plan, None, None, lambda lang: _gone(plan_view(plan, lang).heading, plan, lang))]
    new_years = {*plan.years_added, *plan.years_removed}  # a whole year's check added or withdrawn
    own = replace(
        plan,
        fields=tuple(change for change in plan.fields if not _first_publication(change)),
        projects=(),
        distributions=(),
        discrepancies=(),
        years_added=(),
    )
    found = []
    if own.fields or own.years_removed:
        found.append(_amendment(commit, plan, None, None, lambda lang: _words(plan_view(own, lang))))
    for project in plan.projects:
        for year, part in _project_parts(project, new_years):
            found.append(_amendment(commit, plan, part, year, functools.partial(_project_words, part)))
    if found:  # a distribution moved only by additions (a new project's pending indicators) amends nothing
        for change in plan.distributions:
            if change.year not in new_years:
                found += _distribution_amendments(commit, plan, change)
    return found


def _translated_only(before: Any, after: Any) -> bool:
    """A text or unit whose Korean stayed as it was: the Korean source is the record, English our translation
    (a unit that gained its scale, 천건 → 천건 with scale 1000, names the same figure too)."""
    if isinstance(before, dict) and isinstance(after, dict) and "ko" in before and "ko" in after:
        return bool(before["ko"] == after["ko"])
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return all(b == a or _translated_only(b, a) for b, a in zip(before, after, strict=True))
    return False


# Descriptions, not figures: a project's purpose, legal basis, content, contacts and a year's narrative may be
# reworded without amending anything the record states; `plansite diff` still shows them for review.
PROSE_FIELDS = ("purpose", "legal_basis", "content", "contacts", "narrative")


def _kept(changes: tuple[FieldChange, ...]) -> tuple[FieldChange, ...]:
    return tuple(
        change
        for change in changes
        if change.field not in PROSE_FIELDS and not _translated_only(change.before, change.after)
    )


def _official(plan: PlanChange) -> PlanChange:
    """The change without what changed only in English or only in the descriptions: that amends no figure."""
    projects = []
    for project in plan.projects:
        indicators = []
        for indicator in project.indicators:
            results = tuple(
                replace(result, fields=kept)
                for result in indicator.results
                if (kept := _kept(result.fields)) or result.regraded
            )
            fields = _kept(indicator.fields)
            if indicator.kind is not Kind.CHANGED or fields or results:
                indicators.append(replace(indicator, fields=fields, results=results))
        fields = _kept(project.fields)
        if project.kind is not Kind.CHANGED or fields or project.budget_execution or indicators:
            projects.append(replace(project, fields=fields, indicators=tuple(indicators)))
    return replace(plan, fields=_kept(plan.fields), projects=tuple(projects))


def _first_publication(change: FieldChange) -> bool:
    return change.field in ("strategy", "task") and change.before is None


def _project_parts(project: ProjectChange, new_years: set[int]) -> list[tuple[int | None, ProjectChange]]:
    """A project's change as its plan figures (year None) and its check of each year, each a ProjectChange."""
    if project.kind is Kind.ADDED:
        return []
    if project.kind is Kind.REMOVED:
        return [(None, project)]
    indicators = [indicator for indicator in project.indicators if indicator.kind is not Kind.ADDED]
    figures = replace(
        project,
        budget_execution=(),
        indicators=tuple(replace(i, results=()) for i in indicators if i.fields or i.kind is Kind.REMOVED),
    )
    parts: list[tuple[int | None, ProjectChange]] = []
    if figures.fields or figures.indicators or figures.kind is Kind.MOVED:
        parts.append((None, figures))
    years = {change.year for change in project.budget_execution if change.year is not None}
    years |= {result.year for indicator in indicators for result in indicator.results}
    for year in sorted(years - new_years):
        execution = tuple(change for change in project.budget_execution if change.year == year)
        checked = (
            replace(indicator, fields=(), results=results)
            for indicator in indicators
            if (results := tuple(result for result in indicator.results if result.year == year))
        )
        part = replace(project, kind=Kind.CHANGED, fields=(), budget_execution=execution, indicators=tuple(checked))
        parts.append((year, part))
    return parts


def _distribution_amendments(commit: Commit, plan: PlanChange, change: DistributionChange) -> list[Amendment]:
    """One amendment per table that changed: the grades as counted, and as the figures give them."""
    alone = replace(plan, fields=(), projects=(), discrepancies=(), years_removed=(), distributions=(change,))
    tables = len(plan_view(alone, LANGUAGES[0]).distributions)

    def table(index: int, lang: str) -> tuple[str, tuple[Row, ...]]:
        section = plan_view(alone, lang).distributions[index]
        return section.heading, section.rows

    return [_amendment(commit, plan, None, change.year, functools.partial(table, index)) for index in range(tables)]


def _amendment(
    commit: Commit,
    plan: PlanChange,
    project: ProjectChange | None,
    year: int | None,
    word: Callable[[str], tuple[str, tuple[Row, ...]]],
) -> Amendment:
    wording = tuple(Wording(lang, *word(lang)) for lang in LANGUAGES)
    project_id = None if project is None else project.project_id
    moved = None if project is None or year is not None else project.moved_from
    return Amendment(commit.commit, commit.date, commit.subject, plan.plan_id, project_id, year, wording, moved)


def _words(view: PlanView) -> tuple[str, tuple[Row, ...]]:
    return view.heading, view.rows


def _project_words(project: ProjectChange, lang: str) -> tuple[str, tuple[Row, ...]]:
    section = project_section(project, lang)
    if project.kind is Kind.REMOVED:
        return _gone(section.heading, project, lang)
    if not section.rows and project.moved_from is not None:  # moved, nothing else changed
        return section.heading, (Row(section.heading, project.moved_from, project.project_id),)
    return section.heading, section.rows


def _gone(heading: str, item: PlanChange | ProjectChange, lang: str) -> tuple[str, tuple[Row, ...]]:
    """A plan or a project removed: one row, its name → nothing."""
    name = f"{item.plan_id if isinstance(item, PlanChange) else item.project_id} {text_of(item.title, lang)}"
    return heading, (Row(f"{name} ({t('diff_removed', lang)})", name, NONE),)


# The cache: one JSON file per commit, written whole or not at all, sealed; anything unusable is computed again.


@functools.cache
def comparison_version() -> str:
    """A hash of the code that computes a commit's records, and of the libraries that read the data."""
    return fingerprint(f"amendments {CACHE_FORMAT}", code_closure("review/amendments.py"), _LIBRARIES)


@dataclass
class _Cache:
    """The folder of the comparisons, and how many of its entries were refused this run."""

    folder: Path
    rejected: int = 0

    def usable(self) -> bool:
        """A folder of its own, or none yet: a link put in its place is neither read nor written through."""
        if os.path.lexists(self.folder) and not is_real_folder(self.folder):
            if not self.rejected:
                self.rejected = 1  # noted once; nothing in it is read
            return False
        return True


def _entry_key(commit: str, base: str | None, prefix: str) -> str:
    """What a commit's comparison derives from: the code, where the data is, the commit and its base."""
    return f"{comparison_version()}\0{prefix}\0{commit}\0{base or ''}"


def _read(cache: _Cache | None, commit: str, base: str | None, prefix: str) -> _Entry | None:
    if cache is None or not cache.usable():
        return None
    try:
        content = read_entry_file(cache.folder / f"{commit}.json", MAX_ENTRY_BYTES)
        if content is None:
            return None
        head, _, body = content.partition(b"\n")
        version, _, stated = head.decode("ascii", "replace").partition(" ")
        if version != comparison_version():
            return None  # written by another plansite (or in an older format): a miss, computed again
        if seal(_entry_key(commit, base, prefix), body) != stated:
            raise UnusableEntry("its hash does not match")  # edited, truncated, or compared with another base
        return _verified(json.loads(body.decode("utf-8")), commit, base)
    except UnusableEntry:
        cache.rejected += 1
        return None


def _verified(stored: Any, commit: str, base: str | None) -> _Entry:
    """The entry the JSON holds, if it is exactly what `_write` writes and can be worded; else UnusableEntry."""
    try:
        entry: _Entry = from_plain_json(_Entry, stored)
        if entry.base != base or plain_json(entry) != stored:  # a field unknown, missing or of another shape
            raise UnusableEntry("not the records of a comparison")
        unknown = sorted({change.field for change in _field_changes(entry)} - _KNOWN_FIELDS)
        if unknown:
            raise UnusableEntry(f"unknown fields {unknown}")
        for plan in entry.plans:  # worded now, so that nothing in it can fail the build later
            _amendments_of(Commit(commit, "", ""), plan)
    except UnusableEntry:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, StopIteration) as error:
        raise UnusableEntry(f"not the records of a comparison: {error!r}") from None
    return entry


_KNOWN_FIELDS = frozenset(key.removeprefix("diff_field_") for key in UI if key.startswith("diff_field_"))


def _field_changes(value: Any) -> list[FieldChange]:
    """Every FieldChange inside a record, at any depth."""
    if isinstance(value, FieldChange):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [c for f in dataclasses.fields(value) for c in _field_changes(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [c for item in value for c in _field_changes(item)]
    return []


def _write(cache: _Cache | None, commit: str, entry: _Entry, prefix: str) -> None:
    if cache is None or not cache.usable():
        return
    body = json.dumps(plain_json(entry), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    sealed = f"{comparison_version()} {seal(_entry_key(commit, entry.base, prefix), body)}\n".encode() + body
    try:
        cache.folder.mkdir(parents=True, exist_ok=True)
        if not cache.usable():
            return
        handle, temporary = tempfile.mkstemp(prefix=f".{commit}.", suffix=".tmp", dir=cache.folder)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(sealed)
            os.replace(temporary, cache.folder / f"{commit}.json")
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a cache only saves time: a full disk or a read-only folder must not fail the build

"""Which file a form edits, chosen by the server from ids, and its data as the browser holds it (JSON).

The browser never names a path: it names a kind of document and its ids (a plan's id, a project's id, a year),
each checked against the pattern the data format allows, and the path is made here from the repository the
editor was started on. A path that leads out of that repository once links are followed is refused.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.data.layout import CHECK_FILE, DATA_SUFFIX, PLAN_FILE, PROJECTS_DIR, DataRepository

# The kinds of document a form edits: the JSON Schema it follows, and the ids that name one.
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "plan": ("plan.schema.json", ("plan",)),
    "project": ("project.schema.json", ("plan", "project")),
    "check": ("check.schema.json", ("plan", "year")),
    "results": ("project-results.schema.json", ("plan", "year", "project")),
}
_PATTERNS = {
    "plan": re.compile(r"[a-z0-9]+(-[a-z0-9]+)*"),
    "project": re.compile(r"[1-9][0-9]*(-[1-9][0-9]*)*"),
    "year": re.compile(r"(19|20|21)[0-9]{2}"),
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NotADocument(Exception):
    """The request names no document this editor may open (an unknown kind, a malformed id, no such file)."""


@dataclass(frozen=True)
class DocumentRef:
    """One data file, named by its kind and ids."""

    kind: str
    ids: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, kind: str, given: dict[str, Any]) -> DocumentRef:
        """The document `kind` with the ids in `given`; NotADocument unless each id is there and well formed."""
        if kind not in KINDS:
            raise NotADocument(kind)
        ids = []
        for name in KINDS[kind][1]:
            value = str(given.get(name, ""))
            if not _PATTERNS[name].fullmatch(value):
                raise NotADocument(name)
            ids.append((name, value))
        return cls(kind, tuple(ids))

    def id(self, name: str) -> str:
        return dict(self.ids)[name]

    @property
    def schema(self) -> str:
        return KINDS[self.kind][0]

    def path(self, repository: DataRepository) -> Path:
        """The file's path in `repository`, refused when it is not a file inside the repository's data."""
        plan = self.id("plan")
        if self.kind == "plan":
            root, path = repository.plans, repository.plans / plan / PLAN_FILE
        elif self.kind == "project":
            root, path = repository.plans, repository.plans / plan / PROJECTS_DIR / f"{self.id('project')}{DATA_SUFFIX}"
        elif self.kind == "check":
            root, path = repository.results, repository.results / plan / self.id("year") / CHECK_FILE
        else:
            year_dir = repository.results / plan / self.id("year") / PROJECTS_DIR
            root, path = repository.results, year_dir / f"{self.id('project')}{DATA_SUFFIX}"
        try:
            inside = root.resolve() in path.resolve().parents
        except (OSError, RuntimeError):
            inside = False
        if not inside or not path.is_file():
            raise NotADocument(str(path))
        return path


def version(content: bytes) -> str:
    """What a form was opened with: the hash of the file's bytes (any change on disk changes it)."""
    return hashlib.sha256(content).hexdigest()


def read_data(text: str) -> Any:
    """A file's data as PyYAML reads it (the splicing compares with the same reading)."""
    return yaml.safe_load(text)


def as_json(value: Any) -> Any:
    """Data as JSON holds it: keys as text (years too), dates as ISO text."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def from_json(value: Any, like: Any = None, key: object = None) -> Any:
    """The browser's JSON back as the YAML data it means, guided by the data it edits (`like`).

    A key of digits is a number, as YAML reads `2024:` (unless the file wrote that key as text); a date is a
    date where the file had one, or under a `date` key."""
    if isinstance(value, dict):
        old = like if isinstance(like, dict) else {}
        by_text = {str(name): name for name in old}
        result = {}
        for name, item in value.items():
            original = by_text.get(name, int(name) if name.isdigit() and len(name) < 10 else name)
            result[original] = from_json(item, old.get(original), original)
        return result
    if isinstance(value, list):
        old_items = like if isinstance(like, list) else []
        return [from_json(item, old_items[i] if i < len(old_items) else None) for i, item in enumerate(value)]
    if isinstance(value, str) and _ISO_DATE.fullmatch(value) and (isinstance(like, datetime.date) or key == "date"):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value

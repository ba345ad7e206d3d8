"""The last build published into an output folder: what it read and what it wrote, so that a build that changed
nothing costs almost nothing, and a build that changed one value writes little.

After each `plansite build` with a cache folder, the cache keeps, for that output folder (`published/`, under a
hash of the folder's path), one digest of everything the build read, and the content digest, size, time of
change and inode of every file it published. A later build:

- whose inputs have the same digest, into an output folder whose files are all still exactly those (and no
  other), has nothing to do: it leaves the site as it is and says so (`unchanged_site`);
- otherwise builds, and links from the published site each file whose bytes it would write again, where that
  file is still as published (`linkable`), instead of writing it; a page whose model is as that build made it
  (the same key in the cache, `buildcache.PageStore`) is linked with its chart downloads without being read from
  the cache at all (`pages`: each published file of a page, with its page's key).

What a build reads, and so what the digest covers: the configuration file, every file under the plans, results
and theme folders (path and bytes); plansite's own files (code, templates, words: every file of the package) and
the installed libraries (the names of their `dist-info` folders carry their versions); the Python; the date the
pages show; the git commit their history and amendments come from; and the options that change the output
(`Setting`s: the output folder, the site's address, the Pagefind binary…). A new input of the build must be
added here: `tests/test_buildstate.py` changes each kind and checks that the build is not skipped, and that its
output is a clean build's.

This module imports nothing heavy: the check runs before plansite loads its models, templates or charts.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator import version
from generator.i18n import UI, Message, msg

PUBLISHED = "published"
STATE_VERSION = 1
MAX_STATE_BYTES = 256 * 1024 * 1024
PACKAGE = Path(__file__).resolve().parent.parent  # generator/: every file of it is an input
FileStat = tuple[int, int, int]  # size, time of change (ns), inode


@dataclass(frozen=True)
class BuildSummary:
    pages: int
    charts: int
    files: int
    seconds: float
    output: Path
    sitemap: bool  # written only when the site's absolute address is known
    drawn: int  # charts drawn by this build; the others came from the chart cache
    cache_unusable: str = ""  # why the chart cache asked for could not be kept (the build went on without it)
    no_amendments: str = ""  # why the pages list no amendments (no git history), said once by the command
    # Cache entries (charts, amendments) that were not what plansite writes: recomputed and replaced, never
    # published; and cache folders that are links, left alone. Said once by the command.
    cache_rejected: int = 0
    cache_left_alone: tuple[str, ...] = ()
    up_to_date: bool = False  # nothing the build reads had changed: the published site was left as it was


@dataclass(frozen=True)
class Inputs:
    """What one build reads, named before it reads anything (the theme folder is known once the configuration
    is read: see `BuildRecord.theme`)."""

    config: Path | None
    folders: tuple[Path, ...]  # the plans and results
    git_root: Path  # where the history of the data is read
    settings: tuple[tuple[str, str], ...]  # the options that change the output, by name


def data_digest(inputs: Inputs) -> str:
    """A hash of the data, the configuration, the settings, the code, the libraries, the Python and the commit."""
    digest = hashlib.sha256(f"plansite {version.__version__} state {STATE_VERSION}\0{sys.version}\0".encode())
    for name, value in inputs.settings:
        digest.update(f"setting\0{name}\0{value}\0".encode())
    digest.update(f"commit\0{_commit(inputs.git_root)}\0".encode())
    digest.update(b"config\0" + (_read(inputs.config) if inputs.config is not None else b"(none)") + b"\0")
    for folder in inputs.folders:
        _add_folder(digest, folder)
    digest.update(f"code\0{code_digest()}\0".encode())
    return digest.hexdigest()


def code_digest() -> str:
    """plansite's own files (code, templates, words, static files) and the installed libraries, as one hash."""
    digest = hashlib.sha256()
    _add_folder(digest, PACKAGE)
    digest.update("\0".join(_libraries()).encode())
    return digest.hexdigest()


def theme_digest(theme_dir: Path | None) -> str:
    digest = hashlib.sha256(b"theme\0")
    if theme_dir is not None:
        _add_folder(digest, theme_dir)
    return digest.hexdigest()


def _add_folder(digest: hashlib._Hash, folder: Path) -> None:
    """Every file's path and bytes, in a fixed order; a link is taken for what it points at, as the build reads
    it (a folder reached twice, by a loop of links, once); a missing folder counts as one state of its own."""
    digest.update(f"folder\0{folder}\0".encode())
    if not folder.is_dir():
        digest.update(b"(missing)\0")
        return
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            status = current.stat()
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as error:
            digest.update(f"{current}\0(unreadable: {error.errno})\0".encode())
            continue
        if (status.st_dev, status.st_ino) in seen:
            continue
        seen.add((status.st_dev, status.st_ino))
        for entry in entries:
            if entry.name == "__pycache__":
                continue
            path = Path(entry.path)
            if entry.is_dir():
                pending.append(path)
            else:
                digest.update(f"{path.relative_to(folder).as_posix()}\0".encode() + _read(path) + b"\0")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        return f"(unreadable: {error.errno})".encode()


def _libraries() -> list[str]:
    """The installed distributions with their versions ("Jinja2-3.1.4.dist-info"), from the folder names of the
    site-packages folders alone: any library installed, removed or upgraded changes the digest, without
    importing or reading any. (Only those folders: the rest of `sys.path` differs between `plansite`, `python -m`
    and a test runner, which would make the same build look different.)"""
    found: list[str] = []
    for entry in dict.fromkeys(sys.path):
        if Path(entry).name not in ("site-packages", "dist-packages"):
            continue
        try:
            found += (name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(found)


def _commit(root: Path) -> str:
    """The commit the data's history is read at; "" outside git, or without git."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


@dataclass(frozen=True)
class State:
    """What the cache holds for one output folder."""

    inputs: str  # data_digest + theme_digest of the build that published it
    theme_dir: str  # the configuration's theme folder then ("": none), so a check can hash it unread
    files: dict[str, tuple[str, int, int, int]]  # path -> content digest ("": not known), size, time, inode
    summary: dict[str, object]  # the BuildSummary's counts and reasons, to say again (`_kept`)
    pages: dict[str, str] = field(default_factory=dict)  # path -> the page key of the page it is (or belongs to)


def state_path(cache_folder: Path, out_dir: Path) -> Path:
    key = hashlib.sha256(os.fsencode(out_dir.absolute())).hexdigest()
    return cache_folder / PUBLISHED / f"{key}.json"


def read_state(cache_folder: Path, out_dir: Path) -> State | None:
    """The state kept for `out_dir`; None when there is none, or it is not what `write_state` writes."""
    path = state_path(cache_folder, out_dir)
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_STATE_BYTES:
            return None
        body = json.loads(path.read_bytes())
        files = {str(name): (str(d), int(s), int(m), int(i)) for name, (d, s, m, i) in body["files"].items()}
        pages = {str(name): str(key) for name, key in body.get("pages", {}).items()}
        return State(str(body["inputs"]), str(body["theme_dir"]), files, dict(body["summary"]), pages)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_state(cache_folder: Path, out_dir: Path, state: State) -> None:
    """Keep `state` for `out_dir`, whole or not at all; a cache that cannot be written only costs time later."""
    path = state_path(cache_folder, out_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(json.dumps(asdict(state), sort_keys=True, ensure_ascii=False).encode())
        os.replace(temporary, path)
    except OSError:
        return


def forget_state(cache_folder: Path, out_dir: Path) -> None:
    """Drop the state of `out_dir` (before it is replaced: a build killed after would otherwise trust it)."""
    try:
        state_path(cache_folder, out_dir).unlink()
    except OSError:
        return


def published_files(out_dir: Path) -> dict[str, FileStat] | None:
    """Every file of a published site with its size, time and inode; None if anything in it is not a regular
    file or folder (a link put there), or the folder cannot be read."""
    found: dict[str, FileStat] = {}
    try:
        for root, folders, names in os.walk(out_dir):
            for name in folders:
                if not stat.S_ISDIR(os.lstat(os.path.join(root, name)).st_mode):
                    return None
            for name in names:
                path = os.path.join(root, name)
                status = os.lstat(path)
                if not stat.S_ISREG(status.st_mode):
                    return None
                found[Path(os.path.relpath(path, out_dir)).as_posix()] = _stat(status)
    except OSError:
        return None
    return found


def _stat(status: os.stat_result) -> FileStat:
    return (status.st_size, status.st_mtime_ns, status.st_ino)


def linkable(state: State | None, out_dir: Path) -> dict[str, str]:
    """The published files still as the last build left them, with their content digests: the next build may
    link each of them when it would write the same bytes."""
    if state is None:
        return {}
    found: dict[str, str] = {}
    for path, (digest, *known) in state.files.items():
        try:
            status = os.lstat(out_dir / path)
        except OSError:
            continue
        if digest and stat.S_ISREG(status.st_mode) and _stat(status) == tuple(known):
            found[path] = digest
    return found


def content_digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=20).hexdigest()


def unchanged_site(state: State | None, out_dir: Path, data: str, started: float) -> BuildSummary | None:
    """The summary of the published site when nothing the build reads has changed since it was built (`data`:
    the `data_digest` of this build's inputs) and the site is still exactly as published; None when the site
    has to be built."""
    if state is None:
        return None
    theme_dir = Path(state.theme_dir) if state.theme_dir else None
    if state.inputs != _combined(data, theme_digest(theme_dir)):
        return None
    files = published_files(out_dir)
    if files is None or files != {path: tuple(known) for path, (_d, *known) in state.files.items()}:
        return None
    said = state.summary
    pages, charts, count = (said.get(name) for name in ("pages", "charts", "files"))
    if not (isinstance(pages, int) and isinstance(charts, int) and isinstance(count, int)):
        return None
    return BuildSummary(
        pages,
        charts,
        count,
        time.perf_counter() - started,
        out_dir,
        bool(said.get("sitemap")),
        0,
        no_amendments=_reason(said.get("no_amendments")),
        up_to_date=True,
    )


def _kept(value: object) -> object:
    """A summary's value as JSON keeps it: a sentence of the catalogue as its key and values (themselves kept so:
    "no reason given"), so the next build that finds the site up to date says it again in that build's language."""
    if isinstance(value, Message):
        return {"key": value.key, "values": {name: _kept(inner) for name, inner in value.values.items()}}
    return value


def _reason(kept: object) -> str:
    """What `_kept` wrote; "" for anything else (the state is read as evidence: it may have been altered)."""
    if isinstance(kept, dict) and kept.get("key") in UI and isinstance(kept.get("values"), dict):
        try:
            return msg(kept["key"], **{name: _reason(inner) for name, inner in kept["values"].items()})
        except (KeyError, TypeError, ValueError, IndexError):  # values that do not fill the sentence
            return ""
    return kept if isinstance(kept, str) else ""


def _combined(data: str, theme: str) -> str:
    return hashlib.sha256(f"{data}\0{theme}".encode()).hexdigest()


class BuildRecord:
    """The inputs of one build, hashed before it reads them and again after it published: the state is kept only
    when they did not change meanwhile (a file saved during the build is built again next time)."""

    def __init__(self, cache_folder: Path, out_dir: Path, inputs: Inputs):
        self.started = time.perf_counter()
        self.cache_folder, self.out_dir, self.inputs = cache_folder, out_dir, inputs
        self.data = data_digest(inputs)
        self.theme_dir: Path | None = None
        self.theme = theme_digest(None)
        self.before = read_state(cache_folder, out_dir)

    def unchanged(self) -> BuildSummary | None:
        """The published site's summary when it is up to date (see `unchanged_site`)."""
        return unchanged_site(self.before, self.out_dir, self.data, self.started)

    def read_theme(self, theme_dir: Path | None) -> None:
        """Hash the theme folder the configuration names, before any page is rendered with it."""
        self.theme_dir, self.theme = theme_dir, theme_digest(theme_dir)

    def linkable(self) -> dict[str, str]:
        return linkable(self.before, self.out_dir)

    def page_keys(self) -> dict[str, str]:
        """Each file the last build published for a page (its HTML, its chart downloads), with the page's key."""
        return dict(self.before.pages) if self.before is not None else {}

    def published(
        self, digests: Mapping[str, str], summary: BuildSummary, pages: Mapping[str, str] | None = None
    ) -> None:
        """Keep the state of the site just published (`digests`: its files' content digests as written; `pages`:
        the page key of each file that belongs to a page)."""
        if data_digest(self.inputs) != self.data or theme_digest(self.theme_dir) != self.theme:
            forget_state(self.cache_folder, self.out_dir)
            return
        files = published_files(self.out_dir)
        if files is None:
            return
        counts = ("pages", "charts", "files", "sitemap", "no_amendments")
        state = State(
            _combined(self.data, self.theme),
            str(self.theme_dir or ""),
            {path: (digests.get(path, ""), *known) for path, known in sorted(files.items())},
            {name: _kept(getattr(summary, name)) for name in counts},
            {path: key for path, key in sorted((pages or {}).items()) if path in files},
        )
        write_state(self.cache_folder, self.out_dir, state)


def settings(values: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    return tuple((name, "" if value is None else str(value)) for name, value in values)

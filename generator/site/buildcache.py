"""What a build keeps in the cache folder beside the charts, so that a build that changed nothing costs little.

`serve` keeps its work in memory between builds (`WarmBuild`); a `plansite build` is a new process each time, so
it keeps the same kinds of work in the cache folder instead:

- `pages/`: each page's HTML, under a hash of its page model (all of its words and figures), the templates
  and plansite's code: a page whose model is as last time is not rendered again, and its charts not read;
- `downloads/`: under the same key, the download files of the page's charts (`downloads.py`), made from the
  same drawings;
- `markdown/`: each Markdown text rendered (`markup.py`), under a hash of the text and the code;
- `search/`: what the search index was made from (`searchcache.py`);
- `templates/`: each template as Jinja compiled it (`templatecode.py`).

Every key starts with `code_version()`: a hash of every source file of the package, plansite's version, the
Python version and the versions of the libraries that shape a page, so any change of plansite or of a library
misses. Each entry is sealed as the chart cache seals its entries (`fingerprint.seal`) and read only from a
regular file of bounded size; one that fails is computed again, replaced and counted, never used. A build without
a cache (`--no-cache`) computes everything and gives the same bytes, which the tests check for every kind of
input. As the chart cache's, these entries are evidence of your own earlier builds, not truth: the seal catches
damage, not forgery, so a site for publication is built without a cache from other runs (docs/publishing.md).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from generator import version
from generator.fingerprint import PACKAGE, UnusableEntry, fingerprint, is_real_folder, read_entry_file, seal
from generator.site import markup
from generator.site.pages import Page
from generator.site.theme import templates_fingerprint

PAGES = "pages"
DOWNLOADS = "downloads"
MARKDOWN = "markdown"
# The libraries whose versions decide a page's bytes besides plansite's own code: the templates' engine, the
# Markdown renderer and sanitiser, number formats, and the chart drawings inside the pages.
LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3", "babel", "matplotlib", "numpy", "koreanize-matplotlib")
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # far above the largest page; a larger entry is not ours
_ENTRY = re.compile(r"[0-9a-f]{64}\.[a-z]+")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.[^/]*\.tmp")  # as tempfile.mkstemp names them in `put`
_STALE_SECONDS = 600  # a temporary file this old belongs to a write that was killed


@functools.cache
def _sources() -> str:
    """A hash of every source file of the package, read once per process (a few hundred kilobytes)."""
    modules = sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py"))
    return fingerprint("", modules, LIBRARIES)


def code_version() -> str:
    """plansite's code, its version, the Python and the libraries a page's bytes depend on, as one hash."""
    return hashlib.sha256(f"{_sources()}\0{version.__version__}\0{sys.version}".encode()).hexdigest()


class Entries:
    """Sealed entries of one kind in the cache folder: `<folder>/<kind>/<key[:2]>/<key>.<suffix>`.

    `Entries(None, …)` keeps nothing. A write that fails (a full disk, a read-only folder) ends the use of the
    folder for this build, without failing the build: a cache only saves time."""

    def __init__(self, folder: Path | None, kind: str, suffix: str):
        self.folder = folder / kind if folder is not None else None
        self.suffix = suffix
        self.used: set[str] = set()
        self.rejected = 0  # entries that were not what this cache writes: computed again, never used

    def get(self, key: str) -> bytes | None:
        if self.folder is None:
            return None
        self.used.add(key)
        path = self._path(key)
        if not self._own_folders(path.parent):
            return None
        try:
            content = read_entry_file(path, MAX_ENTRY_BYTES)
            if content is None:
                return None
            stated, _, body = content.partition(b"\n")
            if seal(key, body).encode() != stated:
                raise UnusableEntry(f"{path.name}: its hash does not match")  # truncated, altered, or misplaced
        except UnusableEntry:
            self.rejected += 1
            return None
        return body

    def keep(self, key: str) -> None:
        """Keep the entry under `key` (if there is one) through `prune`, unread."""
        self.used.add(key)

    def put(self, key: str, body: bytes) -> None:
        if self.folder is None:
            return
        self.used.add(key)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not self._own_folders(path.parent) or os.path.isdir(path):
                return  # a link or a folder put in the cache: nothing is written through it or over it
            # Written beside, then renamed: a killed build leaves a whole entry or none (and a stale temporary).
            handle, temporary = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "wb") as file:
                file.write(seal(key, body).encode() + b"\n" + body)
            os.replace(temporary, path)
        except OSError:
            self.folder = None

    def prune(self) -> None:
        """Remove the entries this build did not use, and temporary files of killed writes: only regular files
        with the names these entries have, in shard folders that are folders (a link is never followed)."""
        if self.folder is None or not is_real_folder(self.folder):
            return
        for shard in self.folder.iterdir():
            if not re.fullmatch(r"[0-9a-f]{2}", shard.name) or not is_real_folder(shard):
                continue
            for entry in shard.iterdir():
                named = _ENTRY.fullmatch(entry.name) is not None and entry.name.endswith(f".{self.suffix}")
                unused = named and entry.name[:64] not in self.used
                if unused or (_TEMPORARY.fullmatch(entry.name) and _older_than(entry, _STALE_SECONDS)):
                    with contextlib.suppress(OSError):
                        if stat.S_ISREG(os.lstat(entry).st_mode):
                            entry.unlink()
            with contextlib.suppress(OSError):
                shard.rmdir()  # only when empty

    def _own_folders(self, shard: Path) -> bool:
        assert self.folder is not None
        return all(not os.path.lexists(folder) or is_real_folder(folder) for folder in (self.folder, shard))

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.{self.suffix}"


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > seconds
    except OSError:
        return False


# -- pages ------------------------------------------------------------------------------------------------------


class PageStore:
    """Each page's HTML, and its charts' download files, by a hash of its model, its templates and the code;
    `PageStore(None)` keeps nothing."""

    def __init__(self, folder: Path | None, theme_dir: Path | None = None):
        self.entries = Entries(folder, PAGES, "html")
        self.files = Entries(folder, DOWNLOADS, "bin")
        self.version = "" if folder is None else f"{code_version()}\0{templates_fingerprint(theme_dir)}"
        self.keys: dict[str, str] = {}  # page path → key, for the pages that have one
        self.downloads: dict[str, bytes] = {}  # the download files of the pages `kept` found, by path
        self.download_keys: dict[str, str] = {}  # and the key of the page each belongs to
        self.linked: set[str] = set()  # the pages `kept` had linked, by path

    def kept(self, pages: Iterable[Page], link: Callable[[str, str], bool] | None = None) -> dict[str, bytes]:
        """The HTML of the pages whose model is as a build with this code and these templates rendered it (and
        whose charts' download files are kept too: they go into `downloads`).

        `link(key, path)` first offers each such page to the caller (a staging folder that can link the page as
        the last build published it): a page it takes is not read at all (it goes into `linked`), and its
        entries are kept for later builds."""
        found: dict[str, bytes] = {}
        if self.entries.folder is None:
            return found
        for page in pages:
            key = self._key(page)
            if key is None:
                continue
            path = page.meta.path
            self.keys[path] = key
            if link is not None and link(key, path):
                self.entries.keep(key)
                if page.charts:
                    self.files.keep(key)
                self.linked.add(path)
                continue
            html = self.entries.get(key)
            files = _unpacked(self.files.get(key)) if page.charts else {}
            if html is not None and files is not None:
                found[path] = html
                self.downloads.update(files)
                self.download_keys.update(dict.fromkeys(files, key))
        return found

    def keep(self, rendered: dict[str, bytes], downloads: dict[str, dict[str, bytes]]) -> None:
        """Store the pages this build rendered (`rendered`, by path) with their download files (`downloads`, by
        page path), then forget the entries it did not use."""
        for path, html in rendered.items():
            self.keep_page(path, html, downloads.get(path))
        self.done()

    def keep_page(self, path: str, html: bytes, downloads: dict[str, bytes] | None) -> None:
        """Store one page this build rendered, with its download files (None: a page without charts)."""
        if path in self.keys:
            self.entries.put(self.keys[path], html)
            if downloads is not None:
                self.files.put(self.keys[path], _packed(downloads))

    def done(self) -> None:
        """Forget the entries this build did not use."""
        self.entries.prune()
        self.files.prune()

    @property
    def rejected(self) -> int:
        return self.entries.rejected + self.files.rejected

    def _key(self, page: Page) -> str | None:
        # The pickle holds every field of the page model, at any depth (a repr could leave one out); two models
        # that pickle alike render alike. Without its memo ("fast"), equal values pickle alike whether or not
        # they are one object, so equal models give one key. One that cannot be pickled is rendered every time.
        digest = hashlib.sha256(self.version.encode() + b"\0")
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # page models are trees, never cycles
        try:
            pickler.dump(page)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None
        digest.update(buffer.getbuffer())
        return digest.hexdigest()


def _packed(files: dict[str, bytes]) -> bytes:
    """Files as one entry: for each, in path order, its path's and its content's lengths, then both."""
    out = bytearray()
    for path in sorted(files):
        name = path.encode("utf-8")
        out += len(name).to_bytes(4, "big") + len(files[path]).to_bytes(8, "big") + name + files[path]
    return bytes(out)


def _unpacked(entry: bytes | None) -> dict[str, bytes] | None:
    """The files of a `_packed` entry; None when there is none or it is not one."""
    if entry is None:
        return None
    files: dict[str, bytes] = {}
    at = 0
    while at < len(entry):
        if at + 12 > len(entry):
            return None
        name_length, body_length = (
            int.from_bytes(entry[at : at + 4], "big"),
            int.from_bytes(entry[at + 4 : at + 12], "big"),
        )
        end = at + 12 + name_length + body_length
        if end > len(entry):
            return None
        try:
            path = entry[at + 12 : at + 12 + name_length].decode("utf-8")
        except UnicodeDecodeError:
            return None
        files[path] = entry[at + 12 + name_length : end]
        at = end
    return files


# -- Markdown renders -------------------------------------------------------------------------------------------


class MarkdownStore:
    """Rendered Markdown kept between builds (`markup.RenderStore`), under the text's and the code's hash."""

    def __init__(self, folder: Path | None):
        self.entries = Entries(folder, MARKDOWN, "html")
        self.version = code_version() if folder is not None else ""

    def get(self, key: str) -> bytes | None:
        return self.entries.get(self._key(key))

    def put(self, key: str, body: bytes) -> None:
        self.entries.put(self._key(key), body)

    def _key(self, key: str) -> str:
        return hashlib.sha256(f"{self.version}\0{key}".encode()).hexdigest()


@contextlib.contextmanager
def markdown_kept(folder: Path | None) -> Iterator[MarkdownStore]:
    """Markdown renders come from, and go into, the cache folder while the pages are made; unused ones are
    removed after (nothing is kept when `folder` is None)."""
    store = MarkdownStore(folder)
    if folder is None:
        yield store
        return
    with markup.renders_kept_in(store):
        yield store
    store.entries.prune()

"""Chart SVGs kept between builds, so a rebuild draws only the charts whose content changed.

Each chart is drawn twice, wide and narrow (for a phone), and each drawing is an entry of its own; so are its
PNGs, the download drawn with the wide SVG (framed for each page it is offered on) and the link preview
(`PngKind`), keyed apart from the SVGs. A
drawing's bytes are decided by its specification and variant, the chart code, the versions of the libraries that
draw it and the style settings (which live in the chart code). The cache key is a hash of all of them, so a changed
label, a new plansite or a new matplotlib simply misses. Entries a build did not use are pruned after it, so the
cache holds what the current data needs and no more.

An entry is evidence, not truth: it starts with a hash over its key and its SVG (`fingerprint.seal`), is read
only from a regular file of bounded size (never a link, a FIFO or a device), and its SVG must pass the same check
as a freshly drawn chart (`svg.safe`: no script, no event attribute, no link out, only its own chart's ids). An
entry that fails is redrawn, rewritten and counted (`rejected`, said once by the command), never published.

The cache folder is plansite's: it carries the standard CACHEDIR.TAG (backup tools skip such folders), and a
folder that is not empty and has no tag is never used, so nothing of the user's is pruned. Pruning deletes only
regular files with the names this cache writes, in shard folders that are folders (a link is left alone).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from generator.data.layout import CACHE_DIR
from generator.data.paths import resolve
from generator.errors import UsageError, display_path
from generator.fingerprint import UnusableEntry, code_closure, fingerprint, is_real_folder, read_entry_file, seal
from generator.i18n import msg
from generator.site.chartspec import ChartSpec, Variant, drawing_id
from generator.site.pngfile import SIGNATURE
from generator.site.svg import safe

TAG = "CACHEDIR.TAG"
TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder holds plansite's chart cache; plansite build --no-cache ignores it, deleting it is safe.\n"
)
CHARTS = "charts"
# The module that draws charts: its source and that of every module of the package it imports decide a chart's
# bytes, with the libraries it draws with (numbers are formatted by Babel).
CHART_CODE = "site/charts.py"
PREVIEW_CODE = "site/chartpng.py"  # a chart as PNGs: a link preview and downloads (it draws with CHART_CODE)
_LIBRARIES = ("matplotlib", "numpy", "koreanize-matplotlib", "babel")
_PREVIEW_LIBRARIES = (*_LIBRARIES, "pillow")  # matplotlib writes PNGs with Pillow
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:svg|png)")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.[^/]*\.tmp")  # as tempfile.mkstemp names them in `put`
_STALE_SECONDS = 600  # a temporary file this old belongs to a write that was killed
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # the largest chart drawn is far smaller; a larger entry is not ours


@functools.cache
def drawing_version() -> str:
    """A hash of the chart code and the drawing libraries' versions, read without importing them."""
    return fingerprint("", code_closure(CHART_CODE), _LIBRARIES)


def chart_key(spec: ChartSpec, variant: Variant = "wide") -> str:
    """The key of one drawing of a chart: each specification is drawn wide and narrow (for a phone)."""
    # repr of frozen dataclasses of str, int, float and tuples is exact and stable (floats repr round-trip).
    return hashlib.sha256(f"{drawing_version()}\0{variant}\0{type(spec).__name__}{spec!r}".encode()).hexdigest()


PngKind = Literal["preview", "download"]
"""A chart's PNGs: `preview` for link previews (the download's image unframed), `download` beside its page (framed)."""
_PNG_SALTS: dict[PngKind, str] = {"preview": "png", "download": "download-png"}


@functools.cache
def preview_version(kind: PngKind = "preview") -> str:
    return fingerprint(_PNG_SALTS[kind], code_closure(PREVIEW_CODE), _PREVIEW_LIBRARIES)


def preview_key(spec: ChartSpec, kind: PngKind = "preview", frame: str = "") -> str:
    """The key of one of a chart's PNGs: never a chart SVG's key, nor the other PNG's (versions salted apart).

    A download is framed with the source line of the page it is offered on (`frame`), which is part of its key."""
    framed = f"\0{frame}" if kind == "download" else ""
    return hashlib.sha256(f"{preview_version(kind)}\0{type(spec).__name__}{spec!r}{framed}".encode()).hexdigest()


class ChartCache:
    """Looks charts up in, and stores them into, a cache folder; `ChartCache(None)` keeps nothing."""

    def __init__(self, folder: Path | None, unusable: str = ""):
        self.folder = folder
        self.unusable = unusable  # why a cache that was asked for is not kept, e.g. a read-only folder
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0  # drawings (each chart has two) not found: drawn by the build
        self.missed: set[ChartSpec] = set()  # the charts with a drawing not found (the command says how many)
        self.rejected = 0  # entries that were not what this cache writes: redrawn and replaced, never published
        self.left_alone: list[str] = []  # shard folders that are links: neither read, written nor pruned
        self._keys: dict[tuple[ChartSpec, Variant], str] = {}  # a build asks for most keys twice (`lacks`, `keep`)

    def _key(self, spec: ChartSpec, variant: Variant) -> str:
        key = self._keys.get((spec, variant))
        if key is None:
            key = self._keys[spec, variant] = chart_key(spec, variant)
        return key

    def lacks(self, spec: ChartSpec, variant: Variant = "wide") -> bool:
        """Whether the cache has no entry for this drawing, as far as its file's name tells (neither read nor
        counted: `get` does that); True without a cache folder."""
        return self.folder is None or not self._path(self._key(spec, variant)).is_file()

    def get(self, spec: ChartSpec, variant: Variant = "wide") -> str | None:
        if self.folder is None:
            self._miss(spec)
            return None
        key = self._key(spec, variant)
        self.used.add(key)
        path = self._path(key)
        if not self._own_folder(path.parent):
            self._miss(spec)
            return None
        try:
            svg = _read_entry(path, key, drawing_id(spec.chart_id, variant))
        except UnusableEntry:
            self.rejected += 1
            svg = None
        if svg is None:
            self._miss(spec)
        else:
            self.hits += 1
        return svg

    def _miss(self, spec: ChartSpec) -> None:
        self.misses += 1
        self.missed.add(spec)

    def keep(self, spec: ChartSpec, variant: Variant = "wide") -> None:
        """Count a chart the build had at hand (a preview keeps its charts) as used, so it is not pruned."""
        if self.folder is not None:
            self.used.add(self._key(spec, variant))
            self.hits += 1

    def keep_png(self, spec: ChartSpec, kind: PngKind = "preview", frame: str = "") -> None:
        """Count a PNG the build had at hand as used, so it is not pruned."""
        if self.folder is not None:
            self.used.add(preview_key(spec, kind, frame))

    def get_png(self, spec: ChartSpec, kind: PngKind = "preview", frame: str = "") -> bytes | None:
        """The chart's PNG if the cache holds it. One not found is a drawing of the chart to make: a chart's PNGs
        are made from its wide drawing (`chartpng.draw_chart`)."""
        png = None
        if self.folder is not None:
            key = preview_key(spec, kind, frame)
            self.used.add(key)
            path = self._path(key, ".png")
            if self._own_folder(path.parent):
                try:
                    png = _read_png(path, key)
                except UnusableEntry:
                    self.rejected += 1
        if png is None:
            self.missed.add(spec)  # its wide drawing is made again, with the PNG (not counted among `misses`)
        return png

    def put_png(self, spec: ChartSpec, png: bytes, kind: PngKind = "preview", frame: str = "") -> None:
        if self.folder is not None:
            key = preview_key(spec, kind, frame)
            self.used.add(key)
            self._write(key, self._path(key, ".png"), png)

    def put(self, spec: ChartSpec, svg: str, variant: Variant = "wide") -> None:
        if self.folder is None:
            return
        key = self._key(spec, variant)
        self.used.add(key)
        self._write(key, self._path(key), svg.encode("utf-8"))

    def _write(self, key: str, path: Path, body: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not self._own_folder(path.parent):
                return  # a link put in the cache: nothing is written through it
            if os.path.isdir(path) or is_real_folder(path):
                return  # a folder in an entry's place is not replaced (a FIFO or a link is: the name, not its target)
            # Written beside, then renamed: a killed build leaves a whole entry or none (and a stale temporary).
            handle, temporary = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "wb") as file:
                file.write(seal(key, body).encode() + b"\n" + body)
            os.replace(temporary, path)
        except OSError as error:
            # A cache only saves time: a full disk or a read-only folder must not fail the build.
            self._give_up(error)

    def _give_up(self, error: OSError) -> None:
        assert self.folder is not None
        self.unusable = f"{display_path(self.folder)}: {error.strerror or error}"
        self.folder = None

    def _own_folder(self, shard: Path) -> bool:
        """Whether the shard folder (and the charts folder) are folders of their own, not links; a link is noted."""
        assert self.folder is not None
        for folder in (self.folder / CHARTS, shard):
            if os.path.lexists(folder) and not is_real_folder(folder):
                if display_path(folder) not in self.left_alone:
                    self.left_alone.append(display_path(folder))
                return False
        return True

    def prune(self) -> None:
        """Remove the entries this build did not use, and temporary files of killed writes: only regular files
        with the names this cache gives them, in shard folders that are folders (a link is never followed)."""
        if self.folder is None or not is_real_folder(self.folder / CHARTS):
            return
        for shard in (self.folder / CHARTS).iterdir():
            if not re.fullmatch(r"[0-9a-f]{2}", shard.name) or not self._own_folder(shard):
                continue
            for entry in shard.iterdir():
                entry_name = _ENTRY.fullmatch(entry.name) is not None and entry.name[:2] == shard.name
                unused = entry_name and entry.name[:-4] not in self.used
                if unused or (_TEMPORARY.fullmatch(entry.name) and _older_than(entry, _STALE_SECONDS)):
                    with contextlib.suppress(OSError):
                        if stat.S_ISREG(os.lstat(entry).st_mode):
                            entry.unlink()
            with contextlib.suppress(OSError):
                shard.rmdir()  # only when empty

    def _path(self, key: str, suffix: str = ".svg") -> Path:
        assert self.folder is not None
        return self.folder / CHARTS / key[:2] / f"{key}{suffix}"


def _read_entry(path: Path, key: str, chart_id: str) -> str | None:
    """The entry's SVG; None if there is none; UnusableEntry if it is not one this cache wrote for `key`."""
    content = read_entry_file(path, MAX_ENTRY_BYTES)
    if content is None:
        return None
    stated, _, body = content.partition(b"\n")
    if seal(key, body).encode() != stated:
        raise UnusableEntry(f"{path.name}: its hash does not match")  # truncated, altered, or another key's
    try:
        svg = body.decode("utf-8")
    except UnicodeDecodeError:
        raise UnusableEntry(f"{path.name}: not UTF-8") from None
    if not safe(svg, chart_id):
        raise UnusableEntry(f"{path.name}: not a chart as plansite draws it")
    return svg


def _read_png(path: Path, key: str) -> bytes | None:
    """The entry's PNG; None if there is none; UnusableEntry if it is not one this cache wrote for `key`."""
    content = read_entry_file(path, MAX_ENTRY_BYTES)
    if content is None:
        return None
    stated, _, body = content.partition(b"\n")
    if seal(key, body).encode() != stated:
        raise UnusableEntry(f"{path.name}: its hash does not match")
    if not body.startswith(SIGNATURE):
        raise UnusableEntry(f"{path.name}: not a PNG")
    return body


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > seconds
    except OSError:
        return False


def open_cache(folder: Path, protected: Iterable[Path], out_dir: Path) -> ChartCache:
    """The cache in `folder`, made if need be; refused where pruning could touch anything not plansite's."""
    where = display_path(folder)
    resolved = resolve(folder)
    for place in (resolve(path) for path in (*protected, out_dir)):
        if resolved == place or place in resolved.parents or resolved in place.parents:
            raise UsageError(msg("cache_would_mix", where=where, place=display_path(place), default=CACHE_DIR))
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("cache_not_folder", where=where))
    if folder.is_dir() and any(folder.iterdir()) and not (folder / TAG).is_file():
        raise UsageError(msg("cache_not_ours", where=where))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / TAG).is_file():
            (folder / TAG).write_text(TAG_TEXT, encoding="utf-8")
    except OSError as error:
        return ChartCache(None, unusable=f"{where}: {error.strerror or error}")
    return ChartCache(folder)

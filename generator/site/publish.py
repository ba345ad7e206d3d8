"""Publishing a built site: never over data, never over a folder plansite did not write, and all at once.

The site is written into a private staging folder beside the output folder, then published with one atomic
step: `renameat2(RENAME_EXCHANGE)` swaps the two folders, so at every instant `output/` is either the complete
old site or the complete new one. Where the kernel or file system cannot exchange (not Linux, or a file system
without it), two renames are used and the old site is put back by the next build if one was interrupted
between them. Staging folders of killed builds are removed by the next build into the same place.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import gc
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from generator.data.paths import resolve
from generator.errors import UsageError, display_path
from generator.i18n import msg
from generator.site.buildstate import content_digest

# Written into every site plansite builds: only a folder that holds it is plansite's to replace. A folder that
# merely looks like a site (index.html, 404.html, sitemap.xml, static/) may be a user's, with their files in it.
MARKER = ".plansite-output"
MARKER_TEXT = b"Written by `plansite build`; this folder is replaced by the next build.\n"
# Tests set this to a file path: the build creates the file just before publishing and waits while it exists,
# so a test can kill the build inside the publication step.

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_output_dir(out_dir: Path, data: Iterable[Path], root: Path) -> None:
    """Refuse an output folder whose replacement could delete anything but an earlier site.

    `data` are the plans and results folders, the configuration file and the theme folder: the output may be
    none of them, lie inside none, and contain none. It may not be or contain the repository's root either.
    """
    out = resolve(out_dir)
    where = display_path(out_dir)
    home = Path.home().resolve()
    if out == Path(out.anchor) or out == home or out == resolve(root) or out in resolve(root).parents:
        raise UsageError(msg("out_holds_data", where=where))
    for place in (resolve(path) for path in data):
        if out == place or place in out.parents or out in place.parents:
            raise UsageError(msg("out_would_replace", where=where, place=display_path(place)))
    if out.exists() and not out.is_dir():
        raise UsageError(msg("out_not_folder", where=where))
    if out.is_dir() and any(out.iterdir()) and not is_site(out):
        raise UsageError(msg("out_not_site", where=where))


def is_site(folder: Path) -> bool:
    """Whether plansite wrote `folder`: its marker file says so, and nothing else may."""
    marker = folder / MARKER
    return marker.is_file() and not marker.is_symlink()


class Staging:
    """A new site written into a private folder beside `out_dir`, file by file as it is made, then published in
    one step (`publish`), or dropped when the build fails (on leaving the `with` block unpublished).

    `unchanged` are the content digests (`buildstate.content_digest`) of files published into `out_dir` last
    time and still as published there: a file with the same bytes is linked into the new site instead of
    written again. No build writes into a published file, only into a new staging folder, so the old and the
    new site can share it. `digests` holds the content digest of every file written or linked."""

    def __init__(
        self, out_dir: Path, unchanged: Mapping[str, str] | None = None, page_keys: Mapping[str, str] | None = None
    ):
        self.out = out_dir.absolute()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(self.out)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.building-{os.getpid()}-", dir=self.out.parent))
        self.before = unchanged or {}
        self.digests: dict[str, str] = {}
        self.page_keys: dict[str, str] = {}  # each staged file of a page, with its page's key (`link_page`)
        self._published_pages: dict[str, list[str]] = {}  # page key -> the files published for that page
        self._folders: set[Path] = set()  # made in the staging folder so far: most files share one
        for path, key in (page_keys or {}).items():
            self._published_pages.setdefault(key, []).append(path)
        (self.folder / MARKER).write_bytes(MARKER_TEXT)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *_exception: object) -> None:
        # After an exchange the staging name holds the old site; after a failure, the unfinished new one.
        if self.folder.exists():
            shutil.rmtree(self.folder)

    def write(self, path: str, content: bytes, page_key: str | None = None) -> None:
        """Stage one file (`page_key`: the key of the page it is or belongs to, kept for the next build)."""
        target = self.folder / path
        self._made(target.parent)
        self.digests[path] = content_digest(content)
        if page_key is not None:
            self.page_keys[path] = page_key
        if self.before.get(path) != self.digests[path] or not _linked(self.out / path, target, len(content)):
            target.unlink(missing_ok=True)  # a link to a published file there would be written through
            target.write_bytes(content)

    def link_page(self, page_key: str, path: str) -> bool:
        """Stage the page at `path` and its chart downloads by linking the files the last build published for the
        same page key, when every one of them is still as published; False (nothing staged) otherwise. The same
        key is the same page model, templates and code, so the same bytes (`buildcache.PageStore`)."""
        published = self._published_pages.get(page_key, ())
        if path not in published or any(file not in self.before for file in published):
            return False
        linked: list[Path] = []
        for file in published:
            target = self.folder / file
            self._made(target.parent)
            if not _linked(self.out / file, target):
                for made in linked:  # none or all: the page is made again, and nothing written through a link
                    made.unlink()
                return False
            linked.append(target)
        for file in published:
            self.digests[file] = self.before[file]
            self.page_keys[file] = page_key
        return True

    def _made(self, folder: Path) -> None:
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)

    def publish(self, stage: Callable[[Path], None] | None = None) -> dict[str, str]:
        """Make the staged site `out_dir`; `stage` runs on it first (the search index): when it fails, nothing is
        published. Returns the digests of the files written."""
        if stage is not None:
            stage(self.folder)
        self.folder.chmod(0o755)
        _swap_in(self.folder, self.out)
        return self.digests


def publish(
    files: dict[str, bytes],
    out_dir: Path,
    *,
    unchanged: Mapping[str, str] | None = None,
    stage: Callable[[Path], None] | None = None,
    consume: bool = False,
) -> dict[str, str]:
    """Write `files` into a staging folder, then make it `out_dir` in one step; the old site goes after (see
    `Staging`, and `unchanged` there).

    `stage` runs on the complete staging folder before it is published (the search index); when it fails,
    nothing is published. With `consume`, each file leaves `files` once written, and the memory goes back to the
    system before `stage`: a big site's pages need not stay in memory beside the indexer. Returns the content
    digest of every file of `files`.
    """
    with Staging(out_dir, unchanged) as staging:
        for path in sorted(files):
            staging.write(path, files.pop(path) if consume else files[path])
        if consume:
            return_memory()
        return staging.publish(stage)


def update_in_place(
    files: Mapping[str, bytes],
    out_dir: Path,
    published: Mapping[str, str],
    *,
    previous: Mapping[str, bytes] | None = None,
) -> dict[str, str] | None:
    """Bring the site this process last published into `out_dir` (`published`: its files' content digests) to
    `files`, file by file: each file whose bytes changed is written beside it and renamed over it (a reader never
    gets half a file), and each published file no longer among them is removed.

    For the preview, which shows a save at once: unlike `publish`, a reader may see some files new and some old
    for the moment it takes. `previous` are the files last published, where the caller still holds them: a
    file given as the very same object is known unchanged without reading its bytes. Returns the digests of the
    site now published; None, touching nothing, when `out_dir` is not a site plansite wrote (removed or replaced
    meanwhile): the caller publishes it whole."""
    out = out_dir.absolute()
    if not is_site(out):
        return None
    digests = dict(published)
    previous = previous or {}
    for path, content in sorted(files.items()):
        if content is previous.get(path) and path in published and (out / path).is_file():
            continue
        digest = content_digest(content)
        if published.get(path) != digest or not (out / path).is_file():
            _replace_file(out / path, content)
        digests[path] = digest
    for path in sorted(set(published) - set(files)):
        with contextlib.suppress(FileNotFoundError):
            (out / path).unlink()  # a file this process published: no longer part of the site
        del digests[path]
    return digests


def _replace_file(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.new")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()  # left by a process of this number that was killed while writing
    # Created as any new file is (the umask applies), unlike mkstemp's owner-only files.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)  # a new file: one the cache folder or an older site links stays as it was
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def republish(out_dir: Path, keep: Callable[[str], bool], stage: Callable[[Path], None]) -> None:
    """Publish `out_dir` again, with the files `keep` says yes to (by their path from the site's root) linked as
    they are, and what `stage` adds: all at once, as `publish` does."""
    out = out_dir.absolute()
    clean_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    try:
        for root, _folders, names in os.walk(out):
            for name in names:
                path = Path(root, name).relative_to(out).as_posix()
                if keep(path):
                    (staging / path).parent.mkdir(parents=True, exist_ok=True)
                    if not _linked(out / path, staging / path, (out / path).lstat().st_size):
                        shutil.copyfile(out / path, staging / path)
        stage(staging)
        staging.chmod(0o755)
        _swap_in(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _linked(published: Path, target: Path, size: int | None = None) -> bool:
    """Link a file of the published site into the staging folder; False when it is not there as published (a
    link put there, or not of `size` bytes when that is known)."""
    try:
        if published.is_symlink() or (size is not None and published.stat().st_size != size):
            return False
        os.link(published, target)
    except OSError:
        return False  # another file system, or links not allowed: the file is written instead
    return True


def _swap_in(staging: Path, out: Path) -> None:
    try:
        os.rename(staging, out)  # atomic, and enough when there is no old site
        return
    except OSError as error:
        if error.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR):
            raise
    if not _exchange(staging, out):
        _two_renames(staging, out)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where the system cannot."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _two_renames(staging: Path, out: Path) -> None:
    """The fallback: not atomic, so the old site waits under a name the next build restores it from."""
    previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.previous-{os.getpid()}-", dir=out.parent))
    previous.rmdir()
    out.rename(previous)
    try:
        staging.rename(out)
    except OSError:
        previous.rename(out)
        raise
    shutil.rmtree(previous)


def clean_leftovers(out: Path) -> None:
    """Remove what killed builds left beside `out`; put back an old site a killed fallback swap took away."""
    for leftover in sorted(out.parent.glob(f".{out.name}.previous-*")):
        if _alive(leftover, "previous"):
            continue
        if not out.exists() and is_site(leftover):
            leftover.rename(out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.parent.glob(f".{out.name}.building-*"):
        if not _alive(leftover, "building"):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(leftover: Path, kind: str) -> bool:
    """Whether the build that made `leftover` may still be running (so its folder is not ours to remove).

    The folder's name carries the build's process id; names from older plansite versions carry none, and
    count as abandoned once they are ten minutes old.
    """
    tail = leftover.name.split(f".{kind}-", 1)[-1]
    pid_text = tail.split("-", 1)[0]
    if not pid_text.isdigit():
        return time.time() - leftover.stat().st_mtime < 600
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def return_memory() -> None:
    """Give freed memory back to the system (glibc keeps it for the process otherwise); elsewhere, nothing."""
    gc.collect()
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:
        trim(0)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None


def end_with_parent() -> None:
    """For worker processes: die when the build that started them dies, even by SIGKILL (Linux)."""
    libc = _libc()
    prctl = getattr(libc, "prctl", None)
    if prctl is not None:
        pr_set_pdeathsig, sigkill = 1, 9
        prctl(pr_set_pdeathsig, sigkill)
    if os.getppid() == 1:  # the build died before the line above took effect
        os._exit(1)


def end_with(pid: int, every: float = 1.0) -> None:
    """For a worker whose parent is not the process it works for (one a fork server started): end when that
    process `pid` is gone, however it ended. A fork server and its workers keep each other alive, so a preview
    killed without its clean-up would otherwise leave both running."""

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the pid now names another user's process: the preview is gone
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()

"""One way to resolve, walk and write paths: a link loop or a dangling link is a user's problem, named, never a
traceback or a hang; files are written all or nothing, never over anything that is there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator.errors import Problem, UsageError, display_path
from generator.i18n import msg


def resolve(path: Path) -> Path:
    """`path.resolve()`, with a link loop or an unreadable link a clean error naming the path."""
    try:
        return path.resolve()
    except RuntimeError as error:  # Python before 3.13: "Symlink loop from …"
        raise UsageError(msg("path_link_loop", path=display_path(path))) from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UsageError(msg("path_link_loop", path=display_path(path))) from error
        raise UsageError(msg("path_unreadable", path=display_path(path), reason=error.strerror or "")) from error


def is_loop(path: Path) -> bool:
    """Whether `path` is a symbolic link that never ends (a loop)."""
    if not path.is_symlink():
        return False
    try:
        path.stat()
    except OSError as error:
        return error.errno == errno.ELOOP
    except RuntimeError:
        return True
    return False


def escapes(path: Path, root: Path) -> bool:
    """Whether `path` (a link, or under one) leads outside `root`, or nowhere."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True
    return target != resolve(root) and resolve(root) not in target.parents


def refuse_inside(target: Path, places: Iterable[Path]) -> None:
    """Refuse to write `target` (a file or folder) inside, or as, one of the data folders `places`."""
    resolved = resolve(target.absolute())
    for place in places:
        folder = resolve(place.absolute())
        if resolved == folder or folder in resolved.parents:
            raise UsageError(msg("out_inside_data", where=display_path(target), place=display_path(place)))


def link_problems(folder: Path) -> tuple[list[Problem], list[Problem]]:
    """The symbolic links under `folder` that loop, and those that lead to a place outside it, as a problem each
    (a link to nothing is the readers' to report). Data is read only from inside its folder."""
    loops: list[Problem] = []
    leaving: list[Problem] = []
    if not folder.is_dir() or is_loop(folder):
        return loops, leaving
    for entry in walk(folder):
        if not entry.is_symlink():
            continue
        if is_loop(entry):
            message = msg("link_loop_not_read", name=entry.name)
            loops.append(Problem(display_path(entry), 1, 1, message, hint=msg("hint_link_itself")))
        elif entry.exists() and escapes(entry, folder) and not _contains(entry):
            message = msg("link_leaves_not_read", name=entry.name, root=display_path(folder))
            leaving.append(Problem(display_path(entry), 1, 1, message, hint=msg("hint_link_itself")))
    return loops, leaving


def _contains(link: Path) -> bool:
    """A link to a folder that holds it: the readers report it as a loop and never read through it."""
    target, parent = resolve(link), resolve(link.parent)
    return target == parent or target in parent.parents


def walk(root: Path) -> Iterator[Path]:
    """Every file and folder under `root`, sorted; links are listed but never followed, so a loop ends."""
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return
    for entry in entries:
        yield entry
        if entry.is_dir() and not entry.is_symlink():
            yield from walk(entry)


def check_new_file(path: Path) -> None:
    """Refuse to write `path` when anything is there (a dangling link too) or a folder on its way is not one."""
    if os.path.lexists(path):
        key = "path_dangling_link" if path.is_symlink() and not path.exists() else "path_exists"
        raise UsageError(msg(key, path=display_path(path)))
    for parent in path.parents:
        if os.path.lexists(parent):
            if is_loop(parent):
                raise UsageError(msg("path_link_loop", path=display_path(parent)))
            if not parent.is_dir():
                key = "path_dangling_link" if parent.is_symlink() else "path_not_folder"
                raise UsageError(msg(key, path=display_path(parent)))
            return


def write_new_files(files: Mapping[Path, bytes]) -> list[Path]:
    """Create every file of `files`, all or nothing: none may exist; on any failure, whatever this call created
    (files and folders) is removed again, and nothing else is touched. Returns the files in the order given."""
    for path in files:
        check_new_file(path)
    made_dirs: list[Path] = []
    temporaries: list[Path] = []
    placed: list[Path] = []
    try:
        staged: list[tuple[Path, Path]] = []
        for path, content in files.items():
            missing = [parent for parent in [path.parent, *path.parent.parents] if not os.path.lexists(parent)]
            for folder in reversed(missing):
                folder.mkdir()
                made_dirs.append(folder)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
            temporaries.append(Path(name))
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.chmod(name, 0o644)
            staged.append((Path(name), path))
        for temporary, path in staged:
            try:
                os.link(temporary, path)  # fails rather than overwrite, should a file appear meanwhile
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP) or os.path.lexists(path):
                    raise
                os.rename(temporary, path)  # a file system without hard links
            placed.append(path)
    except OSError as error:
        for path in placed:
            path.unlink(missing_ok=True)
        raise UsageError(
            msg("path_unwritable", path=display_path(Path(error.filename or "")), reason=error.strerror or "")
        ) from error
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
        if len(placed) < len(files):
            for folder in reversed(made_dirs):
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return list(files)


def replace_files(files: Mapping[Path, bytes]) -> None:
    """Write every file of `files`, new or replacing one that is there, all or nothing: each is staged beside its
    target first; should putting one in place fail, the files already replaced get their old bytes back and the
    new files and folders this call made go again. A replaced file keeps its permissions."""
    staged: list[tuple[Path, Path]] = []
    made: list[Path] = []  # folders this call made, outermost first
    done: list[tuple[Path, Path | None]] = []  # each file put in place, and a link to its old bytes
    try:
        for path, content in files.items():
            made += [folder for folder in reversed(path.parents) if not folder.exists() and folder not in made]
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((Path(name), path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.chmod(name, stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o644)
        for temporary, path in staged:
            old = None
            if path.is_file():
                old = path.with_name(f".{path.name}.{os.getpid()}.old")
                os.link(path, old)
            done.append((path, old))
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)  # before the folders this call made are removed
        _undo(done, made)
        raise
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for _, old in done:
            if old is not None:
                old.unlink(missing_ok=True)


def _undo(done: list[tuple[Path, Path | None]], made: list[Path]) -> None:
    for path, old in reversed(done):
        if old is not None:
            os.replace(old, path)
        else:
            path.unlink(missing_ok=True)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()

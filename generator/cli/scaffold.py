"""`plansite init`: a new, minimal data repository that validates and builds as it is.

The files are packaged under `new_repository/`. Dot files are stored without their dot (setuptools' package data
globs skip dot files) and renamed on the way out. `requirements.txt` gets its requirement line here: the running
plansite as a wheel in `vendor/` (`generator.cli.vendoring`), or the source given with `--plansite-source`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.cli.vendoring import REQUIREMENTS, VENDOR_DIR, build_wheel, check_source, requirement_line, wheel_name
from generator.data.jsonschema import schema_files
from generator.data.layout import SCHEMAS_DIR
from generator.data.paths import check_new_file, is_loop, resolve
from generator.errors import UsageError, display_path
from generator.i18n import msg

TEMPLATE = files("generator.cli").joinpath("new_repository")
DOT_FILES = {"gitignore": ".gitignore", "gitkeep": ".gitkeep", "vscode": ".vscode", "github": ".github"}


def _entries(node: Traversable, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], bytes]]:
    for child in sorted(node.iterdir(), key=lambda entry: entry.name):
        name = DOT_FILES.get(child.name, child.name)
        if child.is_dir():
            yield from _entries(child, (*prefix, name))
        elif not child.name.startswith((".", "__")):
            yield (*prefix, name), child.read_bytes()


def _files(source: str | None) -> list[tuple[tuple[str, ...], bytes]]:
    """Every file of the new repository: the template, the schemas, and plansite itself unless `source` names
    where to install it from."""
    files = []
    for parts, content in _entries(TEMPLATE):
        if parts == (REQUIREMENTS,):
            line = requirement_line() if source is None else check_source(source)
            content = content.replace(b"{requirement}", line.encode("utf-8"))
        files.append((parts, content))
    files += [((SCHEMAS_DIR, name), text.encode("utf-8")) for name, text in schema_files().items()]
    if source is None:
        files.append(((VENDOR_DIR, wheel_name()), build_wheel()))
    return files


def write_scaffold(directory: Path, source: str | None = None) -> list[Path]:
    """Write the new repository; refuse a folder with anything in it. All or nothing: files are staged first.
    `source` is a requirement line for plansite (`--plansite-source`); without it the running plansite is
    written into `vendor/` as a wheel and named in `requirements.txt`."""
    if os.path.lexists(directory) and is_loop(directory):
        raise UsageError(msg("path_link_loop", path=display_path(directory)))
    if os.path.lexists(directory) and not directory.is_dir():
        raise UsageError(msg("init_not_a_folder", path=display_path(directory)))
    if directory.is_dir() and any(directory.iterdir()):
        raise UsageError(msg("init_not_empty", path=display_path(directory)))
    check_new_file(directory / REQUIREMENTS)  # every folder on the way is a folder (no dangling link) or not there
    target = resolve(directory)
    files = _files(source)  # before anything is written: a failure here leaves nothing behind
    missing = [parent for parent in target.parents if not os.path.lexists(parent)]
    made: list[Path] = []
    moved: list[Path] = []
    written: list[Path] = []
    staging: Path | None = None
    try:
        for folder in reversed(missing):
            folder.mkdir()
            made.append(folder)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=target.parent))
        for parts, content in files:
            path = staging.joinpath(*parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(directory.joinpath(*parts))
        if target.exists():
            # An empty folder the user made: move the staged entries in, leaving the folder itself alone.
            for entry in sorted(staging.iterdir()):
                entry.rename(target / entry.name)
                moved.append(entry)
        else:
            staging.chmod(0o755)
            staging.rename(target)
            staging = None
    except BaseException as error:
        for entry in moved:  # back into the staging folder, which goes below
            (target / entry.name).rename(entry)
        if staging is not None and staging.exists():
            shutil.rmtree(staging)
        for folder in reversed(made):
            folder.rmdir()
        if isinstance(error, OSError):
            raise UsageError(
                msg("path_unwritable", path=display_path(Path(error.filename or target)), reason=error.strerror or "")
            ) from error
        raise
    if staging is not None and staging.exists():
        shutil.rmtree(staging)
    return written

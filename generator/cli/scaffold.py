"""`plansite init`: a new, minimal data repository that validates and builds as it is.

The files are packaged under `new_repository/`. Dot files are stored without their dot (setuptools' package data
globs skip dot files) and renamed on the way out.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.data.jsonschema import SCHEMAS_DIR, schema_files
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


def write_scaffold(directory: Path) -> list[Path]:
    """Write the new repository; refuse a folder with anything in it. All or nothing: files are staged first."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(msg("init_not_folder", where=display_path(directory)))
    if directory.is_dir() and any(directory.iterdir()):
        raise UsageError(msg("init_not_empty", where=display_path(directory)))
    target = directory.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=target.parent))
    written: list[Path] = []
    try:
        schemas = [((SCHEMAS_DIR, name), text.encode("utf-8")) for name, text in schema_files().items()]
        for parts, content in [*_entries(TEMPLATE), *schemas]:
            path = staging.joinpath(*parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(directory.joinpath(*parts))
        if target.exists():
            # An empty folder the user made: move the staged entries in, leaving the folder itself alone.
            for entry in sorted(staging.iterdir()):
                entry.rename(target / entry.name)
        else:
            staging.chmod(0o755)
            staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return written

"""`plansite schema`: the data files' JSON Schemas written into a folder (`schemas/` by default).

A schema file plansite wrote before is replaced by the current one; any other file of the same name is left as
it is, and the command says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.data.jsonschema import DIALECT, schema_files
from generator.data.paths import check_new_file, is_loop, replace_files
from generator.errors import UsageError, display_path
from generator.i18n import msg


def _ours(path: Path) -> bool:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(content, dict) and content.get("$schema") == DIALECT and content.get("$id") == path.name


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`, all or nothing: every name must be free or hold a schema plansite
    wrote; each file is staged beside its place first, and a failure on the way puts back what was there."""
    folder_shown = display_path(folder)
    if os.path.lexists(folder) and not folder.is_dir():
        key = "path_link_loop" if is_loop(folder) else "schema_not_a_folder"
        raise UsageError(msg(key, path=folder_shown))
    texts = schema_files()
    taken = [
        folder / name
        for name in texts
        if os.path.lexists(folder / name) and ((folder / name).is_symlink() or not _ours(folder / name))
    ]
    if taken:
        raise UsageError(msg("schema_taken", path=display_path(taken[0])))
    changed = {
        folder / name: text
        for name, text in texts.items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    }
    for path in changed:
        if not path.exists():
            check_new_file(path)  # a dangling link where a schema goes is refused, never written through
    replace_files({path: text.encode("utf-8") for path, text in changed.items()})  # all or nothing
    return [folder / name for name in texts if folder / name in changed]

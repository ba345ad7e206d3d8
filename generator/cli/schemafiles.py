"""`plansite schema`: the data files' JSON Schemas written into a folder (`schemas/` by default).

A schema file plansite wrote before is replaced by the current one; any other file of the same name is left as
it is, and the command says so.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from generator.data.jsonschema import DIALECT, schema_files
from generator.errors import UsageError, display_path
from generator.i18n import msg


def _ours(path: Path) -> bool:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(content, dict) and content.get("$schema") == DIALECT and content.get("$id") == path.name


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; all or nothing when one of the names is taken by another file."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("folder_is_file_out", where=display_path(folder)))
    texts = schema_files()
    taken = [folder / name for name in texts if (folder / name).exists() and not _ours(folder / name)]
    if taken:
        raise UsageError(msg("schema_taken", where=display_path(taken[0])))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        target = folder / name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
        written.append(target)
    return written

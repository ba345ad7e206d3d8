"""The validator's problems and hints (`plansite validate`, and every command that reads the data).

Values in quotes are data (ids, keys, file names) and stay as written; Korean sentences avoid particles after
them by phrasing, so that no particle depends on how a value ends.
"""

from __future__ import annotations

PROBLEMS: dict[str, dict[str, str]] = {}

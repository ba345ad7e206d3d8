"""A fingerprint of the code and library versions a cache's entries were computed with, so any change to either
invalidates them (the chart cache, the amendments' comparisons)."""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).parent


def fingerprint(salt: str, modules: Iterable[str], libraries: Iterable[str]) -> str:
    """sha256 of `salt`, each module's path (from the package folder) and bytes, and each library's version."""
    digest = hashlib.sha256(salt.encode() + b"\0" if salt else b"")
    for name in modules:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes() + b"\0")
    for library in libraries:
        try:
            version = importlib.metadata.version(library)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{library}={version}\0".encode())
    return digest.hexdigest()

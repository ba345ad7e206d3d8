"""A fingerprint of the code and library versions a cache's entries were computed with, so any change to either
invalidates them (the chart cache, the amendments' comparisons)."""

from __future__ import annotations

import ast
import functools
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


@functools.cache
def code_closure(module: str) -> tuple[str, ...]:
    """The package's own source files `module` (a path inside the package, "site/charts.py") runs: it and every
    module of the package it imports, at any depth, in any function. Read from the source, never imported, so
    a new module a chart or a comparison starts to use changes the fingerprint without a hand-kept list."""
    found: set[str] = set()
    pending = [module]
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        tree = ast.parse((PACKAGE / name).read_bytes(), filename=name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                pending += [path for alias in node.names if (path := _module_file(alias.name))]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    path = _module_file(f"{node.module}.{alias.name}") or _module_file(node.module)
                    if path:
                        pending.append(path)
    return tuple(sorted(found))


def _module_file(dotted: str) -> str | None:
    """`generator.site.svg` → "site/svg.py" (or a package's __init__.py); None outside the package."""
    parts = dotted.split(".")
    if parts[0] != PACKAGE.name or len(parts) < 2:
        return None
    for candidate in (Path(*parts[1:]).with_suffix(".py"), Path(*parts[1:], "__init__.py")):
        if (PACKAGE / candidate).is_file():
            return candidate.as_posix()
    return None

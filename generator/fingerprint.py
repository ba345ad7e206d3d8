"""A fingerprint of the code and library versions a cache's entries were computed with, so any change to either
invalidates them (the chart cache, the amendments' comparisons)."""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import os
import re
import stat
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
        for node in import_statements((PACKAGE / name).read_bytes()):
            if isinstance(node, ast.Import):
                pending += [path for alias in node.names if (path := _module_file(alias.name))]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    path = _module_file(f"{node.module}.{alias.name}") or _module_file(node.module)
                    if path:
                        pending.append(path)
    return tuple(sorted(found))


# A line that may start an import statement, at any indentation (inside a function, under `if TYPE_CHECKING:`).
_IMPORT_START = re.compile(rb"[ \t]*(?:import|from)[ \t]")


def import_statements(source: bytes) -> list[ast.stmt]:
    """The import statements of a module's source, at any depth: each line that starts like one is parsed with
    its continuation lines (open brackets, a trailing backslash), which costs a tenth of parsing the whole
    module. When such a line does not parse so (a line of a docstring that starts like one, a bracket in a
    comment), the whole module is parsed instead: never an import missed. (`tests/test_fingerprint.py` checks
    that both find the same, for every module of the package.)"""
    lines = source.splitlines()
    statements: list[bytes] = []
    for number, line in enumerate(lines):
        if not _IMPORT_START.match(line):
            continue
        statement, end = line.strip(), number
        while (statement.count(b"(") > statement.count(b")") or statement.endswith(b"\\")) and end + 1 < len(lines):
            end += 1
            statement += b"\n" + lines[end].strip()
        statements.append(statement)
    try:
        found = ast.parse(b"\n".join(statements)).body  # one parse of them all: each alone cost a parse apiece
    except SyntaxError:
        return all_import_statements(source)
    return [node for node in found if isinstance(node, ast.Import | ast.ImportFrom)]


def all_import_statements(source: bytes) -> list[ast.stmt]:
    """The import statements of a module, from a parse of the whole module (exact, and slow)."""
    return [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import | ast.ImportFrom)]


@functools.cache  # asked about the same names again and again (a closure of 86 modules asks 2,300 times)
def _module_file(dotted: str) -> str | None:
    """`generator.site.svg` → "site/svg.py" (or a package's __init__.py); None outside the package."""
    parts = dotted.split(".")
    if parts[0] != PACKAGE.name or len(parts) < 2:
        return None
    for candidate in ("/".join(parts[1:]) + ".py", "/".join((*parts[1:], "__init__.py"))):
        if os.path.isfile(os.path.join(PACKAGE, *candidate.split("/"))):
            return candidate
    return None


# A cache is evidence, not truth: anyone who can write the cache folder (a restored CI cache, a shared disk, a
# stray script) can put anything there. Each entry is sealed with a hash over what it derives from (its key) and
# its content, and read only from a regular file of bounded size, never through a link, a FIFO or a device.


class UnusableEntry(Exception):
    """A cache entry that exists but cannot be what its cache wrote: recomputed and replaced, never used."""


def seal(key: str, body: bytes) -> str:
    """The hash stored with an entry: over its key (what it derives from) and its content, so an entry altered,
    truncated or moved under another key's name no longer matches."""
    return hashlib.sha256(key.encode() + b"\0" + body).hexdigest()


def read_entry_file(path: Path, limit: int) -> bytes | None:
    """The bytes of the cache file `path` (None if there is none), or UnusableEntry if it is not a regular file
    (a link, a FIFO, a device, a folder) or is larger than `limit` bytes. Never blocks, never follows a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as error:  # ELOOP: a link; EACCES, EISDIR …
        raise UnusableEntry(f"{path.name}: {error.strerror or error}") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise UnusableEntry(f"{path.name}: not a regular file")
        if status.st_size > limit:
            raise UnusableEntry(f"{path.name}: larger than {limit} bytes")
        chunks = []
        size = 0
        while chunk := os.read(handle, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise UnusableEntry(f"{path.name}: larger than {limit} bytes")
        return b"".join(chunks)
    except OSError as error:
        raise UnusableEntry(f"{path.name}: {error.strerror or error}") from None
    finally:
        os.close(handle)


def is_real_folder(path: Path) -> bool:
    """Whether `path` is a folder itself, not a link to one (a cache writes and deletes only in its own folders)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False

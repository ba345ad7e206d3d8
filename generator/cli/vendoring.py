"""The running plansite as a wheel in a data repository's `vendor/`, named by its `requirements.txt`.

A data repository installs exactly the plansite that wrote it, from a file the office holds in its own
repository, never from a package index entry of our name (which anyone could register). `plansite init`
writes the wheel and the requirement line; `plansite vendor`, run after installing a newer plansite, replaces
both, and touches nothing else: only wheels it wrote (their WHEEL file names this module as generator) and the
one line of `requirements.txt` that names such a wheel.

The wheel is made from the installed package's own files, whatever the install (a wheel, a source install, an
editable checkout): the `generator/` folder as Python imports it, and a fresh `.dist-info` with the installed
metadata. Entries are sorted and dated 1980-01-01, so the same plansite always gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.data.paths import replace_files
from generator.errors import UsageError, display_path
from generator.i18n import msg
from generator.version import __version__

VENDOR_DIR = "vendor"
REQUIREMENTS = "requirements.txt"
TAG = "py3-none-any"
GENERATOR = "plansite-vendor"
PACKAGE = Path(__file__).resolve().parents[1]  # the `generator/` folder Python imports
DIST_INFO = f"plansite-{__version__}.dist-info"
ENTRY_POINTS = "[console_scripts]\nplansite = generator.cli:main\n"
# A requirement line naming a vendored plansite wheel, with or without extras: ./vendor/plansite-0.1.0-….whl[pdf]
VENDORED_LINE = re.compile(r"^(?:\./)?vendor/plansite-[^/\s\[]+\.whl(?P<extras>\[[^\]]*\])?\s*$")
_EPOCH = (1980, 1, 1, 0, 0, 0)


def wheel_name() -> str:
    return f"plansite-{__version__}-{TAG}.whl"


def requirement_line(extras: str = "") -> str:
    """The requirement line that installs the vendored wheel (pip reads it relative to the working directory,
    the repository's root in the workflows)."""
    return f"./{VENDOR_DIR}/{wheel_name()}{extras}"


def _package_files() -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if any(part == "__pycache__" or part.startswith(".") for part in relative.parts):
            continue
        if path.suffix in (".pyc", ".pyo") or not path.is_file():
            continue
        files.append((f"generator/{relative.as_posix()}", path.read_bytes()))
    return files


def _metadata() -> tuple[bytes, bytes]:
    """The installed METADATA (or an egg-info's PKG-INFO) and entry points of this very plansite."""
    try:
        distribution = importlib.metadata.distribution("plansite")
    except importlib.metadata.PackageNotFoundError:
        raise UsageError(msg("vendor_no_metadata", version=__version__)) from None
    text = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO")
    if not text or distribution.version != __version__:
        raise UsageError(msg("vendor_no_metadata", version=__version__))
    # A License-File names a file this wheel does not carry.
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("License-File:")]
    entry_points = distribution.read_text("entry_points.txt") or ENTRY_POINTS
    return "".join(lines).encode("utf-8"), entry_points.encode("utf-8")


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def build_wheel() -> bytes:
    """The running plansite as the bytes of a pure-Python wheel."""
    metadata, entry_points = _metadata()
    wheel = f"Wheel-Version: 1.0\nGenerator: {GENERATOR} ({__version__})\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    files = [
        *_package_files(),
        (f"{DIST_INFO}/METADATA", metadata),
        (f"{DIST_INFO}/WHEEL", wheel.encode("ascii")),
        (f"{DIST_INFO}/entry_points.txt", entry_points),
    ]
    record = "".join(f"{name},sha256={_digest(data)},{len(data)}\n" for name, data in files)
    files.append((f"{DIST_INFO}/RECORD", (record + f"{DIST_INFO}/RECORD,,\n").encode("utf-8")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def written_by_plansite(path: Path) -> bool:
    """Whether `path` is a wheel this module wrote (so `plansite vendor` may replace or remove it)."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".dist-info/WHEEL"):
                    return f"Generator: {GENERATOR} " in archive.read(name).decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile):
        return False
    return False


# A requirement by name alone (`plansite`, `plansite==0.1.0`): pip would look the name up in a package index.
BY_NAME = re.compile(r"^plansite\s*(?:\[[^\]]*\]\s*)?(?:[<>=!~].*)?$", re.IGNORECASE)


def check_source(source: str) -> str:
    """A requirement given with `plansite init --plansite-source`, as one line of requirements.txt. A bare name
    is refused: plansite is not published on the public index, and whoever registers the name there would run
    their code in the office's workflows."""
    line = source.strip()
    if not line or "\n" in line or "\r" in line or line.startswith("#"):
        raise UsageError(msg("init_bad_source", source=source))
    if BY_NAME.match(line):
        raise UsageError(msg("init_source_by_name", source=line))
    return line


@dataclass
class Vendored:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def update_vendored(directory: Path) -> Vendored:
    """Put the running plansite into `directory`'s vendor/ and requirements.txt, replacing the plansite wheel
    named there. Only a wheel plansite wrote is replaced or removed, and only the line naming it is changed;
    all or nothing (each file is written beside its target and moved into place once every check passed)."""
    if not directory.is_dir():
        raise UsageError(msg("usage_no_such_path", path=display_path(directory)))
    requirements = directory / REQUIREMENTS
    vendor = directory / VENDOR_DIR
    target = vendor / wheel_name()
    if not requirements.is_file():
        raise UsageError(msg("vendor_no_requirements", path=display_path(requirements), line=requirement_line()))
    text = requirements.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    matching = [number for number, line in enumerate(lines) if VENDORED_LINE.match(line.strip())]
    if len(matching) != 1:
        raise UsageError(msg("vendor_no_requirements", path=display_path(requirements), line=requirement_line()))
    [number] = matching
    old_line = lines[number].strip()
    extras = VENDORED_LINE.match(old_line).group("extras") or ""  # type: ignore[union-attr]
    new_line = requirement_line(extras)
    if (target.exists() or target.is_symlink()) and not written_by_plansite(target):
        raise UsageError(msg("vendor_taken", path=display_path(target)))
    wheel = build_wheel()
    staged: dict[Path, bytes] = {}
    if not target.exists() or target.read_bytes() != wheel:
        staged[target] = wheel
    if old_line != new_line:
        ending = lines[number][len(lines[number].rstrip("\r\n")) :]
        lines[number] = new_line + (ending or "\n")
        staged[requirements] = "".join(lines).encode("utf-8")
    replace_files(staged)  # the wheel and its line together, or neither
    outcome = Vendored(written=list(staged))
    for path in sorted(vendor.glob("plansite-*.whl")):
        if path != target and written_by_plansite(path):
            path.unlink()
            outcome.removed.append(path)
    return outcome

"""Each data file as the last `plansite build` read and checked it, kept in the cache folder (`reads/`), so that a
build after a one-value edit parses and checks only the file that changed: reading the 127 files of the shipped
data is most of the time the data takes to load.

`serve` keeps the same readings in memory (`schemacheck.ReadMemo`); a build is a new process each time, so it
keeps them here, one sealed entry per file (`buildcache.Entries`), under a hash of the file's path, its exact
bytes, the model it is checked against and `version()`: plansite's code, the Python and the versions of the
libraries that parse and check (PyYAML, pydantic). A reading is the parsed document with the line and column of
every value, the checked model and the file's problems, so a problem found in a file read from here names its
place as one found afresh. Readings are written once the data is loaded: a build stopped by a problem in the
data keeps no new one.

An entry is a pickle, which Python runs as it loads it: as the compiled templates (`templatecode.py`), whoever can
write the cache folder can run code in the build (docs/publishing.md). Entries are read only from a folder that is
plansite's cache already (its CACHEDIR.TAG), and written only once the build has accepted the folder (`keep`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
from collections.abc import Iterator, MutableMapping
from pathlib import Path

from generator.data.schemacheck import Reading, ReadKey, ReadMemo
from generator.fingerprint import is_real_folder
from generator.site.buildcache import Entries, code_version
from generator.site.chartcache import TAG

READS = "reads"
LIBRARIES = ("pyyaml", "pydantic", "pydantic-core")  # what parses the files and checks them
# What a pickle that is not a reading can raise while it loads (a damaged one is caught by its seal before).
_UNUSABLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError)


def version() -> str:
    libraries = []
    for name in LIBRARIES:
        try:
            libraries.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            libraries.append(f"{name}=absent")
    return hashlib.sha256(f"{code_version()}\0{' '.join(libraries)}".encode()).hexdigest()


class _Kept(MutableMapping[ReadKey, Reading]):
    """The readings of the cache folder, looked up one file at a time; new ones held until `keep` writes them."""

    def __init__(self, folder: Path):
        self.entries = Entries(folder, READS, "pickle")
        self.version = version()
        self.read: dict[ReadKey, Reading] = {}
        self.new: dict[ReadKey, Reading] = {}

    def __getitem__(self, key: ReadKey) -> Reading:
        if key not in self.read:
            body = self.entries.get(self._key(key))
            if body is None:
                raise KeyError(key)
            try:
                self.read[key] = pickle.loads(body)
            except _UNUSABLE:
                self.entries.rejected += 1
                raise KeyError(key) from None
        return self.read[key]

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __setitem__(self, key: ReadKey, reading: Reading) -> None:
        self.read[key] = self.new[key] = reading
        self.entries.used.add(self._key(key))

    def __delitem__(self, key: ReadKey) -> None:
        del self.read[key]

    def __iter__(self) -> Iterator[ReadKey]:
        return iter(self.read)

    def __len__(self) -> int:
        return len(self.read)

    def _key(self, key: ReadKey) -> str:
        path, display, content, model = key
        named = f"{self.version}\0{path}\0{display}\0{model.__module__}.{model.__qualname__}\0"
        return hashlib.sha256(named.encode() + content).hexdigest()


class KeptReads(ReadMemo):
    """A `ReadMemo` over the cache folder: what `schemacheck.remembered_reads` looks each file up in."""

    def __init__(self, folder: Path):
        super().__init__()
        self.kept = _Kept(folder)
        self.readings = self.kept

    def keep_used(self) -> None:
        """Nothing is dropped while the data is read; `keep` does it once the build has accepted the folder."""

    def keep(self) -> None:
        """Write the readings this build made, and remove the entries of files it did not read."""
        for key, reading in self.kept.new.items():
            try:
                body = pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)
            except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
                continue  # a reading that cannot be kept is made again next time
            self.kept.entries.put(self.kept._key(key), body)
        self.kept.new = {}
        self.kept.entries.prune()


def kept_reads(folder: Path | None) -> KeptReads | None:
    """The readings kept in `folder` when it is plansite's cache folder already; None otherwise (nothing read)."""
    if folder is None or not is_real_folder(folder) or not (folder / TAG).is_file():
        return None
    return KeptReads(folder)

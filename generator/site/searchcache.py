"""The search index of the previous build, used again when no page it was made from changed.

Pagefind reads every HTML page of the staged site; its index is a function of those pages' paths and bytes, of
its own version and of how plansite runs it. A build with a cache folder keeps, under a hash of all of that
(`search/` in the cache), the list of the index files it published and their hashes. The next build whose pages
hash alike takes the index from the published site instead of running Pagefind, if every file of the published
bundles (`pagefind/`, `en/pagefind/`) is still there with those bytes, and nothing else is; otherwise Pagefind
runs, as without a cache.

What Pagefind leaves out is left out of the hash too: the pages of folders no bundle reads (the embeds'), and the
parts of a page it skips whose extent is sure (`searchterms.searched`: figures' cells and charts' drawings). An
edit of figures alone therefore reuses the index; at worst Pagefind runs when it need not.

The index is taken from the published site, not from the cache: a site that can be read as published has these
files already, so the cache holds only hashes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from generator.fingerprint import code_closure, fingerprint
from generator.site.buildcache import Entries
from generator.site.search import WHOLE_SITE, Bundles, index_site
from generator.site.searchterms import searched

SEARCH = "search"
# How Pagefind is run and its entry file put in order (search.py), and what of a page the key leaves out
# (searchterms.py), both imported here.
SEARCH_CODE = "site/searchcache.py"
# Files Pagefind reads besides the pages: a configuration in the folder it runs in (the site's root).
CONFIG_NAMES = ("pagefind.json", "pagefind.toml", "pagefind.yaml", "pagefind.yml")
MAX_INDEX_BYTES = 256 * 1024 * 1024  # a published index file larger than this is not one Pagefind wrote for us


def search_index(
    staging: Path,
    published: Path,
    cache_folder: Path | None,
    pagefind: Path | None = None,
    bundles: Bundles = WHOLE_SITE,
    *,
    later: bool = False,
    stop: Callable[[], bool] | None = None,
) -> bool:
    """Give the staged site its search `bundles`: the published ones when they were made from the same pages
    (and are intact), else new ones from Pagefind (see `search.index_site`).

    `later` (the preview, which shows a saved edit before its search does): instead of running Pagefind, link the
    published index as it is, however old, and return False; the caller indexes the published site afterwards
    (`finish_published`). Returns True when the staged index is made from the staged pages. `stop` may end
    Pagefind's runs (`search.index_site`)."""
    if cache_folder is None and not later:
        index_site(staging, pagefind, bundles, stop)
        return True
    entries = Entries(cache_folder, SEARCH, "json")
    key = _index_key(staging, pagefind, bundles)
    if key is not None and cache_folder is not None:
        manifest = _manifest(entries.get(key))
        if manifest is not None and _copy_published(published, staging, bundles, manifest):
            entries.prune()
            return True
    if later:
        _link_published(published, staging, bundles)
        return False
    index_site(staging, pagefind, bundles, stop)
    if key is not None:
        hashes = {path: _sha256(content) for path, content in _bundle_files(staging, bundles).items()}
        entries.put(key, json.dumps(hashes, sort_keys=True).encode())
        entries.prune()
    return True


def _index_key(staging: Path, pagefind: Path | None, bundles: Bundles) -> str | None:
    """A hash of what Pagefind reads (every HTML page, and a configuration at the root if any), of Pagefind (the
    wheel's version, or the given binary's path, size and time of change) and of plansite's code that runs it;
    None if it cannot be known."""
    # The installed Pagefind is known by its wheel's version (without importing it); another by its file.
    libraries = ("pagefind_bin",) if pagefind is None else ()
    digest = hashlib.sha256(fingerprint("search", code_closure(SEARCH_CODE), libraries).encode())
    for bundle in bundles:  # which pages Pagefind reads, into which bundle
        digest.update(f"\0{bundle.folder}\0{bundle.glob}\0{sorted(bundle.folders or ())}\0".encode())
    try:
        if pagefind is not None:
            status = pagefind.resolve().stat()
            digest.update(f"\0{pagefind.resolve()}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
        for path in sorted(_pages(staging, bundles)):
            content = searched((staging / path).read_bytes())
            digest.update(f"{path}\0{len(content)}\0".encode() + content)
    except OSError:
        return None
    return digest.hexdigest()


def _pages(site: Path, bundles: Bundles) -> list[str]:
    """The HTML files of the site that Pagefind reads (those of the bundles' folders when every bundle knows
    them, else all outside the bundles), and a Pagefind configuration at its root if any."""
    found = [name for name in CONFIG_NAMES if (site / name).exists()]
    skipped = {os.path.join(site, *bundle.folder.split("/")) for bundle in bundles}
    known = [bundle.folders for bundle in bundles if bundle.folders is not None]
    read = frozenset[str]().union(*known) if bundles and len(known) == len(bundles) else None
    for folder, folders, names in os.walk(site):
        folders[:] = [name for name in folders if os.path.join(folder, name) not in skipped]
        relative = os.path.relpath(folder, site).replace(os.sep, "/")
        if read is None or ("" if relative == "." else relative) in read:
            found += [os.path.relpath(os.path.join(folder, name), site) for name in names if name.endswith(".html")]
    return found


def _manifest(body: bytes | None) -> dict[str, str] | None:
    """The index files and their hashes, as `search_index` stored them; None if the entry is not that."""
    if body is None:
        return None
    try:
        manifest = json.loads(body)
    except ValueError:
        return None
    if not isinstance(manifest, dict) or not all(isinstance(v, str) for v in manifest.values()):
        return None
    return manifest


def _copy_published(published: Path, target: Path, bundles: Bundles, manifest: dict[str, str]) -> bool:
    """Copy the published bundles into the staged site if they are exactly the manifest's files; False
    otherwise."""
    try:
        files = _bundle_files(published, bundles)
    except (OSError, ValueError):
        return False
    if not files or set(files) != set(manifest) or any(_sha256(files[p]) != manifest[p] for p in files):
        return False
    _link_files(published, target, files)
    return True


def _link_published(published: Path, target: Path, bundles: Bundles) -> None:
    """The published bundles, each linked as it is (a preview's search until it is indexed again); none of a
    bundle that is missing or not only regular files and folders."""
    for bundle in bundles:
        try:
            files = _bundle_files(published, (bundle,))
        except (OSError, ValueError):
            continue
        _link_files(published, target, files)


def _link_files(published: Path, target: Path, files: dict[str, bytes]) -> None:
    """Each of `files` (read from `published`) linked into `target`: a published file is never written again,
    only replaced, so the new site may share it; written where a link cannot be made."""
    for path, content in files.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(published / path, target / path)
        except OSError:
            (target / path).write_bytes(content)


def _bundle_files(site: Path, bundles: Bundles) -> dict[str, bytes]:
    """Every file of the bundles by its path from the site's root; ValueError as `_files`."""
    return {
        f"{bundle.folder}/{path}": content
        for bundle in bundles
        for path, content in _files(site.joinpath(*bundle.folder.split("/"))).items()
    }


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its path from there; ValueError for anything but regular files and folders
    (a published index is never followed through a link)."""
    if not stat.S_ISDIR(os.lstat(folder).st_mode):
        raise ValueError(f"{folder} is not a folder")
    found: dict[str, bytes] = {}
    for root, folders, names in os.walk(folder):
        for name in folders:
            if not stat.S_ISDIR(os.lstat(os.path.join(root, name)).st_mode):
                raise ValueError(f"{name} is a link")
        for name in names:
            path = os.path.join(root, name)
            status = os.lstat(path)
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_INDEX_BYTES:
                raise ValueError(f"{name} is not an index file")
            found[Path(os.path.relpath(path, folder)).as_posix()] = Path(path).read_bytes()
    return found


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()

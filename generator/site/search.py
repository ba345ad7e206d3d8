"""The site's full-text search: a Pagefind index of the staged site, written beside it before it is published.

Pagefind reads the finished HTML and writes a static index (`pagefind/`) that the search page loads in the
browser; nothing is asked of any other host. It runs on the staging folder, so a failure leaves the published
site as it was. Only the content marked `data-pagefind-body` (the `<main>` of the pages readers look for) is
indexed, so the menus, the search page and the page for a missing address are left out; inside it, figures'
table cells and charts' drawings are marked to be left out too (`data-pagefind-ignore="all"`): a page is found by
its words, and an edit of figures alone leaves the index as it was (searchcache.py).

Each language has its own bundle in its own folder (`Bundle`: `pagefind/` for the pages at the root,
`en/pagefind/` for those under `en/`), written by its own run of Pagefind: Pagefind holds every page it read
until it has written its index, so indexing the languages apart lowers its peak memory (a site of 4,000 unit
projects: 801 MiB in one run, 368 and 232 MiB in two). The runs are one after the other for a big site, so that
only one holds its pages at a time; for a small one (`PARALLEL_PAGES`) they run at the same time, on two cores.
A language's bundle is the same, file for file, as the part of one run over both languages that serves it; its
search page loads its own.

The binary comes from the `pagefind_bin` wheel (a dependency). Its output is reproducible: the same pages give
the same bytes, once the languages in its entry file are put in order (Pagefind lists them as they come).
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from generator.errors import PlansiteError
from generator.i18n import msg
from generator.site.publish import return_memory

INDEX_DIR = "pagefind"  # a language's bundle, in its folder: its search page finds it by a relative address
DEFAULT_GLOB = "**/*.{html}"  # Pagefind's own: every HTML file of the site
# What Pagefind's glob syntax (the `wax` crate) reads as more than a letter; escaped in a folder's name.
_GLOB_SPECIAL = re.compile(r"[\\*?$:<>()\[\]{},!#]")
_TIMEOUT = 600  # seconds; the 4,000-project benchmark site takes well under a minute
# Up to this many indexed pages the bundles are written by runs at the same time. Pagefind holds about 75 KiB a
# page until it writes its index (the two runs over the 8,060 pages of 4,000 unit projects: 600 MiB), so two
# runs at once hold at most about 150 MiB here, and a site this small is indexed in under a second; a bigger
# site's runs are one after the other, keeping its peak memory that of its bigger language's run.
PARALLEL_PAGES = 2000


class Bundle(NamedTuple):
    """One run of Pagefind: the folder it writes its bundle into and the files it reads, from the site's root."""

    folder: str
    glob: str = DEFAULT_GLOB
    pages: int = 0  # how many pages it indexes (0: not counted, taken as many)
    # The folders whose HTML files `glob` reads (`index_glob`), from the site's root; None: not known, any.
    folders: frozenset[str] | None = None


Bundles = tuple[Bundle, ...]
WHOLE_SITE: Bundles = (Bundle(INDEX_DIR),)  # one bundle in `pagefind/` of every HTML file of the site


class SearchIndexError(PlansiteError):
    """Pagefind could not index the site; the site is not published."""


class IndexingStopped(Exception):
    """The caller's `stop` said to give up (the preview: a save came); what Pagefind wrote is not to be used."""


_STOP_POLL_SECONDS = 0.02  # how often a run that may be stopped looks whether it should be


def pagefind_binary(configured: Path | None = None) -> Path:
    """The Pagefind executable: `configured` when given (PAGEFIND_BINARY_PATH, as Pagefind's own tools honour,
    read by the caller), else the wheel's."""
    if configured is not None:
        return configured
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]  # the wheel ships no types
    except ImportError:
        raise SearchIndexError(
            "the search index needs Pagefind, which was not installed with plansite: pip install 'pagefind[bin]'"
        ) from None
    return Path(get_executable())


def index_glob(indexed: Iterable[str]) -> str:
    """The files Pagefind reads: the HTML files of each folder that holds a page of the index (paths from the
    site's root; `index_folders`). Folders with none, such as the embeds', are not even parsed: they cost a build
    time for nothing."""
    folders = sorted(index_folders(indexed))
    patterns = [_GLOB_SPECIAL.sub(r"\\\g<0>", f"{folder}/" if folder else "") + "*.html" for folder in folders]
    return "{" + ",".join(patterns) + "}" if patterns else DEFAULT_GLOB


def index_folders(indexed: Iterable[str]) -> frozenset[str]:
    """The folders of the given pages (paths from the site's root; "" for the root)."""
    return frozenset(posixpath.dirname(path) for path in indexed)


def index_bundles(indexed: Iterable[tuple[str, str]]) -> Bundles:
    """The bundles that index the given pages, each (bundle folder, page path) from the site's root: one per
    folder, reading its pages' folders (`index_glob`), in order. No page: one bundle of every HTML file."""
    pages: dict[str, list[str]] = {}
    for bundle, path in indexed:
        pages.setdefault(bundle, []).append(path)
    return (
        tuple(
            Bundle(bundle, index_glob(pages[bundle]), len(pages[bundle]), index_folders(pages[bundle]))
            for bundle in sorted(pages)
        )
        or WHOLE_SITE
    )


def in_bundles(path: str, bundles: Bundles) -> bool:
    """Whether a file of the site (its path from the root) belongs to one of the bundles."""
    return any(path.startswith(f"{bundle.folder}/") for bundle in bundles)


def index_site(
    site_dir: Path,
    pagefind: Path | None = None,
    bundles: Bundles = WHOLE_SITE,
    stop: Callable[[], bool] | None = None,
) -> None:
    """Write each of the search `bundles` of the HTML pages in `site_dir` (with `pagefind`, or the installed
    Pagefind): at the same time when they index few pages (`PARALLEL_PAGES`), else one after the other.

    `stop`, asked while Pagefind runs, ends its runs when it says yes, and raises IndexingStopped."""
    return_memory()  # what the caller freed goes back to the system before Pagefind runs beside this process
    counted = len(bundles) > 1 and all(bundle.pages for bundle in bundles)
    if counted and sum(bundle.pages for bundle in bundles) <= PARALLEL_PAGES:
        with ThreadPoolExecutor(len(bundles)) as runs:  # each thread waits for its Pagefind process
            for _ in runs.map(lambda bundle: _index(site_dir, pagefind, bundle, stop), bundles):
                pass  # the first failure, in the bundles' order, is raised once every run has ended
        return
    for bundle in bundles:
        _index(site_dir, pagefind, bundle, stop)


def _index(site_dir: Path, pagefind: Path | None, bundle: Bundle, stop: Callable[[], bool] | None) -> None:
    command = [
        str(pagefind_binary(pagefind)),
        "--site",
        str(site_dir),
        "--output-subdir",
        bundle.folder,
        "--glob",
        bundle.glob,
        # Results link to the page files themselves, so they work on any host and under any sub-path.
        "--keep-index-url",
        "--silent",
    ]
    try:
        # Run inside the site, so that no Pagefind configuration file of the working directory applies.
        returncode, said = _run(command, site_dir, stop)
    except subprocess.TimeoutExpired:
        raise SearchIndexError(msg("search_index_failed", reason=msg("pagefind_timeout", seconds=_TIMEOUT))) from None
    except OSError as error:
        raise SearchIndexError(msg("search_index_failed", reason=str(error))) from None
    if returncode != 0:
        lines = said.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1] if lines else msg("pagefind_exit", code=returncode)
        raise SearchIndexError(msg("search_index_failed", reason=reason))
    _sort_languages(site_dir / bundle.folder / "pagefind-entry.json")


def _run(command: list[str], site_dir: Path, stop: Callable[[], bool] | None) -> tuple[int, bytes]:
    """Pagefind's exit code and what it said (its errors, else its output); killed when `stop` says so."""
    # Its output goes to files, not pipes: a pipe nobody reads while Pagefind runs could fill and stop it.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        with subprocess.Popen(command, stdout=out, stderr=err, cwd=site_dir) as run:
            _wait(run, stop)
        out.seek(0)
        err.seek(0)
        return run.returncode, err.read() or out.read()


def _wait(run: subprocess.Popen[bytes], stop: Callable[[], bool] | None) -> None:
    """Wait for Pagefind to end, killing it when `stop` says so (IndexingStopped) or when it overruns. Without
    `stop`, nothing is asked: the wait is one, up to the deadline."""
    deadline = time.monotonic() + _TIMEOUT
    while (left := deadline - time.monotonic()) > 0:
        try:
            run.wait(min(left, _STOP_POLL_SECONDS) if stop is not None else left)
            return
        except subprocess.TimeoutExpired:
            if stop is not None and stop():
                run.kill()
                run.wait()
                raise IndexingStopped from None
    run.kill()
    run.wait()
    raise subprocess.TimeoutExpired(run.args, _TIMEOUT)


def _sort_languages(entry: Path) -> None:
    """The entry file with its languages in a fixed order, so that two builds give identical bytes."""
    try:
        content = json.loads(entry.read_bytes())
        content["languages"] = dict(sorted(content["languages"].items()))
    except (OSError, ValueError, KeyError, AttributeError) as error:
        raise SearchIndexError(msg("pagefind_entry", name=entry.name, error=str(error))) from None
    entry.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

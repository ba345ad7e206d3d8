"""`plansite build`: gather and check everything first, then render each file into a private staging folder,
then publish it atomically.

The site replaces `output/` only when every page rendered, in one step (`publish.Staging`); a failed or killed
build leaves the previous site as it was. A page goes into the staging folder as soon as it is rendered, so a
big site is never all in memory at once (`serve` keeps its pages in memory instead: `WarmBuild`).
Two builds of the same input give identical bytes: no clock, no random ids, sorted everything.
"""

from __future__ import annotations

import datetime
import functools
import time
from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from generator.data.config import load_config
from generator.data.layout import PROJECTS_DIR, DataRepository
from generator.data.schemacheck import EnglishTally, remembered_reads
from generator.data.validate import ValidationReport, load_checked
from generator.errors import UsageError
from generator.evaluation.year import evaluate_year
from generator.i18n import msg
from generator.review.record import Amendments, FileDates, Unavailable
from generator.site import theme
from generator.site.buildcache import markdown_kept
from generator.site.buildstate import BuildRecord, BuildSummary
from generator.site.chartcache import ChartCache, open_cache
from generator.site.datafiles import with_open_data
from generator.site.drawinghelper import DrawingHelper
from generator.site.feeds import feed_files
from generator.site.pagefiles import Sink, WarmBuild, later_downloads, page_files, saved_page_files
from generator.site.pages import Page, build_pages, lang_path, project_pages
from generator.site.pages.common import Site
from generator.site.pages.embed import EmbedContent
from generator.site.pages.not_found import NotFoundContent
from generator.site.previews import with_previews
from generator.site.publish import (
    Staging,
    check_output_dir,
    publish,
    republish,
    update_in_place,
)
from generator.site.search import INDEX_DIR, Bundles, IndexingStopped, in_bundles, index_bundles
from generator.site.searchcache import search_index
from generator.site.sitemodel import site_model

if TYPE_CHECKING:
    pass

Progress = Callable[[str], None]


def sitemap(pages: list[Page], base_url: str) -> bytes:
    """The sitemap protocol wants absolute <loc>s, so there is one only when the site's address is known."""
    base = base_url.rstrip("/")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in sorted(pages, key=lambda p: p.meta.path):
        if isinstance(page.content, NotFoundContent) or page.meta.empty:  # nothing to show: not listed
            continue
        if isinstance(page.content, EmbedContent):  # a part of another page, for other sites' frames
            continue
        # &, < and > escaped, as XML wants in text (xml.sax.saxutils would import urllib.request: 20 ms a build)
        lines.append(f"  <url><loc>{escape(f'{base}/{page.meta.path}', quote=False)}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def site_root(address: str) -> str:
    """The path a site's address puts it under, e.g. "/plans/" for https://example.org/plans (quoted for a link)."""
    path = urlsplit(address).path
    return quote(path if path.endswith("/") else f"{path}/", safe="/%")


def check_base_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(
            f"--base-url must be the site's absolute address, such as https://example.org/plans/, got '{base_url}'"
        )
    return base_url


def finish_published(out_dir: Path, warm: WarmBuild, waiting: Callable[[], bool] = lambda: False) -> None:
    """Give the published preview what its last build left for later (`WarmBuild.later`): the chart downloads of
    the pages it changed, then the search index its pages call for; each published as it is made. When
    `waiting` says a save is waiting, after the downloads or while Pagefind runs, the index is left for the next
    call: a save is not kept waiting for an index its build will make out of date."""
    files = later_downloads(warm)
    if files is not None:
        warm.published = update_in_place(files, out_dir, warm.published, previous=warm.sent) or warm.published
        warm.sent = files
    if warm.unindexed is None or waiting():
        return
    bundles, pagefind, cache_folder = unindexed = warm.unindexed
    warm.unindexed = None

    def stage(staging: Path) -> None:
        search_index(staging, out_dir, cache_folder, pagefind, bundles, stop=waiting)

    try:
        republish(out_dir, lambda path: not in_bundles(path, bundles), stage)
    except IndexingStopped:
        warm.unindexed = unindexed  # the published site is as it was; its index is made at the next pause


def render_site(
    repository: DataRepository,
    *,
    base_url: str | None = None,
    progress: Progress | None = None,
    cache: ChartCache | None = None,
    warm: WarmBuild | None = None,
    record: Amendments | Unavailable | None = None,
    report: ValidationReport | None = None,
    source_date: datetime.date | None = None,
    root_path: str | None = None,
    history: FileDates | None = None,
    previews: bool = True,
    sink: Sink | None = None,
    helper: DrawingHelper | None = None,
) -> tuple[dict[str, bytes], list[Page]]:
    """Every file of the site, by its path from the site root. Raises DataError on invalid data.

    With `sink`, each page and its chart downloads go to `sink` as soon as they are made, and are not among
    the files returned: a big site's pages need not all be in memory at once (a build's staging folder).

    `record` is the amendments to list (read from the data's history by the caller; None: none listed);
    `report` the data already loaded and checked (None: loaded now); `root_path` the path the site is served at
    when it is not its address's (a local preview: "/"); `history` when each data file last changed (None:
    outside git, every page's "last updated" is the build's date); `previews` False draws no link-preview
    images (a printout needs none); `helper` a worker process that draws the charts (`drawinghelper.build_helper`)."""
    say = progress or (lambda _message: None)
    if report is None:
        report = load_data(repository, warm, say)
    theme_dir = report.config.theme_dir
    evaluations = {
        plan.id: {year: evaluate_year(plan, results) for year, results in report.results.get(plan.id, {}).items()}
        for plan in report.plans
    }
    static = theme.static_files(theme_dir)
    config_url = report.config.spec.base_url if report.config.spec is not None else None
    address = base_url or config_url
    if root_path is None and address:
        root_path = site_root(address)
    site = site_model(report, evaluations, static, address, root_path, record, history, source_date)
    cache = cache or ChartCache(None)
    saved = _saved_projects(report, static, warm)
    if saved is not None and warm is not None:
        quick = _saved_project_files(site, saved, static, cache, theme_dir, warm, address if previews else None)
        if quick is not None:
            return quick
    say(msg("progress_open_data"))
    site, data_files = with_open_data(site)  # first: the pages link the zip of all the data with its size
    say(msg("progress_building_pages"))
    kept_in = cache.folder if warm is None else None  # serve keeps its work in memory (WarmBuild) instead
    with markdown_kept(kept_in) as renders:
        pages = build_pages(site)
    if address and previews:  # link previews fetch an image by its absolute address: made only when that is known
        pages = with_previews(pages, address)
    files = page_files(pages, cache, kept_in, theme_dir, warm, say, sink, helper)
    cache.rejected += renders.entries.rejected  # said once by the command, with the charts'
    files.update(data_files)
    files.update(feed_files(site))
    files.update(static)
    if address:
        files["sitemap.xml"] = sitemap(pages, address)
    if warm is not None:
        warm.partial = False
    return files, pages


def _saved_project_files(
    site: Site,
    saved: frozenset[tuple[str, str]],
    static: dict[str, bytes],
    cache: ChartCache,
    theme_dir: Path | None,
    warm: WarmBuild,
    address: str | None,
) -> tuple[dict[str, bytes], list[Page]] | None:
    """The preview's build of a save (`_saved_projects`): the saved projects' pages that its browsers show (all of
    them when none is shown), with their link previews when the site's `address` is known, over the files the
    last build made; the other pages, the downloads and the sitemap are made when the writer pauses. None when
    the templates changed: the whole site is made."""
    pages = project_pages(site, saved)
    pages = [page for page in pages if page.meta.path in warm.shown] or pages
    if address:
        pages = with_previews(pages, address)
    files = saved_page_files(pages, cache, theme_dir, warm)
    if files is None:
        return None
    files.update(feed_files(site))
    files.update(static)
    warm.partial = True
    return {**warm.sent, **files}, [page for page, _html in warm.pages.values()]


def _saved_projects(
    report: ValidationReport, static: dict[str, bytes], warm: WarmBuild | None
) -> frozenset[tuple[str, str]] | None:
    """The projects (plan id, project id) whose files alone a save changed, when the preview may show their pages
    first (`WarmBuild.quick`): the same data files as last time, only project files of plans among those read
    anew, and the theme's files unchanged. None: the whole site is made."""
    if warm is None or not warm.quick or not warm.sent or not warm.reads.same_files or not warm.reads.changed:
        return None
    if any(warm.sent.get(path) != content for path, content in static.items()):
        return None
    folders = {plan.directory / PROJECTS_DIR: plan for plan in report.plans}
    saved = set()
    for path in warm.reads.changed:
        plan = folders.get(path.parent)
        if plan is None or path.stem not in {project.id for project in plan.projects}:
            return None
        saved.add((plan.id, path.stem))
    return frozenset(saved)


def load_data(repository: DataRepository, warm: WarmBuild | None, say: Progress) -> ValidationReport:
    """The configuration, plans and results, checked (DataError otherwise); with `warm`, unchanged files are not
    read again."""
    say(msg("progress_checking_data"))
    if warm is None:
        return load_checked(repository)
    with remembered_reads(warm.reads):
        return load_checked(repository)


def protected_paths(repository: DataRepository, theme_dir: Path | None = None) -> list[Path]:
    """What a build must never replace: the data, the configuration and the site's own theme folder.

    `theme_dir` is the configuration's theme folder when the caller has read it (otherwise read here)."""
    paths = [repository.plans, repository.results]
    if repository.config is not None:
        paths.append(repository.config)
        if theme_dir is None:
            theme_dir = load_config(repository.config, EnglishTally(), []).theme_dir
        if theme_dir is not None:
            paths.append(theme_dir)
    return paths


def build_site(
    repository: DataRepository,
    out_dir: Path,
    *,
    base_url: str | None = None,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    warm: WarmBuild | None = None,
    record: Amendments | Unavailable | None = None,
    source_date: datetime.date | None = None,
    pagefind: Path | None = None,
    before_publish: Callable[[Path], None] | None = None,
    report: ValidationReport | None = None,
    root_path: str | None = None,
    history: FileDates | None = None,
    state: BuildRecord | None = None,
    helper: DrawingHelper | None = None,
) -> BuildSummary:
    """Check, render and publish the site; charts are kept in `cache_dir` between builds (None: no cache).

    `warm` is what `serve` keeps between its builds (see `WarmBuild`); `record` the amendments to list (see
    `render_site`); `pagefind` the indexer to run (None: the installed one); `before_publish` is called with
    the complete staged site just before it replaces `out_dir`; `report` the data if the caller loaded it;
    `root_path` the path the site is served from when it is not its address's and `history` when each data
    file last changed (see `render_site`); `state` the record of what this build reads, which links the files
    the previous site holds with the same bytes and is kept for the next build (`buildstate.py`); `helper` a
    worker process that draws the charts (`drawinghelper.build_helper`)."""
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    if base_url is not None:
        check_base_url(base_url)
    if report is None:
        report = load_data(repository, warm, say)  # gather everything first: the configuration is read once
    protected = protected_paths(repository, report.config.theme_dir)
    check_output_dir(out_dir, protected, repository.root)
    if state is not None:
        state.read_theme(report.config.theme_dir)
    cache = open_cache(cache_dir, protected, out_dir) if cache_dir is not None else ChartCache(None)
    render = functools.partial(
        render_site,
        repository,
        base_url=base_url,
        progress=progress,
        cache=cache,
        record=record,
        report=report,
        source_date=source_date,
        root_path=root_path,
        history=history,
        helper=helper,
    )
    stage = _stage(out_dir, warm, pagefind, before_publish, cache.folder)
    page_keys: dict[str, str] = {}  # each published file of a page, with the page's key (`buildstate.py`)
    if warm is not None:
        files, pages = render(warm=warm)
        counts, bundles = _counts(pages, files), _bundles(pages)
        updated = _updated(files, out_dir, warm, (bundles, pagefind, cache.folder)) if before_publish is None else None
        if updated is None:
            say(msg("progress_writing_index", count=counts[2]))
            updated = publish(files, out_dir, unchanged=warm.published, stage=functools.partial(stage, bundles))
        warm.published, warm.sent, digests = updated, files, updated
    else:
        # Each page goes into the staging folder as it is rendered: not all of a big site in memory at once.
        linkable = state.linkable() if state is not None else None
        with Staging(out_dir, linkable, state.page_keys() if state is not None else None) as staging:
            files, pages = render(sink=staging)
            for path in sorted(files):
                staging.write(path, files.pop(path))
            counts, bundles = _counts(pages, staging.digests), _bundles(pages)
            del pages, files  # not needed to publish: less memory while Pagefind runs (`search.index_site`)
            say(msg("progress_writing_index", count=counts[2]))
            digests, page_keys = staging.publish(functools.partial(stage, bundles)), staging.page_keys
    summary = BuildSummary(
        *counts[:3],
        time.perf_counter() - started,
        out_dir,
        counts[3],
        len(cache.missed),
        cache.unusable,
        record.reason if isinstance(record, Unavailable) else "",
        cache.rejected + (record.rejected if isinstance(record, Amendments) else 0),
        tuple(cache.left_alone),
    )
    if state is not None:
        state.published(digests, summary, page_keys)
    return summary


def _updated(
    files: dict[str, bytes], out_dir: Path, warm: WarmBuild, index: tuple[Bundles, Path | None, Path | None]
) -> dict[str, str] | None:
    """The preview after its first build: the files a save changed written over the published ones, the search
    index left for `finish_published`. None where the site is published whole (`publish`): a first build, or
    the published folder gone."""
    if not warm.later or not warm.published:
        return None
    try:
        digests = update_in_place(files, out_dir, warm.published, previous=warm.sent)
    except OSError:
        return None  # something in the way of a file (a folder made meanwhile): the whole site replaces it
    if digests is not None and digests != warm.published:
        warm.unindexed = index
    return digests


def _counts(pages: list[Page], files: Mapping[str, object]) -> tuple[int, int, int, bool]:
    """Pages, charts and files of the site, and whether it has a sitemap."""
    return len(pages), len({spec for page in pages for spec in page.charts}), len(files), "sitemap.xml" in files


def _bundles(pages: list[Page]) -> Bundles:
    """Which pages the search indexes, each language into its own bundle (`search.index_bundles`)."""
    return index_bundles((lang_path(page.meta.lang, INDEX_DIR), page.meta.path) for page in pages if page.meta.indexed)


def _stage(
    out_dir: Path,
    warm: WarmBuild | None,
    pagefind: Path | None,
    before_publish: Callable[[Path], None] | None,
    cache_folder: Path | None,
) -> Callable[[Bundles, Path], None]:
    """What is done to the complete staged site before it is published: the search index of its indexed pages
    (the published index again when no page changed, `searchcache.py`; in the preview, after publication:
    `finish_published`), then `before_publish`."""

    def stage(bundles: Bundles, staging: Path) -> None:
        later = warm is not None and warm.later
        if not search_index(staging, out_dir, cache_folder, pagefind, bundles, later=later) and warm is not None:
            warm.unindexed = (bundles, pagefind, cache_folder)
        if before_publish is not None:
            before_publish(staging)

    return stage

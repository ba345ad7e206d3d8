"""The pages' files: each page rendered by its template, with its charts' downloads, or taken as an earlier build
made it (the cache folder for `plansite build`, `WarmBuild` in memory for `serve`)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from generator.data.schemacheck import ReadMemo
from generator.i18n import msg, other_language, t
from generator.site import theme
from generator.site.buildcache import PageStore
from generator.site.chartcache import ChartCache
from generator.site.chartspec import ChartSpec, Frame
from generator.site.downloads import DownloadPngs, download_sources, page_downloads
from generator.site.drawinghelper import DrawingHelper
from generator.site.drawings import Drawings, draw_ahead, drawn_charts, keep_charts, usable_cores
from generator.site.pages import Page, lang_path
from generator.site.pages.not_found import NotFoundContent
from generator.site.searchterms import COMPOUND_LANGUAGES, with_compound_terms, with_spaced_cells
from generator.site.theme import make_environment, relative_url

if TYPE_CHECKING:
    from jinja2 import Environment

    from generator.site.search import Bundles

Progress = Callable[[str], None]


class Sink(Protocol):
    """Where a build puts each page as it is made (`publish.Staging`)."""

    def write(self, path: str, content: bytes, page_key: str | None = None) -> None:
        """One file; `page_key` the key of the page it is or belongs to (`buildcache.PageStore`)."""

    def link_page(self, page_key: str, path: str) -> bool:
        """The page at `path` and its downloads as the last build published them for this key; False: not there."""


@dataclass
class WarmBuild:
    """What a long-running preview keeps between builds, so that a save re-does only what it changed.

    Files are read again only when their bytes changed (`reads`), charts are drawn only when their
    specification is new (`svgs`, besides the chart cache), and a page is rendered again only when its page
    model or a template changed; files the previous build published unchanged are linked, not written.
    """

    reads: ReadMemo = field(default_factory=ReadMemo)
    svgs: dict[ChartSpec, Drawings] = field(default_factory=dict)
    pngs: dict[tuple[ChartSpec, Frame], bytes] = field(default_factory=dict)  # chart PNGs, when there is no cache
    pages: dict[str, tuple[Page, bytes]] = field(default_factory=dict)
    downloads: dict[str, tuple[Page, dict[str, bytes]]] = field(default_factory=dict)  # each page's chart files
    templates: str = ""  # the fingerprint of the templates the kept pages were rendered with
    published: dict[str, str] = field(default_factory=dict)  # content digests of the files published last
    sent: dict[str, bytes] = field(default_factory=dict)  # and the files themselves, as the last build made them
    # The preview shows a save before its search index and its changed pages' chart downloads are made again
    # (`later`): what the next `finish_published` indexes (the search bundles, the Pagefind binary, the cache
    # folder), or None when the published index is current; the chart cache the downloads are made with, or
    # None when every page's downloads are current.
    later: bool = False
    # A save that changed only project files may be shown with just those projects' pages made again (`quick`,
    # set by the preview for each save); the site published is then such a build's until the next whole one
    # (`partial`), which the preview makes when the writer pauses.
    quick: bool = False
    partial: bool = False
    # The build the preview makes when the writer paused (after a `partial` one): no save waits to be shown, so
    # the pages' chart downloads are made with them, each wide chart drawn once with its PNGs, not after.
    paused: bool = False
    # The pages (paths from the site's root) open in the preview's browsers: of a save's pages, those are made
    # first (as Hugo's fast render does); the others when the writer pauses.
    shown: frozenset[str] = frozenset()
    unindexed: tuple[Bundles, Path | None, Path | None] | None = None
    undownloaded: ChartCache | None = None
    rendered: int = 0  # pages the latest build rendered (the others were kept)
    helper: DrawingHelper | None = None  # a worker process that draws half of a save's charts


def render_page(environment: Environment, page: Page, svgs: dict[ChartSpec, Drawings]) -> bytes:
    meta = page.meta
    template = environment.get_template(page.content.template)
    # The 404 page is served at any depth: with the site's path known, its links start from there.
    root = page.content.root if isinstance(page.content, NotFoundContent) else None
    url = functools.partial(str.__add__, root) if root is not None else functools.partial(relative_url, meta.path)
    html = template.render(
        page=meta,
        content=page.content,
        other_lang=other_language(meta.lang),
        home_path=lang_path(meta.lang, "index.html"),
        url=url,
        lang_path=lambda path: lang_path(meta.lang, path),
        t=lambda key, **values: t(key, meta.lang, **values),
        chart_svg=lambda spec: svgs[spec],
    )
    if meta.indexed:
        html = with_spaced_cells(html)  # the text the search reads and shows (searchterms.py)
    if meta.indexed and meta.lang in COMPOUND_LANGUAGES:
        html = with_compound_terms(html)  # words inside compounds, found by the search
    return html.encode("utf-8")


def page_files(
    pages: list[Page],
    cache: ChartCache,
    kept_in: Path | None,
    theme_dir: Path | None,
    warm: WarmBuild | None,
    say: Progress,
    sink: Sink | None,
    helper: DrawingHelper | None = None,
) -> dict[str, bytes]:
    """The pages' HTML and chart downloads: taken from the cache folder where a page's model is as an earlier build
    rendered it (neither charts nor templates needed), else drawn and rendered; given to `sink` when there is one,
    which may link such a page as the last build published it instead (`Sink.link_page`). `helper` draws beside
    this process (`drawinghelper.DrawingHelper`; a preview's is its `warm.helper`)."""
    store = PageStore(kept_in, theme_dir)
    if warm is None:
        draw_ahead(pages, cache, helper)
    files = store.kept(pages, sink.link_page if sink is not None else None)
    done = files.keys() | store.linked
    todo = [page for page in pages if page.meta.path not in done]
    keep_charts(cache, [spec for page in pages if page.meta.path in done for spec in page.charts])
    specs = [spec for page in todo for spec in page.charts]
    say(msg("progress_drawing_charts", count=len(specs)))
    # Not the first build (it has none to keep), nor the one made when the writer paused: nothing waits for it.
    later = warm is not None and warm.later and not warm.paused and bool(warm.downloads)
    earlier = warm.downloads if later and warm is not None else {}
    framed = [page for page in todo if page.meta.path not in earlier]  # pages whose downloads are made now
    pngs = DownloadPngs(cache, download_sources(framed), warm.pngs if warm else None)
    helper = warm.helper if warm is not None else helper
    files.update(store.downloads)  # the kept pages' chart downloads
    store.downloads = {}
    drawn = drawn_charts(
        specs, usable_cores(), cache, warm.svgs if warm else None, pngs, prune=not later, helper=helper
    )
    if sink is not None:
        for path in sorted(files):
            sink.write(path, files.pop(path), store.keys.get(path) or store.download_keys.get(path))
        # Jinja is imported, and the templates compiled (or read compiled), only when a page is rendered.
        environment = _environment(theme_dir, kept_in) if todo else None
        with contextlib.closing(drawn):
            _render_into(sink, environment, todo, drawn, pngs, store, say)
        store.done()
        cache.rejected += store.rejected
        return files
    svgs = dict(drawn)
    rendered = render_pages(_environment(theme_dir, kept_in), todo, svgs, say, warm, theme_dir) if todo or warm else {}
    downloads = _chart_downloads(todo, svgs, pngs, warm, later)
    if later and warm is not None and any(warm.downloads[path][0] != page for path, page in _charted(todo)):
        warm.undownloaded = cache
    store.keep(rendered, downloads)
    cache.rejected += store.rejected
    files.update(rendered)
    for made in downloads.values():
        files.update(made)
    return files


def _environment(theme_dir: Path | None, kept_in: Path | None) -> Environment:
    """The templates, their compiled code kept in the cache folder when there is one (`templatecode.py`)."""
    if kept_in is None:
        return make_environment(theme_dir)
    from generator.site.templatecode import template_code  # imports Jinja: only when a page is rendered

    return make_environment(theme_dir, template_code(kept_in))


def _render_into(
    sink: Sink,
    environment: Environment | None,
    pages: list[Page],
    drawn: Iterator[tuple[ChartSpec, Drawings]],
    pngs: DownloadPngs,
    store: PageStore,
    say: Progress,
) -> None:
    """Render each page as soon as its charts are `drawn` (while workers draw the others: the building process
    would otherwise wait for them, then render alone), make its chart downloads, keep them in the cache folder
    and give them to `sink`, one page at a time. Pages without charts wait for the first chart drawn, so that
    rendering them does not hold back the workers' start."""
    waiting: dict[ChartSpec, list[Page]] = {}
    for page in pages:
        for spec in dict.fromkeys(page.charts):
            waiting.setdefault(spec, []).append(page)
    left = {page.meta.path: len(set(page.charts)) for page in pages}
    writer = _PageWriter(sink, environment, pngs, store, say, len(pages))
    chartless = [page for page in pages if not page.charts]
    for spec, drawings in drawn:
        writer.svgs[spec] = drawings
        ready, chartless = chartless, []
        for page in waiting.pop(spec, []):
            left[page.meta.path] -= 1
            ready += [page] if not left[page.meta.path] else []
        writer.write(ready)
    writer.write(chartless)
    if writer.done != len(pages):  # a page whose charts never all came would be missing from the site, silently
        raise RuntimeError(f"{len(pages) - writer.done} of {len(pages)} pages were not rendered: charts missing")


@dataclass
class _PageWriter:
    """`_render_into`'s pages, rendered with their charts' drawings (`svgs`, as they come) and written, counted for
    the progress line."""

    sink: Sink
    environment: Environment | None  # None: no page to render
    pngs: DownloadPngs
    store: PageStore
    say: Progress
    total: int
    svgs: dict[ChartSpec, Drawings] = field(default_factory=dict)
    done: int = 0

    def write(self, pages: list[Page]) -> None:
        for page in pages:
            assert self.environment is not None
            html = render_page(self.environment, page, self.svgs)
            downloads = page_downloads(page, self.svgs, self.pngs) if page.charts else {}
            self.store.keep_page(page.meta.path, html, downloads if page.charts else None)
            key = self.store.keys.get(page.meta.path)
            self.sink.write(page.meta.path, html, key)
            for path in sorted(downloads):
                self.sink.write(path, downloads[path], key)
            self.done += 1
            if self.done % 50 == 0:
                self.say(msg("progress_rendered", number=self.done, total=self.total))


def _chart_downloads(
    pages: list[Page],
    svgs: dict[ChartSpec, Drawings],
    pngs: DownloadPngs,
    warm: WarmBuild | None,
    later: bool = False,
) -> dict[str, dict[str, bytes]]:
    """Each page's chart downloads; with `warm`, a page whose model is as last time keeps its files, and the
    framed PNGs are kept for the next build (the preview would make every page's files again on each save).

    `later` (the preview, after its first build): a changed page keeps its earlier files too, until
    `later_downloads` makes its own, so that a save is shown without waiting for its PNGs to be drawn; only a
    new page's are made now."""
    kept = warm.downloads if warm is not None else {}
    made: dict[str, tuple[Page, dict[str, bytes]]] = {}
    for path, page in _charted(pages):
        before = kept.get(path)
        current = before is not None and (before[0] == page or later)
        made[path] = before if before is not None and current else (page, page_downloads(page, svgs, pngs))
    if warm is not None:
        warm.downloads = made
        warm.pngs = {**warm.pngs, **pngs.kept} if later else pngs.kept
    return {path: files for path, (_page, files) in made.items()}


def _charted(pages: list[Page]) -> list[tuple[str, Page]]:
    return [(page.meta.path, page) for page in pages if page.charts]


def later_downloads(warm: WarmBuild) -> dict[str, bytes] | None:
    """The site's files with the chart downloads of the pages the preview's last build published with their
    earlier files (see `_chart_downloads`) made anew: the wide drawings redrawn where their framed PNGs are
    missing, the chart cache pruned as a whole build prunes it, and the earlier files a page no longer offers left
    out. None when every page's downloads are current."""
    cache, warm.undownloaded = warm.undownloaded, None
    if cache is None:
        return None
    earlier = {path for _page, files in warm.downloads.values() for path in files}
    pages = [page for page, _html in warm.pages.values()]
    pngs = DownloadPngs(cache, download_sources(pages), warm.pngs)
    specs = [spec for page in pages for spec in page.charts]
    svgs = dict(drawn_charts(specs, usable_cores(), cache, warm.svgs, pngs, helper=warm.helper))
    site = {path: content for path, content in warm.sent.items() if path not in earlier}
    for files in _chart_downloads(pages, svgs, pngs, warm).values():
        site.update(files)
    return site


def saved_page_files(
    pages: list[Page], cache: ChartCache, theme_dir: Path | None, warm: WarmBuild
) -> dict[str, bytes] | None:
    """The HTML of a save's own pages (`project_pages`), made without touching what `warm` keeps for the whole
    site's next build; their chart downloads stay the earlier ones until then. None when the templates changed
    since the last build: every page is rendered again."""
    if theme.templates_fingerprint(theme_dir) != warm.templates:
        return None
    specs = [spec for page in pages for spec in page.charts]
    svgs = dict(
        drawn_charts(specs, usable_cores(), cache, warm.svgs, DownloadPngs(cache, {}), prune=False, helper=warm.helper)
    )
    environment = make_environment(theme_dir)
    warm.rendered = len(pages)
    return {page.meta.path: render_page(environment, page, svgs) for page in pages}


def render_pages(
    environment: Environment,
    pages: list[Page],
    svgs: dict[ChartSpec, Drawings],
    say: Progress,
    warm: WarmBuild | None = None,
    theme_dir: Path | None = None,
) -> dict[str, bytes]:
    """Each page's HTML; with `warm`, a page whose model and templates are as last time keeps its HTML."""
    kept: dict[str, tuple[Page, bytes]] = {}
    if warm is not None:
        fingerprint = theme.templates_fingerprint(theme_dir)
        kept = warm.pages if warm.templates == fingerprint else {}
        warm.templates = fingerprint
    files: dict[str, bytes] = {}
    rendered = 0
    for number, page in enumerate(pages, start=1):
        before = kept.get(page.meta.path)
        if before is not None and before[0] == page:
            files[page.meta.path] = before[1]
        else:
            files[page.meta.path] = render_page(environment, page, svgs)
            rendered += 1
        if number % 50 == 0:
            say(msg("progress_rendered", number=number, total=len(pages)))
    if warm is not None:
        warm.pages = {page.meta.path: (page, files[page.meta.path]) for page in pages}
        warm.svgs = dict(svgs)
        warm.rendered = rendered
    return files

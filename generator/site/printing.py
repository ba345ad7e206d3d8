"""`plansite pdf`: a year's report page printed to PDF by headless Chromium, with the site's own print CSS.

The site is rendered in memory as `build` does (with the same chart cache), written to a temporary folder and
the report page opened from there as a file; Chromium prints it (tagged, with an outline of its headings, text
kept as text) and pypdf sets the document's title, language and creator. The PDF is written beside its target
and moved into place in one step: a failed run leaves nothing, and never replaces a file unless asked to.

Playwright is an optional extra (plansite's `pdf` extra: in a repository made by `plansite init`,
`pip install './vendor/plansite-<version>-py3-none-any.whl[pdf]'`) and drives a Chromium installed on the system.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.data.layout import DataRepository
from generator.data.model import Plan
from generator.errors import UsageError, display_path
from generator.i18n import msg
from generator.review.record import Amendments, FileDates, Unavailable
from generator.site.build import protected_paths, render_site
from generator.site.chartcache import ChartCache, open_cache
from generator.site.pages import lang_path
from generator.site.pages.paths import report_path
from generator.version import __version__

Progress = Callable[[str], None]

CHROMIUM_VARIABLE = "PLANSITE_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = msg("pdf_install_chromium", variable=CHROMIUM_VARIABLE)
PLAYWRIGHT_HINT = msg("pdf_needs_playwright", version=__version__)
# Chromium otherwise keeps trying to reach Google's services, which a closed office network refuses.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
TIMEOUT_MS = 60_000
PDF_MAGIC = b"%PDF-"


def default_pdf_name(plan: Plan, year: int, lang: str) -> Path:
    return Path(f"{plan.id}-{year}-{lang}.pdf")


def check_pdf_target(out: Path, *, force: bool, name: Path) -> None:
    """Refuse, before any work, a target that is a folder, in no folder, or an existing file not to replace.

    `name` is the file name to suggest when `out` is a folder."""
    where = display_path(out)
    if out.is_dir():
        raise UsageError(msg("pdf_out_is_folder", where=where, example=display_path(out / name)))
    folder = out.parent
    if not folder.is_dir():
        key = "pdf_folder_not_folder" if folder.exists() else "pdf_no_folder"
        raise UsageError(msg(key, where=display_path(folder)))
    if out.exists() or out.is_symlink():
        if not force:
            raise _exists(out)
        if not _is_pdf(out):
            raise UsageError(msg("pdf_not_pdf", where=where))


def find_chromium(chosen: str | None = None, bundled: str | None = None) -> str:
    """The Chromium to drive: `chosen` ($PLANSITE_CHROMIUM, read by the caller), else the first on PATH, else
    Playwright's own if downloaded."""
    if chosen:
        path = shutil.which(chosen)
        if path is None:
            raise UsageError(msg("pdf_no_chromium_at", variable=CHROMIUM_VARIABLE, chosen=chosen, hint=INSTALL_HINT))
        return path
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path is not None:
            return path
    if bundled and os.access(bundled, os.X_OK):
        return bundled
    raise UsageError(msg("pdf_no_chromium", hint=INSTALL_HINT))


def print_report_pdf(
    repository: DataRepository,
    plan: Plan,
    year: int,
    lang: str,
    out: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    record: Amendments | Unavailable | None = None,
    chromium: str | None = None,
    history: FileDates | None = None,
) -> Path:
    """Print PLAN's YEAR report page in `lang` to `out`; returns `out`. The caller checked that YEAR has results.

    `record` is the amendments the report lists, as for the site; `chromium` the browser to print with;
    `history` when each data file last changed (the report's "last updated" date)."""
    say = progress or (lambda _message: None)
    check_pdf_target(out, force=force, name=default_pdf_name(plan, year, lang))
    with _chromium(chromium) as browser, tempfile.TemporaryDirectory(prefix="plansite-pdf-") as folder:
        site = Path(folder)
        cache = _chart_cache(repository, site)
        files, _ = render_site(repository, progress=say, cache=cache, record=record, history=history, previews=False)
        target = lang_path(lang, report_path(plan, year))
        if target not in files:
            raise UsageError(msg("no_report_page", plan=plan.id, year=year))
        say(msg("progress_writing_files", count=len(files)))
        for path, content in files.items():
            file = site / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(content)
        say(msg("progress_printing"))
        printed, title = _print(browser, site / target)
    say(msg("progress_pdf_title"))
    data = with_metadata(printed, title=title, lang=lang, subject=plan.spec.title.get(lang))
    write_pdf(out, data, replace=force)
    return out


def with_metadata(pdf: bytes, *, title: str, lang: str, subject: str) -> bytes:
    """The PDF with its title, subject and creator in the document information and its language in the catalog."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata({"/Title": title, "/Subject": subject, "/Creator": f"plansite {__version__}"})
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    # Viewers show the title rather than the file name.
    preferences = writer.viewer_preferences or writer.create_viewer_preferences()
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_pdf(out: Path, data: bytes, *, replace: bool) -> None:
    """Write beside `out`, then move into place in one step; without `replace`, never over an existing file."""
    handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        mask = os.umask(0)
        os.umask(mask)
        temporary.chmod(0o666 & ~mask)  # as an ordinary new file, not mkstemp's owner-only
        if replace:
            os.replace(temporary, out)
            return
        try:
            os.link(temporary, out)  # fails when `out` appeared meanwhile: nothing is replaced
        except FileExistsError:
            raise _exists(out) from None
        except OSError:  # a file system without hard links
            if out.exists():
                raise _exists(out) from None
            os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)


def _exists(out: Path) -> UsageError:
    return UsageError(msg("pdf_exists", where=display_path(out)))


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(PDF_MAGIC)) == PDF_MAGIC
    except OSError:
        return False


def _chart_cache(repository: DataRepository, site: Path) -> ChartCache:
    """The repository's chart cache, as `plansite build` keeps it; without one if it cannot be used."""
    try:
        return open_cache(repository.cache, protected_paths(repository), site)
    except UsageError:
        return ChartCache(None)


@contextlib.contextmanager
def _chromium(chosen: str | None) -> Iterator[Any]:
    try:
        import pypdf  # noqa: F401  (sets the metadata afterwards: missing, it must fail before any work)
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise UsageError(PLAYWRIGHT_HINT) from None
    with sync_playwright() as playwright:
        path = find_chromium(chosen, playwright.chromium.executable_path)
        try:
            browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        except Error as error:
            raise UsageError(
                msg("pdf_chromium_did_not_start", path=path, error=_first_line(error), hint=INSTALL_HINT)
            ) from None
        try:
            yield browser
        except Error as error:
            raise UsageError(msg("chromium_print_failed", error=_first_line(error))) from None
        finally:
            browser.close()


def _print(browser: Any, page_file: Path) -> tuple[bytes, str]:
    """The page printed as A4 with the site's print CSS, and its <title>."""
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    # The site is self-contained; a site theme's stray address must not hold the page up on a closed network.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(page_file.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.emulate_media(media="print")
    options: dict[str, object] = {"format": "A4", "prefer_css_page_size": True, "print_background": True}
    supported = inspect.signature(page.pdf).parameters
    options.update({name: True for name in ("tagged", "outline") if name in supported})  # Playwright 1.42+
    return page.pdf(**options), page.title()


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__

"""`plansite serve`: a local preview that rebuilds when the data or the templates change."""

from __future__ import annotations

import contextlib
import errno
import functools
import http.server
import importlib
import io
import os
import queue
import re
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs, unquote

from generator.data.layout import DataRepository
from generator.errors import DataError, PlansiteError, UsageError, error_text
from generator.i18n import LANGUAGES, msg, t
from generator.site.build import BuildSummary, WarmBuild, build_site, finish_published
from generator.site.drawinghelper import DrawingHelper
from generator.site.reloads import BUILD_PATH, LONG_POLL_SECONDS, Preview, changed_files, reload_script
from generator.site.theme import make_environment
from generator.site.watching import watch, watched_paths

WAKE_SECONDS = 0.5  # how often the loop checks whether it was asked to stop
# After a save is shown, how long no other save comes before its search index and downloads are made: a writer
# saving again and again (the editor's form) sees each save at once, not after the indexer's run.
LATER_AFTER_SECONDS = 0.4
# No page of a site has a path near these; a request beyond them is refused before any file is looked at.
MAX_PATH_CHARS = 2048
MAX_PATH_SEGMENTS = 64
# A client that went away: nobody is waiting for an answer, nothing to say (a tab closed during the long poll).
DISCONNECTED = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout, TimeoutError)
_BODY = re.compile(rb"<body[^>]*>")
MAX_BODY_BYTES = 4 * 1024 * 1024  # a request body beyond this is refused unread: no data file is near it


@dataclass(frozen=True)
class Answer:
    """What an extension answers to a request: its status, body and content type (and any further headers)."""

    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Request:
    """A request as an extension sees it: method, path with its query, headers (lower-case names) and body."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Extension:
    """More than the site, for a preview that does more (the editor, `generator.edit`), without the site
    importing it: requests under `prefix` go to `answer`, and `page_addition` is given each page's address
    and returns the HTML to add at the end of its body."""

    prefix: str
    answer: Callable[[Request], Answer]
    page_addition: Callable[[str], bytes]


def problem_page(problems: tuple[str, ...], build: int) -> bytes:
    """The page shown in place of every page while the data has problems: what to fix, in both languages."""
    template = make_environment().get_template("preview-problems.html")
    html = template.render(problems=problems, languages=LANGUAGES, t=t)
    return html.encode("utf-8").replace(b"</body>", reload_script(build) + b"</body>", 1)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would: the site's own 404 page, and no folder listings.

    As a preview it also reloads pages after each build, and shows the data's problems instead of a page."""

    preview: Preview
    extension: Extension | None = None

    def handle(self) -> None:
        # The tab closed (or reloaded) before its answer was written: nobody is waiting for it, nothing to say.
        with contextlib.suppress(*DISCONNECTED):
            super().handle()

    def parse_request(self) -> bool:
        """The request line read as the base class reads it, then its path refused unless it can name a file of
        the site: 400 for a NUL byte or a control character, 414 for an absurdly long path."""
        if not super().parse_request():
            return False
        address = self.path.split("?", 1)[0]
        if len(address) > MAX_PATH_CHARS or address.count("/") > MAX_PATH_SEGMENTS:
            self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
            return False
        decoded = unquote(address, errors="replace")
        if not address.startswith("/") or any(ord(c) < 0x20 or c == "\x7f" for c in address + decoded):
            self.send_error(HTTPStatus.BAD_REQUEST)
            return False
        return True

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if self._inside_site(self.translate_path(self.path)) is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def _inside_site(self, translated: str) -> Path | None:
        """The file a request names, if it is inside the site once every link is followed; None otherwise (a link
        in the output that leads out of it is not followed, as a static host would not follow it)."""
        try:
            root = Path(self.directory).resolve()
            resolved = Path(translated).resolve()
        except (OSError, RuntimeError, ValueError):
            return None
        return resolved if resolved == root or root in resolved.parents else None

    def do_GET(self) -> None:
        address, _, query = self.path.partition("?")
        if self._extended(address):
            return
        if address == BUILD_PATH:
            asked = parse_qs(query)
            seen, shown = asked.get("after", [""])[0], asked.get("page", [""])[0]
            site_file = self._site_file(shown) if shown else None
            latest = self.preview.newer_than(seen, LONG_POLL_SECONDS, site_file) if seen else str(self.preview.build)
            self._send(HTTPStatus.OK, latest.encode(), "text/plain; charset=utf-8")
            return
        page = self._page_file()
        with self.preview.changed:  # the build's number before its files: a page is never older than its number
            build, problems = self.preview.build, self.preview.problems
        if page is None:
            super().do_GET()
        elif problems:
            self._send(HTTPStatus.OK, problem_page(problems, build), "text/html; charset=utf-8")
        else:
            body = page.read_bytes().replace(b"</body>", reload_script(build) + b"</body>", 1)
            if self.extension is not None:  # first in the page, in its flow: never over the page's own figures
                opening = _BODY.search(body)
                at = opening.end() if opening else 0
                body = body[:at] + self.extension.page_addition(address) + body[at:]
            self._send(HTTPStatus.OK, body, "text/html; charset=utf-8")

    def do_POST(self) -> None:
        if not self._extended(self.path.partition("?")[0]):
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def _extended(self, address: str) -> bool:
        """Answer a request under the extension's prefix (True), or leave it to the site (False)."""
        extension = self.extension
        if extension is None or not (address + "/").startswith(extension.prefix):
            return False
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY_BYTES:
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return True
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        answer = extension.answer(Request(self.command, self.path, headers, body))
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)
        return True

    def _site_file(self, address: str) -> str | None:
        """The path from the site's root of the file a page's address names (a folder's index.html); None when
        it names none."""
        path = self._inside_site(self.translate_path(address))
        if path is not None and path.is_dir():
            path = self._inside_site(str(path / "index.html"))
        if path is None:
            return None
        return path.relative_to(Path(self.directory).resolve()).as_posix()

    def _page_file(self) -> Path | None:
        """The HTML file a request names, following a folder to its index.html; None for anything else."""
        path = self._inside_site(self.translate_path(self.path))
        if path is None:
            return None
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = self._inside_site(str(path / "index.html"))
        return path if path is not None and path.suffix == ".html" and path.is_file() else None

    def _send(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal is for what the build says; a request log would bury it

    def list_directory(self, path: str | os.PathLike[str]) -> None:  # noqa: ARG002 (the base class signature)
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page()
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        self._send(code, page.read_bytes(), "text/html; charset=utf-8")

    def _not_found_page(self) -> Path:
        """The 404 page of the request's first folder if it has one (`en/404.html` for `/en/…`), else the root's,
        as docs/publishing.md sets up nginx and Apache."""
        root = Path(self.directory)
        first = self.path.split("?", 1)[0].lstrip("/").split("/", 1)
        try:
            nested = len(first) == 2 and first[0] and not first[0].startswith(".")
            if nested and (page := self._inside_site(str(root / first[0] / "404.html"))) and page.is_file():
                return page
        except (OSError, ValueError):
            pass
        return self._inside_site(str(root / "404.html")) or root / "404.html"


class _Server(http.server.ThreadingHTTPServer):
    """The preview's server: a client that went away is silent, and no request prints a traceback."""

    lang = "en"

    def handle_error(self, request: object, client_address: object) -> None:  # noqa: ARG002 (the base signature)
        error = sys.exc_info()[1]
        if isinstance(error, DISCONNECTED):
            return
        # A bug of ours, not the reader's: one line, not a traceback per request.
        print(f"plansite: {t('serve_request_failed', self.lang, error=repr(error))}", file=sys.stderr)


def _bind(
    port: int, out_dir: Path, preview: Preview, extension: Extension | None = None
) -> http.server.ThreadingHTTPServer:
    handler_class = type("PreviewHandler", (_SiteHandler,), {"preview": preview, "extension": extension})
    handler = functools.partial(handler_class, directory=str(out_dir.absolute()))
    try:
        server = _Server(("127.0.0.1", port), handler)
        server.lang = preview.lang
        return server
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(msg("port_in_use", port=port, next=port + 1)) from None
        raise


def serve_and_watch(
    repository: DataRepository,
    out_dir: Path,
    port: int,
    *,
    echo: Callable[[str], None],
    stop: threading.Event | None = None,
    cache_dir: Path | None = None,
    build: Callable[[WarmBuild], BuildSummary] | None = None,
    lang: str = "en",
    extension: Extension | None = None,
) -> None:
    """Serve until Ctrl+C (or until `stop` is set, for tests); rebuild whenever a watched file changes.

    `build` builds the site into `out_dir` with the state kept between builds (default: `build_site` with the
    chart cache in `cache_dir` and no amendments listed). What it says, on the terminal and on the problems
    page, is worded in `lang`. `extension` answers the requests under its prefix and adds to each page."""
    preview = Preview(lang=lang)
    # A save shows at once; its chart downloads and search index follow when the writer pauses (`finish`).
    helper = DrawingHelper()
    warm = WarmBuild(later=True, helper=helper)
    run_build = build or functools.partial(_build_into, repository, out_dir, cache_dir)

    def rebuild() -> None:
        published = warm.published
        try:
            summary = run_build(warm)
            preview.built(files=changed_files(published, warm.published) if warm.published is not published else None)
            echo(
                t(
                    "serve_built",
                    lang,
                    pages=summary.pages,
                    seconds=f"{summary.seconds:.2f}",
                    rendered=warm.rendered,
                )
            )
        except DataError as error:
            # Keep the last good site on disk; the browser shows what to fix until the next good save.
            lines = tuple(problem.format(lang) for problem in error.problems)
            preview.built(lines)
            for line in lines:
                echo(line)
        except PlansiteError as error:
            preview.built((f"plansite: {error_text(error, lang)}",))
            echo(f"plansite: {error_text(error, lang)}")

    def finish() -> None:
        try:
            finish_published(out_dir, warm, lambda: not changes.empty())
        except PlansiteError as error:
            echo(f"plansite: {error_text(error, lang)}")
        except OSError as error:  # the output folder changed under the preview: the next save publishes it whole
            echo(f"plansite: {error}")

    # Bound before the first build: a taken port should not cost a build's wait.
    server = _bind(port, out_dir, preview, extension)
    halt = stop or threading.Event()
    # Watching starts before the first build, so that a save made while it runs is not missed.
    changes = watch(watched_paths(repository), halt)
    try:
        rebuild()
        finish()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        # The first build may have drawn nothing (a full chart cache); import the chart code now, while the user
        # reads, here and in the worker that draws beside it, so that the first edit of a figure does not wait.
        threading.Thread(target=importlib.import_module, args=("generator.site.charts",), daemon=True).start()
        helper.start()
        echo(t("serving", lang, folder=out_dir, address=f"http://127.0.0.1:{server.server_address[1]}/"))
        unfinished = False
        while not halt.is_set():
            try:
                changes.get(timeout=LATER_AFTER_SECONDS if unfinished else WAKE_SECONDS)
            except queue.Empty:
                if unfinished:  # the writer paused: what the last build left for later, unless a save came meanwhile
                    if warm.partial:  # it made only the saved projects' pages: now the whole site
                        warm.paused = True
                        try:
                            rebuild()
                        finally:
                            warm.paused = False  # the next save's build is a quick one again
                    if changes.empty():  # else the save's build comes first, and this waits for its pause
                        finish()
                    unfinished = False
                continue
            while not changes.empty():  # several saves while the last build ran: one build covers them all
                changes.get_nowait()
            echo(t("change_detected", lang))
            warm.quick = not preview.problems  # after a failed build, what changed since the last good one is unknown
            warm.shown = preview.shown()
            rebuild()
            warm.quick = False
            unfinished = True
    except KeyboardInterrupt:
        echo(t("stopped", lang))
    finally:
        halt.set()
        server.shutdown()
        preview.built()  # wakes the pages' waiting requests, so their threads end
        helper.close()


def _build_into(repository: DataRepository, out_dir: Path, cache_dir: Path | None, warm: WarmBuild) -> BuildSummary:
    # Served here at the root, whatever address site.yaml gives the published site.
    return build_site(repository, out_dir, cache_dir=cache_dir, warm=warm, root_path="/")

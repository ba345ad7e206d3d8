"""`plansite serve`: a local preview that rebuilds when the data or the templates change."""

from __future__ import annotations

import errno
import functools
import http.server
import os
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

from generator.data.layout import DataRepository
from generator.errors import DataError, PlansiteError, UsageError
from generator.site.build import build_site, protected_paths


def _snapshot(places: list[Path]) -> dict[Path, float]:
    files = [place for place in places if place.is_file()]
    files += [path for place in places if place.is_dir() for path in place.rglob("*") if path.is_file()]
    return {path: path.stat().st_mtime for path in files}


def _watched(repository: DataRepository) -> list[Path]:
    """The data, the configuration and the site's own theme folder (the packaged theme does not change)."""
    return protected_paths(repository)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would: the site's own 404 page, and no folder listings."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:  # noqa: ARG002 (the base class signature)
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _bind(port: int, out_dir: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_SiteHandler, directory=str(out_dir.absolute()))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(
                f"port {port} is already in use (perhaps by another plansite serve); "
                f"stop that one, or choose another port, e.g. plansite serve --port {port + 1}"
            ) from None
        raise


def serve_and_watch(
    repository: DataRepository,
    out_dir: Path,
    port: int,
    *,
    echo: Callable[[str], None],
    stop: threading.Event | None = None,
    interval: float = 1.0,
    cache_dir: Path | None = None,
) -> None:
    """Serve until Ctrl+C (or until `stop` is set, for tests); rebuild whenever a watched file changes."""

    def rebuild() -> None:
        try:
            summary = build_site(repository, out_dir, cache_dir=cache_dir)
            echo(f"built {summary.pages} pages in {summary.seconds:.1f} s")
        except DataError as error:
            # Keep serving the last good site; show what to fix.
            for problem in error.problems:
                echo(problem.format())
        except PlansiteError as error:
            echo(f"plansite: {error}")

    server = _bind(port, out_dir)  # before the first build: a taken port should not cost a build's wait
    rebuild()
    watched = _watched(repository)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    echo(f"serving {out_dir} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)")
    seen = _snapshot(watched)
    stop = stop or threading.Event()
    try:
        while not stop.wait(interval):
            current = _snapshot(watched)
            if current != seen:
                seen = current
                echo("change detected, rebuilding")
                rebuild()
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        server.shutdown()

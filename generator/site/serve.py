"""`plansite serve`: a local preview that rebuilds when the data or the templates change."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

from generator.data.config import load_config
from generator.data.layout import DataRepository
from generator.data.schemacheck import EnglishTally
from generator.errors import DataError, PlansiteError
from generator.site.build import build_site


def _snapshot(places: list[Path]) -> dict[Path, float]:
    files = [place for place in places if place.is_file()]
    files += [path for place in places if place.is_dir() for path in place.rglob("*") if path.is_file()]
    return {path: path.stat().st_mtime for path in files}


def _watched(repository: DataRepository) -> list[Path]:
    """The data, the configuration and the site's own theme folder (the packaged theme does not change)."""
    places = [repository.plans, repository.results]
    if repository.config is not None:
        places.append(repository.config)
        theme_dir = load_config(repository.config, EnglishTally(), []).theme_dir
        if theme_dir is not None:
            places.append(theme_dir)
    return places


def serve_and_watch(
    repository: DataRepository,
    out_dir: Path,
    port: int,
    *,
    echo: Callable[[str], None],
    stop: threading.Event | None = None,
    interval: float = 1.0,
) -> None:
    """Serve until Ctrl+C (or until `stop` is set, for tests); rebuild whenever a watched file changes."""

    def rebuild() -> None:
        try:
            summary = build_site(repository, out_dir)
            echo(f"built {summary.pages} pages in {summary.seconds:.1f} s")
        except DataError as error:
            # Keep serving the last good site; show what to fix.
            for problem in error.problems:
                echo(problem.format())
        except PlansiteError as error:
            echo(f"plansite: {error}")

    rebuild()
    watched = _watched(repository)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out_dir.resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
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

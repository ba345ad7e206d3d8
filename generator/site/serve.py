"""`plansite serve`: a local preview that rebuilds when the data or the templates change."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

from generator.data.validate import default_results_root
from generator.errors import DataError, PlansiteError
from generator.site.build import build_site


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    return {
        path: path.stat().st_mtime
        for folder in folders
        if folder.exists()
        for path in folder.rglob("*")
        if path.is_file()
    }


def serve_and_watch(
    plans_dir: Path,
    results_dir: Path | None,
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
            summary = build_site(plans_dir, results_dir, out_dir)
            echo(f"built {summary.pages} pages in {summary.seconds:.1f} s")
        except DataError as error:
            # Keep serving the last good site; show what to fix.
            for problem in error.problems:
                echo(problem.format())
        except PlansiteError as error:
            echo(f"plansite: {error}")

    rebuild()
    watched = [plans_dir, results_dir or default_results_root(plans_dir)]
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

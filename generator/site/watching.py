"""What the preview watches, and its file events: from a background thread, as batches of changes."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import watchfiles

from generator.data.layout import DataRepository
from generator.site.build import protected_paths

# Editors write a file in several steps, microseconds apart: a batch of file events ends when no other event came
# for WATCH_STEP_MS (watchfiles' default, 50 ms, put a tenth of a second between a save and its build), and is
# cut at WATCH_DEBOUNCE_MS however busy the writer.
WATCH_STEP_MS = 20
WATCH_DEBOUNCE_MS = 50
READY_MS = 100


def watched_paths(repository: DataRepository) -> list[Path]:
    """The data, the configuration and the site's own theme folder (the packaged theme does not change)."""
    return [path for path in protected_paths(repository) if path.exists()]


def watch(paths: list[Path], halt: threading.Event) -> queue.Queue[set[tuple[watchfiles.Change, str]]]:
    """File events (not polling) from a background thread, which is watching by the time this returns."""
    found: queue.Queue[set[tuple[watchfiles.Change, str]]] = queue.Queue()
    watching = threading.Event()

    def run() -> None:
        # An empty batch every READY_MS while nothing changes: the first one says the watcher is in place.
        for batch in watchfiles.watch(
            *paths,
            debounce=WATCH_DEBOUNCE_MS,
            step=WATCH_STEP_MS,
            stop_event=halt,
            yield_on_timeout=True,
            rust_timeout=READY_MS,
        ):
            watching.set()
            if batch:
                found.put(batch)

    threading.Thread(target=run, daemon=True).start()
    watching.wait(timeout=10)
    return found

"""Which open pages of the preview reload after a build: each page asks, and is answered once a build has
changed its own file (or anything every page uses).

A save is shown with its own pages first and the whole site a moment later (`WarmBuild.quick`): a page that
the second build leaves as it was must not reload twice, and one it changes must not stay as it was.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

# Pages ask this address whether a build newer than the one they were shown from changed them, and reload when
# one did. Only the preview server answers it and adds the script that asks; the built site has neither. The
# request waits (a long poll) until such a build is done, so the page reloads at once.
BUILD_PATH = "/__plansite/build"
LONG_POLL_SECONDS = 20.0
# Builds remembered by what they changed; a page shown from an older one reloads (it missed what they did).
KEPT_BUILDS = 64
# A change to one of these changes how every page looks or works, whatever its own file says.
EVERY_PAGE_SUFFIXES = (".css", ".js")
# A page that asked this recently is taken as still shown: a reloaded page asks again as soon as it is loaded.
SHOWN_SECONDS = 5.0


def reload_script(build: int) -> bytes:
    """The script the preview adds to each page: reload once a build newer than `build` (the page's) changed it."""
    return (
        f"<script>(function(){{var seen='{build}';function ask(){{"
        f"fetch('{BUILD_PATH}?after='+seen+'&page='+encodeURIComponent(location.pathname),{{cache:'no-store'}})"
        ".then(function(r){return r.text()}).then(function(v){if(v!==seen){location.reload()}else{ask()}})"
        ".catch(function(){setTimeout(ask,1000)})}ask()})();</script>"
    ).encode()


def changed_files(before: Mapping[str, str], after: Mapping[str, str]) -> frozenset[str] | None:
    """The site's files a build changed, from their digests before and after; None when it changed one that
    every page uses (a style sheet, a script)."""
    changed = frozenset(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    return None if any(path.endswith(EVERY_PAGE_SUFFIXES) for path in changed) else changed


@dataclass
class Preview:
    """What the preview shows besides the site: which build is current, what each recent build changed, and the
    data's problems if any."""

    build: int = 0
    problems: tuple[str, ...] = ()
    lang: str = "en"  # the language of what the server says on the terminal
    changed: threading.Condition = field(default_factory=threading.Condition)
    touched: dict[int, frozenset[str] | None] = field(default_factory=dict)  # by build: its files; None: all
    asking: Counter[str] = field(default_factory=Counter)  # pages whose question is waiting, by how many asked
    asked: dict[str, float] = field(default_factory=dict)  # when each page's last question was answered

    def built(self, problems: tuple[str, ...] = (), files: frozenset[str] | None = None) -> None:
        """A build is done: `files` the site's files it changed (None: every page is to reload)."""
        with self.changed:
            if problems or self.problems:  # the problems page stands for every page, and is replaced by them
                files = None
            self.build += 1
            self.problems = problems
            self.touched[self.build] = files
            self.touched.pop(self.build - KEPT_BUILDS, None)
            self.changed.notify_all()

    def newer_than(self, seen: str, timeout: float, page: str | None = None) -> str:
        """The latest build's number once a build newer than `seen` (a page's) changed `page` (a file of the
        site; None: any build changes it); `seen` itself if none did within `timeout`."""
        with self.changed:
            if page is not None:
                self.asking[page] += 1
            try:
                changed = self.changed.wait_for(lambda: self._changes(seen, page), timeout)
            finally:
                if page is not None:
                    self.asking[page] -= 1
                    if not self.asking[page]:  # kept only while asking: a preview open for days sees many pages
                        del self.asking[page]
                    self.asked[page] = time.monotonic()
            return str(self.build) if changed else seen

    def shown(self) -> frozenset[str]:
        """The pages (files of the site) open in a browser: asking now whether a build changed them, or lately."""
        with self.changed:
            recent = time.monotonic() - SHOWN_SECONDS
            for page in [page for page, at in self.asked.items() if at < recent]:
                del self.asked[page]
            return frozenset(self.asking) | self.asked.keys()

    def _changes(self, seen: str, page: str | None) -> bool:
        if not seen.isdecimal() or int(seen) > self.build:
            return True  # not a build of this preview (it restarted): the page reloads
        newer = range(int(seen) + 1, self.build + 1)
        if page is None:
            return bool(newer)
        return any(page in files if (files := self.touched.get(build)) is not None else True for build in newer)

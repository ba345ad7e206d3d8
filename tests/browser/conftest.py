"""Browser test setup: Debian's Chromium driven by Playwright, the site served under a sub-path on 127.0.0.1.

Playwright cannot download its own browser here, so the tests use /usr/bin/chromium, with a Korean font so pages
and PDFs render Hangul. The tests install nothing: `.ci/system-packages` (part of the README's test command) does,
and without them the browser tests fail saying what to install.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SUB_PATH = "reports"
SCREENSHOTS = ROOT / "screenshots"
# Without these, Chromium keeps trying to reach Google's services, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _has_korean_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listing = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True, check=False)
    return bool(listing.stdout.strip())


def ensure_browser() -> None:
    missing = [
        package
        for package, present in (("chromium", CHROMIUM.exists()), ("fonts-nanum", _has_korean_font()))
        if not present
    ]
    if missing:
        pytest.fail(
            f"the browser tests need {' and '.join(missing)}: run .ci/system-packages as root "
            f"(apt-get install -y {' '.join(missing)})",
            pytrace=False,
        )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def built_site(real_site: Path) -> Path:
    """The real site, the session's one build (tests/conftest.py), in `<root>/reports/` to be served from a sub-path."""
    assert real_site.name == SUB_PATH
    return real_site


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    ensure_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    yield context
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS

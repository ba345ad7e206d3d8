"""The 404 page at a nested missing address under a sub-path, in each language (issue 24, item 2).

A fresh `plansite init` site built with its address (`--base-url …/sub/`) and served from `/sub/` by a host
that answers a missing path with the site's 404 page, per language as docs/publishing.md sets up nginx.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator
from generator.cli import main

from .checks import axe_violations

SUB = "sub"


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: `/sub/en/…` misses get `en/404.html`, every other miss the root `404.html`."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        english = self.path.startswith(f"/{SUB}/en/")
        body = (Path(self.directory) / SUB / ("en/404.html" if english else "404.html")).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("notfound")
    result = CliRunner().invoke(main, ["init", str(root / "office")])
    assert result.exit_code == 0, result.output
    served = root / "www"
    generator.build(
        generator.Options(root=root / "office", out=served / SUB, base_url="https://example.org/sub/", cache_dir=None)
    )
    handler = functools.partial(NotFoundHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    ("path", "lang", "home_title"),
    [
        (f"/{SUB}/plans/x/nope.html", "ko", "계획 이행 공개"),
        (f"/{SUB}/en/plans/x/nope.html", "en", "Plan implementation reports"),
    ],
)
def test_a_nested_missing_page_gets_a_styled_404_whose_home_link_works(
    context, origin: str, path: str, lang: str, home_title: str
) -> None:
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    response = page.goto(origin + path)
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert failed == [origin + path]  # the stylesheet and icon loaded
    # Styled: the header has the stylesheet's border and the skip link is moved out of view.
    assert page.eval_on_selector(".site-header", "e => getComputedStyle(e).borderBottomStyle") == "solid"
    assert axe_violations(page) == []
    page.click("main p a >> nth=0")
    page.wait_for_load_state()
    assert page.url == f"{origin}/{SUB}/{'en/' if lang == 'en' else ''}index.html"
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.title() == home_title
    page.close()


def test_the_root_404s_english_part_leads_to_the_english_home(context, origin: str) -> None:
    """GitHub Pages serves only the root 404.html, for English addresses too."""
    page = context.new_page()
    page.goto(f"{origin}/{SUB}/plans/x/only-root.html")
    page.click('section[lang="en"] a')
    page.wait_for_load_state()
    assert page.url == f"{origin}/{SUB}/en/index.html"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.close()

"""Embeds in a real browser (issue 29): an embed page inside an <iframe> on another origin (a second local server)
shows its chart or headline and its source line, asks nothing of any host but the site's, fits the frame; the
code to embed it works with and without JavaScript; axe finds nothing on the embed pages."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.site.pages.embedcode import CHART_FRAME, HEADLINE_FRAME

from .checks import axe_violations, structure_problems, watch
from .conftest import QuietHandler
from .test_browser import origin_of

PLAN = "seoul-citizen-participation-2019"
CHART = f"embed/plans/{PLAN}/indicator-1-1-1-1.html"
HEADLINE = f"embed/plans/{PLAN}/report-2021-summary.html"
PROJECT = f"plans/{PLAN}/projects/1-1-1.html"
# (frame id, embed path, width, height): the sizes the code hands out, and a phone-narrow column.
FRAMES = [
    ("chart-600", CHART, *map(int, CHART_FRAME)),
    ("chart-320", CHART, 320, 400),
    ("headline-600", f"en/{HEADLINE}", *map(int, HEADLINE_FRAME)),
    ("headline-320", f"en/{HEADLINE}", 320, 400),
]

# What shows inside a frame: the drawings on screen, the source line, whether anything is wider than the frame,
# and where the content ends.
_INSIDE = """
() => ({
  lang: document.documentElement.lang,
  drawings: Array.from(document.querySelectorAll('svg[role="img"]')).filter(svg => svg.getBoundingClientRect().width > 0)
    .map(svg => svg.closest('.chart-wide, .chart-narrow').className),
  bar: !!document.querySelector('.headline-bar') && document.querySelector('.headline-bar').getBoundingClientRect().width > 0,
  source: (document.querySelector('.embed-source') || {}).innerText || '',
  sourceShown: !!document.querySelector('.embed-source') && document.querySelector('.embed-source').getBoundingClientRect().height > 0,
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  bottom: Math.ceil(document.querySelector('main').getBoundingClientRect().bottom),
  font: getComputedStyle(document.body).fontFamily,
})
"""


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Iterator[str]:
    """Another site (another port is another origin) whose page frames embeds of the site under test."""
    folder = tmp_path_factory.mktemp("host")
    frames = "\n".join(
        f'<iframe id="{ident}" src="{base_url}{path}" title="{ident}" width="{width}" height="{height}"></iframe>'
        for ident, path, width, height in FRAMES
    )
    page = f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>\n<body>{frames}</body></html>\n'
    (folder / "index.html").write_text(page, encoding="utf-8")
    server, address = _serve(folder)
    yield address
    server.shutdown()


def test_an_embed_in_another_sites_frame_shows_its_chart_and_source_and_asks_only_the_site(
    context, base_url: str, host: str, screenshots: Path
) -> None:
    page = context.new_page()
    requests: list[tuple[str, bool]] = []  # (address, asked by a frame rather than the host page itself)
    page.on("request", lambda request: requests.append((request.url, request.frame != page.main_frame)))
    traffic = watch(page, origin_of(host))
    page.goto(host + "index.html", wait_until="networkidle")
    for ident, path, width, height in FRAMES:
        frame = page.locator(f"#{ident}").element_handle().content_frame()
        shown = frame.evaluate(_INSIDE)
        assert shown["lang"] == ("en" if path.startswith("en/") else "ko")
        assert "Malgun Gothic" in shown["font"], f"{ident}: the site's stylesheet did not load"
        if path.endswith(CHART):  # the wide drawing where its text stays legible, the narrow one in a phone column
            assert shown["drawings"] == ["chart-wide" if width >= 600 else "chart-narrow"], (ident, shown)
        else:
            assert shown["bar"] and shown["drawings"] == [], (ident, shown)
        assert shown["sourceShown"], ident
        organisation, plan = (
            ("서울특별시", "제2차 서울시 주민참여 기본계획")
            if shown["lang"] == "ko"
            else (
                "Seoul Metropolitan Government",
                "2nd Seoul Resident Participation Basic Plan",
            )
        )
        assert organisation in shown["source"] and plan in shown["source"], shown["source"]
        assert shown["overflow"] <= 0, f"{ident}: wider than its frame by {shown['overflow']} px"
        if width >= 600:
            assert shown["bottom"] <= height, f"{ident}: {shown['bottom']} px tall in a frame of {height}"
        page.locator(f"#{ident}").screenshot(path=str(screenshots / f"embed-{ident}.png"))
    site = origin_of(base_url)
    assert {origin_of(url) for url, _ in requests} == {origin_of(host), site}
    assert all(url.startswith(base_url) for url, by_frame in requests if by_frame)
    assert [problem for problem in traffic.problems() if "request to another host" not in problem] == []


def test_every_embed_fits_the_frame_its_code_gives_and_a_phone_column(context, base_url: str, built_site: Path) -> None:
    paths = sorted(p.relative_to(built_site).as_posix() for p in built_site.glob("**/embed/**/*.html"))
    assert len(paths) == 2 * (80 + 1)
    page = context.new_page()
    problems = []
    for width in (600, 320):
        for path in paths:
            height = int((HEADLINE_FRAME if path.endswith("-summary.html") else CHART_FRAME)[1])
            page.set_viewport_size({"width": width, "height": height})
            page.goto(base_url + path)
            shown = page.evaluate(_INSIDE)
            if shown["overflow"] > 0 or (width == 600 and shown["bottom"] > height):
                problems.append(
                    f"{path} at {width}: {shown['overflow']} px too wide, {shown['bottom']} of {height} tall"
                )
    assert problems == []


@pytest.mark.parametrize("path", [CHART, f"en/{CHART}", HEADLINE, f"en/{HEADLINE}"])
@pytest.mark.parametrize("width", [600, 320])
def test_an_embed_is_accessible_with_its_details_open(context, base_url: str, path: str, width: int) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 450})
    page.goto(base_url + path, wait_until="networkidle")
    page.click("details summary")
    assert page.is_visible("details table")
    assert axe_violations(page) + structure_problems(page, origin_of(base_url)) == []


def test_the_embed_code_gets_the_served_address_and_a_copy_button(browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + PROJECT, wait_until="networkidle")
    block = page.locator("details.embed-code").first
    block.locator("summary").click()
    code = block.locator("textarea").input_value()
    assert f'src="{base_url}{CHART}"' in code, code
    assert not block.locator("[data-embed-hint]").is_visible()
    block.locator("button.embed-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == code
    assert block.locator("[role=status]").inner_text() == "코드를 복사했습니다."
    assert page.request.get(f"{base_url}{CHART}").ok
    page.emulate_media(media="print")
    assert not block.is_visible()
    context.close()


def test_without_javascript_the_code_is_text_to_select_naming_the_embeds_path(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + f"en/{PROJECT}")
    block = page.locator("details.embed-code").first
    block.locator("summary").click()
    assert f'src="en/{CHART}"' in block.locator("textarea").input_value()
    assert block.locator("textarea").get_attribute("readonly") is not None
    assert block.locator("[data-embed-hint]").is_visible() and not block.locator("button.embed-copy").is_visible()
    context.close()


def test_an_embed_opened_as_a_file_has_its_style_and_asks_nothing_else(context, built_site: Path) -> None:
    page = context.new_page()
    traffic = watch(page, "file://")
    page.set_viewport_size({"width": 600, "height": 470})
    page.goto((built_site / CHART).as_uri())
    shown = page.evaluate(_INSIDE)
    assert "Malgun Gothic" in shown["font"] and shown["drawings"] == ["chart-wide"]
    assert urlsplit(page.url).scheme == "file" and traffic.problems() == []

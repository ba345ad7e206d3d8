"""The headline first (issue 26): on the 2021 report the graded count and the share at A or above lie within the
first screen, on a desktop and a phone, in both languages, and print; the report always has a budget section; a
synthetic check that files budget execution only (tests/fixtures/budget-only) has no grade table and says its
totals in the headline."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator

import pytest

from generator.data.layout import find_repository
from generator.site.build import build_site

from ..conftest import FIXTURES
from .checks import axe_violations
from .conftest import QuietHandler
from .test_browser import REPORT_2021

VIEWPORTS = {"1280": (1280, 800), "360": (360, 740)}
# What the 2021 headline must say: the graded count and the share at A or above (21 of 33 graded).
GRADED = {"ko": ("33개를 평가", "21개(64%)"), "en": ("graded 33 of 45", "21 (64%")}
BUDGET_ONLY_REPORT = "plans/budget-only-demo/reports/2024.html"


def _url(base_url: str, lang: str, path: str) -> str:
    return base_url + ("" if lang == "ko" else "en/") + path


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_headline_is_on_the_first_screen(browser, base_url: str, lang: str, viewport: str) -> None:
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(_url(base_url, lang, REPORT_2021))
        sentence = page.locator(".headline-sentence")
        box = sentence.bounding_box()
        assert box is not None and box["y"] >= 0
        assert box["y"] + box["height"] <= height, (viewport, box)
        text = sentence.inner_text()
        for words in GRADED[lang]:
            assert words in text
        bar = page.locator(".headline-bar")
        assert bar.is_visible() and bar.bounding_box()["y"] + bar.bounding_box()["height"] <= height
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_report_has_a_budget_section_and_the_headline_prints(context, base_url: str, lang: str) -> None:
    page = context.new_page()
    page.goto(_url(base_url, lang, REPORT_2021))
    section = page.locator("section:has(#budget-heading)")
    statement = {"ko": "예산 집행 실적이 기록되지 않았습니다", "en": "recorded no budget execution"}[lang]
    assert statement in section.inner_text()
    page.emulate_media(media="print")
    assert page.locator(".headline-sentence").is_visible()
    assert page.locator(".headline-bar").is_visible()
    assert page.locator("table.summary").is_visible()


@pytest.fixture(scope="module")
def budget_only_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("budget-only")
    shutil.copytree(FIXTURES / "budget-only", root, dirs_exist_ok=True)
    build_site(find_repository(cwd=root), root / "output")
    handler = functools.partial(QuietHandler, directory=str(root / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_budget_only_check_shows_the_budget_report_alone(context, budget_only_url: str, lang: str) -> None:
    page = context.new_page()
    page.goto(_url(budget_only_url, lang, BUDGET_ONLY_REPORT))
    assert page.locator("table.distribution, table.detail, table.matrix, figure.chart").count() == 0
    assert page.locator(".headline-bar").count() == 0
    headline = page.locator(".headline").inner_text()
    totals = {"ko": ("380만 원", "243만 원", "63.9%"), "en": ("3.8 million won", "2.4 million won", "63.9%")}[lang]
    for words in totals:
        assert words in headline
    box = page.locator(".headline").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900
    assert page.locator("table.execution").count() == 2
    assert axe_violations(page) == []

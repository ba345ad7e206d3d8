"""`plansite serve` in a real browser: an open page reloads itself when a save rebuilds the site."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ..conftest import served_port, serving


@pytest.mark.usefixtures("demo_root")
def test_an_open_page_shows_a_saved_edit_without_being_reloaded_by_hand(context) -> None:
    messages: list[str] = []
    stop = threading.Event()
    thread = serving(stop, messages)
    try:
        port = served_port(messages)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/index.html")
        assert "시험 계획" in page.inner_text("main")
        page.wait_for_timeout(300)  # the page's question to the server is under way

        plan = Path("plans/demo/plan.yaml")
        plan.write_text(plan.read_text(encoding="utf-8").replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        page.wait_for_function("document.querySelector('main').innerText.includes('바뀐 계획')", timeout=15000)
    finally:
        stop.set()
        thread.join(timeout=10)

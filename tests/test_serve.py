from __future__ import annotations

import re
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator.data.layout import find_repository
from generator.site.serve import serve_and_watch


@pytest.mark.usefixtures("demo_root")
def test_serve_previews_and_rebuilds_on_change() -> None:
    messages: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=serve_and_watch,
        args=(find_repository(), Path("output"), 0),
        kwargs={"echo": messages.append, "stop": stop, "interval": 0.2},
        daemon=True,
    )
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not any(m.startswith("serving") for m in messages) and time.monotonic() < deadline:
            time.sleep(0.1)
        port = re.search(r"127\.0\.0\.1:(\d+)/", next(m for m in messages if m.startswith("serving"))).group(1)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html").read().decode()
        assert "시험 계획" in page

        plan = Path("plans/demo/plan.yaml")
        plan.write_text(plan.read_text(encoding="utf-8").replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        while "바뀐 계획" not in Path("output/index.html").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, messages
            time.sleep(0.2)
        assert "change detected, rebuilding" in messages
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()

from __future__ import annotations

import html
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
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
        kwargs={"echo": messages.append, "stop": stop},
        daemon=True,
    )
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not any(m.startswith("serving") for m in messages) and time.monotonic() < deadline:
            time.sleep(0.1)
        port = _port(messages)
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


def _serving(stop: threading.Event, messages: list[str], port: int = 0) -> threading.Thread:
    thread = threading.Thread(
        target=serve_and_watch,
        args=(find_repository(), Path("output"), port),
        kwargs={"echo": messages.append, "stop": stop},
        daemon=True,
    )
    thread.start()
    deadline = time.monotonic() + 30
    while not any(m.startswith("serving") for m in messages) and time.monotonic() < deadline:
        time.sleep(0.1)
    return thread


@pytest.mark.usefixtures("demo_root")
def test_unknown_paths_get_the_sites_404_page_and_folders_are_not_listed() -> None:
    messages: list[str] = []
    stop = threading.Event()
    thread = _serving(stop, messages)
    try:
        port = _port(messages)
        for path in ("/no-such-page.html", "/static/", "/data/"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}")
            assert caught.value.code == 404
            body = caught.value.read().decode()
            assert body == Path("output/404.html").read_text(encoding="utf-8"), path
            assert "Directory listing" not in body
    finally:
        stop.set()
        thread.join(timeout=10)


@pytest.mark.usefixtures("demo_root")
def test_a_port_in_use_is_named_before_any_build() -> None:
    import socket

    from generator.errors import UsageError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        messages: list[str] = []
        with pytest.raises(UsageError, match=rf"port {port} is already in use .* --port {port + 1}"):
            serve_and_watch(find_repository(), Path("output"), port, echo=messages.append)
    assert messages == []
    assert not Path("output").exists()


def _port(messages: list[str]) -> str:
    """The port serve chose (it was asked for any free one), from its "serving … on http://…" line."""
    return re.search(r"127\.0\.0\.1:(\d+)/", next(m for m in messages if m.startswith("serving"))).group(1)


def _get(port: str, path: str) -> str:
    return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read().decode()


def _until(condition: Callable[[], bool], messages: list[str], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, messages
        time.sleep(0.05)


@pytest.mark.usefixtures("demo_root")
def test_an_edit_shows_in_the_served_page_and_a_mistake_shows_in_the_browser_until_fixed() -> None:
    messages: list[str] = []
    stop = threading.Event()
    thread = _serving(stop, messages)
    try:
        port = _port(messages)
        first = _get(port, "/__plansite/build")
        page = _get(port, "/")
        assert "시험 계획" in page and "/__plansite/build" in page  # the preview reloads itself
        assert "/__plansite/build" not in Path("output/index.html").read_text(encoding="utf-8")  # the site does not

        plan = Path("plans/demo/plan.yaml")
        good = plan.read_text(encoding="utf-8")
        plan.write_text(good.replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        _until(lambda: "바뀐 계획" in _get(port, "/"), messages)
        assert _get(port, "/__plansite/build") != first

        plan.write_text(good.replace("period:", "peroid:"), encoding="utf-8")
        _until(lambda: "미리보기를 다시 만들지 못했습니다" in _get(port, "/en/index.html"), messages)
        problem = html.unescape(_get(port, "/en/index.html"))
        assert "plans/demo/plan.yaml:" in problem and "unknown key 'peroid'" in problem
        assert "바뀐 계획" in Path("output/index.html").read_text(encoding="utf-8")  # the last good site is kept

        plan.write_text(good, encoding="utf-8")
        _until(lambda: "시험 계획" in _get(port, "/"), messages)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_the_problem_page_escapes_what_it_quotes() -> None:
    from generator.site.serve import problem_page

    page = problem_page(("plans/<script>alert(1)</script>.yaml:1:1: unexpected file",)).decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert page.count("<script>") == 1  # the preview's own reload script, and nothing else

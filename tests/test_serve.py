from __future__ import annotations

import html
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.data.layout import find_repository
from generator.site.serve import serve_and_watch

from .conftest import child_processes, previewing


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_serve_previews_and_rebuilds_on_change() -> None:
    messages: list[str] = []
    with previewing(messages) as port:
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html").read().decode()
        assert "시험 계획" in page

        plan = Path("plans/demo/plan.yaml")
        plan.write_text(plan.read_text(encoding="utf-8").replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        _until(lambda: "바뀐 계획" in Path("output/index.html").read_text(encoding="utf-8"), messages)
        assert "change detected, rebuilding" in messages


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_unknown_paths_get_the_sites_404_page_and_folders_are_not_listed() -> None:
    messages: list[str] = []
    with previewing(messages) as port:
        for path in ("/no-such-page.html", "/static/", "/data/"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}")
            assert caught.value.code == 404
            body = caught.value.read().decode()
            assert body == Path("output/404.html").read_text(encoding="utf-8"), path
            assert "Directory listing" not in body


@pytest.mark.usefixtures("demo_root")
def test_a_nested_missing_path_gets_its_languages_404_with_links_from_the_site_root() -> None:
    """Issue 24: at /plans/x/nope.html a relative stylesheet link would be another 404; under en/ the English page.
    The preview serves at its root even when site.yaml names the published site's address under a sub-path."""
    Path("site.yaml").write_text(
        "site_name: {ko: 시험, en: Test}\nbase_url: https://example.org/sub/\n", encoding="utf-8"
    )
    messages: list[str] = []
    with previewing(messages) as port:
        for path, page, home in (
            ("/plans/x/nope.html", "output/404.html", 'href="/index.html"'),
            ("/en/plans/x/nope.html", "output/en/404.html", '<html lang="en">'),
        ):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}")
            assert caught.value.code == 404
            body = caught.value.read().decode()
            assert body == Path(page).read_text(encoding="utf-8"), path
            assert 'href="/static/style.css"' in body and home in body


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


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_tab_closed_while_it_waits_for_a_rebuild_is_silent(capfd: pytest.CaptureFixture[str]) -> None:
    """Issue 24: the page's long poll is answered after the rebuild; if the tab closed meanwhile, writing the
    answer fails (broken pipe, connection reset), which is no one's error and must print nothing."""
    import socket
    import struct

    messages: list[str] = []
    with previewing(messages) as served:
        port = int(served)
        with socket.create_connection(("127.0.0.1", port)) as tab:
            tab.sendall(b"GET /__plansite/build?after=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            time.sleep(0.2)  # the request waits in the server for a newer build
            tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # closed with a reset
        plan = Path("plans/demo/plan.yaml")
        plan.write_text(plan.read_text(encoding="utf-8").replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        _until(lambda: sum(m.startswith("built") for m in messages) >= 2, messages)
        time.sleep(0.5)  # the waiting request is answered, into the closed connection
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err, captured.err


def _get(port: str, path: str) -> str:
    return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read().decode()


def _until(condition: Callable[[], bool], messages: list[str], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, messages
        time.sleep(0.05)


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_saves_downloads_and_search_index_follow_once_the_writer_pauses() -> None:
    messages: list[str] = []
    with previewing(messages):
        index = Path("output/pagefind/pagefind-entry.json")
        _until(index.is_file, messages)  # the first build's index, made before anything changed
        indexed = index.stat().st_ino
        downloads = sorted(Path("output").rglob("*.svg"))
        project = Path("plans/demo/projects/1-1-2.yaml")
        project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
        _until(lambda: index.stat().st_ino != indexed, messages)
        assert any("고친 사업" in svg.read_text(encoding="utf-8") for svg in downloads)
        assert not any("사업 둘" in svg.read_text(encoding="utf-8") for svg in downloads)


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_saved_project_reloads_its_own_page_at_once_the_pages_listing_it_later_and_no_other() -> None:
    messages: list[str] = []
    with previewing(messages) as port:
        _until(lambda: Path("output/pagefind/pagefind-entry.json").is_file(), messages)  # the first build finished
        first = _get(port, "/__plansite/build")
        answers: dict[str, str] = {}

        def ask(page: str) -> None:
            answers[page] = _get(port, f"/__plansite/build?after={first}&page={page}")

        pages = ("/plans/demo/projects/1-1-2.html", "/plans/demo/", "/methodology.html")
        asking = [threading.Thread(target=ask, args=(page,), daemon=True) for page in pages]
        for each in asking:
            each.start()
        time.sleep(0.5)
        project = Path("plans/demo/projects/1-1-2.yaml")
        project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
        _until(lambda: pages[0] in answers, messages, 10)
        assert "고친 사업" in _get(port, pages[0])
        _until(lambda: pages[1] in answers, messages, 10)  # the whole site, once the writer paused
        assert answers[pages[1]] != answers[pages[0]] != first
        assert "고친 사업" in _get(port, pages[1])
        time.sleep(1)
        assert pages[2] not in answers  # the methodology page did not change: it is not reloaded


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_an_edit_shows_in_the_served_page_and_a_mistake_shows_in_the_browser_until_fixed() -> None:
    messages: list[str] = []
    with previewing(messages) as port:
        first = _get(port, "/__plansite/build")
        page = _get(port, "/")
        assert "시험 계획" in page and "/__plansite/build" in page  # the preview reloads itself
        assert "/__plansite/build" not in Path("output/index.html").read_text(encoding="utf-8")  # the site does not

        # A page asks whether a build newer than its own is done; the answer waits until one is.
        answers: list[str] = []
        asking = threading.Thread(target=lambda: answers.append(_get(port, f"/__plansite/build?after={first}")))
        asking.start()
        time.sleep(0.5)
        assert answers == []

        plan = Path("plans/demo/plan.yaml")
        good = plan.read_text(encoding="utf-8")
        plan.write_text(good.replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        _until(lambda: "바뀐 계획" in _get(port, "/"), messages)
        asking.join(timeout=10)
        assert answers == [_get(port, "/__plansite/build")] and answers[0] != first

        plan.write_text(good.replace("period:", "peroid:"), encoding="utf-8")
        _until(lambda: "미리보기를 다시 만들지 못했습니다" in _get(port, "/en/index.html"), messages)
        problem = html.unescape(_get(port, "/en/index.html"))
        assert "plans/demo/plan.yaml:" in problem and "unknown key 'peroid'" in problem
        assert "바뀐 계획" in Path("output/index.html").read_text(encoding="utf-8")  # the last good site is kept

        plan.write_text(good, encoding="utf-8")
        _until(lambda: "시험 계획" in _get(port, "/"), messages)


def test_the_problem_page_escapes_what_it_quotes() -> None:
    from generator.site.serve import problem_page

    page = problem_page(("plans/<script>alert(1)</script>.yaml:1:1: unexpected file",), 1).decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert page.count("<script>") == 1  # the preview's own reload script, and nothing else


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_save_made_while_the_first_build_runs_is_not_missed() -> None:
    from generator import api

    staged, go_on = threading.Event(), threading.Event()

    def pause(_staging: Path) -> None:
        if not go_on.is_set():  # the first build only
            staged.set()
            go_on.wait(timeout=60)

    messages: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=api.serve,
        args=(api.Options(before_publish=pause, amendments=False), 0),
        kwargs={"echo": messages.append, "stop": stop},
        daemon=True,
    )
    thread.start()
    try:
        _until(staged.is_set, messages)  # the first build has read the data and waits to publish
        plan = Path("plans/demo/plan.yaml")
        plan.write_text(plan.read_text(encoding="utf-8").replace("시험 계획", "바뀐 계획"), encoding="utf-8")
        time.sleep(0.3)  # the file event arrives
        go_on.set()
        page = Path("output/index.html")
        _until(lambda: page.is_file() and "바뀐 계획" in page.read_text(encoding="utf-8"), messages)
    finally:
        stop.set()
        thread.join(timeout=10)


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_a_port_out_of_range_is_a_usage_error_not_a_traceback(port: str) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["serve", "--port", port])
    assert result.exit_code == 2 and result.exception is not None and isinstance(result.exception, SystemExit)
    assert f"Invalid value for '--port': {port} is not in the range 0<=x<=65535" in result.output


def _raw(port: int, request: bytes) -> bytes:
    """A request as a client sends it, byte for byte; the whole answer."""
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(request)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    return answer


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_hostile_requests_get_a_status_and_never_a_traceback(capfd: pytest.CaptureFixture[str]) -> None:
    """Issue 25: a NUL byte (raw or %00), an 8,000-segment path, HEAD of each, and a link placed in the output that
    leads out of it: each gets a status line, nothing outside the output is served, and nothing is printed."""
    messages: list[str] = []
    with previewing(messages) as served:
        port = int(served)
        Path("output/passwd.html").symlink_to("/etc/passwd")
        Path("output/outside").symlink_to("/etc")
        long_path = b"/a" * 8000
        cases = {
            b"/index\x00.html": b"400",
            b"/index%00.html": b"400",
            b"/en/%00/": b"400",
            long_path: b"414",
            b"/passwd.html": b"404",
            b"/outside/passwd": b"404",
            b"/outside/": b"404",
            b"/index.html": b"200",
        }
        for method in (b"GET", b"HEAD"):
            for path, status in cases.items():
                answer = _raw(port, method + b" " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                assert answer.split(b" ", 2)[1] == status, (method, path[:40], answer[:200])
                assert b"root:" not in answer
        # A client that goes away mid-request or before reading its answer.
        import socket

        for _ in range(20):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET /__plansite/build?after=1 HTTP/1.1\r\n")  # closed halfway through its headers
        time.sleep(0.5)
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err, captured.err
    assert "plansite:" not in captured.err, captured.err


def _gone(pids: set[int], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() for pid in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="processes found through /proc")
@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGKILL])
def test_a_preview_stopped_or_killed_leaves_no_process_behind(ending: int) -> None:
    """The preview keeps a drawing worker, started by a fork server: neither may outlive it, however it ends."""
    command = [sys.executable, "-c", "from generator.cli import main; main()", "serve", "--port", "0"]
    preview = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert preview.stdout is not None
        deadline = time.monotonic() + 60
        while "serving" not in preview.stdout.readline():
            assert time.monotonic() < deadline and preview.poll() is None
        started: set[int] = set()
        while time.monotonic() < deadline and len(started) < 2:  # the fork server and the worker it forked
            started = child_processes(preview.pid)
            started |= {pid for server in started for pid in child_processes(server)}
            time.sleep(0.1)
        assert len(started) >= 2
        preview.send_signal(ending)
        preview.wait(timeout=30)
        assert _gone(started)
    finally:
        if preview.poll() is None:
            preview.kill()
            preview.wait()

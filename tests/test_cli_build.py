from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def build(*args: str):
    return CliRunner().invoke(main, ["build", "--plans", "plans", "--results", "results", *args])


@pytest.mark.slow
def test_build_prints_one_summary_line(demo_root: Path) -> None:
    result = build("--out", "site", "--base-url", "https://example.org/plans/")
    assert result.exit_code == 0, result.output
    # Outside git the build also says, once, why no amendments are listed (test_amendment_pages.py).
    [line] = [line for line in result.output.splitlines() if not line.startswith("no amendments listed:")]
    assert line.startswith("built ") and " pages, " in line and " charts, " in line and "into site in" in line
    assert (demo_root / "site" / "index.html").exists()
    assert "<loc>https://example.org/plans/index.html</loc>" in (demo_root / "site/sitemap.xml").read_text()


@pytest.mark.slow
def test_without_an_address_there_is_no_sitemap_and_the_build_says_so(demo_root: Path) -> None:
    result = build("--out", "site")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "no sitemap.xml: it needs the site's address; set base_url in site.yaml or pass --base-url"
    )
    assert not (demo_root / "site/sitemap.xml").exists()


@pytest.mark.usefixtures("demo_root")
def test_a_relative_base_url_is_refused() -> None:
    result = build("--out", "site", "--base-url", "plans/")
    assert result.exit_code == 2
    assert "--base-url must be the site's absolute address, such as https://example.org/plans/, got 'plans/'" in (
        result.output
    )


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_quiet_build_prints_nothing() -> None:
    result = build("--out", "site", "--quiet")
    assert (result.exit_code, result.output) == (0, "")


@pytest.mark.slow
def test_unwritable_output_is_a_clean_error(demo_root: Path) -> None:
    (demo_root / "blocker").write_text("a file, not a folder", encoding="utf-8")
    result = build("--out", "blocker/site")
    assert result.exit_code == 1
    assert result.output.startswith("plansite: ")
    assert "Traceback" not in result.output


def test_invalid_data_exits_1_with_positions(demo_root: Path) -> None:
    project = demo_root / "plans/demo/projects/1-1-1.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("total: 12", "total: 13"), encoding="utf-8")
    result = build("--out", "site")
    assert result.exit_code == 1
    assert "plans/demo/projects/1-1-1.yaml:15:12: stated total 13" in result.output
    assert not (demo_root / "site").exists()


def test_a_user_folder_that_looks_like_a_site_is_not_replaced(demo_root: Path) -> None:
    """Issue 25: only plansite's marker says a folder is its output, not index.html, 404.html, sitemap.xml, static/."""
    www = demo_root / "www"
    (www / "static").mkdir(parents=True)
    contents = {
        "index.html": b"<h1>my page</h1>",
        "404.html": b"<h1>lost</h1>",
        "sitemap.xml": b"<urlset/>",
        "static/logo.png": b"\x89PNG my logo",
        "report.docx": b"PK\x03\x04 my report",
    }
    for name, content in contents.items():
        (www / name).write_bytes(content)
    result = build("--out", "www")
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "plansite: www: is not empty and was not written by plansite build, so it is left as it is; choose a new or"
        " empty folder with --out, or delete this folder yourself if it only holds an old site"
    )
    kept = {path.relative_to(www).as_posix(): path.read_bytes() for path in www.rglob("*") if path.is_file()}
    assert kept == contents
    assert sorted(p.name for p in demo_root.iterdir()) == ["plans", "results", "www"]


@pytest.mark.usefixtures("demo_root")
def test_the_build_collects_garbage_seldom_and_leaves_the_collector_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from generator import api, cli

    during: list[tuple[int, int, int]] = []

    def build_stand_in(_options: api.Options) -> None:
        during.append(gc.get_threshold())
        raise api.UsageError("stop here")

    monkeypatch.setattr(api, "build", build_stand_in)
    before = gc.get_threshold()
    result = build("--out", "site")
    assert result.exit_code == 2 and "stop here" in result.output
    assert during == [cli.BUILD_GC_THRESHOLDS] != [before]
    assert gc.get_threshold() == before


def test_the_objects_left_as_the_command_ends_are_frozen_not_collected() -> None:
    # Registered before the command's module is imported, this runs after its own exit function.
    script = "import atexit, gc\natexit.register(lambda: print(gc.get_freeze_count() > 0))\nimport generator.cli\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=os.environ)
    assert done.stdout.split() == ["True"], done.stdout + done.stderr


def _session(leader: int) -> list[int]:
    """The processes of the session `leader` started (Linux: /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[3]) == leader and fields[0] != "Z":  # the session id; a zombie is ended, not yet reaped
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_ctrl_c_while_workers_draw_ends_every_process_with_one_line_in_the_users_language(tmp_path: Path) -> None:
    for name in ("plans", "results", "site.yaml"):  # the shipped data: a cold build draws hundreds of drawings
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tmp_path / name)
    command = [str(Path(sys.executable).parent / "plansite"), "build", "--lang", "ko", "--cache-dir", "cache"]
    build = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not any((tmp_path / "cache").rglob("*.svg")) and time.monotonic() < deadline:
            time.sleep(0.05)  # until the workers' first drawings come back, and the rest are being drawn
        assert len(_session(build.pid)) >= 3 and build.poll() is None  # the build and its workers
        os.killpg(build.pid, signal.SIGINT)  # what a terminal does on Ctrl+C: every process of the command
        _, errors = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert build.returncode == 130
    assert errors.splitlines()[-1] == "Ctrl+C로 멈췄습니다" and "Traceback" not in errors, errors
    deadline = time.monotonic() + 5
    while _session(build.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _session(build.pid) == []
    assert not (tmp_path / "output").exists()  # nothing published

from __future__ import annotations

import contextlib
import filecmp
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLANS = ROOT / "plans"
RESULTS = ROOT / "results"
REAL_PLAN = PLANS / "seoul-citizen-participation-2024"
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tiers (markers in pyproject.toml) that follow from where a test is or what it is: everything under
    tests/browser/ is `browser`, every Hypothesis test is `fuzz`, and every test that reads the real site's build
    (`real_site`, seconds to build) is `slow`. Other slow tests are marked where they are."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.fuzz)
        if "real_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (the shipped plans/, results/ and site.yaml, with this repository's amendments), built once per
    session into `<tmp>/reports/`, a sub-path the browser tests serve it under. Only for tests that read it: a test
    that changes its build, or the data, builds its own."""
    import generator

    from .wordcheck import recording_particles, save_attachments

    out = tmp_path_factory.mktemp("real-site") / "reports"
    with recording_particles() as attached:  # the particles the catalogue attached, for tests/test_words.py
        generator.build(generator.Options(root=ROOT, out=out))  # through the API, which reads the amendments record
    save_attachments(out, attached)
    return out


def built_copy(tmp_path_factory: pytest.TempPathFactory, fixture: Path) -> Path:
    """A fixture data repository copied to a fresh folder and built there; the built site's folder."""
    from generator.data.layout import find_repository  # imported when used, as real_site does
    from generator.site.build import build_site

    root = tmp_path_factory.mktemp(fixture.name)
    shutil.copytree(fixture, root, dirs_exist_ok=True)
    out = root / "output"
    build_site(find_repository(cwd=root), out)
    return out


@pytest.fixture
def demo_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the synthetic demo data (plans/demo and results/demo) in the working directory."""
    shutil.copytree(FIXTURES / "minimal" / "demo", tmp_path / "plans" / "demo")
    shutil.copytree(FIXTURES / "minimal" / "results", tmp_path / "results")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def demo_plan(demo_root: Path) -> Path:
    return demo_root / "plans" / "demo"


def serving(stop: threading.Event, messages: list[str], port: int = 0) -> threading.Thread:
    """`plansite serve` of the working directory's data in a thread, until `stop`; it says what it does in
    `messages`. Returns once it serves. Through the API, as the command serves."""
    from generator import api

    thread = threading.Thread(
        target=api.serve,
        args=(api.Options(out=Path("output")), port),
        kwargs={"echo": messages.append, "stop": stop},
        daemon=True,
    )
    thread.start()
    deadline = time.monotonic() + 30
    while not any(m.startswith("serving") for m in messages):
        assert time.monotonic() < deadline and thread.is_alive(), messages
        time.sleep(0.05)
    return thread


@contextlib.contextmanager
def previewing(messages: list[str]) -> Iterator[str]:
    """`plansite serve` of the working directory's data (see `serving`) for the block; its port. The preview is
    stopped after the block, and must stop within seconds."""
    stop = threading.Event()
    thread = serving(stop, messages)
    try:
        yield served_port(messages)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def served_port(messages: list[str]) -> str:
    """The port serve chose (it was asked for any free one), from its "serving … on http://…" line."""
    match = re.search(r"127\.0\.0\.1:(\d+)/", next(m for m in messages if m.startswith("serving")))
    assert match is not None, messages
    return match.group(1)


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run without --lang speak English, whatever the machine's locale (the tests that read Korean
    pass --lang ko); see generator.api.default_language."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def same_tree(first: Path, second: Path) -> None:
    """Assert that two folders hold the same files with the same bytes."""
    left = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    right = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert left == right
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(p) for p in left], shallow=False)
    assert mismatch == [] and errors == []


def child_processes(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux: /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found

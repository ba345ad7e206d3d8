"""plansite against MkDocs on an equivalent site: one run, interleaved, medians and ratios (issue 11).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/run.py [--rounds 5] [--sizes shipped,100,400] [--large] [--serve-edits 10]
        [--base-url https://plans.example.org/]

For each data set — the shipped data, and synthetic plans of 100, 400 (and with --large 4,000) unit projects,
made up in a temporary folder and never shipped ("synthetic-benchmark") — it measures, as separate processes:
plansite build cold (empty chart cache) and warm (cache filled), a one-value edit then a warm rebuild,
`plansite validate`, and MkDocs building an equivalent site (one Markdown page per plansite page holding that
page's main content, charts included) and rebuilding it after a one-page edit. The scenarios of one round
run in a shuffled order, rounds repeat, and the table gives medians and the ratio to MkDocs' median from the
same run; the machine is shared and noisy, so only ratios from one run mean anything. Peak memory is summed
over the process and its children (chart workers), sampled every 20 ms. `plansite serve`'s edit-to-visible
time is measured on the shipped data: a title edit saved, until the served page shows it. With `--base-url`,
plansite's builds have the address a published site has, so each page with a chart gets its link-preview image
(MkDocs' sites are the same).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PLANSITE, MKDOCS = str(BIN / "plansite"), str(BIN / "mkdocs")
sys.path.insert(0, str(ROOT))

from benchmarks.handwritten import handwritten_site  # noqa: E402
from benchmarks.synthetic import synthetic_plan  # noqa: E402

HANDWRITTEN = "mkdocs build, hand-written site"
_MAIN = re.compile(rb"<main[^>]*>(.*)</main>", re.S)
_TITLE = re.compile(r"(title:\s*\{?\s*ko: )")
_TARGETS = re.compile(r"(targets: \{\d{4}: )(\d+)(, \d{4}: )(\d+)")


def _rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return total


def _tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = [pid], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def measure(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MiB, summed over the process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _rss_kib(_tree(process.pid)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    return seconds, peak // 1024


def shipped_data(folder: Path) -> Path:
    """A copy of this repository's data (plans, results, site.yaml) in `folder`, to build without touching ours."""
    for name in ("plans", "results", "site.yaml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    return folder


def prepare(size: str, work: Path) -> tuple[Path, Path]:
    """A data repository for `size` and an equivalent MkDocs project; their folders."""
    repository = work / "repo"
    if size == "shipped":
        shipped_data(repository)
    else:
        synthetic_plan(repository, int(size))
    # The reference build also fills the chart cache the warm scenarios start from (output is the same
    # with or without a cache, which the test suite checks), so a large size draws its charts once here.
    reference = [PLANSITE, "build", "--quiet", "--cache-dir", str(work / "cache"), "--out", str(work / "reference")]
    subprocess.run(reference, cwd=repository, check=True)
    mkdocs = work / "mkdocs"
    for page in sorted((work / "reference").rglob("*.html")):
        relative = page.relative_to(work / "reference").with_suffix(".md")
        target = mkdocs / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        main = _MAIN.search(page.read_bytes())
        target.write_bytes(b'<div markdown="0">\n' + (main.group(1) if main else b"") + b"\n</div>\n")
    (mkdocs / "mkdocs.yml").write_text(
        "site_name: Equivalent site\ntheme: mkdocs\nuse_directory_urls: false\n", encoding="utf-8"
    )
    handwritten_site(repository, work / "handwritten")
    return repository, mkdocs


def project_file(repository: Path) -> Path:
    return sorted((repository / "plans").glob("*/projects/1-1-1.yaml"))[-1]


def toggle_target(path: Path) -> None:
    """A small edit of figures: the first two yearly targets swap places (totals still agree)."""
    text = path.read_text(encoding="utf-8")
    match = _TARGETS.search(text)
    assert match, path
    first, second = match.group(2), match.group(4)
    swapped = f"{match.group(1)}{second}{match.group(3)}{first}"
    path.write_text(text[: match.start()] + swapped + text[match.end() :], encoding="utf-8")


def scenarios(
    repository: Path, mkdocs: Path, work: Path, base_url: str = ""
) -> dict[str, Callable[[], tuple[float, int]]]:
    cache, out = work / "cache", work / "out"
    build = [PLANSITE, "build", "--quiet", "--cache-dir", str(cache), "--out", str(out)]
    build += ["--base-url", base_url] if base_url else []  # a published site: link-preview images too
    pages = sorted((mkdocs / "docs").rglob("*.md"))
    page = pages[len(pages) // 2]

    def cold() -> tuple[float, int]:
        shutil.rmtree(cache, ignore_errors=True)
        return measure(build, repository)

    def edit() -> tuple[float, int]:
        toggle_target(project_file(repository))
        return measure(build, repository)

    def warm_checked() -> tuple[float, int]:
        # Without the last build's state (site/buildstate.py), the build cannot know that nothing changed: it
        # loads and checks the data, makes every page model and takes each page from the cache folder.
        shutil.rmtree(cache / "published", ignore_errors=True)
        return measure(build, repository)

    def mkdocs_edit() -> tuple[float, int]:
        page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edit -->\n", encoding="utf-8")
        return measure([MKDOCS, "build", "-q", "-d", str(work / "mkdocs-site")], mkdocs)

    return {
        "plansite build, cold cache": cold,
        "plansite build, warm cache": lambda: measure(build, repository),
        "plansite build, warm cache, nothing known unchanged": warm_checked,
        "plansite one-value edit + build": edit,
        "plansite validate": lambda: measure([PLANSITE, "validate"], repository),
        "mkdocs build": lambda: measure([MKDOCS, "build", "-q", "-d", str(work / "mkdocs-site")], mkdocs),
        HANDWRITTEN: lambda: measure(
            [MKDOCS, "build", "-q", "-d", str(work / "handwritten-site")], work / "handwritten"
        ),
        "mkdocs one-page edit + build": mkdocs_edit,
    }


def serve_edits(repository: Path, work: Path, edits: int) -> tuple[list[float], list[float]]:
    """Seconds from saving an edit to the served project page showing it, `edits` times each: a title edit
    (saved as soon as the last one shows), then a figure edit (its chart drawn again; saved a second after). The
    page is open in a browser meanwhile, as when a person previews it (`_open_in_browser`)."""
    port = 8700 + os.getpid() % 200
    command = [
        PLANSITE,
        "serve",
        "--port",
        str(port),
        "--cache-dir",
        str(work / "cache"),
        "--out",
        str(work / "served"),
    ]
    server = subprocess.Popen(command, cwd=repository, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    path = project_file(repository)
    page = f"/plans/{path.parent.parent.name}/projects/1-1-1.html"
    url = f"http://127.0.0.1:{port}{page}"
    closed = threading.Event()
    try:
        _wait_for(url, "</html>", 300)
        # The page is open in a browser: its script asks the preview whether a build changed it (reloads.py).
        threading.Thread(target=_open_in_browser, args=(port, page, closed), daemon=True).start()
        times = []
        for number in range(edits):
            token = f"BENCH{number}X"
            text = re.sub(r"BENCH\d+X", "", path.read_text(encoding="utf-8"))
            started = time.perf_counter()
            path.write_text(_TITLE.sub(r"\g<1>" + token, text, count=1), encoding="utf-8")
            _wait_for(url, token, 60)
            times.append(time.perf_counter() - started)
        figures = []
        for _ in range(edits):
            time.sleep(1)  # as a person saves figures: the pause's work (the whole site, index) may be running
            shown = _page(url)
            started = time.perf_counter()
            toggle_target(path)
            while _page(url) == shown:
                time.sleep(0.01)
            figures.append(time.perf_counter() - started)
        return times, figures
    finally:
        closed.set()
        server.terminate()
        server.wait(timeout=30)


def _open_in_browser(port: int, page: str, closed: threading.Event) -> None:
    """Ask as a served page's reload script does, until `closed`: the preview makes the pages shown first."""
    seen = "0"
    while not closed.is_set():
        try:
            address = f"http://127.0.0.1:{port}/__plansite/build?after={seen}&page={urllib.parse.quote(page)}"
            seen = urllib.request.urlopen(address, timeout=30).read().decode()
        except OSError:
            time.sleep(0.1)


def _page(url: str) -> bytes:
    """The served page without the build number the preview writes into it (any build changes that)."""
    return re.sub(rb"var seen='\d+'", b"", urllib.request.urlopen(url, timeout=5).read())


def _wait_for(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode():
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{url} did not show {text!r} within {seconds} s")


def report(size: str, results: dict[str, list[tuple[float, int]]]) -> None:
    """One data set's table: medians, and their ratios to MkDocs building the equivalent and the hand-written site."""
    references = [
        statistics.median(s for s, _ in results[name]) if name in results else None
        for name in ("mkdocs build", HANDWRITTEN)
    ]
    print(
        f"\n### {size}\n\n| scenario | median s | × MkDocs build | × hand-written | peak MiB (all processes) |"
        "\n|---|---:|---:|---:|---:|"
    )
    for name, runs in results.items():
        median = statistics.median(seconds for seconds, _ in runs)
        peak = max(memory for _, memory in runs)
        ratios = [f"{median / reference:.2f}" if reference else "—" for reference in references]
        print(f"| {name} | {median:.2f} | {ratios[0]} | {ratios[1]} | {peak} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="shipped,100,400", help="comma-separated: shipped and project counts")
    parser.add_argument("--large", action="store_true", help="add a synthetic plan of 4,000 unit projects")
    parser.add_argument("--serve-edits", type=int, default=10)
    parser.add_argument("--base-url", default="", help="plansite builds a site with this address (link previews)")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated parts of scenario names: only the scenarios whose name holds one "
        "('plansite one-value' for the edit without MkDocs' edit)",
    )
    arguments = parser.parse_args()
    wanted = [word.strip() for word in arguments.only.split(",") if word.strip()]
    sizes = arguments.sizes.split(",") + (["4000"] if arguments.large else [])
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as temporary:
        for size in sizes:
            work = Path(temporary) / f"size-{size}"
            repository, mkdocs = prepare(size, work)
            runs = {
                name: run
                for name, run in scenarios(repository, mkdocs, work, arguments.base_url).items()
                if not wanted or any(word in name for word in wanted)
            }
            results: dict[str, list[tuple[float, int]]] = {name: [] for name in runs}
            for _ in range(arguments.rounds):
                for name in rng.sample(list(runs), len(runs)):
                    results[name].append(runs[name]())
            report("shipped data" if size == "shipped" else f"synthetic plan, {size} unit projects", results)
            if size == "shipped" and arguments.serve_edits:
                edits = serve_edits(repository, work, arguments.serve_edits)
                for kind, times in zip(("title", "figure"), edits, strict=True):
                    print(
                        f"\nplansite serve, {kind} edit saved → visible: median {statistics.median(times):.2f} s "
                        f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} edits)"
                    )


if __name__ == "__main__":
    main()

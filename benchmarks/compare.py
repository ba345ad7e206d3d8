"""Two commits of plansite side by side: builds of the shipped data, interleaved, medians and the ratio.

    .venv/bin/python -u benchmarks/compare.py BEFORE [AFTER] [--rounds 7] [--one-value | --cold [--no-cache]]
        [--base-url URL]

What a change costs a warm build (issue 29: its additions may not make the shipped data's warm build more than
10% slower). Each commit is exported (`git archive`) to a temporary folder and run from there with this
environment's libraries, on the same copy of the shipped data, each with its own chart cache filled first; the
two then build in turn, `--rounds` times, each into a new output folder. AFTER defaults to the working tree.
Wall time is what a user waits; CPU time (user + system, over the build and its children) is steadier on a
shared machine, so both are given. With `--one-value`, each commit has its own copy of the data and publishes into
its own output folder, and each of its builds follows a one-value edit (`run.toggle_target`), as a department's
correction does (issue 30). With `--base-url`, the site has an address, as a published one does: its pages
have link-preview images, drawn again when their chart changes. With `--cold`, each build starts with an empty
chart cache and no output folder, as a first build does; with `--no-cache` too, each is built with `--no-cache`, as
the shipped publishing workflow builds. Each export is compiled first: where
PYTHONDONTWRITEBYTECODE is set, a fresh folder would otherwise compile every module at every run.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import project_file, shipped_data, toggle_target  # noqa: E402


def export(revision: str, folder: Path) -> Path:
    """The package of `revision` ("" for the working tree) in `folder`."""
    if not revision:
        shutil.copytree(ROOT / "generator", folder / "generator")
        return folder
    archive = subprocess.run(["git", "archive", revision, "generator"], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def compiled(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "generator")], check=True)
    return folder


def build_command(source: Path, out: Path, cache: Path | None, base_url: str = "") -> list[str]:
    address = f", '--base-url', {base_url!r}" if base_url else ""
    caching = f"'--cache-dir', {str(cache)!r}" if cache is not None else "'--no-cache'"
    run = (
        f"import sys; sys.path.insert(0, {str(source)!r}); from generator.cli import main; "
        f"sys.argv = ['plansite', 'build', '--quiet', {caching}, '--out', {str(out)!r}{address}]; "
        "main()"
    )
    return [sys.executable, "-c", run]


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--one-value", action="store_true", help="each build after a one-value edit")
    parser.add_argument("--cold", action="store_true", help="each build with an empty chart cache")
    parser.add_argument("--no-cache", action="store_true", help="with --cold: each build with --no-cache")
    parser.add_argument("--base-url", default="", help="the site's address: its pages get link-preview images")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        names = {"before": arguments.before, "after": arguments.after or "working tree"}
        sources = {
            key: compiled(export(revision, work / key))
            for key, revision in (("before", arguments.before), ("after", arguments.after))
        }
        shared = shipped_data(work / "data")
        data = {key: shipped_data(work / f"data-{key}") if arguments.one_value else shared for key in sources}
        for key, source in sources.items():  # fill each chart cache
            if not arguments.cold:
                command = build_command(source, work / f"out-{key}", work / f"cache-{key}", arguments.base_url)
                subprocess.run(command, cwd=data[key], check=True)
        runs: dict[str, list[tuple[float, float]]] = {key: [] for key in sources}
        for round_number in range(arguments.rounds):
            order = list(sources) if round_number % 2 == 0 else list(reversed(sources))
            for key in order:
                if arguments.one_value:
                    toggle_target(project_file(data[key]))
                    out = work / f"out-{key}"
                else:
                    out = work / f"out-{key}-{round_number}"
                cache = work / (f"cache-{key}-{round_number}" if arguments.cold else f"cache-{key}")
                uncached = arguments.cold and arguments.no_cache
                command = build_command(sources[key], out, None if uncached else cache, arguments.base_url)
                runs[key].append(timed(command, data[key]))
                if not arguments.one_value:
                    shutil.rmtree(out)
                if arguments.cold:
                    shutil.rmtree(cache, ignore_errors=True)
        scenario = "one-value edit + build" if arguments.one_value else "cold build" if arguments.cold else "warm build"
        scenario += ", --no-cache" if arguments.cold and arguments.no_cache else ""
        scenario += f", --base-url {arguments.base_url}" if arguments.base_url else ""
        print(f"\n| commit | {scenario}, median wall s | median CPU s |\n|---|---:|---:|")
        medians = {}
        for key, measured in runs.items():
            medians[key] = (statistics.median(w for w, _ in measured), statistics.median(c for _, c in measured))
            print(f"| {names[key]} | {medians[key][0]:.2f} | {medians[key][1]:.2f} |")
        wall, cpu = (medians["after"][i] / medians["before"][i] for i in (0, 1))
        print(f"\nafter / before: wall {wall:.2f}×, CPU {cpu:.2f}× ({arguments.rounds} rounds, interleaved)")


if __name__ == "__main__":
    main()

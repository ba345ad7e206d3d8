"""Peak memory of a cold build of a big synthetic plan, and the warm builds after it, charts stubbed (issue 30).

    .venv/bin/python -u benchmarks/memory.py [--projects 4000] [--work FOLDER] [--pagefind-alone]

Drawing the charts of 4,000 unit projects takes hours on a small machine, so every chart is replaced by an empty
drawing (as `benchmarks/search.py --stub-charts` does): the build still makes, renders and writes every page,
download, data file and the search index, and its peak memory (summed over the process and its children,
sampled every 20 ms) is that of everything but the drawing. After the cold build come, with the same stub and
cache folder, the warm builds `benchmarks/run.py` measures: (a) nothing changed, (b) the build state removed, so
that nothing is known unchanged (every page model is made again and taken from the cache), (c) one figure of a
project changed. `--pagefind-alone` then runs Pagefind by itself on the built site, as the build does (one run
per language) and over both languages at once, with its peak memory. The plan ("synthetic-benchmark") is made up
in a temporary folder (or `--work`, kept afterwards, and its plan used again if it is there) and never shipped.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import measure, project_file, toggle_target
from benchmarks.search import _STUB
from benchmarks.synthetic import synthetic_plan
from generator.site.pages.paths import lang_path
from generator.site.search import INDEX_DIR, Bundle, index_bundles, index_glob, pagefind_binary


def builds(repository: Path, work: Path) -> list[tuple[str, float, int]]:
    """The cold build then the three warm ones, each as (scenario, seconds, peak MiB)."""
    cache, out = work / "cache", work / "out"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    build = [sys.executable, "-c", _STUB, "build", "--quiet", "--cache-dir", str(cache), "--out", str(out)]
    measured = [("cold build, empty cache", *measure(build, repository))]
    measured.append(("warm build, nothing changed", *measure(build, repository)))
    # Without the last build's state (site/buildstate.py) the build cannot know that nothing changed (run.py).
    shutil.rmtree(cache / "published", ignore_errors=True)
    measured.append(("warm build, nothing known unchanged", *measure(build, repository)))
    toggle_target(project_file(repository))
    measured.append(("one-value edit + build", *measure(build, repository)))
    toggle_target(project_file(repository))  # the plan as it was, for the next run in a kept folder
    return measured


def pagefind_alone(site: Path) -> list[tuple[str, float, int]]:
    """Pagefind's own time and peak on the built site: each bundle the build writes, then one run of every page
    it indexes (both languages), as plansite ran it before each language had its own."""
    indexed = []
    for path in site.rglob("*.html"):
        page = path.read_bytes()
        if b" data-pagefind-body" in page:
            lang = "en" if b'<html lang="en"' in page else "ko"
            indexed.append((lang_path(lang, INDEX_DIR), path.relative_to(site).as_posix()))
    bundles = [*index_bundles(indexed), Bundle("both-languages", index_glob(path for _, path in indexed))]
    measured = []
    for bundle in bundles:
        output = f"{bundle.folder}-alone"
        command = [str(pagefind_binary()), "--site", ".", "--output-subdir", output, "--glob", bundle.glob]
        seconds, peak = measure([*command, "--keep-index-url", "--silent"], site)
        measured.append((f"Pagefind alone: {bundle.folder}", seconds, peak))
        shutil.rmtree(site / output)
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=4000)
    parser.add_argument("--work", type=Path, help="a folder to work in and keep (its plan is used again)")
    parser.add_argument("--pagefind-alone", action="store_true", help="then Pagefind by itself, as described above")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plansite-memory-") as temporary:
        work = arguments.work or Path(temporary)
        repository = work / "repo"
        if not repository.exists():
            synthetic_plan(repository, arguments.projects)
        measured = builds(repository, work)
        if arguments.pagefind_alone:
            measured += pagefind_alone(work / "out")
        pages = sum(1 for _ in (work / "out").rglob("*.html"))
        print(f"\n{arguments.projects} unit projects, charts stubbed, {pages} HTML files\n")
        print("| scenario | s | peak MiB (all processes) |\n|---|---:|---:|")
        for name, seconds, peak in measured:
            print(f"| {name} | {seconds:.1f} | {peak:,} |")


if __name__ == "__main__":
    main()

"""Peak memory of a cold build of a big synthetic plan, with its charts stubbed (issue 30).

    .venv/bin/python -u benchmarks/memory.py [--projects 4000]

Drawing the charts of 4,000 unit projects takes hours on a small machine, so every chart is replaced by an empty
drawing (as `benchmarks/search.py --stub-charts` does): the build still makes, renders and writes every page,
download, data file and the search index, and its peak memory (summed over the process and its children,
sampled every 20 ms) is that of everything but the drawing. The plan ("synthetic-benchmark") is made up in a
temporary folder and never shipped.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import measure
from benchmarks.search import _STUB
from benchmarks.synthetic import synthetic_plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=4000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plansite-memory-") as temporary:
        work = Path(temporary)
        repository = work / "repo"
        synthetic_plan(repository, arguments.projects)
        build = [sys.executable, "-c", _STUB, "build", "--quiet", "--cache-dir", str(work / "cache")]
        seconds, peak = measure([*build, "--out", str(work / "out")], repository)
        pages = sum(1 for _ in (work / "out").rglob("*.html"))
        print(
            f"{arguments.projects} unit projects, charts stubbed: {pages} pages, cold build {seconds:.0f} s, "
            f"peak {peak} MiB (all processes)"
        )


if __name__ == "__main__":
    main()

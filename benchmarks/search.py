"""The search index's size and cost: shipped data and a synthetic plan of 4,000 unit projects (issue 28).

    .venv/bin/python -u benchmarks/search.py [--sizes shipped,4000] [--rounds 3]

For each data set — the shipped data, and a synthetic plan ("synthetic-benchmark", made up in a temporary
folder and never shipped) whose Korean titles and department names are compounds — it builds the site once
from an empty chart cache (wall time and peak memory summed over all processes), then measures:

- a warm build, `--rounds` times (median wall time, peak memory);
- the index: bytes and files of `pagefind/`, and the bytes of the compound terms added to the pages;
- Pagefind alone on the built pages, with and without the compound terms (interleaved, medians), so the
  index's growth and Pagefind's extra time due to the terms are measured on the same pages;
- the time to compute and add the terms to every Korean page, in this process.

Peak memory is sampled every 20 ms over the process and its children; the 4,000-project build must stay under
1 GiB. The machine is shared and noisy: the with/without comparison is the meaningful part.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import PLANSITE, measure, shipped_data  # noqa: E402
from benchmarks.synthetic import synthetic_plan  # noqa: E402
from generator.site.search import INDEX_DIR, index_site  # noqa: E402
from generator.site.searchterms import TERMS_META, with_compound_terms  # noqa: E402

_TERMS = re.compile(rf' data-pagefind-meta="{TERMS_META}:[^"]*"')
# `--stub-charts`: the build with every chart replaced by an empty drawing, where drawing them all would take an
# hour (4,000 unit projects: 16,000 charts, each drawn twice). The index is measured on pages whose charts hold
# no text; the build's time and memory are then not a real build's. A build's drawing helper ends there, as it
# does when a build has nothing to draw (`drawings.drawn_charts`).
_STUB = (
    "import sys; from markupsafe import Markup; import generator.site.pagefiles as build; "
    'empty = Markup(\'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>stub</title></svg>\'); '
    "import io; from PIL import Image; png = io.BytesIO(); Image.new('RGB', (26, 26), 'white').save(png, 'png'); "
    "drawn = build.Drawings(empty, empty); "
    "stub = lambda specs, _w, _c, _k=None, pngs=None, helper=None, **_options: (pngs and pngs.kept.update("
    "{(spec, source): png.getvalue() for spec, lines in pngs.sources.items() for source in lines}), "
    "helper and helper.close(), ((spec, drawn) for spec in dict.fromkeys(specs)))[2]; "
    "build.drawn_charts = stub; "
    "from generator.cli import main; sys.argv = ['plansite', *sys.argv[1:]]; main()"
)


def repository(size: str, work: Path) -> Path:
    folder = work / "repo"
    return shipped_data(folder) if size == "shipped" else synthetic_plan(folder, int(size), compounds=True).parent


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def without_terms(site: Path, copy: Path) -> int:
    """A copy of the built pages with the compound terms taken out; the bytes the terms took."""
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(INDEX_DIR))
    removed = 0
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        stripped = _TERMS.sub("", text)
        removed += len(text.encode()) - len(stripped.encode())
        page.write_text(stripped, encoding="utf-8")
    return removed


def timed_index(site: Path) -> float:
    shutil.rmtree(site / INDEX_DIR, ignore_errors=True)
    start = time.perf_counter()
    index_site(site)
    return time.perf_counter() - start


def terms_seconds(site: Path) -> float:
    """Seconds to add the terms to every page again (from the pages without them)."""
    pages = [page.read_text(encoding="utf-8") for page in site.rglob("*.html") if "/en/" not in page.as_posix()]
    start = time.perf_counter()
    for page in pages:
        with_compound_terms(page)
    return time.perf_counter() - start


def run(size: str, rounds: int, work: Path, stub: bool) -> None:
    data, cache, out = repository(size, work), work / "cache", work / "out"
    plansite = [sys.executable, "-c", _STUB] if stub else [PLANSITE]
    build = [*plansite, "build", "--quiet", "--cache-dir", str(cache), "--out", str(out)]
    cold = measure(build, data)
    warm = [measure(build, data) for _ in range(rounds)]
    pages = sum(1 for _ in out.rglob("*.html"))
    index_bytes, index_files = folder_size(out / INDEX_DIR)
    bare = work / "bare"
    terms_bytes = without_terms(out, bare)
    with_runs: list[float] = []
    without_runs: list[float] = []
    for _ in range(rounds):
        with_runs.append(timed_index(out))
        without_runs.append(timed_index(bare))
    bare_bytes, bare_files = folder_size(bare / INDEX_DIR)
    adding = terms_seconds(bare)
    name = "shipped data" if size == "shipped" else f"synthetic plan, {size} unit projects (compound names)"
    name += ", charts stubbed" if stub else ""
    print(f"\n### {name}: {pages} pages\n")
    print("| measure | value |\n|---|---:|")
    print(f"| cold build, s (peak MiB) | {cold[0]:.1f} ({cold[1]}) |")
    warm_median, warm_peak = statistics.median(s for s, _ in warm), max(m for _, m in warm)
    print(f"| warm build, median s (peak MiB) | {warm_median:.2f} ({warm_peak}) |")
    print(f"| index with terms, KiB (files) | {index_bytes / 1024:,.0f} ({index_files}) |")
    print(f"| index without terms, KiB (files) | {bare_bytes / 1024:,.0f} ({bare_files}) |")
    print(f"| index growth from the terms | {index_bytes / bare_bytes - 1:+.1%} |")
    print(f"| terms in the pages, KiB | {terms_bytes / 1024:,.0f} |")
    print(f"| Pagefind with terms, median s | {statistics.median(with_runs):.2f} |")
    print(f"| Pagefind without terms, median s | {statistics.median(without_runs):.2f} |")
    print(f"| computing and adding the terms, s | {adding:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,4000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stub-charts", action="store_true", help="empty charts: the index alone, at any size")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        for size in arguments.sizes.split(","):
            run(size, arguments.rounds, Path(temporary) / f"size-{size}", arguments.stub_charts)


if __name__ == "__main__":
    main()

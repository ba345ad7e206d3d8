"""Milliseconds per chart, drawn in this process from the shipped data's own chart specifications.

    .venv/bin/python benchmarks/charts.py [--charts 60]

Compare two versions of the chart code by running it at each (e.g. with `git stash`), one right after the
other: the machine is shared, so only a side-by-side pair means anything.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from generator.data.layout import find_repository  # noqa: E402
from generator.site import chartpng, charts  # noqa: E402
from generator.site.build import render_site  # noqa: E402
from generator.site.chartcache import ChartCache, PngKind  # noqa: E402
from generator.site.chartspec import VARIANTS, ChartSpec, Variant  # noqa: E402

SOURCE = "Source: a synthetic citation of the page the chart is on, as long as a real one, 2026."


class _Collector(ChartCache):
    """A cache that holds every chart: the build asks it for each specification, and draws none."""

    def __init__(self) -> None:
        super().__init__(None)
        self.specs: list[ChartSpec] = []

    def get(self, spec: ChartSpec, variant: Variant = "wide") -> str | None:
        if variant == "wide":
            self.specs.append(spec)
        return '<svg viewBox="0 0 1 1"/>'

    def get_png(self, spec: ChartSpec, kind: PngKind = "preview", frame: str = "") -> bytes | None:  # noqa: ARG002
        return _BLANK_PNG  # every PNG "found" too, so that the build draws nothing (the downloads frame it)


def _blank_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, "png")
    return buffer.getvalue()


_BLANK_PNG = _blank_png()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charts", type=int, default=60)
    arguments = parser.parse_args()
    collector = _Collector()
    render_site(find_repository(cwd=ROOT), cache=collector)
    specs = collector.specs[: arguments.charts]
    for variant in VARIANTS:  # each chart is drawn wide and narrow (for a phone)
        charts.render(specs[0], variant)  # fonts and matplotlib's first-use costs, outside the timing
        started = time.perf_counter()
        for spec in specs:
            charts.render(spec, variant)
        print(f"{len(specs)} {variant} charts: {1000 * (time.perf_counter() - started) / len(specs):.1f} ms each")
    # The wide drawing as a build draws it: with its download PNG, from the same figure, framed for its page.
    started = time.perf_counter()
    for spec in specs:
        chartpng.draw_chart(spec, "wide", (SOURCE,))
    print(f"{len(specs)} wide charts with their PNG: {1000 * (time.perf_counter() - started) / len(specs):.1f} ms each")


if __name__ == "__main__":
    main()

"""A page's first chart as a PNG, for link previews (Open Graph's og:image): previewers take no SVG.

The drawing is the page's chart itself, from the same specification and code (`charts.render`); only its last
step writes a PNG instead of SVG markup. The image is `PREVIEW_WIDTH` pixels wide at the chart's own
proportions (about 1200×550 to 1200×680), its text set in the chart font at the chart's own point sizes.
Two drawings of one specification give the same bytes: the PNG carries no software name and no time.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from generator.site import charts
from generator.site.chartspec import ChartSpec

PREVIEW_WIDTH = 1200  # pixels: what Facebook and KakaoTalk suggest for a large preview image


def render_png(spec: ChartSpec) -> bytes:
    """The PNG of one chart specification (a plain function, so a process pool can run it)."""
    drawn: list[bytes] = []

    def finish(figure: Figure, _chart_id: str, _title: str, _summary: str) -> str:
        drawn.append(_png(figure))
        return ""

    token = charts.FINISH.set(finish)
    try:
        charts.render(spec)
    finally:
        charts.FINISH.reset(token)
    return drawn[0]


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    # Software None: no matplotlib version in the file; Agg writes no time of its own. A white ground: a
    # previewer shows a transparent image on its own colour, dark in a dark theme.
    figure.savefig(
        buffer,
        format="png",
        dpi=PREVIEW_WIDTH / figure.get_figwidth(),
        metadata={"Software": None},
        facecolor="white",
    )
    return buffer.getvalue()

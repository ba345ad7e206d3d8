"""Charts as PNGs: a page's first chart for link previews (Open Graph's og:image: previewers take no SVG), and
every chart's wide drawing as a download beside its page.

The drawing is the page's chart itself, from the same specification and code (`charts.render`); only its last
step writes a PNG instead of, or besides, SVG markup. A preview is `PREVIEW_WIDTH` pixels wide at the chart's
own proportions (about 1200×550 to 1200×680); a download is twice the size of the chart's SVG file (`DOWNLOAD_DPI`:
1152×576 for a chart of 6×3 inches), drawn from the very figure of the wide SVG, so its layout is done once.
Text is set in the chart font at the chart's own point sizes. Two drawings of one specification give the same
bytes: the PNG carries its title, but no software name and no time.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from generator.site import charts
from generator.site.chartspec import ChartSpec, Variant
from generator.site.chartstyle import svg_markup

PREVIEW_WIDTH = 1200  # pixels: what Facebook and KakaoTalk suggest for a large preview image
CSS_DPI = 96  # CSS pixels per inch: the chart's SVG file is its size in inches at this many pixels
DOWNLOAD_DPI = 2 * CSS_DPI  # a download is twice the SVG's size: sharp on a high-density screen and in print


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


def render_drawing(spec: ChartSpec, variant: Variant) -> tuple[str, bytes]:
    """One drawing's SVG and, for the wide drawing, the download PNG from the same figure (b"" for the narrow
    one). The SVG is the one `charts.render` makes. A plain function, so a process pool can run it."""
    if variant != "wide":
        return charts.render(spec, variant), b""
    drawn: list[bytes] = []

    def finish(figure: Figure, chart_id: str, title: str, summary: str) -> str:
        markup = svg_markup(figure, chart_id, title, summary)  # first: the SVG is what it is without the PNG
        drawn.append(_download_png(figure, title))
        return markup

    token = charts.FINISH.set(finish)
    try:
        svg = charts.render(spec)
    finally:
        charts.FINISH.reset(token)
    return svg, drawn[0]


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


def _download_png(figure: Figure, title: str) -> bytes:
    """The figure drawn on Agg at `DOWNLOAD_DPI`, written as RGB with its title (UTF-8 iTXt) and its resolution.

    Every chart builds cold draws this, so it is made for speed: drawn and written directly rather than through
    `savefig`, without the alpha channel (the chart's ground is opaque white) and at a light compression, it
    takes about three quarters of savefig's time for a file about a fifth larger. No software name, no time."""
    figure.set_dpi(DOWNLOAD_DPI)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    info = PngInfo()
    info.add_itxt("Title", title)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, "png", pnginfo=info, dpi=(DOWNLOAD_DPI, DOWNLOAD_DPI), compress_level=3)
    return buffer.getvalue()

"""Charts as PNGs: a page's first chart for link previews (Open Graph's og:image: previewers take no SVG), and
every chart's wide drawing as a download beside its page, framed with its title and source (`downloadframe`).

The drawing is the page's chart itself, from the same specification and code (`charts.render`); only its last
step writes a PNG instead of, or besides, SVG markup. A preview is `PREVIEW_WIDTH` pixels wide at the chart's
own proportions (about 1200×550 to 1200×680); a download is twice the size of the chart's SVG file (`DOWNLOAD_DPI`:
1152×576 for a chart of 6×3 inches). Both are drawn from the very figure of the wide SVG, so its layout is done
once.
Text is set in the chart font at the chart's own point sizes. Two drawings of one specification give the same
bytes: the PNG carries its title, but no software name and no time.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from generator.site import charts
from generator.site.chartspec import PREVIEW_WIDTH, ChartSpec, Frame, Variant
from generator.site.chartstyle import svg_markup
from generator.site.downloadframe import framed

CSS_DPI = 96  # CSS pixels per inch: the chart's SVG file is its size in inches at this many pixels
DOWNLOAD_DPI = 2 * CSS_DPI  # a download is twice the SVG's size: sharp on a high-density screen and in print


def render_png(spec: ChartSpec) -> bytes:
    """The link preview of one chart specification alone (`draw_chart` with the preview as its only PNG)."""
    return draw_chart(spec, "wide", (None,))[1][0]


def render_drawing(spec: ChartSpec, variant: Variant) -> tuple[str, bytes]:
    """One drawing's SVG and, for the wide drawing, the download PNG from the same figure, unframed (b"" for the
    narrow one). The SVG is the one `charts.render` makes."""
    if variant != "wide":
        return charts.render(spec, variant), b""
    wide = _wide(spec, download=True, preview=False)
    assert wide.image is not None
    return wide.svg, _encoded(wide.image, wide.title)


def draw_chart(spec: ChartSpec, variant: Variant, frames: tuple[Frame, ...] = ()) -> tuple[str, tuple[bytes, ...]]:
    """One drawing's SVG and, for the wide drawing, a PNG for each of `frames`, in their order, all from the same
    figure: the download framed with a page's source line (`downloads.download_source`), or for None the link
    preview (`PREVIEW_WIDTH` wide, unframed).

    What a build's chart worker runs (a plain function, so a process pool can): the framing is done here, on the
    image just drawn, so the building process neither decodes nor encodes a PNG; a page's preview costs one more
    rasterisation of the figure, not a drawing of its own. Without frames the wide drawing is not rasterised."""
    if variant != "wide" or not frames:
        return charts.render(spec, variant), ()
    wide = _wide(spec, download=any(frame is not None for frame in frames), preview=None in frames)
    pngs = [wide.preview if frame is None else framed(_image(wide), wide.width, wide.title, frame) for frame in frames]
    return wide.svg, tuple(pngs)


@dataclass(frozen=True)
class _Wide:
    """A wide drawing: its SVG, its figure drawn at `DOWNLOAD_DPI` (None: not asked for), its link preview (b"":
    not asked for), the chart's title and its width in CSS pixels (the SVG file's, `downloads.sized_svg`)."""

    svg: str
    image: Image.Image | None
    preview: bytes
    title: str
    width: int


def _wide(spec: ChartSpec, *, download: bool, preview: bool) -> _Wide:
    drawn: list[_Wide] = []

    def finish(figure: Figure, chart_id: str, title: str, summary: str) -> str:
        markup = svg_markup(figure, chart_id, title, summary)  # first: the SVG is what it is without the PNGs
        image = _download_image(figure) if download else None
        width = round(figure.get_figwidth() * CSS_DPI)
        drawn.append(_Wide(markup, image, _png(figure) if preview else b"", title, width))
        return markup

    token = charts.FINISH.set(finish)
    try:
        charts.render(spec)
    finally:
        charts.FINISH.reset(token)
    return drawn[0]


def _image(wide: _Wide) -> Image.Image:
    assert wide.image is not None  # drawn whenever a frame is a download's
    return wide.image


def _png(figure: Figure) -> bytes:
    """The link preview: the figure `PREVIEW_WIDTH` pixels wide, its size `chartspec.preview_size`. Opaque (the
    chart's ground is white: a previewer shows a transparent image on its own colour, dark in a dark theme); no
    software name and no time."""
    buffer = io.BytesIO()
    _image_at(figure, PREVIEW_WIDTH / figure.get_figwidth()).save(buffer, "png")
    return buffer.getvalue()


def _download_image(figure: Figure) -> Image.Image:
    """The figure drawn at `DOWNLOAD_DPI`, written (`_encoded`, `downloadframe.framed`) at a light compression:
    every chart a cold build draws makes one, about three quarters of savefig's time for a file about a fifth
    larger."""
    return _image_at(figure, DOWNLOAD_DPI)


def _image_at(figure: Figure, dpi: float) -> Image.Image:
    """The figure drawn on Agg at `dpi`, as RGB (the chart's ground is opaque white: no alpha needed). Drawn
    directly rather than through `savefig`, which costs more for the same pixels."""
    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return rgba.convert("RGB")


def _encoded(image: Image.Image, title: str) -> bytes:
    """The unframed drawing as a PNG with its title (UTF-8 iTXt) and its resolution; no software name, no time."""
    info = PngInfo()
    info.add_itxt("Title", title)
    buffer = io.BytesIO()
    image.save(buffer, "png", pnginfo=info, dpi=(DOWNLOAD_DPI, DOWNLOAD_DPI), compress_level=3)
    return buffer.getvalue()

"""Charts as PNGs: a page's first chart for link previews (Open Graph's og:image: previewers take no SVG), and
every chart's wide drawing as a download beside its page, framed with its title and source (`downloadframe`).

The drawing is the page's chart itself, from the same specification and code (`charts.render`); only its last
step writes a PNG instead of, or besides, SVG markup. A download is twice the size of the chart's SVG file
(`DOWNLOAD_DPI`: 1152×576 for a chart of 6×3 inches), drawn from the very figure of the wide SVG, so its layout
is done once; the link preview is the same image without the frame (wider than the 1080 pixels Facebook asks
for, and beyond KakaoTalk's 800×400: one image serves both, drawn once). Text is set in the chart font at the
chart's own point sizes. Two drawings of one specification give the same bytes: the PNG carries its title, but
no software name and no time.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from generator.site import charts
from generator.site.chartspec import CSS_DPI, DOWNLOAD_DPI, ChartSpec, Frame, Variant
from generator.site.chartstyle import svg_markup
from generator.site.downloadframe import framed
from generator.site.pngfile import png_file


def render_drawing(spec: ChartSpec, variant: Variant) -> tuple[str, bytes]:
    """One drawing's SVG and, for the wide drawing, the download PNG from the same figure, unframed (b"" for the
    narrow one): the page's link preview. The SVG is the one `charts.render` makes."""
    if variant != "wide":
        return charts.render(spec, variant), b""
    svg, image, title, _width = _wide_with_image(spec)
    return svg, _encoded(image, title)


def draw_chart(spec: ChartSpec, variant: Variant, frames: tuple[Frame, ...] = ()) -> tuple[str, tuple[bytes, ...]]:
    """One drawing's SVG and, for the wide drawing, a PNG for each of `frames`, in their order, all from the same
    image of its figure: the download framed with a page's source line (`downloads.download_source`), or for
    None the link preview (the image unframed).

    What a build's chart worker runs (a plain function, so a process pool can): the framing is done here, on the
    image just drawn, so the building process neither decodes nor encodes a PNG; a page's preview costs writing
    one more PNG, not a drawing. Without frames the wide drawing is not rasterised at all."""
    if variant != "wide" or not frames:
        return charts.render(spec, variant), ()
    svg, image, title, width = _wide_with_image(spec)
    pngs = [_encoded(image, title) if frame is None else framed(image, width, title, frame) for frame in frames]
    return svg, tuple(pngs)


def _wide_with_image(spec: ChartSpec) -> tuple[str, Image.Image, str, int]:
    """The wide SVG, the same figure drawn at `DOWNLOAD_DPI` as an RGB image, the chart's title and its width in
    CSS pixels (the SVG file's width, `downloads.sized_svg`)."""
    drawn: list[tuple[Image.Image, str, int]] = []

    def finish(figure: Figure, chart_id: str, title: str, summary: str) -> str:
        markup = svg_markup(figure, chart_id, title, summary)  # first: the SVG is what it is without the PNG
        drawn.append((_download_image(figure), title, round(figure.get_figwidth() * CSS_DPI)))
        return markup

    token = charts.FINISH.set(finish)
    try:
        svg = charts.render(spec)
    finally:
        charts.FINISH.reset(token)
    return svg, *drawn[0]


def _download_image(figure: Figure) -> Image.Image:
    """The figure drawn on Agg at `DOWNLOAD_DPI`, as RGB (the chart's ground is opaque white: no alpha needed; a
    previewer would show a transparent image on its own colour, dark in a dark theme).

    Every chart a cold build draws makes this, so it is made for speed: drawn directly rather than through
    `savefig`, and written unfiltered at a light compression (`pngfile.png_file`)."""
    figure.set_dpi(DOWNLOAD_DPI)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return rgba.convert("RGB")


def _encoded(image: Image.Image, title: str) -> bytes:
    """The unframed drawing as a PNG with its title (UTF-8 iTXt) and its resolution; no software name, no time."""
    return png_file(image, title, DOWNLOAD_DPI)

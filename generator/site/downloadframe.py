"""A downloaded chart says what it is and where it comes from: its title above it and its source below.

On the page a chart sits under its heading and beside the page's "how to cite" line; a downloaded SVG or PNG
travels alone (into a slide, an article, a chat), so the file carries both: the chart's title over the drawing
and a source line under it ("출처: 서울특별시, 「…」, …, 2026."), wrapped to the drawing's width. The drawing
itself is the page's, untouched.

Widths are measured with the chart font (the font the SVG names first, and the one the PNG is set in), so a
line wraps where it would overflow. Pillow (which matplotlib requires) sets the PNG's text; nothing here imports
matplotlib, so a build that draws no chart does not load it.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PIL import Image, ImageDraw, ImageFont

from generator.site.chartfont import font_file
from generator.site.chartspec import CSS_DPI
from generator.site.pngfile import png_file

TITLE_PX, SOURCE_PX = 16, 12  # text sizes in CSS pixels (a PNG doubles them with the drawing)
MARGIN_PX = 12
GAP_PX = 8  # between the title's last line and the drawing
INK, MUTED = "#000000", "#444444"


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file()), size)


def wrapped(text: str, size: int, width: float) -> tuple[str, ...]:
    """`text` in lines no wider than `width` pixels at `size`, broken at spaces (a word longer than a line
    stays whole on its own line)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _font(size).getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return tuple(lines)


@dataclass(frozen=True)
class Frame:
    """The lines above and below a drawing `width` pixels wide, and the bands' heights, in CSS pixels."""

    title: tuple[str, ...]
    source: tuple[str, ...]

    @property
    def top(self) -> int:
        return MARGIN_PX + round(len(self.title) * TITLE_PX * 1.35) + GAP_PX

    @property
    def bottom(self) -> int:
        return round(len(self.source) * SOURCE_PX * 1.45) + MARGIN_PX


def frame(title: str, source: str, width: int) -> Frame:
    room = width - 2 * MARGIN_PX
    return Frame(wrapped(title, TITLE_PX, room), wrapped(source, SOURCE_PX, room))


def framed_svg(inner: str, width: int, height: int, title: str, source: str, font_family: str) -> bytes:
    """The SVG file: `inner` (a chart's `<svg>` element with its size) placed under its title, above its source."""
    lines = frame(title, source, width)
    total = lines.top + height + lines.bottom
    texts = _svg_lines(lines.title, TITLE_PX, MARGIN_PX, INK) + _svg_lines(
        lines.source, SOURCE_PX, lines.top + height + 4, MUTED
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total}" viewBox="0 0 {width} {total}"'
        f' font-family="{escape(font_family)}">\n<title>{escape(title)}</title>\n'
        f'<rect width="{width}" height="{total}" fill="#ffffff"/>\n'
    )
    placed = inner.replace("<svg", f'<svg x="0" y="{lines.top}"', 1)
    document = '<?xml version="1.0" encoding="UTF-8"?>\n' + head + texts + placed + "\n</svg>\n"
    return document.encode("utf-8")


def _svg_lines(lines: Sequence[str], size: int, top: int, colour: str) -> str:
    return "".join(
        f'<text x="{MARGIN_PX}" y="{top + round((number + 1) * size * 1.3)}" font-size="{size}" fill="{colour}">'
        f"{escape(line)}</text>\n"
        for number, line in enumerate(lines)
    )


def framed_png(png: bytes, width: int, title: str, source: str) -> bytes:
    """The PNG file: the drawing `png` (of a chart `width` CSS pixels wide, drawn at a whole number of pixels
    each) under its title, above its source, with the title in the file's metadata too. No software name and no
    time: the same bytes every time."""
    return framed(Image.open(io.BytesIO(png)).convert("RGB"), width, title, source)


def framed(drawing: Image.Image, width: int, title: str, source: str) -> bytes:
    """`framed_png` of a drawing at hand (RGB): the chart worker frames the image it drew, without writing and
    reading a PNG between."""
    scale = max(1, round(drawing.width / width))
    dpi = CSS_DPI * scale  # a PNG drawn at 2 px a CSS pixel states 192 dpi, so a document sizes it right
    lines = frame(title, source, width)
    image = Image.new("RGB", (drawing.width, drawing.height + (lines.top + lines.bottom) * scale), "white")
    image.paste(drawing, (0, lines.top * scale))
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines.title):
        y = MARGIN_PX + round((number + 1) * TITLE_PX * 1.3)
        draw.text((MARGIN_PX * scale, y * scale), line, fill=INK, font=_font(TITLE_PX * scale), anchor="ls")
    below = lines.top + drawing.height // scale + 4
    for number, line in enumerate(lines.source):
        y = below + round((number + 1) * SOURCE_PX * 1.3)
        draw.text((MARGIN_PX * scale, y * scale), line, fill=MUTED, font=_font(SOURCE_PX * scale), anchor="ls")
    return png_file(image, title, dpi)

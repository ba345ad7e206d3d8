"""A chart's image as a PNG file (`site/pngfile.py`): the same pixels and metadata Pillow would write, as small."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image, ImageDraw

from generator.site import chartpng
from generator.site.chartspec import TargetActualSpec
from generator.site.pngfile import SIGNATURE, png_file

TITLE = "합성 지표: 연도별 목표와 실적 (건)"  # synthetic


def _chart_like() -> Image.Image:
    """Flat colour, thin lines and antialiased text, as a chart's image is."""
    image = Image.new("RGB", (640, 320), "white")
    draw = ImageDraw.Draw(image)
    for number in range(4):
        draw.rectangle((60 + number * 140, 300 - 60 * number, 140 + number * 140, 300), fill="#0072B2", outline="black")
        draw.text((70 + number * 140, 280 - 60 * number), f"{number * 1234:,}", fill="black")
    draw.line((40, 20, 40, 300), fill="black", width=1)
    return image


def _read(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()  # Pillow checks every chunk's CRC as it reads
    return image


def test_the_file_holds_the_image_its_title_and_its_resolution() -> None:
    image = _chart_like()
    png = png_file(image, TITLE, 192)
    read = _read(png)
    assert png.startswith(SIGNATURE) and png.endswith(b"IEND\xaeB`\x82")
    assert (read.mode, read.size) == ("RGB", image.size)
    assert read.tobytes() == image.tobytes()
    assert read.text == {"Title": TITLE}  # type: ignore[attr-defined]
    assert read.info["dpi"] == pytest.approx((192, 192), abs=0.01)
    assert b"Software" not in png and b"tIME" not in png  # the same bytes every time
    assert png_file(image, TITLE, 192) == png


def test_the_file_is_about_as_small_as_pillows_own() -> None:
    image = _chart_like()
    pillows = io.BytesIO()
    image.save(pillows, "png", compress_level=3)
    assert len(png_file(image, TITLE, 96)) <= 1.25 * len(pillows.getvalue())


def test_a_chart_drawn_for_download_is_read_back_as_drawn() -> None:
    spec = TargetActualSpec(
        "chart-ko-9-9-9-1", (2024, 2025), (10.0, 20.0), (12.0, None), "건", TITLE, "s", "목표", "실적"
    )
    _svg, (preview,) = chartpng.draw_chart(spec, "wide", (None,))
    read = _read(preview)
    assert read.size == (1152, 576) and read.text == {"Title": TITLE}  # type: ignore[attr-defined]
    raw = zlib.decompress(preview[preview.index(b"IDAT") + 4 : preview.index(b"IEND") - 8])
    assert raw[:: 1 + 3 * 1152] == bytes(576)  # every row unfiltered: what makes it quick to write


def test_only_an_rgb_image_is_written() -> None:
    with pytest.raises(ValueError, match="RGBA"):
        png_file(Image.new("RGBA", (2, 2)), TITLE, 96)

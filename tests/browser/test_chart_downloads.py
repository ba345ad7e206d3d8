"""A chart's downloads in a real browser (issue 29): its SVG and PNG links download files that open and carry the
chart's title, with no script, from the site served under a sub-path."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

PROJECT = "plans/seoul-citizen-participation-2019/projects/1-1-1.html"
SVG_TITLE = "{http://www.w3.org/2000/svg}title"


def test_a_chart_downloads_as_svg_and_png_that_open_with_its_title(browser, base_url: str, tmp_path: Path) -> None:
    # No script: the links are plain <a download>, relative to the page.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False, accept_downloads=True
    )
    try:
        page = context.new_page()
        page.goto(base_url + PROJECT)
        figure = page.locator("figure.chart").first
        title = figure.locator(".chart-wide svg > title").text_content()
        files = {}
        for name in ("SVG", "PNG"):
            link = figure.locator(".chart-files a", has_text=name)
            assert link.get_attribute("aria-label") == f"{name} 내려받기: {title}"
            with page.expect_download() as info:
                link.click()
            download = info.value
            assert download.suggested_filename == f"1-1-1-indicator-1-ko.{name.lower()}"
            target = tmp_path / download.suggested_filename
            download.save_as(target)
            files[name] = target.read_bytes()
    finally:
        context.close()

    svg = ET.fromstring(files["SVG"])
    assert files["SVG"].startswith(b"<?xml") and svg.findtext(SVG_TITLE) == title
    image = Image.open(io.BytesIO(files["PNG"]))
    image.load()  # decodes every pixel: a truncated or damaged file fails here
    assert image.size == (2 * int(svg.get("width", "0")), 2 * int(svg.get("height", "0")))
    assert image.info["Title"] == title

"""Words for a chart's downloads: its drawing as SVG and PNG and its figures as CSV, offered under each chart."""

from __future__ import annotations

DOWNLOADS: dict[str, dict[str, str]] = {
    # The line under a chart: "이 차트 내려받기: SVG · PNG · CSV". The formats go by their own names, as the
    # programs that open them name them.
    "chart_downloads": {"ko": "이 차트 내려받기", "en": "Download this chart"},
    "format_svg": {"ko": "SVG", "en": "SVG"},
    "format_png": {"ko": "PNG", "en": "PNG"},
    "format_csv": {"ko": "CSV", "en": "CSV"},
    # Each link's accessible name says the format and which chart. It starts with the link's visible word (WCAG
    # 2.5.3, label in name), so that a voice command saying "SVG" still finds it.
    "download_svg": {"ko": "SVG 내려받기: {title}", "en": "SVG download: {title}"},
    "download_png": {"ko": "PNG 내려받기: {title}", "en": "PNG download: {title}"},
    "download_csv": {"ko": "CSV 내려받기: {title}", "en": "CSV download: {title}"},
    # Under a downloaded chart's drawing, in the SVG and PNG files: where it comes from ({citation}: the page's
    # "how to cite" line).
    "download_source": {"ko": "출처: {citation}", "en": "Source: {citation}"},
}

"""Matplotlib's SVG made fit to sit inside an HTML page beside other charts: no document parts, ids that never
clash, text that takes the page's font, and a title and description for screen readers."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_HREFS = ("href", f"{{{XLINK_NS}}}href")
# Serialised as <svg xmlns="…"> and xlink:href, the spelling HTML parsers know, rather than ns0:/ns1: prefixes.
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
_FONT_FAMILY = re.compile(r"font-family:[^;]*;?\s*")
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)px")

# The chart scales with the page; below the width at which its smallest text is this many CSS px high it stops
# shrinking and scrolls inside its region instead (a phone at 360 px would draw 9 pt labels at about 6 px).
MIN_TEXT_PX = 10.0
# A phone's drawing (`chartnarrow`) is made to be shown at its natural size, where its text is this high.
NARROW_TEXT_PX = 12.0


def inline(document: bytes, chart_id: str, title: str, summary: str, min_text_px: float = MIN_TEXT_PX) -> str:
    """A standalone SVG document made fit to sit inside an HTML page next to other charts."""
    # Parsing drops the XML declaration and DOCTYPE, which are not allowed inside HTML.
    root = ET.fromstring(document)
    _drop_document_parts(root)
    _prefix_ids(root, f"{chart_id}-")
    for element in root.iter():
        style = element.get("style")
        if style is not None and "font-family" in style:
            # An inline style outranks the page's CSS; without a family the text inherits the page's font.
            element.set("style", _FONT_FAMILY.sub("", style).strip().rstrip(";"))
        path = element.get("d")
        if path is not None:
            # Matplotlib ends every path command with a newline; one space is enough inside a page.
            element.set("d", " ".join(path.split()))

    # Sized by the page's CSS (width: 100%; height: auto) through the viewBox, not fixed in points.
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    minimum = _min_width(root, min_text_px)
    if minimum:
        root.set("style", f"min-width: {minimum}px")
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    title_element = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"})
    title_element.text = title
    desc_element = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"})
    desc_element.text = summary
    root.insert(0, desc_element)
    root.insert(0, title_element)
    for element in (title_element, desc_element):
        element.tail = "\n "
    markup = ET.tostring(root, encoding="unicode")
    if not safe(markup, chart_id):
        raise ValueError(f"chart {chart_id}: the drawn SVG holds what a page must not (see svg.safe)")
    return markup


# What a chart may hold: the elements and attributes matplotlib's SVG uses once made inline, and a little room
# around them. Anything else (a script, an event attribute, a link out of the chart, a foreign element) is
# refused, fresh or cached alike.
_ELEMENT_NAMES = (
    "svg g path use defs rect text tspan title desc clipPath pattern circle ellipse line polyline polygon"
    " linearGradient radialGradient stop mask marker symbol"
)
_ELEMENTS = frozenset(f"{{{SVG_NS}}}{name}" for name in _ELEMENT_NAMES.split())
_ATTRIBUTE_NAMES = (
    "id style x y x1 y1 x2 y2 cx cy r rx ry dx dy d points transform clip-path clip-rule mask width height"
    " viewBox version role aria-labelledby aria-hidden patternUnits patternContentUnits patternTransform"
    " gradientUnits gradientTransform offset fill fill-opacity fill-rule stroke stroke-width stroke-opacity"
    " stroke-linejoin stroke-linecap stroke-dasharray stroke-dashoffset stroke-miterlimit opacity"
    " stop-color stop-opacity font-size font-weight font-style text-anchor dominant-baseline"
    " preserveAspectRatio markerWidth markerHeight refX refY orient class href"
)
_ATTRIBUTES = frozenset(_ATTRIBUTE_NAMES.split()) | {f"{{{XLINK_NS}}}href"}
_UNSAFE_VALUE = re.compile(r"javascript:|vbscript:|data:|expression\(|@import|\\|<|&", re.IGNORECASE)
_URL = re.compile(r"url\(", re.IGNORECASE)


def safe(markup: str, chart_id: str) -> bool:
    """Whether `markup` is a chart as `inline` makes it for `chart_id`: one <svg> of known elements and
    attributes, no script, no event attribute, no reference but to its own parts, every id its own; and written
    exactly as `inline` writes it (no comment, CDATA or entity that an HTML parser could read otherwise)."""
    if "<!" in markup or "<?" in markup:  # a DOCTYPE (entities), a comment, CDATA, a processing instruction
        return False
    try:
        root = ET.fromstring(markup)
    except ET.ParseError:
        return False
    if root.tag != f"{{{SVG_NS}}}svg" or root.get("aria-labelledby") != f"{chart_id}-title {chart_id}-desc":
        return False
    for element in root.iter():
        if element.tag not in _ELEMENTS:
            return False
        for name, value in element.attrib.items():
            if name not in _ATTRIBUTES or _UNSAFE_VALUE.search("".join(value.split())):
                return False
            if name == "id" and not value.startswith(f"{chart_id}-"):
                return False
            if name in _HREFS and not value.startswith(f"#{chart_id}-"):
                return False
            references = _URL_REF.findall(value)
            if len(_URL.findall(value)) != len(references) or any(
                not reference.startswith(f"{chart_id}-") for reference in references
            ):
                return False
    return ET.tostring(root, encoding="unicode") == markup


def _min_width(root: ET.Element, min_text_px: float) -> int | None:
    """CSS px below which the smallest text of the chart would be under `min_text_px` high."""
    sizes = [float(match.group(1)) for e in root.iter() for match in _FONT_SIZE.finditer(e.get("style", ""))]
    view_box = root.get("viewBox", "").split()
    if not sizes or len(view_box) != 4:
        return None
    # One viewBox unit is drawn as (shown width / viewBox width) CSS px.
    return math.ceil(float(view_box[2]) * min_text_px / min(sizes))


def _drop_document_parts(root: ET.Element) -> None:
    # The RDF <metadata> is for image editors, not pages. Matplotlib's <style> holds
    # `*{stroke-linejoin: round; stroke-linecap: butt}`, which once inlined would apply to the whole HTML page; the
    # same values as (inherited) attributes of the root keep that look to the chart.
    unwanted = {f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"}
    _remove(root, lambda element: element.tag in unwanted)
    _remove(root, lambda element: element.tag == f"{{{SVG_NS}}}defs" and len(element) == 0)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")


def _remove(root: ET.Element, unwanted: Callable[[ET.Element], bool]) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if unwanted(child):
                parent.remove(child)


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Prefix every id and every reference to one (`url(#…)`, `href="#…"`), so charts on one page never clash."""
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if name == "id":
                element.set(name, prefix + value)
            elif name in _HREFS and value.startswith("#"):
                element.set(name, f"#{prefix}{value[1:]}")
            elif "url(" in value:
                element.set(name, _URL_REF.sub(lambda match: f"url(#{prefix}{match.group(1)})", value))

"""What every chart shares, wide or narrow: colours, the drawing style, chart ids and the last step (SVG).

Split from `charts` (the wide drawings) so that `chartnarrow` (the phone drawings) can share it without a cycle;
both are part of the chart code whose hash keys the chart cache (`chartcache.drawing_version`).
"""

from __future__ import annotations

import functools
import io
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
import matplotlib.style
from matplotlib import font_manager
from matplotlib.axis import Axis
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator

from generator.numbers import amount
from generator.site import svg
from generator.site.chartfont import font_file

if TYPE_CHECKING:
    # Only the type checker needs it, and matplotlib releases older than the installed one may lack the name.
    from matplotlib.typing import RcKeyType

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
# The dark blue turns a dark grey in print, well apart from the white hatched target bars.
BAR_COLOUR = OKABE_ITO["blue"]
INK = OKABE_ITO["black"]

# Each strategy's segment differs by hatch as well as by colour, so a black-and-white printout still tells them apart.
SEGMENT_STYLES = (
    (OKABE_ITO["blue"], None),
    (OKABE_ITO["orange"], "///"),
    (OKABE_ITO["bluish_green"], "..."),
    (OKABE_ITO["reddish_purple"], "xx"),
    (OKABE_ITO["sky_blue"], "\\\\"),
    (OKABE_ITO["vermillion"], "++"),
    (OKABE_ITO["yellow"], "oo"),
)

# The id is prefixed to every id in the chart, so it must itself be a plain id token.
_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

# The NanumGothic shipped by koreanize-matplotlib (`chartfont.py`).
_FONT_FAMILY_NAME = "NanumGothic"

# Keyed by matplotlib's own list of rc names, so a misspelt key fails type checking rather than the first chart.
_RC: dict[RcKeyType, object] = {
    # Text stays text; the font is only used for layout metrics, the reader's browser draws the glyphs.
    "svg.fonttype": "none",
    # Clip-path, hatch and marker ids are hashes salted with this; unsalted they are random per run.
    "svg.hashsalt": "plansite",
    # DejaVu Sans (bundled with matplotlib) covers what NanumGothic lacks, such as U+2212 MINUS SIGN.
    "font.family": [_FONT_FAMILY_NAME, "DejaVu Sans"],
    "font.size": 9.0,
    # Labels come from the data; a `$` in a department name must not start mathtext.
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.8,
    "legend.frameon": False,
}


def check_chart_id(chart_id: str) -> None:
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart id {chart_id!r} must be a letter followed by letters, digits, '-' or '_'")


@functools.cache
def _font_path() -> Path:
    path = font_file()
    # The font manager keeps every added font for the life of the process, so add it only once.
    font_manager.fontManager.addfont(str(path))
    return path


@contextmanager
def chart_style() -> Iterator[None]:
    """Matplotlib's defaults plus ours, whatever the process or a matplotlibrc has set, restored afterwards.

    rcParams are process-wide, so charts must not be drawn from several threads at once.
    """
    _font_path()
    with matplotlib.style.context("default"), matplotlib.rc_context(_RC), warnings.catch_warnings():
        # The reader's browser draws the text (svg.fonttype none), with its own fonts: a glyph our layout font
        # lacks only makes the label's measured width approximate, and is no message for the user.
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        with _fonts_found_once():
            yield


@contextmanager
def _fonts_found_once() -> Iterator[None]:
    """Matplotlib's font files for a text's font properties, found once per set of properties while it lasts.

    Matplotlib looks the files up again each time it lays out, measures or draws a text: hundreds of times a
    chart, each time reading a dozen rcParams to key its own cache, about a tenth of a chart's time. Inside
    `chart_style` the rcParams and the fonts known do not change, so the same properties find the same files.
    The lookup is matplotlib's own (`FontManager._find_fonts_by_props`, used by text layout and every
    backend), remembered for the time of one chart."""
    manager = font_manager.fontManager
    find = getattr(manager, "_find_fonts_by_props", None)
    if find is None:  # a matplotlib that looks fonts up otherwise: its own way, uncached
        yield
        return
    found: dict[tuple[object, ...], list[str]] = {}

    def find_once(prop: Any, *args: Any, **kwargs: Any) -> list[str]:
        if args or kwargs or not isinstance(prop, font_manager.FontProperties):
            return list(find(prop, *args, **kwargs))
        # What FontProperties hashes, as a tuple that no later change to `prop` can alter.
        key = (
            tuple(prop.get_family()),
            prop.get_style(),
            prop.get_variant(),
            prop.get_weight(),
            prop.get_stretch(),
            prop.get_size_in_points(),
            prop.get_file(),
            prop.get_math_fontfamily(),
        )
        if key not in found:
            found[key] = list(find(prop))
        return list(found[key])

    shadowed = manager.__dict__.get("_find_fonts_by_props")  # an outer chart_style's, when one is nested
    setattr(manager, "_find_fonts_by_props", find_once)  # noqa: B010 (an assignment mypy would refuse: it is a method)
    try:
        yield
    finally:
        if shadowed is None:
            del manager.__dict__["_find_fonts_by_props"]
        else:
            setattr(manager, "_find_fonts_by_props", shadowed)  # noqa: B010


def pin_ticks(axis: Axis) -> None:
    """Fix `axis`'s ticks where its locator now puts them inside its range, once the range is final.

    A locator also gives a tick or two just outside the range; matplotlib makes a tick (lines and labels) for
    each, at every drawing, only to leave it out."""
    low, high = sorted(axis.get_view_interval())
    slack = (high - low) * 1e-6  # wider than matplotlib's own test, so no tick it would draw is lost
    axis.set_major_locator(
        FixedLocator([float(v) for v in axis.get_majorticklocs() if low - slack <= v <= high + slack])
    )


def unlabelled(*axes: Axis) -> None:
    """Tell matplotlib where the labels of these axes go, for axes whose label is empty (the charts head their
    axes with annotations).

    Left to itself, every drawing places each axis label below or beside its tick labels, measuring every one
    of them to do so, even for a label with no text: about a tenth of a drawing's time."""
    for axis in axes:
        axis.set_label_coords(0.0, 0.0)


def tick_label(value: float, _position: int | None = None) -> str:
    return amount(value)


# The last step of every chart: SVG markup for the page. A link preview wants the same drawing as a PNG
# (`chartpng`), which sets its own last step here for the time of one drawing.
FINISH: ContextVar[Callable[[Figure, str, str, str], str]] = ContextVar("FINISH")


def finish(figure: Figure, chart_id: str, title: str, summary: str) -> str:
    return FINISH.get(svg_markup)(figure, chart_id, title, summary)


def svg_markup(figure: Figure, chart_id: str, title: str, summary: str, min_text_px: float = svg.MIN_TEXT_PX) -> str:
    buffer = io.BytesIO()
    # Date None: no timestamp (nor SOURCE_DATE_EPOCH); Creator None: no matplotlib version in the markup.
    FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None, "Creator": None})
    return svg.inline(buffer.getvalue(), chart_id, title, summary, min_text_px)

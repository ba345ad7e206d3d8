"""Where the chart font's file is: NanumGothic, as koreanize-matplotlib ships it.

Found without importing that package, whose import rewrites matplotlib's global settings, and without importing
matplotlib: the charts register it with matplotlib (`chartstyle`), the frames of downloaded charts set their
text in it with Pillow (`downloadframe`).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

FONT_PACKAGE = "koreanize_matplotlib"
FONT_FILE = "NanumGothic.ttf"


def font_file() -> Path:
    """The chart font's file (from the package that ships it)."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {FONT_PACKAGE.replace('_', '-')} package (it ships {FONT_FILE}) is not installed")
    path = Path(spec.submodule_search_locations[0]) / "fonts" / FONT_FILE
    if not path.is_file():
        raise RuntimeError(f"{path} is missing; reinstall {FONT_PACKAGE.replace('_', '-')}")
    return path

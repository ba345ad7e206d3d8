"""The site's look: the packaged theme (templates, static files, built-in text) and a site's own overrides.

The packaged theme is read with `importlib.resources`, so an installed plansite needs no source checkout. A data
repository may name a theme folder in `site.yaml` (as MkDocs's `custom_dir`): its templates replace the packaged
ones of the same name, and its `style.css` is served after the packaged CSS.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.site.tables import REGION_END, label_cells, table_region

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

PACKAGE = "generator.site"
THEME = "theme"
STATIC_PREFIX = "static"
EXTRA_CSS = "extra.css"  # the name a site's own style.css is published under, so it never replaces ours
# What a CSS string inside an HTML <style> element must not hold as itself: its own quote and escape character,
# line ends and other controls (a string cannot span lines), and < > & (so no "</style>" can end the element).
CSS_UNSAFE = re.compile(r'[\\"<>&\x00-\x1f\x7f]')


def packaged(*parts: str) -> Traversable:
    """A file or folder of the packaged theme, e.g. `packaged("content", "open-data.md")`."""
    node = files(PACKAGE).joinpath(THEME)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return packaged(*parts).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=65536)  # every page links the same few hundred targets
def relative_url(from_path: str, to_path: str) -> str:
    """A link from one output file to another that works on any host, under any sub-path, and as files."""
    start, target = _segments(posixpath.dirname(from_path)), _segments(to_path)
    if start is None or target is None or not to_path:
        return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    # What posixpath.relpath gives for such paths, without making both absolute from the working folder first
    # (two getcwd calls and a normpath each: a tenth of the rendering time of a site of a hundred projects).
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def _segments(path: str) -> list[str] | None:
    """The folders and file of a site path; None when it is absolute or holds "." or ".." (left to relpath)."""
    parts = [part for part in path.split("/") if part]
    return None if path.startswith("/") or "." in parts or ".." in parts else parts


@functools.lru_cache(maxsize=8)
def make_environment(theme_dir: Path | None = None, compiled: BytecodeCache | None = None) -> Environment:
    """Jinja2 with autoescaping and strict undefined names; a site's theme folder is searched first.

    One per theme folder and process: compiling the templates costs more than rendering every page, and Jinja
    recompiles a template whose file changed (auto_reload), so `serve` sees theme edits. `compiled` keeps the
    compiled templates between processes (`templatecode.py`: a build's cache folder). Jinja is imported here: a
    build whose pages all come from the cache folder needs none."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape

    packaged_loader = PackageLoader(PACKAGE, f"{THEME}/templates")
    loader = packaged_loader if theme_dir is None else ChoiceLoader([FileSystemLoader(theme_dir), packaged_loader])
    environment = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled,
    )
    environment.filters["css_string"] = css_string
    # Every table of a template is made by the data_table macro, which wraps it with these (as markup.py does).
    environment.globals.update(table_region=table_region, label_cells=label_cells, region_end=REGION_END)
    return environment


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string for a <style> element, where HTML escaping does not apply: each unsafe
    character becomes a CSS hex escape ("\\22 " for a quote), which the browser reads back as the character."""
    escaped = CSS_UNSAFE.sub(lambda found: f"\\{ord(found.group()):x} ", str(text))
    return Markup(f'"{escaped}"')


def static_files(theme_dir: Path | None = None) -> dict[str, bytes]:
    """Every static file of the site by its output path; a theme's style.css is added as extra.css."""
    found = dict(_walk(packaged(STATIC_PREFIX), STATIC_PREFIX))
    if theme_dir is not None and (theme_dir / "style.css").is_file():
        found[f"{STATIC_PREFIX}/{EXTRA_CSS}"] = (theme_dir / "style.css").read_bytes()
    return dict(sorted(found.items()))


def templates_fingerprint(theme_dir: Path | None = None) -> str:
    """A hash of every template a build may use: a page rendered before is still right while it is the same."""
    digest = hashlib.sha256()
    folders: list[Traversable] = [packaged("templates")]
    if theme_dir is not None and theme_dir.is_dir():
        folders.append(theme_dir)
    for folder in folders:
        for path, content in _walk(folder, ""):
            digest.update(f"{path}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


def _walk(node: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    for child in sorted(node.iterdir(), key=lambda entry: entry.name):
        path = f"{prefix}/{child.name}"
        if child.is_dir():
            yield from _walk(child, path)
        elif not child.name.startswith((".", "__")):
            yield path, child.read_bytes()

"""The templates compiled by Jinja, kept in the cache folder (`templates/`), so that a `plansite build` that renders
a page does not compile its templates again: compiling the four templates of a project page costs more than
rendering the pages a one-value edit changes.

This is Jinja's bytecode cache (`jinja2.BytecodeCache`) over the cache folder's sealed entries
(`buildcache.Entries`: a regular file of bounded size whose hash matches, else compiled again and counted). One
entry per template file: its key is Jinja's own, from the template's name and file, so a template edited again and
again keeps one entry, written over. What decides the compiled code is in the entry and checked before it is
used: plansite's code and the libraries' versions (`buildcache.code_version`: the environment's settings, Jinja's
version, the Python), then, by Jinja, the template's source (a hash of it, so a site's own theme edited is
compiled again) and its bytecode format. A build without a cache folder compiles every time and keeps nothing.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from generator.site.buildcache import Entries, code_version

TEMPLATES = "templates"


class TemplateCode(BytecodeCache):
    """Compiled templates in `folder`/templates/, under a hash of Jinja's key for the template."""

    def __init__(self, folder: Path):
        self.entries = Entries(folder, TEMPLATES, "jinja")

    def load_bytecode(self, bucket: Bucket) -> None:
        body = self.entries.get(self._key(bucket))
        if body is None:
            return
        version, _, code = body.partition(b"\n")
        if version == code_version().encode():  # else made by other code or libraries: compiled, written over
            bucket.bytecode_from_string(code)  # Jinja drops it when the template's source or its format differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.entries.put(self._key(bucket), code_version().encode() + b"\n" + bucket.bytecode_to_string())

    @staticmethod
    def _key(bucket: Bucket) -> str:
        return hashlib.sha256(f"{TEMPLATES}\0{bucket.key}".encode()).hexdigest()


@functools.cache
def template_code(folder: Path) -> TemplateCode:
    """One bytecode cache per cache folder and process, so that `theme.make_environment` keeps one environment."""
    return TemplateCode(folder)

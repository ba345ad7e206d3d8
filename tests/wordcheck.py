"""Reading the words of a built site: the particles the catalogue attached while it was built, and every page's
text, for the tests of issue 26's "words, once" (tests/test_words.py)."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html

from generator.i18n import UI, particles

ATTACHMENTS = "particles.json"  # beside the built site: what `recording_particles` saw during its build
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]{2,}$")
_SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "content", "placeholder")


@contextlib.contextmanager
def recording_particles() -> Iterator[list[tuple[str, str, str]]]:
    """Every particle the catalogue attaches while inside: (word, spec as written, what the sentence got)."""
    seen: list[tuple[str, str, str]] = []
    original = particles.Word.__format__

    def recording(self: particles.Word, spec: str) -> str:
        produced = original(self, spec)
        if particles.is_particle_spec(spec):
            seen.append((str(self), spec, produced))
        return produced

    particles.Word.__format__ = recording  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        particles.Word.__format__ = original  # type: ignore[method-assign]


def save_attachments(site: Path, seen: list[tuple[str, str, str]]) -> None:
    (site.parent / ATTACHMENTS).write_text(json.dumps(sorted(set(seen)), ensure_ascii=False), encoding="utf-8")


def load_attachments(site: Path) -> list[tuple[str, str, str]]:
    return [tuple(item) for item in json.loads((site.parent / ATTACHMENTS).read_text(encoding="utf-8"))]


def page_texts(page: Path) -> list[str]:
    """What a reader can see or hear of a page: its text (inline SVG charts included) and the attributes shown."""
    tree = lxml.html.fromstring(page.read_bytes())
    for script in tree.iter("script", "style"):
        script.drop_tree()
    texts = [" ".join(tree.text_content().split())]
    for element in tree.iter():
        texts += [value for name in _SHOWN_ATTRIBUTES if isinstance(value := element.get(name), str)]
    return texts


def catalogue_nouns() -> set[str]:
    """The catalogue's Korean entries that are one word of two syllables or more (사업, 지표, 계획 …): the words
    code and templates may set a particle after."""
    return {entry["ko"] for entry in UI.values() if _HANGUL_WORD.match(entry["ko"])}


def disagreeing_particles(text: str, words: set[str]) -> list[str]:
    """Each place in `text` where one of `words` is followed by a particle in the form its ending does not take.

    Only the given words are tried, never any Hangul before a particle-like syllable: 결과, 성과 and 효과 end in
    과 as nouns, not as the particle."""
    if not words:
        return []
    forms = sorted(particles.FORMS_KO, key=len, reverse=True)
    pattern = re.compile(
        f"({'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})({'|'.join(forms)})(?![\uac00-\ud7a3])"
    )
    wrong = []
    for match in pattern.finditer(text):
        word, form = match.groups()
        if not (text.startswith(particles.attach(word, form), match.start()) or particles.agrees(word, form)):
            wrong.append(text[max(0, match.start() - 20) : match.end() + 10])
    return wrong


def text_nodes(page: Path) -> Iterator[tuple[str, str]]:
    """Each piece of a page's text with the language it is marked as (lang of its element or nearest ancestor)."""
    tree = lxml.html.fromstring(page.read_bytes())
    page_lang = tree.get("lang", "")

    def lang_of(element: lxml.html.HtmlElement | None) -> str:
        while element is not None:
            if element.get("lang"):
                return str(element.get("lang"))
            element = element.getparent()
        return page_lang

    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if element.text and element.text.strip():
            yield lang_of(element), element.text
        if element.tail and element.tail.strip():
            yield lang_of(element.getparent()), element.tail

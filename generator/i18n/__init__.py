"""The catalogue: every word the site and the terminal show, in Korean and English.

Data text comes from the YAML; these are the words around it. The tables live in submodules by audience
(`site`, `terminal`, `workbooks`, `problems`, `reading`, `usage`, `commands`, `imports`); `UI` is all of them, and
`t` looks a key up in it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from generator.i18n.bundle import BUNDLE
from generator.i18n.commands import COMMANDS
from generator.i18n.downloads import DOWNLOADS
from generator.i18n.edit import EDIT
from generator.i18n.embeds import EMBEDS
from generator.i18n.execution import EXECUTION
from generator.i18n.feeds import FEEDS
from generator.i18n.headline import HEADLINE
from generator.i18n.imports import IMPORTS
from generator.i18n.methodology import METHODOLOGY
from generator.i18n.navigation import NAVIGATION
from generator.i18n.particles import Word
from generator.i18n.printed import PRINTED
from generator.i18n.problems import PROBLEMS
from generator.i18n.reading import READING, SHAPE
from generator.i18n.search_results import SEARCH_RESULTS
from generator.i18n.sharing import SHARING
from generator.i18n.site import SITE
from generator.i18n.terminal import TERMINAL
from generator.i18n.usage import USAGE
from generator.i18n.words import WORDS
from generator.i18n.workbooks import WORKBOOKS

LANGUAGES = ("ko", "en")

TABLES: tuple[dict[str, dict[str, str]], ...] = (
    SITE,
    TERMINAL,
    WORKBOOKS,
    PROBLEMS,
    READING,
    SHAPE,
    USAGE,
    COMMANDS,
    IMPORTS,
    EXECUTION,
    HEADLINE,
    WORDS,
    PRINTED,
    METHODOLOGY,
    NAVIGATION,
    SHARING,
    SEARCH_RESULTS,
    BUNDLE,
    FEEDS,
    EMBEDS,
    DOWNLOADS,
    EDIT,
)


def merged(tables: tuple[dict[str, dict[str, str]], ...]) -> dict[str, dict[str, str]]:
    """One catalogue of the tables; a key in two tables is an error (one would silently replace the other)."""
    catalogue: dict[str, dict[str, str]] = {}
    for table in tables:
        if twice := sorted(set(catalogue) & set(table)):
            raise ValueError(f"catalogue keys in two tables: {twice}")
        catalogue.update(table)
    return catalogue


UI: dict[str, dict[str, str]] = merged(TABLES)


class Message(str):
    """A sentence of the catalogue with its values, kept apart until it is shown.

    It is its English text wherever code compares, sorts or stores it (so English output and ordering are as
    before); `render(text, lang)` words it in any language at the edge. Values that are themselves messages
    (the name of a kind of thing: "source id") are rendered in the same language."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Message:
        message = super().__new__(cls, _fill(key, "en", values))
        message.key = key
        message.values = values
        return message

    def __reduce__(self) -> tuple[object, ...]:
        return (_restore, (self.key, self.values))

    def render(self, lang: str) -> str:
        return _fill(self.key, lang, self.values)


def msg(key: str, /, **values: object) -> Message:
    """The catalogue sentence `key` with its values, to be shown in the reader's language later."""
    return Message(key, **values)


def _restore(key: str, values: dict[str, object]) -> Message:
    return Message(key, **values)


def _fill(key: str, lang: str, values: Mapping[str, object]) -> str:
    return UI[key][lang].format(**{name: _word(value, lang) for name, value in values.items()})


def _word(value: object, lang: str) -> object:
    """A value as a sentence takes it: text (and a path) as a `Word`, so a particle spec after it works."""
    if isinstance(value, str):
        return Word(render(value, lang))
    if isinstance(value, os.PathLike):
        return Word(os.fspath(value))
    return value


def render(text: str, lang: str) -> str:
    """`text` in `lang` if it is a catalogue message, else as it is (data, a path, a library's words)."""
    return text.render(lang) if isinstance(text, Message) else text


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, with `{placeholders}` filled in.

    A Korean particle after a placeholder is written as its format spec (`{project:과}`), so it agrees with the
    word filled in (`generator.i18n.particles`)."""
    text = UI[key][lang]
    if not values:
        return text
    return text.format(**{name: _word(value, lang) for name, value in values.items()})


def in_sentence(name: str, lang: str) -> str:
    """A level name inside an English sentence: "Sub-task" → "sub-task"."""
    return name[0].lower() + name[1:] if lang == "en" and name else name


def sentence_case(text: str, lang: str) -> str:
    """An English caption or heading starting with a capital, whatever word the catalogue set first: "projects of
    …" → "Projects of …". A first word already holding a capital ("mVoting", "iOS") is a name, kept as written."""
    if lang != "en" or not text or not text[0].islower():
        return text
    first = text.split(" ", 1)[0]
    return text if any(letter.isupper() for letter in first) else text[0].upper() + text[1:]


def plural(name: str, lang: str) -> str:
    """A plan's level name counted in English: "Unit project" → "unit projects"; Korean has no plural."""
    if lang != "en":
        return name
    lower = in_sentence(name, lang)
    if lower.endswith("s"):
        return lower
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return lower[:-1] + "ies"  # strategy → strategies, but survey → surveys
    return lower + "s"


def other_language(lang: str) -> str:
    return "en" if lang == "ko" else "ko"

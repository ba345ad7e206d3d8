"""The catalogue: every word the site and the terminal show, in Korean and English.

Data text comes from the YAML; these are the words around it. The tables live in submodules by audience
(`site`, `terminal`, `workbooks`, `problems`, `usage`); `UI` is all of them, and `t` looks a key up in it.
"""

from __future__ import annotations

from generator.i18n.site import SITE
from generator.i18n.terminal import TERMINAL
from generator.i18n.workbooks import WORKBOOKS

LANGUAGES = ("ko", "en")

UI: dict[str, dict[str, str]] = {**SITE, **TERMINAL, **WORKBOOKS}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, with `{placeholders}` filled in."""
    text = UI[key][lang]
    return text.format(**values) if values else text


def in_sentence(name: str, lang: str) -> str:
    """A level name inside an English sentence: "Sub-task" → "sub-task"."""
    return name[0].lower() + name[1:] if lang == "en" and name else name


def plural(name: str, lang: str) -> str:
    """A plan's level name counted in English: "Unit project" → "unit projects"; Korean has no plural."""
    if lang != "en":
        return name
    lower = in_sentence(name, lang)
    return lower if lower.endswith("s") else lower + "s"


def other_language(lang: str) -> str:
    return "en" if lang == "ko" else "ko"

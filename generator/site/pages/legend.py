"""The legend of a report: each mark its tables use, explained once, so a printed copy needs no other key.

Only the marks a page actually uses are listed: a reader of a report with no excluded items is not told what an
excluded item looks like. The words are in `generator/i18n/printed.py`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.data.grades import EXCLUDED, NOT_EVALUATED, PENDING
from generator.describe import category_label
from generator.evaluation.grading import Tone
from generator.i18n import t
from generator.numbers import NONE

# The categories outside the grade scale, in the order the legend explains them, with their explanations.
MEANINGS = {EXCLUDED: "legend_excluded", NOT_EVALUATED: "legend_not_evaluated", PENDING: "legend_pending"}


@dataclass(frozen=True)
class LegendEntry:
    mark: str
    meaning: str
    tone: Tone | None = None  # shown as a grade mark of this tone, as the tables show it; None: as text


def legend_entries(
    content: object, categories: Iterable[str], computed_notes: bool, lang: str
) -> tuple[LegendEntry, ...]:
    """The marks used by `content` (a page model): the dash of a missing figure anywhere in it, the computed
    grade beside a grade taken from the report (`computed_notes`), and the `categories` outside the scale."""
    entries = []
    if any(text.strip() == NONE for text in texts(content)):
        entries.append(LegendEntry(NONE, t("legend_none", lang)))
    if computed_notes:
        entries.append(LegendEntry(f"({t('computed', lang)} …)", t("legend_computed", lang)))
    used = set(categories)
    entries += [
        LegendEntry(category_label(category, lang), t(key, lang), "none")
        for category, key in MEANINGS.items()
        if category in used
    ]
    return tuple(entries)


def texts(value: object) -> Iterator[str]:
    """Every string a page model holds, however deeply its dataclasses and tuples nest them."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from texts(item)

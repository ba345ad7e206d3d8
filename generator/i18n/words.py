"""Words of issue 26's "words, once": counts of a plan's levels, the plan total of an indicator by its kind, an
amendment that changed only the Korean text."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # A count of one of a plan's levels, as each language counts: "전략 4", "4 strategies" (`describe.counted`).
    "level_count": {"ko": "{level} {count}", "en": "{count} {level}"},
    # The one mark of a generated range in each language: 2024~2027, 90~94%; 2024–2027, 90–94% (`numbers.span`).
    # Ranges in data text are shown as the source writes them.
    "span": {"ko": "{first}~{last}", "en": "{first}–{last}"},
}

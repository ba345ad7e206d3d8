"""Words of issue 26's "words, once": counts of a plan's levels, the plan total of an indicator by its kind, an
amendment that changed only the Korean text."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # A count of one of a plan's levels, as each language counts: "전략 4", "4 strategies" (`describe.counted`).
    "level_count": {"ko": "{level} {count}", "en": "{count} {level}"},
}

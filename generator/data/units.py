"""Units that count in tens of thousands (만명) or hundreds of millions (억원): their scale must be stated.

Korean writes large figures in units with a number word (140만명, 32,000천건, 25억원); English has no such
units, so the site multiplies figures out there ("1.4 million people"). That needs the unit's `scale`; a unit
that begins with a number word but states none, or another one, is a warning naming the scale to write.
"""

from __future__ import annotations

import re

from generator.data.schema import UnitText
from generator.data.yamlsource import Document
from generator.errors import Problem, Severity, YamlPath
from generator.i18n import msg
from generator.numbers import amount

# Knowledge of the data format, not words shown to a reader: a module-level name ending in _KO may hold Korean
# (tests/test_i18n.py). Number words a unit can begin with, longest first so 백만 is not read as 백.
NUMBER_WORDS_KO = {
    "천억": 10**11,
    "백억": 10**10,
    "십억": 10**9,
    "천만": 10**7,
    "백만": 10**6,
    "십만": 10**5,
    "억": 10**8,
    "만": 10**4,
    "천": 10**3,
}
# …followed by a counter: only then is it a scale (만족도, 천연가스 and 조사 건수 are not scaled units).
COUNTERS_KO = ("명", "건", "원", "개", "회", "부", "권", "가구", "세대", "개소", "톤", "대", "그루", "장", "시간")
# Units of a rate: a figure of 95 means 95 per cent (or percentage points), so a spreadsheet's 95% is 95.
RATE_UNITS_KO = frozenset({"%", "%p", "%포인트", "퍼센트", "퍼센트포인트", "백분율", "percent", "per cent", "pp"})
_SCALED = re.compile(f"({'|'.join(NUMBER_WORDS_KO)})({'|'.join(COUNTERS_KO)})")


def implied_scale(unit_ko: str) -> int | None:
    """The scale a Korean unit's number word implies: 만명 → 10,000; None for an unscaled unit."""
    match = _SCALED.fullmatch(unit_ko.strip())
    return None if match is None else NUMBER_WORDS_KO[match.group(1)]


def is_rate_unit(unit: str) -> bool:
    """A unit whose figures are per cent: %, %p, 퍼센트 (any case, spaces around ignored)."""
    return unit.strip().lower() in RATE_UNITS_KO


def scale_problems(doc: Document, path: YamlPath, unit: UnitText | None) -> list[Problem]:
    if unit is None:
        return []
    implied = implied_scale(unit.ko)
    if implied is None or implied == unit.scale:
        return []
    counter = _SCALED.fullmatch(unit.ko.strip())
    base = counter.group(2) if counter else ""
    key, scale = ("unit_scale_missing", "") if unit.scale == 1 else ("unit_scale_other", amount(unit.scale))
    return [
        doc.problem(
            path,
            msg(key, unit=unit.ko, implied=amount(implied), base=base, scale=scale),
            hint=msg("hint_add_scale", scale=implied, base=base),
            severity=Severity.WARNING,
        )
    ]


def base_counter(unit_ko: str, scale: int) -> str | None:
    """The counter a scaled Korean unit counts in: 백만원 with scale 1,000,000 → 원; an unscaled unit is its own
    counter; None where the unit's number word does not match its scale (no safe base to say a sum in)."""
    if scale == 1:
        return unit_ko.strip()
    match = _SCALED.fullmatch(unit_ko.strip())
    if match is None or NUMBER_WORDS_KO[match.group(1)] != scale:
        return None
    return match.group(2)

"""Every number a reader, a spreadsheet or a terminal sees is formatted here, in both languages.

Figures are shown as the source writes them: thousands grouped, no float noise (0.1 + 0.2 shows as 0.3), no
exponent, no trailing zeros. Korean and English group and point the same way today; Babel's locale data keeps it
so should a language be added. Machine-readable files get the plain digits (`machine`), without grouping.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

Number = int | float

NONE = "–"  # no figure: no target, no result, no budget
LOCALES = {"ko": "ko_KR", "en": "en_US"}
# The one mark of a range the site writes, per language: 2024~2027 (물결표, as Korean official writing has it),
# 2024–2027 (en dash). The catalogue's `span`, for messages worded later, writes the same (tests/test_words.py).
RANGE_MARKS = {"ko": "~", "en": "–"}
# Source figures carry at most a few decimals; six removes binary float noise without losing any of them.
_PLACES = Decimal("0.000001")


def exact(value: Number | Decimal) -> Decimal:
    """The figure as written: str() first, so 0.1 becomes Decimal('0.1'), not its binary approximation."""
    return Decimal(value) if isinstance(value, int | Decimal) else Decimal(str(value))


def _clean(value: Number | Decimal) -> Decimal:
    number = exact(value)
    try:
        if number == number.to_integral_value():
            return number.quantize(Decimal(1))
        return number.quantize(_PLACES).normalize()
    except InvalidOperation:
        # Past Decimal's 28 digits there is no float noise worth removing: the figure stays as it is.
        return number


def amount(value: Number | Decimal | None, lang: str = "en") -> str:
    """`32,000`, `1,234.5`, `0.3`; `–` for no figure."""
    if value is None:
        return NONE
    return _grouped(str(_clean(value)), lang)  # by text: equal Decimals such as 0 and -0 may show differently


@lru_cache(maxsize=8192)  # a site shows the same few figures on many pages, and Babel is slow per call
def _grouped(text: str, lang: str) -> str:
    number = Decimal(text)
    try:
        return format_decimal(number, locale=LOCALES[lang], decimal_quantization=False)
    except InvalidOperation:
        # Past Decimal's 28 digits Babel cannot quantize; grouping alone is all such a figure needs.
        return f"{number:,f}"


@lru_cache(maxsize=1024)  # every page's "last updated": a few dates, asked for hundreds of times, and Babel is slow
def day(value: datetime.date, lang: str) -> str:
    """A date as the language writes it in running text: "2026년 11월 3일", "November 3, 2026"."""
    return format_date(value, "long", locale=LOCALES[lang])


def percent(value: int | None) -> str:
    """A shown rate (already rounded by the grading rules): `63%`; `–` when there is none."""
    return NONE if value is None else f"{value}%"


def span(first: object, last: object, lang: str) -> str:
    """A range the site writes, with the one range mark of `lang`: `2024~2027`, `2024–2027`. Ranges in data text
    are shown as the source writes them."""
    return f"{first}{RANGE_MARKS[lang]}{last}"


def count(value: int) -> str:
    """A count of things (indicators, amendments, rows): `1,234`."""
    return f"{value:,}"


def kilobytes(size: int) -> str:
    """A download's size in whole kilobytes of 1,024 bytes, rounded up so that no file shows as empty: `97 KB`."""
    return f"{count(-(-size // 1024))} KB"


def count_share(number: int, share: int) -> str:
    """A count with its share, `12 (34%)`; a plain `0` for none, as the official tables print it ("0 (0%)" reads
    like a data error)."""
    return "0" if number == 0 else f"{count(number)} ({percent(share)})"


def percent_tenths(value: Decimal | None) -> str:
    """A budget execution rate, already rounded to one decimal: `99.7%`, `0.0%`; `–` when there is no budget."""
    return NONE if value is None else f"{value:.1f}%"


def percent_printed(value: Decimal | None) -> str:
    """A rate with exactly the decimals it has (as an official table printed it): `56.3%`, `56%`; `–` for none."""
    return NONE if value is None else f"{value:,f}%"


def machine(value: Number) -> str:
    """`32000`, `0.5`, `12.0`: ints as ints, floats in their shortest round-trip form, never with an exponent.

    For CSV and JSON, where a figure must read back as exactly the number the data holds.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a number: {value!r}")
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        # repr switches to 1e+16 / 1e-05 at the extremes; a spreadsheet or a reader should see the digits.
        text = format(Decimal(text), "f")
    return text


# English says large figures in words; a figure is shown so only when no digit of it is lost.
_ENGLISH_LARGE = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_WORD_PLACES = Decimal("0.001")


@dataclass(frozen=True)
class UnitDisplay:
    """How the figures of one unit are shown together (a cell, a table column, a chart's axis).

    Korean shows every figure as the source writes it (one hundred and forty 10,000-people units reads "140"
    and the unit). English has no such units: a scaled figure is multiplied out and, where it is exact, said in
    millions or billions — "1.4 million people". `unit` is what follows the figures or heads their column.
    """

    lang: str
    unit: str
    scale: int  # how many base units one source unit counts (만명: 10,000)
    divisor: int  # the factor a shown figure is in: the scale in Korean, 1 or a million or a billion in English

    def value(self, figure: Number | Decimal) -> Decimal:
        """The figure as shown, from the source figure: exact, never from a rounded display."""
        return exact(figure) * self.scale / self.divisor

    def figure(self, figure: Number | Decimal | None) -> str:
        return NONE if figure is None else amount(self.value(figure), self.lang)

    def with_unit(self, figure: Number | Decimal) -> str:
        """`140만명`, `1.4 million people`, `5 cases`, `1 case`."""
        shown = self.figure(figure)
        if not self.unit:
            return shown
        if self.lang != "en":
            # Korean writes a counter against its figure (5건, 140만명); a phrase or a Latin unit stands apart.
            joined = " " not in self.unit and "\uac00" <= self.unit[0] <= "\ud7a3"
            return shown + self.unit if joined else f"{shown} {self.unit}"
        unit = self.unit
        if self.divisor == 1 and self.value(figure) == 1 and unit.endswith("s") and not unit.endswith("ss"):
            unit = unit[:-1]  # English units are written in the plural; one of them reads in the singular
        return f"{shown} {unit}"


def unit_display(
    unit_ko: str, unit_en: str, scale: int, lang: str, figures: Iterable[Number | Decimal | None]
) -> UnitDisplay:
    """The display of `figures` in a unit: Korean as written; English multiplied out, in millions, billions or
    trillions where every figure is exact within three decimals — the largest word the smallest figure reaches
    ("1.4 million", "2.5 billion"), or, if none does, the largest the biggest figure reaches (a budget column
    in million won may hold 0.5)."""
    if lang != "en":
        return UnitDisplay(lang, unit_ko, scale, scale)
    if scale == 1:
        return UnitDisplay(lang, unit_en, 1, 1)
    values = [abs(exact(figure)) * scale for figure in figures if figure is not None]
    words = [(f, w) for f, w in _ENGLISH_LARGE if values and all(_exact_in(v / f) for v in values)]
    nonzero = [v for v in values if v] or [Decimal(0)]
    for reached in (min(nonzero), max(nonzero)):
        factor, word = next(((f, w) for f, w in words if reached >= f), (1, ""))
        if factor > 1:
            return UnitDisplay(lang, f"{word} {unit_en}".strip(), scale, factor)
    return UnitDisplay(lang, unit_en, scale, 1)


def _exact_in(value: Decimal) -> bool:
    return value == value.quantize(_WORD_PLACES)


# Korean says a large sum in its number words, rounded: 1,163억 원 for 116,349 백만원. Knowledge of how Korean
# groups digits (by ten thousands), not a reader's word in a sentence of its own.
_KOREAN_LARGE_KO = ((10**12, "조"), (10**8, "억"), (10**4, "만"))
_TENTH = Decimal("0.1")


def in_words(value: Number | Decimal, base_ko: str, base_en: str, lang: str) -> str:
    """A sum of base units (won, people) said as people say it, rounded: `1,163억 원`, `116.3 billion won`.

    The largest number word the sum reaches (조, 억, 만; trillion, billion, million) with the figure in it: a
    whole number from ten of them up, one decimal below ten in Korean; one decimal in English. Below the
    smallest word, the whole figure. For a headline only: tables keep the exact figures.
    """
    number = exact(value)
    words = _KOREAN_LARGE_KO if lang != "en" else _ENGLISH_LARGE
    base = base_en if lang == "en" else base_ko
    factor, word = next(((f, w) for f, w in words if abs(number) >= f), (1, ""))
    scaled = number / factor
    places = _TENTH if (lang == "en" and factor > 1) or abs(scaled) < 10 else Decimal(1)
    shown = amount(scaled.quantize(places, rounding=ROUND_HALF_UP), lang)
    if lang == "en":
        return " ".join(part for part in (shown, word, base) if part)
    return f"{shown}{word} {base}".strip()


def css_share(part: int, whole: int) -> str:
    """`part` as a share of `whole` for a CSS width (`46.67%`): drawing, not a figure a reader reads."""
    return "0%" if whole == 0 else f"{Decimal(part) * 100 / Decimal(whole):.2f}%"

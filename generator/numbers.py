"""Every number a reader, a spreadsheet or a terminal sees is formatted here, in both languages.

Figures are shown as the source writes them: thousands grouped, no float noise (0.1 + 0.2 shows as 0.3), no
exponent, no trailing zeros. Korean and English group and point the same way today; Babel's locale data keeps it
so should a language be added. Machine-readable files get the plain digits (`machine`), without grouping.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal

Number = int | float

NONE = "–"  # no figure: no target, no result, no budget
LOCALES = {"ko": "ko_KR", "en": "en_US"}
# Source figures carry at most a few decimals; six removes binary float noise without losing any of them.
_PLACES = Decimal("0.000001")


def exact(value: Number) -> Decimal:
    """The figure as written: str() first, so 0.1 becomes Decimal('0.1'), not its binary approximation."""
    return Decimal(value) if isinstance(value, int) else Decimal(str(value))


def _clean(value: Number) -> Decimal:
    number = exact(value)
    try:
        if number == number.to_integral_value():
            return number.quantize(Decimal(1))
        return number.quantize(_PLACES).normalize()
    except InvalidOperation:
        # Past Decimal's 28 digits there is no float noise worth removing: the figure stays as it is.
        return number


def amount(value: Number | None, lang: str = "en") -> str:
    """`32,000`, `1,234.5`, `0.3`; `–` for no figure."""
    if value is None:
        return NONE
    number = _clean(value)
    try:
        return format_decimal(number, locale=LOCALES[lang], decimal_quantization=False)
    except InvalidOperation:
        # Past Decimal's 28 digits Babel cannot quantize; grouping alone is all such a figure needs.
        return f"{number:,f}"


def percent(value: int | None) -> str:
    """A shown rate (already rounded by the grading rules): `63%`; `–` when there is none."""
    return NONE if value is None else f"{value}%"


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


def with_unit(value: Number, unit: str, lang: str) -> str:
    """`5 cases`, `1 case`, `5건`: English units are written in the plural; one of them reads in the singular."""
    if lang == "en" and value == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    return f"{amount(value, lang)} {unit}".strip()

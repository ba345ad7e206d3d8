"""The YAML the data format uses, and nothing more: a strict loader for hand-edited, published files.

PyYAML follows YAML 1.1, which reads `024000` as octal 10240, `6:40:00` as 24000 and `yes` as true, expands
anchors and aliases (a "billion laughs" file runs for minutes), honours tags such as `!!float` and recurses on
any depth of nesting. Plan files need none of that: numbers are plain decimals, the only other plain scalars
are true/false, null and dates, and anchors, aliases, tags and deep nesting are refused where they stand.
Text is normalised to NFC, so Hangul typed in decomposed form is the same text as composed Hangul.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from generator.i18n import msg

MAX_DEPTH = 40  # the format nests about 8 levels; this leaves room and stays far from Python's recursion limit


class Refused(Exception):
    """Something the format does not allow, at a position (0-based line and column, as PyYAML marks)."""

    def __init__(self, mark: Any, message: str, hint: str = ""):
        self.line = mark.line + 1 if mark is not None else 1
        self.column = mark.column + 1 if mark is not None else 1
        self.message = message
        self.hint = hint
        super().__init__(message)


class _StrictComposition:
    """Composition that refuses anchors, aliases, tags and deep nesting where they stand."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise Refused(event.start_mark, msg("yaml_alias", anchor=event.anchor), _NO_ANCHORS)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise Refused(event.start_mark, msg("yaml_anchor", anchor=anchor), _NO_ANCHORS)
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise Refused(event.start_mark, msg("yaml_tag", tag=shown), msg("hint_remove_tag"))
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Refused(event.start_mark, msg("yaml_too_deep", depth=MAX_DEPTH), msg("hint_check_indentation"))
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class StrictLoader(_StrictComposition, yaml.SafeLoader):
    """SafeLoader with plan-file scalars only, and no anchors, aliases, tags or deep nesting (pure Python)."""

    # Our own table: the resolvers added below replace YAML 1.1's instead of joining them.
    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class FastLoader(_StrictComposition, Composer, CParser, SafeConstructor, Resolver):
        """The same loader with libyaml's scanner and parser (ten times faster); composition stays ours.

        libyaml counts columns in characters as PyYAML does. Files it cannot read cleanly are read again with
        StrictLoader (see `loader_classes`), so every message and position is PyYAML's, whichever loader read."""

        yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    FAST_LOADER: type[FastLoader] | None = FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    FAST_LOADER = None


def loader_classes(text: str) -> list[type[Any]]:
    """The loaders to try in order: libyaml first where it may, PyYAML last (its errors are the ones shown)."""
    if FAST_LOADER is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return [StrictLoader]  # PyYAML's reader names the character and its place
    return [FAST_LOADER, StrictLoader]


_NO_ANCHORS = msg("hint_no_anchors")
_DECIMAL = "-0123456789"
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list(_DECIMAL))
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$"), list(_DECIMAL)
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789")
)

LARGEST = 10**15  # larger figures are slips (or attacks): charts, sums and rounding stay exact below this

_PLAIN_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_GROUPED = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_WITH_UNIT = re.compile(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9.,]{1,8})")
_NUMBER_LIKE = re.compile(
    r"[-+]?(?:[0-9][0-9_,:.]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|0[xXoObB][0-9a-fA-F_]+"
)


def number_slip(text: str) -> tuple[str, str] | None:
    """What is wrong with a figure that was read as text, and how to write it; None for real text.

    One place for these words, so targets, actuals, totals and budgets say the same."""
    written = text.strip()
    if _PLAIN_DECIMAL.fullmatch(written):
        return msg("number_in_quotes", written=written), msg("hint_remove_quotes", written=written)
    if _GROUPED.fullmatch(written):
        return msg("number_grouped", written=written), msg("hint_without_commas", figure=written.replace(",", ""))
    with_unit = _WITH_UNIT.fullmatch(written)
    if with_unit and not _NUMBER_LIKE.fullmatch(written):
        figure = with_unit.group(1).replace(",", "")
        where = msg("rates_per_cent") if with_unit.group(2) == "%" else msg("unit_given_once")
        return msg("number_with_unit", written=written), msg("hint_number_alone", figure=figure, where=where)
    if _NUMBER_LIKE.fullmatch(written):
        return msg("number_not_plain", written=written), msg("hint_plain_decimal")
    return None


# Characters that show nothing: text made only of these is empty text.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# YAML 1.1 also breaks lines at NEL and the Unicode line and paragraph separators; no editor shows them.
HIDDEN_BREAKS = re.compile("[\x85\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


TOO_LARGE_HINT = msg("hint_too_large")


def too_large(text: str) -> str:
    shown = text if len(text) <= 24 else msg("number_digits", start=text[:12], count=len(text))
    return msg("number_too_large", shown=shown)


def construct_scalar(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    """The value of a scalar; a date or number that cannot exist is refused where it is written."""
    if node.tag.endswith(("int", "float")) and len(node.value) > 30:
        # Before Python's own digit limits, which raise instead of answering.
        raise Refused(node.start_mark, too_large(node.value), TOO_LARGE_HINT)
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as error:
        if node.tag.endswith("timestamp"):
            message = msg("invalid_date", value=node.value, error=_date_error(str(error)))
            raise Refused(node.start_mark, message, msg("hint_date_format")) from None
        raise Refused(node.start_mark, msg("invalid_number", value=node.value, error=str(error))) from None
    if isinstance(value, float) and value == 0:
        return 0.0  # -0.0 reads as 0
    if isinstance(value, str):
        return clean_text(value, node.start_mark)
    return value


def _date_error(error: str) -> str:
    """Python's reason a date cannot exist, in the catalogue's words where it is one of the usual three."""
    if error == "month must be in 1..12":
        return msg("date_bad_month")
    if error == "day is out of range for month":
        return msg("date_bad_day")
    year = re.fullmatch(r"year (-?\d+) is out of range", error)
    return msg("date_bad_year", year=year.group(1)) if year else error


def clean_text(text: str, mark: yaml.Mark | None) -> str:
    """Text as NFC; control characters (other than newline and tab) and unpaired surrogates are refused."""
    if _SURROGATE.search(text):
        raise Refused(mark, msg("text_surrogate"), msg("hint_remove_escape"))
    control = _CONTROL.search(text.replace("\r\n", "\n"))
    if control:
        code = ord(control.group())
        raise Refused(mark, msg("text_control", code=f"{code:04X}"), msg("hint_remove_control_text"))
    return unicodedata.normalize("NFC", text)

"""Hostile and mistaken YAML (issue 10): tracebacks that became positioned errors, and forms YAML 1.1 would
have accepted wrongly. Each case is the shipped data with one change."""

from __future__ import annotations

import unicodedata

from ..conftest import ROOT
from .corpus import PLAN_2019, PLAN_2024, RESULTS_2021, Case

P = f"{PLAN_2024}/projects/1-1-1.yaml"  # a unit project of the 3rd plan
PLAN = f"{PLAN_2024}/plan.yaml"
R = f"{RESULTS_2021}/projects/1-1-1.yaml"  # a results file of the 2021 check
CHECK = f"{RESULTS_2021}/check.yaml"
OLD_PROJECT = f"{PLAN_2019}/projects/1-1-1.yaml"
TARGETS = "targets: {2024: 32000, 2025: 33500, 2026: 35000, 2027: 36500}"
SHIPPED = (ROOT / P).read_bytes()

BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
).encode()


def nested(depth: int) -> bytes:
    return ("id: 1-1-1\ntitle: " + "[" * depth + "x" + "]" * depth + "\n").encode()


def at(file: str, old: str, new: str, case_id: str, kind: str) -> Case:
    """A case that replaces `old` with `new` and must fail validation; its exact line is in expected.txt."""
    return Case(case_id, kind, file, old=old, new=new)


def ok(file: str, old: str, new: str, case_id: str, kind: str) -> Case:
    """A change that must pass: the data means the same."""
    return Case(case_id, kind, file, old=old, new=new, exit_code=0)


def raw(file: str, content: bytes, case_id: str, kind: str) -> Case:
    return Case(case_id, kind, file, new_bytes=content)


CASES = [
    # -- anchors, aliases, tags, nesting ---------------------------------------------------------------------
    raw(P, BILLION_LAUGHS, "alias-billion-laughs", "traceback"),
    at(P, "title:\n", "title: &t\n", "anchor-on-a-mapping", "traceback"),
    at(P, "  status: continued", "  status: *s", "alias-undefined", "traceback"),
    at(P, "label: 1-1-①", "label: &l 1-1-①", "anchor-on-a-scalar", "traceback"),
    at(P, "total: 137000", "total: !!float 137000", "tag-float", "acceptance"),
    at(P, "total: 137000", "total: !!float abc", "tag-float-text", "traceback"),
    at(P, "total: 137000", "total: !!str 137000", "tag-str", "acceptance"),
    at(P, "title:\n", "title: !!python/object:os.system\n", "tag-python-object", "acceptance"),
    at(P, "title:\n", "title: !custom\n", "tag-custom", "acceptance"),
    at(P, "departments:\n", "departments: !!seq\n", "tag-on-a-sequence", "acceptance"),
    at(P, "  status: continued", "  status: !!binary aGVsbG8=", "tag-binary", "acceptance"),
    at(P, "  status: continued", "  status: !!timestamp 2024-01-01", "tag-timestamp", "acceptance"),
    at(P, "  status: continued", "  status: !!set {a, b}", "tag-set", "acceptance"),
    raw(P, nested(500), "nesting-500-levels", "traceback"),
    raw(P, nested(5000), "nesting-5000-levels", "traceback"),
    raw(P, b"id: 1-1-1\ntitle: " + b"{a: " * 300 + b"x" + b"}" * 300 + b"\n", "nesting-mappings", "traceback"),
    at(P, "title:\n", "<<: {x: 1}\ntitle:\n", "merge-key", "acceptance"),
    # -- numbers that are not plain decimals -----------------------------------------------------------------
    at(P, TARGETS, TARGETS.replace("32000", "032000"), "octal-like-target", "acceptance"),
    at(P, "total: 137000", "total: 0137000", "octal-like-total", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "8:53:20"), "sexagesimal-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "0x7D00"), "hex-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "0o76400"), "octal-prefix-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "0b101"), "binary-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "32_000"), "underscore-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "3.2e4"), "exponent-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "1e400"), "exponent-overflow", "traceback"),
    at(P, TARGETS, TARGETS.replace("32000", ".inf"), "infinite-target", "traceback"),
    at(P, TARGETS, TARGETS.replace("32000", "-.inf"), "minus-infinite-target", "traceback"),
    at(P, TARGETS, TARGETS.replace("32000", ".nan"), "nan-target", "traceback"),
    at(P, TARGETS, TARGETS.replace("32000", "+32000"), "plus-sign-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", ".5"), "leading-point-target", "acceptance"),
    at(P, TARGETS, TARGETS.replace("32000", "9" * 400), "huge-integer-target", "traceback"),
    at(P, "total: 137000", "total: " + "9" * 5000, "huge-integer-total", "traceback"),
    at(P, TARGETS, TARGETS.replace("32000", "1" * 400 + ".5"), "huge-float-target", "traceback"),
    at(P, TARGETS, TARGETS.replace("32000", "1000000000000001"), "just-too-large", "acceptance"),
    at(R, "actual: 27177", "actual: " + "9" * 400, "huge-actual", "traceback"),
    at(R, "actual: 27177", "actual: 027177", "octal-like-actual", "acceptance"),
    at(R, "actual: 27177", "actual: 7:32:57", "sexagesimal-actual", "acceptance"),
    Case("minus-zero-actual", "acceptance", R, old="actual: 27177", new="actual: -0", exit_code=0),
    # -- dates ----------------------------------------------------------------------------------------------
    at(PLAN, "date: 2023-12-28", "date: 2023-02-30", "invalid-date", "traceback"),
    at(PLAN, "date: 2023-12-28", "date: 2023-13-01", "invalid-month", "traceback"),
    at(PLAN, "date: 2023-12-28", "date: 0000-01-01", "year-zero-date", "traceback"),
    at(PLAN, "date: 2023-12-28", "date: 2023-12-28 10:00:00", "datetime", "acceptance"),
    # -- control characters, surrogates, invisible text --------------------------------------------------------
    raw(P, SHIPPED.replace(b"id: 1-1-1", b"id: 1-1-1\x00", 1), "nul-byte", "traceback"),
    raw(
        P,
        SHIPPED.replace("정보소통광장 운영\n".encode(), "정보소통광장 운영\x07\n".encode(), 1),
        "bell-byte",
        "traceback",
    ),
    raw(
        P,
        SHIPPED.replace("정보소통광장 운영\n".encode(), "정보소통광장 운영\x1b[31m\n".encode(), 1),
        "escape-byte",
        "traceback",
    ),
    raw(
        P,
        SHIPPED.replace("정보소통광장 운영\n".encode(), "정보소통광장 운영\u0085x\n".encode(), 1),
        "c1-next-line",
        "acceptance",
    ),
    raw(
        P,
        SHIPPED.replace("정보소통광장 운영\n".encode(), "정보소통광장 운영\u009b31m\n".encode(), 1),
        "c1-csi",
        "traceback",
    ),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "정보소통광장 운영\\x1b[2J"\n', "escaped-escape", "acceptance"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "정보소통광장 운영\\0"\n', "escaped-nul", "acceptance"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "정보소통광장 \\ud800 운영"\n', "lone-surrogate", "traceback"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "\\udfff"\n', "lone-low-surrogate", "traceback"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "\\u200b"\n', "zero-width-only", "acceptance"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "\\ufeff"\n', "bom-only", "acceptance"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "\\u200b\\u200d \\u2060"\n', "invisible-mix", "acceptance"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "  "\n', "spaces-only", "acceptance"),
    raw(P, b"\xff\xfe" + SHIPPED, "utf16-bom", "traceback"),
    raw(P, SHIPPED.replace("운영".encode(), "운영".encode("euc-kr"), 1), "euc-kr-bytes", "traceback"),
    raw(P, b"", "empty-file", "traceback"),
    raw(P, b"\n\n# only a comment\n", "comment-only-file", "traceback"),
    raw(P, b"---\nid: 1-1-1\n---\nid: 1-1-2\n", "two-documents", "traceback"),
    # -- syntax a hand makes ------------------------------------------------------------------------------------
    at(P, "  ko: 정보소통광장 운영\n", "\tko: 정보소통광장 운영\n", "tab-indentation", "message"),
    at(
        P,
        "  en: Operating the Information Plaza\n",
        "   en: Operating the Information Plaza\n",
        "over-indented",
        "message",
    ),
    at(
        P,
        "departments:\n  - ko: 정보공개담당관\n",
        "departments:\n  - ko: 정보공개담당관\n en: x\n",
        "under-indented",
        "message",
    ),
    at(P, "label: 1-1-①", "label: 1-1-①: 정보", "colon-in-value", "message"),
    at(P, TARGETS, "targets: {2024: 32000, 2025: 33500, 2026: 35000, 2027: 36500", "unclosed-brace", "message"),
    at(P, "  ko: 정보소통광장 운영\n", '  ko: "정보소통광장 운영\n', "unclosed-quote", "message"),
    # -- numbers written as text ----------------------------------------------------------------------------
    at(P, TARGETS, TARGETS.replace("33500", "33,500"), "separator-in-flow-mapping", "message"),
    at(P, "total: 137000", "total: 137,000", "separator-in-total", "message"),
    at(P, "total: 137000", 'total: "137000"', "quoted-total", "message"),
    at(R, "actual: 27177", "actual: 27,177", "separator-in-actual", "message"),
    at(R, "actual: 27177", 'actual: "27177"', "quoted-actual", "message"),
    at(P, "total: 137000", "total: 137000천건", "unit-in-total", "message"),
    # -- NFC ---------------------------------------------------------------------------------------------------
    ok(
        P,
        "  - ko: 정보공개담당관\n",
        "  - ko: " + unicodedata.normalize("NFD", "정보공개담당관") + "\n",
        "decomposed-hangul-department",
        "acceptance",
    ),
]

"""Our own ideas (issue 10): what files go through on the way from a department's computer to the repository.

Editors, file managers, Windows and Mac programs each leave their mark; the ones that do not change the data
must pass, the others are reported where they are."""

from __future__ import annotations

from ..conftest import ROOT
from .corpus import PLAN_2019, PLAN_2024, RESULTS_2021, Case

P = f"{PLAN_2024}/projects/1-1-1.yaml"
SHIPPED = (ROOT / P).read_bytes()
R = f"{RESULTS_2021}/projects/1-1-1.yaml"


def passes(case_id: str, content: bytes) -> Case:
    return Case(case_id, "own", P, new_bytes=content, exit_code=0)


def fails(case_id: str, file: str, content: bytes) -> Case:
    return Case(case_id, "own", file, new_bytes=content)


CASES = [
    # Saved by Windows Notepad or Excel's "UTF-8" export: a byte-order mark, CRLF line ends, no final newline.
    passes("utf8-bom-is-fine", b"\xef\xbb\xbf" + SHIPPED),
    passes("crlf-line-ends-are-fine", SHIPPED.replace(b"\n", b"\r\n")),
    passes("no-final-newline-is-fine", SHIPPED.rstrip(b"\n")),
    passes("trailing-spaces-are-fine", SHIPPED.replace(b"\n", b"   \n")),
    # Copies a file manager makes, and what editors leave behind.
    fails("file-manager-copy", f"{PLAN_2024}/projects/1-1-1 (1).yaml", SHIPPED),
    fails("korean-windows-copy", f"{PLAN_2024}/projects/1-1-1 - 복사본.yaml", SHIPPED),
    fails("editor-backup", f"{PLAN_2024}/projects/1-1-1.yaml~", SHIPPED),
    fails("backup-extension", f"{PLAN_2024}/projects/1-1-1.yaml.bak", SHIPPED),
    fails("windows-zone-identifier", f"{PLAN_2024}/projects/1-1-1.yaml:Zone.Identifier", b"[ZoneTransfer]\n"),
    fails("excel-lock-file-in-results", f"{RESULTS_2021}/projects/~$1-1-1.xlsx", b"\x00"),
    # Shapes that are YAML but not a data file.
    fails("top-level-list", P, b"- id: 1-1-1\n"),
    fails("top-level-text", P, b"just some text\n"),
    fails("empty-mapping", P, b"{}\n"),
    fails("null-document", P, b"~\n"),
    # YAML 1.1 booleans are text here: yes is not true.
    Case(
        "yes-is-not-true",
        "acceptance",
        f"{PLAN_2019}/projects/2-4-1.yaml",
        old="    primary: true",
        new="    primary: yes",
    ),
    # null is "not yet filed" (the grade is pending), as data-format.md says: a valid state while a year is open.
    Case("null-actual-is-pending", "own", R, old="actual: 27177", new="actual: ~", exit_code=0),
]

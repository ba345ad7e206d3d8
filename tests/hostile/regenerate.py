"""Rewrite tests/hostile/expected.txt, the first line every corpus case prints: `python tests/hostile/regenerate.py`.

Run it after an intended change of messages or new cases, then read `git diff tests/hostile/expected.txt` line by
line as a civil servant would: each line must say where, what is wrong, and what to do.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.hostile.test_corpus import CASES, EXPECTED, copy_data, first_line, run_case  # noqa: E402


def main() -> None:
    lines = ["# case id<TAB>the first line it prints (notices skipped, times replaced); see regenerate.py"]
    with tempfile.TemporaryDirectory() as temporary:
        pristine = copy_data(Path(temporary) / "pristine")
        for number, case in enumerate(CASES):
            result, _ = run_case(case, pristine, Path(temporary) / f"case-{number}")
            lines.append(f"{case.id}\t{first_line(result.output)}")
    EXPECTED.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} lines to {EXPECTED.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

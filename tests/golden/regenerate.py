"""Rewrite what is generated from the code and checked by tests: `python tests/golden/regenerate.py`.

The pinned 2021 report tables, the worked diff example of docs/review.md, the schema descriptions taken from
docs/data-format.md, and the JSON Schemas in schemas/.

Run it only when a change of these is intended, then review `git diff` line by line.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import generator  # noqa: E402
from generator.cli.schemafiles import write_schemas  # noqa: E402
from tests import docs_descriptions  # noqa: E402
from tests.review_example import DOC, write_example  # noqa: E402
from tests.sitecheck import GOLDEN, report_tables_text  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        generator.build(generator.Options(root=ROOT, out=site))
        for lang in ("ko", "en"):
            target = GOLDEN / f"report-2021.{lang}.txt"
            target.write_text(report_tables_text(site, lang), encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    write_example()
    print(f"wrote the example in {DOC.relative_to(ROOT)}")
    docs_descriptions.write()
    print(f"wrote {docs_descriptions.OUT.relative_to(ROOT)} from {docs_descriptions.DOC.relative_to(ROOT)}")
    for path in write_schemas(ROOT / "schemas"):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""The checker itself must catch a broken page: a missing alt, an unlabeled table, a link to another host."""

from __future__ import annotations

from pathlib import Path

from .checks import axe_violations, structure_problems, watch

BROKEN = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>망가진 페이지</title></head>
<body><main><h1>망가진 페이지</h1>
<img src="../reports/static/missing.png">
<table><tr><td>1</td><td>2</td></tr></table>
<a href="https://example.com/">다른 사이트</a>
</main></body></html>
"""


def test_checker_catches_a_broken_page(context, base_url: str, built_site: Path) -> None:
    broken = built_site.parent / "broken.html"
    broken.write_text(BROKEN, encoding="utf-8")
    origin = base_url.split("/reports/")[0]
    page = context.new_page()
    traffic = watch(page, origin)
    page.goto(f"{origin}/broken.html", wait_until="networkidle")
    violations = " ".join(axe_violations(page))
    structure = structure_problems(page, origin)
    assert "image-alt" in violations
    assert "table 1 has no caption" in structure
    assert "table 1 has no header cells" in structure
    assert "image 1 has no alt" in structure
    assert "link to another host: https://example.com/" in structure
    assert any("missing.png" in failure for failure in traffic.failed)

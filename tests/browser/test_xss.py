"""Hostile text in every text field, opened in Chromium: no dialog fires, no injected element exists (issue 10).

Synthetic data: the demo plan with a payload in each field a reader sees — titles, level and grade names (they
label charts), units, departments, contacts, Markdown content and narratives, reasons, the site's own words.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.data.layout import find_repository
from generator.site.build import build_site

from ..conftest import FIXTURES
from ..sitecheck import html_pages
from .conftest import CHROMIUM_ARGS

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src="x" onerror="window.__xss=1;alert(1)">',
    '"><svg onload="window.__xss=1;alert(1)">',
    "</title><script>window.__xss=1</script>",
    "' onmouseover='window.__xss=1' x='",
    '<iframe src="javascript:window.__xss=1"></iframe>',
    '<a href="javascript:window.__xss=1">link</a>',
    "<style>body{display:none}</style>",
    "{{ 7*7 }}{% raw %}",
]
MARKDOWN = "\n\n".join(
    [
        *PAYLOADS,
        "[click](javascript:window.__xss=1)",
        '![x](x" onerror="window.__xss=1)',
        "<details open ontoggle=window.__xss=1>",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ]
)


def _text(index: int) -> dict[str, str]:
    payload = PAYLOADS[index % len(PAYLOADS)]
    return {"ko": f"가{payload}", "en": f"A{payload}"}


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _plan(data: dict[str, Any]) -> None:
    data["title"], data["short_title"], data["vision"] = _text(0), _text(1), _text(2)
    data["levels"] = {level: _text(i + 3) for i, level in enumerate(("strategy", "task", "project", "indicator"))}
    data["budget_unit"] = {**_text(7), "scale": 1}
    data["grade_scale"] = [{"grade": payload[:40], "min_rate": 100 - 10 * i} for i, payload in enumerate(PAYLOADS)]
    data["grade_scale"][-1]["min_rate"] = 0
    data["sources"][0]["title"] = _text(4)
    data["strategies"][0]["title"] = _text(5)
    data["strategies"][0]["tasks"][0]["title"] = _text(6)


def _project(data: dict[str, Any]) -> None:
    data["title"], data["purpose"] = _text(0), _text(1)
    data["content"] = {"ko": MARKDOWN, "en": MARKDOWN}
    data["legal_basis"] = [_text(2)]
    data["departments"] = [_text(3)]
    data["contacts"] = [{"department": _text(4), "team": _text(5), "phone": PAYLOADS[6]}]
    data["indicators"][0]["name"] = _text(7)
    data["indicators"][0]["unit"] = _text(8)


def _results(data: dict[str, Any]) -> None:
    data["narrative"] = {"ko": MARKDOWN, "en": MARKDOWN}
    data["indicators"][0]["narrative"] = {"ko": MARKDOWN, "en": MARKDOWN}


def _other_results(data: dict[str, Any]) -> None:
    data["indicators"][1]["reason"] = _text(2)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURES / "minimal" / "demo", root / "plans" / "demo")
    shutil.copytree(FIXTURES / "minimal" / "results", root / "results")
    (root / "site.yaml").write_text(
        yaml.safe_dump({"site_name": _text(0), "tagline": _text(1), "organisation": _text(2), "footer": _text(3)}),
        encoding="utf-8",
    )
    _edit(root / "plans/demo/plan.yaml", _plan)
    _edit(root / "plans/demo/projects/1-1-1.yaml", _project)
    _edit(root / "results/demo/2024/projects/1-1-1.yaml", _results)
    _edit(root / "results/demo/2024/projects/1-1-2.yaml", _other_results)
    _edit(root / "results/demo/2024/check.yaml", lambda data: data.update(title=_text(5), published_distribution=None))
    build_site(find_repository(cwd=root), root / "output")
    return root / "output"


INJECTED = r"""() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on')) found.push(element.tagName + ' ' + attribute.name);
      if (['href', 'src', 'action', 'formaction'].includes(attribute.name)
          && (value.startsWith('javascript:') || value.startsWith('data:'))) found.push(element.tagName + ' ' + value);
    }
    if (['IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName)) found.push(element.tagName);
    // The site's own disclosures (an embed's details, the embed code) are known by their class; a payload's is not.
    if (element.tagName === 'DETAILS' && !['embed-details', 'embed-code no-print'].includes(element.className))
      found.push(element.tagName);
    if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') found.push('IMG x');
    if (element.tagName === 'SCRIPT' && !(element.getAttribute('src') || '').endsWith('static/site.js'))
      found.push('SCRIPT');
  }
  // The one style block the site writes: the printed page's running heads, in <head>, only @page margin boxes.
  const styles = [...document.querySelectorAll('style')];
  const heads = styles.filter((style) => style.parentElement === document.head && style.media === 'print'
    && /^\s*@page \{(\s*@(top|bottom)-(left|right) \{ content: [^{}]*; \})+\s*\}\s*$/.test(style.textContent));
  for (const style of styles) if (heads.length > 1 || !heads.includes(style)) found.push('STYLE ' + style.textContent.slice(0, 30));
  if (window.__xss) found.push('window.__xss set');
  return found;
}"""


def test_no_payload_runs_or_becomes_an_element(browser, hostile_site: Path) -> None:
    assert "--no-sandbox" in CHROMIUM_ARGS
    context = browser.new_context()
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        pages = html_pages(hostile_site)
        # Every page is visited, among them each one that shows the plan's, a project's or the results' payloads.
        carrying = (
            "index.html",
            "plans/demo/index.html",
            "plans/demo/projects/1-1-1.html",
            "plans/demo/reports/2024.html",
        )
        assert {f"{lang}{page}" for lang in ("", "en/") for page in carrying} <= {
            path.relative_to(hostile_site).as_posix() for path in pages
        }
        shown = False
        for path in pages:
            page.goto(path.as_uri())
            page.mouse.move(200, 200)
            page.mouse.move(400, 300)
            assert page.evaluate(INJECTED) == [], path
            shown = shown or "<script>window.__xss=1;alert(1)</script>" in page.inner_text("body")
        assert dialogs == []
        assert shown, "the payloads are still shown, as text"
    finally:
        context.close()

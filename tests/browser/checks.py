"""What the browser tests look for on a page; kept apart so the checker itself can be tested on a bad page."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE = Axe()


@dataclass
class Traffic:
    """Console errors, failed requests and requests that left the test server, while a page was open."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"failed request: {f}" for f in self.failed]
            + [f"request to another host: {f}" for f in self.foreign]
        )


def watch(page, origin: str) -> Traffic:
    traffic = Traffic(origin)
    page.on("console", lambda message: message.type == "error" and traffic.console_errors.append(message.text))
    page.on("pageerror", lambda error: traffic.console_errors.append(str(error)))
    page.on("requestfailed", lambda request: traffic.failed.append(f"{request.url} ({request.failure})"))

    def on_request(request) -> None:
        scheme = urlsplit(request.url).scheme
        if scheme in ("data", "blob", "about"):
            return
        if not request.url.startswith(origin):
            traffic.foreign.append(request.url)

    page.on("request", on_request)
    page.on(
        "response",
        lambda response: response.status >= 400 and traffic.failed.append(f"{response.url} ({response.status})"),
    )
    return traffic


def axe_violations(page) -> list[str]:
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


# Structure axe does not judge the way KWCAG asks: data tables with caption and scoped headers, charts with a
# text alternative, grades readable as text, no link to another host.
_STRUCTURE = """
(origin) => {
  const problems = [];
  document.querySelectorAll('table').forEach((table, i) => {
    const caption = table.querySelector('caption');
    if (!caption || !caption.textContent.trim()) problems.push(`table ${i + 1} has no caption`);
    const headers = table.querySelectorAll('th');
    if (!headers.length) problems.push(`table ${i + 1} has no header cells`);
    headers.forEach(th => { if (!['col', 'colgroup', 'row', 'rowgroup'].includes(th.getAttribute('scope'))) problems.push(`table ${i + 1}: th without scope`); });
  });
  document.querySelectorAll('svg').forEach((svg, i) => {
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const text = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    if (svg.getAttribute('role') !== 'img' || !text) problems.push(`chart ${i + 1} has no text alternative`);
  });
  document.querySelectorAll('img').forEach((img, i) => { if (!img.hasAttribute('alt')) problems.push(`image ${i + 1} has no alt`); });
  document.querySelectorAll('.grade').forEach((grade, i) => { if (!grade.textContent.trim()) problems.push(`grade ${i + 1} is shown by style alone`); });
  document.querySelectorAll('a[href]').forEach(a => {
    const url = new URL(a.getAttribute('href'), document.baseURI);
    if (['http:', 'https:'].includes(url.protocol) && url.origin !== origin) problems.push(`link to another host: ${url.href}`);
  });
  return problems;
}
"""


def structure_problems(page, origin: str) -> list[str]:
    return page.evaluate(_STRUCTURE, origin)


_FOCUS_STYLE = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40), visible: ring || shadow,
          key: el.getAttribute('data-tab-probe') || (el.tagName + '|' + (el.getAttribute('href') || ''))};
}
"""

_FOCUSABLE_COUNT = """
() => { const found = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])'))
  .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                  // The content of a closed <details> is not in the Tab order until it is opened (its summary is).
                  if (el.closest('details:not([open])')) return false;
                  return s.visibility !== 'hidden' && s.display !== 'none' && (r.width > 0 || r.height > 0 || el.classList.contains('skip-link')); });
  found.forEach((el, i) => el.setAttribute('data-tab-probe', String(i)));
  return found.length; }
"""


def keyboard_problems(context, url: str, limit: int = 400) -> list[str]:
    """The skip link comes first and moves focus to main; every interactive element is reached by Tab with a ring."""
    problems: list[str] = []
    page = context.new_page()
    page.goto(url)
    page.keyboard.press("Tab")
    first = page.evaluate(_FOCUS_STYLE)
    if first is None or "skip-link" not in page.evaluate("document.activeElement.className"):
        problems.append("the first Tab does not reach the skip link")
    else:
        page.keyboard.press("Enter")
        if page.evaluate("document.activeElement.id") != "main":
            problems.append("the skip link does not move focus to the main content")
    # A fresh page: the skip link left the focus navigation starting point inside main.
    page.close()
    page = context.new_page()
    page.goto(url)
    expected = page.evaluate(_FOCUSABLE_COUNT)
    seen: list[str] = []
    for _ in range(min(expected + 2, limit)):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STYLE)
        if state is None:
            break
        if state["key"] in seen[:1]:
            break
        if not state["visible"]:
            problems.append(f"no visible focus ring on {state['tag']} '{state['text']}'")
        seen.append(state["key"])
    if len(set(seen)) < min(expected, limit):
        problems.append(f"Tab reached {len(set(seen))} of {expected} interactive elements")
    page.close()
    return problems

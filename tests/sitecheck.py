"""Reading a built site back: the checks the site tests share, and the golden text of the report tables."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

REPORT_2021 = "plans/seoul-citizen-participation-2019/reports/2021.html"
GOLDEN = Path(__file__).resolve().parent / "golden"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(page: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page.read_bytes())


def links(tree: lxml.html.HtmlElement) -> list[str]:
    found = [element.get("href") for element in tree.iter() if element.get("href") is not None]
    found += [element.get("src") for element in tree.iter() if element.get("src") is not None]
    return found


def resolve(page: Path, link: str) -> Path | None:
    """The file an internal link points to, or None for an external or same-page link."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    return (page.parent / unquote(parts.path)).resolve()


def table_text(table: lxml.html.HtmlElement) -> list[str]:
    """A table as lines of cells joined by ' | ', caption first: what a reader sees, without markup."""
    lines = [" ".join(table.find("caption").text_content().split())]
    for row in table.iter("tr"):
        cells = [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("th", "td")]
        lines.append(" | ".join(cells))
    return lines


def report_tables_text(site: Path, lang: str) -> str:
    """The golden text of the 2021 report: its distribution table and its detailed table."""
    path = site / (REPORT_2021 if lang == "ko" else f"en/{REPORT_2021}")
    tree = parse(path)
    distribution = tree.cssselect("table.distribution")[0]
    detail = tree.cssselect("table.detail")[0]
    return "\n".join([*table_text(distribution), "", *table_text(detail)]) + "\n"

"""What a page says about itself for sharing and trust: which data files it shows (for its "last updated" date),
how to cite it, and its absolute address when the site's address is known."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import quote

from generator.data.layout import DATA_SUFFIX, PLANS_DIR, PROJECTS_DIR, RESULTS_DIR, SITE_CONFIG
from generator.i18n import t
from generator.numbers import day

# What a page that sums up the whole site shows (home, the departments, methodology): all of the data.
EVERYTHING = (PLANS_DIR, RESULTS_DIR, SITE_CONFIG)


def plan_sources(plan_id: str, *, results: bool = False) -> tuple[str, ...]:
    """A plan's folder (its plan file and every unit project's plan); with `results`, every year's results too
    (a plan page sums up its checks)."""
    return (f"{PLANS_DIR}/{plan_id}", f"{RESULTS_DIR}/{plan_id}") if results else (f"{PLANS_DIR}/{plan_id}",)


def project_sources(plan_id: str, project_id: str, years: Iterable[int]) -> tuple[str, ...]:
    """A unit project's plan file and its results file of each checked year."""
    name = f"{project_id}{DATA_SUFFIX}"
    results = (f"{RESULTS_DIR}/{plan_id}/{year}/{PROJECTS_DIR}/{name}" for year in years)
    return (f"{PLANS_DIR}/{plan_id}/{PROJECTS_DIR}/{name}", *results)


def report_sources(plan_id: str, year: int) -> tuple[str, ...]:
    """A year's check: its whole results folder (the check file and every project's results)."""
    return (f"{RESULTS_DIR}/{plan_id}/{year}",)


def absolute_url(address: str | None, path: str) -> str:
    """The page's address on the web, from the site's address; empty when that is not known."""
    if not address:
        return ""
    return f"{address.rstrip('/')}/{quote(path, safe='/')}"


def updated_text(iso: str, lang: str) -> str:
    """ "2026년 11월 3일", "November 3, 2026"; empty for no date."""
    return day(datetime.date.fromisoformat(iso), lang) if iso else ""


def citation(lang: str, *, author: str, title: str, site: str, year: str, url: str) -> str:
    """How to cite a page, in its language: publisher, title (unless the page is the site's own), site, year;
    then the address, when known. The reader adds the date they looked at it."""
    values = {"author": author, "title": title, "site": site, "year": year}
    if title == site:  # the home page: the site is the title
        key = "cite_site" if author else "cite_site_no_author"
    else:
        key = "cite_page" if author else "cite_page_no_author"
    text = t(key, lang, **values)
    return t("cite_online", lang, citation=text, url=url) if url else text

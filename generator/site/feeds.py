"""Atom feeds (RFC 4287) of the record: an entry for each published annual check and each amendment.

One feed per language for the site and one per plan (paths in `generator.site.pages.follow`); the build writes
the bytes made here with the other files. Everything in a feed comes from the data and its history, never from
the clock or the output path, so two builds of the same data give the same bytes:

- ids are `urn:uuid:` names (RFC 4122, version 5) of stable things: a plan's id and a check's year, a plan's id
  and an amendment's commit (with what it amended: one commit may amend several things); the site's feed is
  named by the site's Korean name. Each language's entry has its own id: it is another text.
- dates are days (the history knows no more), written as midnight UTC: a check is `updated` when its results
  folder last changed in git and `published` when it was first committed; an amendment is its commit's day.
  Outside git a check takes the date of its own source documents, else the data's date. A feed is `updated`
  when its newest entry is.
- links are absolute when the site's address is known; otherwise relative to the feed itself (RFC 4287 §4.2.7
  allows a reference, resolved against the feed's own address), so a copied site still links right.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.data.model import Plan
from generator.i18n import LANGUAGES, t
from generator.review.record import Amendment
from generator.site.pages.amendments import amendments_path
from generator.site.pages.common import Site
from generator.site.pages.credits import absolute_url, report_sources
from generator.site.pages.follow import plan_feed_path, plan_feed_title, site_feed_path, site_feed_title
from generator.site.pages.headline import report_headline
from generator.site.pages.paths import lang_path, plan_path, report_path
from generator.site.theme import relative_url
from generator.version import __version__

ATOM = "http://www.w3.org/2005/Atom"
# The namespace of every id plansite's feeds give (RFC 4122 §4.3): fixed once, so the same things get the same id
# in every build and every version.
NAMESPACE = uuid.UUID("5408de76-3896-4731-ac2e-bb108c6c1a56")
# What XML 1.0 cannot carry at all, even escaped: a stray control character in the data must not break a feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str  # "check" or "amendment": the entry's category
    title: str
    summary: str  # plain text; lines apart by newlines
    updated: str  # YYYY-MM-DD
    published: str  # YYYY-MM-DD; empty when not known (outside git)
    page: str  # the page it is about, from the site's root


@dataclass(frozen=True)
class Feed:
    path: str  # where the feed is written, from the site's root
    id: str
    title: str
    page: str  # the page the feed is the news of: the home page, or the plan's
    entries: tuple[Entry, ...]  # newest first


def feed_files(site: Site) -> dict[str, bytes]:
    """Every feed of the site, by its path from the site's root."""
    files: dict[str, bytes] = {}
    for lang in LANGUAGES:
        everything: list[Entry] = []
        for plan in site.plans:
            entries = plan_entries(site, plan, lang)
            everything += entries
            feed = Feed(
                plan_feed_path(plan, lang),
                stable_id("plan", plan.id, lang),
                plan_feed_title(plan, lang),
                lang_path(lang, plan_path(plan)),
                newest_first(entries),
            )
            files[feed.path] = feed_xml(site, lang, feed)
        name = site.config.site_name.ko if site.config is not None else ""
        feed = Feed(
            site_feed_path(lang),
            stable_id("site", name, lang),
            site_feed_title(site, lang),
            lang_path(lang, "index.html"),
            newest_first(everything),
        )
        files[feed.path] = feed_xml(site, lang, feed)
    return files


def stable_id(*parts: str | int) -> str:
    """An id made only of what names the thing: the same parts give the same id in every build."""
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(str(part) for part in parts))}"


def newest_first(entries: list[Entry]) -> tuple[Entry, ...]:
    # The id breaks ties of the same day, so the order never depends on the order the entries were made in.
    return tuple(sorted(entries, key=lambda entry: (entry.updated, entry.published, entry.id), reverse=True))


def plan_entries(site: Site, plan: Plan, lang: str) -> list[Entry]:
    """A plan's checks with results (the years not yet checked have nothing to announce), and its amendments."""
    evaluations = site.evaluations.get(plan.id, {})
    entries = [check_entry(site, plan, year, lang) for year in sorted(evaluations)]
    if site.amendments is not None:
        entries += [amendment_entry(plan, item, lang) for item in site.amendments.for_plan(plan.id)]
    return entries


def _plan_name(plan: Plan, lang: str) -> str:
    return (plan.spec.short_title or plan.spec.title).get(lang)


def check_entry(site: Site, plan: Plan, year: int, lang: str) -> Entry:
    evaluation = site.evaluations[plan.id][year]
    updated, published = check_dates(site, plan, year)
    return Entry(
        id=stable_id("check", plan.id, year, lang),
        kind="check",
        title=t("feed_check_title", lang, year=year, plan=_plan_name(plan, lang)),
        summary=report_headline(plan, evaluation, lang).summary,
        updated=updated,
        published=published,
        page=lang_path(lang, report_path(plan, year)),
    )


def check_dates(site: Site, plan: Plan, year: int) -> tuple[str, str]:
    """When the check's results last changed and were first committed; outside git (or before its first commit)
    the date of its own source documents, else the data's date, and no publication date."""
    sources = report_sources(plan.id, year)
    if site.history is not None and (updated := site.history.latest(sources)):
        return updated, site.history.earliest(sources)
    check = site.evaluations[plan.id][year].results.check
    dated = [source.date.isoformat() for source in check.sources if source.date is not None]
    return (max(dated) if dated else site.data_date or site.build_date), ""


def amendment_entry(plan: Plan, item: Amendment, lang: str) -> Entry:
    """An amendment in the words of the list of amendments: what was amended, when, and each value before → after."""
    change = t("amendment_change", lang, commit=item.commit[:7])
    lines = [t("feed_amendment_when", lang, date=item.date, change=change)]
    lines += [t("feed_amendment_line", lang, label=r.label, before=r.before, after=r.after) for r in item.rows(lang)]
    return Entry(
        id=stable_id("amendment", plan.id, item.commit, item.project_id or "", item.year or "", lang),
        kind="amendment",
        title=t("feed_amendment_title", lang, heading=item.heading(lang), plan=_plan_name(plan, lang)),
        summary="\n".join(lines),
        updated=item.date,
        published=item.date,
        page=lang_path(lang, amendments_path(plan)),
    )


def timestamp(day: str) -> str:
    """A day as an RFC 3339 date-time, as Atom requires one: midnight UTC of that day."""
    return f"{day}T00:00:00Z"


def feed_xml(site: Site, lang: str, feed: Feed) -> bytes:
    """The feed as an Atom document; ElementTree escapes every text and attribute it writes."""
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    _add(root, "subtitle", t("feed_subtitle", lang))
    newest = feed.entries[0].updated if feed.entries else site.data_date or site.build_date
    _add(root, "updated", timestamp(newest))
    _add(ET.SubElement(root, "author"), "name", site.publisher(lang) or site.name(lang))
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": _href(site, feed, feed.page)})
    if site.address:  # "self" is the feed's own address: only an absolute one says anything
        ET.SubElement(
            root, "link", {"rel": "self", "type": "application/atom+xml", "href": _href(site, feed, feed.path)}
        )
    if licence := site.licence(lang):
        _add(root, "rights", licence)
    _add(root, "generator", "plansite").set("version", __version__)
    for entry in feed.entries:
        _entry(root, site, feed, entry, lang)
    ET.indent(root)
    document = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{document}\n'.encode()


def _entry(root: ET.Element, site: Site, feed: Feed, entry: Entry, lang: str) -> None:
    element = ET.SubElement(root, "entry")
    _add(element, "id", entry.id)
    _add(element, "title", entry.title)
    _add(element, "updated", timestamp(entry.updated))
    if entry.published:
        _add(element, "published", timestamp(entry.published))
    link = {"rel": "alternate", "type": "text/html", "hreflang": lang, "href": _href(site, feed, entry.page)}
    ET.SubElement(element, "link", link)
    ET.SubElement(element, "category", {"term": entry.kind, "label": t(f"feed_kind_{entry.kind}", lang)})
    _add(element, "summary", entry.summary).set("type", "text")


def _add(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _NOT_XML.sub("", text)
    return element


def _href(site: Site, feed: Feed, path: str) -> str:
    return absolute_url(site.address, path) if site.address else relative_url(feed.path, path)

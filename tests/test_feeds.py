"""The Atom feeds of the record (`generator.site.feeds`): read back with a feed library, as a reader's app would.

feedparser is lenient by design, so besides "it parsed without a complaint" (`bozo` false) each test checks what
RFC 4287 requires of a feed and of an entry itself, on the XML."""

from __future__ import annotations

import dataclasses
import datetime
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import feedparser
import pytest
from lxml import html

import generator
from generator.review.record import Amendment, Amendments, FileDates, Wording
from generator.review.view import Row
from generator.site.feeds import feed_files
from generator.site.pages import build_pages

from .sitemodels import demo_site
from .test_amendments import RESULT, commit, edit, published

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FEEDS = ("feed.xml", "en/feed.xml", "plans/demo/feed.xml", "en/plans/demo/feed.xml")


def _amendment(commit: str, date: str, year: int | None = 2024, project: str | None = "1-1-1") -> Amendment:
    """A synthetic amendment of the demo plan, worded in both languages as the record words one."""
    rows = (Row("실적", "6", "4"),)
    return Amendment(
        commit=commit,
        date=date,
        subject="Correct an actual",
        plan_id="demo",
        project_id=project,
        year=year,
        wording=(Wording("ko", "1-1-1 사업 하나 <시험> & 점검", rows), Wording("en", "1-1-1 Project one", rows)),
    )


def _parsed(content: bytes) -> feedparser.FeedParserDict:
    feed = feedparser.parse(content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def _essentials(content: bytes) -> ET.Element:
    """RFC 4287 §4.1: a feed has one id, title and updated, an author (here the feed's, for every entry); each entry
    one id, title and updated, and an alternate link (it has no content); every date an RFC 3339 date-time."""
    root = ET.fromstring(content)
    assert root.tag == f"{A}feed"
    for element in (root, *root.findall(f"{A}entry")):
        for tag in ("id", "title", "updated"):
            [found] = element.findall(f"{A}{tag}")
            assert (found.text or "").strip(), (tag, found)
        for tag in ("updated", "published"):
            for date in element.findall(f"{A}{tag}"):
                assert RFC3339.match(date.text or ""), date.text
        assert element.findall(f"{A}link[@rel='alternate']")
    assert root.findall(f"{A}author/{A}name")[0].text
    return root


@pytest.mark.usefixtures("demo_root")
def test_every_feed_parses_and_has_what_atom_requires() -> None:
    site = demo_site(amendments=Amendments((_amendment("a" * 40, "2025-03-02"),)))
    files = feed_files(site)
    assert sorted(files) == sorted(FEEDS)
    for path, content in files.items():
        feed = _parsed(content)
        root = _essentials(content)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == ("en" if path.startswith("en/") else "ko")
        assert [entry.category for entry in feed.entries] == ["amendment", "check"]  # newest first
        ids = [entry.id for entry in feed.entries]
        assert len(set(ids)) == len(ids) and all(id_.startswith("urn:uuid:") for id_ in ids)
        assert feed.feed.updated == feed.entries[0].updated == "2025-03-02T00:00:00Z"


@pytest.mark.usefixtures("demo_root")
def test_titles_and_summaries_are_in_the_feeds_language() -> None:
    site = demo_site(amendments=Amendments((_amendment("b" * 40, "2025-03-02"),)))
    files = feed_files(site)
    korean, english = _parsed(files["feed.xml"]), _parsed(files["en/feed.xml"])
    assert [entry.title for entry in korean.entries] == [
        "공개 후 수정: 1-1-1 사업 하나 <시험> & 점검 — 시험 계획",
        "2024년 이행사항 점검 결과 공개 — 시험 계획",
    ]
    assert [entry.title for entry in english.entries] == [
        "Amended: 1-1-1 Project one — Test plan",
        "2024 implementation check published — Test plan",
    ]
    assert korean.entries[0].summary == "2025-03-02 수정 (변경 bbbbbbb)\n실적: 6 → 4"
    assert english.entries[0].summary.startswith("Amended on 2025-03-02 (change bbbbbbb)\n")
    assert english.entries[1].summary.startswith("The 2024 check")  # the report's own headline
    # Without a site.yaml there is no organisation: the site's name is the author.
    assert (korean.feed.author, english.feed.author) == (site.name("ko"), site.name("en"))
    assert english.feed.title == f"{site.name('en')} — updates"
    assert _parsed(files["plans/demo/feed.xml"]).feed.title == "시험 계획 — 새 소식"


@pytest.mark.usefixtures("demo_root")
def test_a_text_with_markup_and_control_characters_stays_text() -> None:
    rows = (Row("a <b>bold</b> & \x07bell", "<", ">"),)
    item = dataclasses.replace(_amendment("c" * 40, "2025-03-02"), wording=(Wording("ko", "<x>", rows),))
    feed = _parsed(feed_files(demo_site(amendments=Amendments((item,))))["feed.xml"])
    assert feed.entries[0].summary.endswith("a <b>bold</b> & bell: < → >")
    assert feed.entries[0].title.startswith("공개 후 수정: <x>")


@pytest.mark.usefixtures("demo_root")
def test_ids_name_the_thing_not_the_build_the_address_or_the_feed() -> None:
    items = Amendments((_amendment("d" * 40, "2025-03-02"), _amendment("d" * 40, "2025-03-02", None)))
    local, online = demo_site(amendments=items), demo_site(amendments=items, address="https://example.org/plans/")
    assert feed_files(local) == feed_files(demo_site(amendments=items))  # byte for byte
    ids = {path: [e.id for e in _parsed(content).entries] for path, content in feed_files(local).items()}
    assert ids == {path: [e.id for e in _parsed(content).entries] for path, content in feed_files(online).items()}
    # The same entry in the site's feed and the plan's; another text (language) is another entry.
    assert ids["feed.xml"] == ids["plans/demo/feed.xml"] and not set(ids["feed.xml"]) & set(ids["en/feed.xml"])
    assert len(set(ids["feed.xml"])) == 3  # one commit amended two things: two entries
    later = demo_site(amendments=Amendments((_amendment("e" * 40, "2025-04-01"), *items.items)))
    assert set(ids["feed.xml"]) < {e.id for e in _parsed(feed_files(later)["feed.xml"]).entries}


@pytest.mark.usefixtures("demo_root")
def test_links_are_absolute_with_the_sites_address_and_relative_to_the_feed_without() -> None:
    items = Amendments((_amendment("f" * 40, "2025-03-02"),))
    online = feed_files(demo_site(amendments=items, address="https://example.org/plans/"))
    feed = _parsed(online["en/plans/demo/feed.xml"])
    assert feed.feed.link == "https://example.org/plans/en/plans/demo/index.html"
    [self_link] = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == "https://example.org/plans/en/plans/demo/feed.xml"
    assert [entry.link for entry in feed.entries] == [
        "https://example.org/plans/en/plans/demo/amendments.html",
        "https://example.org/plans/en/plans/demo/reports/2024.html",
    ]
    local = feed_files(demo_site(amendments=items))
    root = ET.fromstring(local["en/plans/demo/feed.xml"])
    assert [link.get("href") for link in root.iter(f"{A}link")] == [
        "index.html",
        "amendments.html",
        "reports/2024.html",
    ]
    assert ET.fromstring(local["feed.xml"]).find(f"{A}entry/{A}link").get("href") == "plans/demo/amendments.html"  # type: ignore[union-attr]


@pytest.mark.usefixtures("demo_root")
def test_a_checks_dates_come_from_its_results_history_else_from_the_data() -> None:
    history = FileDates(
        {"results/demo/2024": "2025-05-06", "results/demo": "2025-05-06"},
        {"results/demo/2024": "2025-01-10", "results/demo": "2025-01-10"},
    )
    [entry] = _parsed(feed_files(demo_site(history=history))["plans/demo/feed.xml"]).entries
    assert (entry.updated, entry.published) == ("2025-05-06T00:00:00Z", "2025-01-10T00:00:00Z")
    [entry] = _parsed(feed_files(demo_site())["plans/demo/feed.xml"]).entries  # outside git: the data's date
    assert entry.updated == "2024-01-01T00:00:00Z" and "published" not in entry
    empty = feed_files(demo_site(evaluations={"demo": {}}, data_date="2024-02-03"))["plans/demo/feed.xml"]
    assert _parsed(empty).feed.updated == "2024-02-03T00:00:00Z" and not _parsed(empty).entries
    _essentials(empty)


@pytest.mark.usefixtures("demo_root")
def test_every_page_names_the_sites_feed_and_a_plans_pages_the_plans() -> None:
    pages = build_pages(demo_site(amendments=Amendments((_amendment("a" * 40, "2025-03-02"),))))
    feeds = {page.meta.path: [link.href for link in page.meta.feeds] for page in pages}
    assert feeds["index.html"] == ["feed.xml"]
    assert feeds["en/methodology.html"] == ["en/feed.xml"]
    for path in ("plans/demo/index.html", "plans/demo/reports/2024.html", "plans/demo/amendments.html"):
        assert feeds[path] == ["feed.xml", "plans/demo/feed.xml"], path
    assert feeds["en/plans/demo/projects/1-1-1.html"] == ["en/feed.xml", "en/plans/demo/feed.xml"]
    [home] = [page for page in pages if page.meta.path == "en/index.html"]
    assert home.content.follow.link.href == "en/feed.xml"  # type: ignore[attr-defined]
    assert "feed reader" in home.content.follow.help  # type: ignore[attr-defined]


# -- built sites -------------------------------------------------------------------------------------------


def _links_resolve(out: Path, path: str, content: bytes, base: str = "file:///site/") -> None:
    """Every link of a feed leads to a file of the built site (relative links: from the feed's own address)."""
    for link in ET.fromstring(content).iter(f"{A}link"):
        target = urlsplit(urljoin(base + path, link.get("href", "")))
        assert target.path.startswith(urlsplit(base).path), link.get("href")
        assert (out / posixpath.relpath(target.path, urlsplit(base).path)).is_file(), (path, link.get("href"))


@pytest.mark.slow
def test_a_built_sites_feeds_are_linked_from_every_page_and_link_to_built_pages(demo_root: Path) -> None:
    options = generator.Options(root=demo_root, source_date=datetime.date(2026, 5, 4))
    generator.build(options)
    out = demo_root / "output"
    feeds = {path: (out / path).read_bytes() for path in FEEDS}
    for path, content in feeds.items():
        _parsed(content)
        _essentials(content)
        _links_resolve(out, path, content)
    for page in out.rglob("*.html"):
        if page.parent.name == "static" or "embed" in page.relative_to(out).parts[:2]:
            continue  # an embed is a chart shown on another site, not a page to follow the site from
        tree = html.parse(str(page)).getroot()
        heads = tree.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']")
        assert heads, page
        for link in heads:
            assert link.get("title")
            assert (page.parent / link.get("href")).resolve().is_file(), (page, link.get("href"))
    home = html.parse(str(out / "en/index.html")).getroot()
    [visible] = home.xpath("//main//a[@type='application/atom+xml']")
    assert visible.get("href") == "feed.xml" and "Atom" in visible.text_content()
    plan = html.parse(str(out / "plans/demo/index.html")).getroot()
    assert plan.xpath("//main//a[@type='application/atom+xml']/@href") == ["feed.xml"]
    generator.build(options)
    assert {path: (out / path).read_bytes() for path in FEEDS} == feeds  # two builds, the same bytes


@pytest.mark.slow
def test_an_amendment_committed_in_git_is_an_entry_dated_by_its_commit(tmp_path: Path) -> None:
    root = published(tmp_path / "repo")  # the demo plan and its 2024 check, committed on 2025-01-10
    edit(root / RESULT, "actual: 6", "actual: 4")
    commit(root, "Correct the 2024 actual of 1-1-1", "2025-03-01T23:30:00-05:00")  # its own day: March 1
    generator.build(generator.Options(root=root, out=root / "site", base_url="https://example.org/p/"))
    out = root / "site"
    for path in FEEDS:
        _links_resolve(out, path, (out / path).read_bytes(), "https://example.org/p/")
    feed = _parsed((out / "en/plans/demo/feed.xml").read_bytes())
    amended = [entry for entry in feed.entries if entry.category == "amendment"]
    assert amended and {entry.updated for entry in amended} == {"2025-03-01T00:00:00Z"}
    assert all(entry.link == "https://example.org/p/en/plans/demo/amendments.html" for entry in amended)
    assert any("6 → 4" in entry.summary for entry in amended)
    [check] = [entry for entry in feed.entries if entry.category == "check"]
    assert (check.published, check.updated) == ("2025-01-10T00:00:00Z", "2025-03-01T00:00:00Z")
    assert feed.feed.updated == "2025-03-01T00:00:00Z"
    page = html.parse(str(out / "en/plans/demo/amendments.html")).getroot()
    assert page.xpath("//main//a[@type='application/atom+xml']/@href") == ["feed.xml"]

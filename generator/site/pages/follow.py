"""Following the record: where the Atom feeds are (`generator.site.feeds` writes them) and the pages' links to them.

One feed per language for the whole site (`feed.xml`, `en/feed.xml`) and one per plan
(`plans/<id>/feed.xml`, `en/plans/<id>/feed.xml`). Every page names the site's feed in its <head>, a plan's pages
also the plan's; the home page, a plan's page and its list of amendments show a visible link with a line on what
a feed is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Plan
from generator.i18n import t
from generator.site.pages.common import Link, Site
from generator.site.pages.paths import lang_path, plan_path

FEED_NAME = "feed.xml"
FEED_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class Follow:
    """A visible link to a feed, and a sentence on what a feed is for a reader who has never used one."""

    link: Link
    help: str


def site_feed_path(lang: str) -> str:
    return lang_path(lang, FEED_NAME)


def plan_feed_path(plan: Plan, lang: str) -> str:
    return lang_path(lang, f"{plan_path(plan).removesuffix('index.html')}{FEED_NAME}")


def site_feed_title(site: Site, lang: str) -> str:
    return t("feed_site_title", lang, site=site.name(lang))


def plan_feed_title(plan: Plan, lang: str) -> str:
    return t("feed_plan_title", lang, plan=(plan.spec.short_title or plan.spec.title).get(lang))


def site_feed_link(site: Site, lang: str) -> Link:
    """The site's feed, as <head> names it: its address and its title."""
    return Link(site_feed_path(lang), site_feed_title(site, lang))


def plan_feed_link(plan: Plan, lang: str) -> Link:
    return Link(plan_feed_path(plan, lang), plan_feed_title(plan, lang))


def follow_site(lang: str) -> Follow:
    return Follow(Link(site_feed_path(lang), t("feed_follow_site", lang)), t("feed_follow_help", lang))


def follow_plan(plan: Plan, lang: str) -> Follow:
    return Follow(Link(plan_feed_path(plan, lang), t("feed_follow_plan", lang)), t("feed_follow_help", lang))

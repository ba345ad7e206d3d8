"""What every kind of page shares: the site being built, output paths, the page envelope, the words for levels.

The distribution and discrepancy views several pages show are in `distribution`.

A page module (`home`, `plan`, `project`, …) builds its own content from these; templates only format.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from generator.data.config import SiteConfigFile
from generator.data.model import Plan
from generator.data.schema import LocalizedText, ProjectFile
from generator.describe import category_label
from generator.evaluation.year import IndicatorOutcome, YearEvaluation
from generator.i18n import other_language, t
from generator.numbers import LOCALES, NONE, kilobytes, percent
from generator.review.record import Amendments, FileDates
from generator.site import chartspec
from generator.site.pages.credits import EVERYTHING, absolute_url, citation, updated_text
from generator.site.pages.paths import DICTIONARY_PATH, data_path, lang_path, slugify

Amount = int | float


# -- the site -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataFile:
    """A download the build made before the pages (the zip of all the data), which the pages link with its size."""

    path: str  # from the site root: "data/my-site-data.zip"
    size: int  # in bytes


@dataclass(frozen=True)
class Site:
    plans: list[Plan]
    evaluations: dict[str, dict[int, YearEvaluation]]
    data_date: str  # may be empty: no source is dated
    methodology_md: dict[str, str]
    open_data_md: dict[str, str]  # the data dictionary's text in each language
    config: SiteConfigFile | None = None  # None: no site.yaml, neutral words from the catalogue
    extra_css: bool = False  # the site's theme adds its own style sheet
    amendments: Amendments | None = None  # None: no git history to read them from, so no such sections
    root: str | None = None  # the site's path on its host ("/plans/"), when its address is known
    address: str | None = None  # the site's absolute address (base_url), when known: printed pages, link previews
    history: FileDates | None = None  # when each data file last changed (git); None: outside git
    build_date: str = ""  # YYYY-MM-DD: the "last updated" date of a page whose files git does not date
    all_data: DataFile | None = None  # the zip of all the data; None: not made (a site model in a test)

    def name(self, lang: str) -> str:
        return self.config.site_name.get(lang) if self.config is not None else t("default_site_name", lang)

    def slug(self) -> str:
        """The site's short name in file names: site.yaml's `slug`, else its English name slugged (never the
        checkout folder's name, which differs between clones)."""
        chosen = self.config.slug if self.config is not None else None
        return chosen or slugify(self.name("en")) or slugify(t("default_site_name", "en"))

    def tagline(self, lang: str) -> str:
        tagline = self.config.tagline if self.config is not None else None
        return tagline.get(lang) if tagline is not None else ""

    def footer(self, lang: str) -> str:
        footer = self.config.footer if self.config is not None else None
        return footer.get(lang) if footer is not None else t("footer_note", lang)

    def methodology_notes(self, lang: str) -> str:
        """The site's own Markdown notes for the methodology page (what is particular to its plans); may be empty."""
        notes = self.config.methodology_notes if self.config is not None else None
        return notes.get(lang) if notes is not None else ""

    def licence(self, lang: str) -> str:
        licence = self.config.licence if self.config is not None else None
        return licence.get(lang) if licence is not None else ""

    def licence_url(self) -> str:
        return (self.config.licence_url if self.config is not None else None) or ""

    def updated(self, sources: Sequence[str]) -> str:
        """The date (YYYY-MM-DD) of the last commit that changed any of the page's data files; else the build's."""
        found = self.history.latest(sources) if self.history is not None else ""
        return found or self.build_date

    def publisher(self, lang: str) -> str:
        organisation = self.config.organisation if self.config is not None else None
        return organisation.get(lang) if organisation is not None else ""

    # Each of these is read by every project's page: made once per site model, so that a build's cost grows with
    # the number of projects, not with its square. (A frozen dataclass's cached_property writes to the instance's
    # own dict; `dataclasses.replace` makes a new site, which makes them again.)

    def departments(self) -> dict[str, tuple[LocalizedText, list[tuple[Plan, ProjectFile]]]]:
        """Every department by its Korean name, in that order, with its projects."""
        return self._departments

    @functools.cached_property
    def _departments(self) -> dict[str, tuple[LocalizedText, list[tuple[Plan, ProjectFile]]]]:
        found: dict[str, tuple[LocalizedText, list[tuple[Plan, ProjectFile]]]] = {}
        for plan in self.plans:
            for project in plan.projects:
                for department in project.departments:
                    entry = found.setdefault(department.ko, (department, []))
                    entry[1].append((plan, project))
        return dict(sorted(found.items()))

    def department_slugs(self) -> dict[str, str]:
        """Each department's file name, by its Korean name."""
        return self._department_slugs

    @functools.cached_property
    def _department_slugs(self) -> dict[str, str]:
        slugs: dict[str, str] = {}
        for number, (name, (text, _)) in enumerate(self.departments().items(), start=1):
            slug = slugify(text.en or "") or f"department-{number}"
            while slug in slugs.values():
                slug = f"{slug}-{number}"
            slugs[name] = slug
        return slugs

    @functools.cached_property
    def shared(self) -> dict[tuple[str, ...], object]:
        """What two kinds of page show alike, kept by the module that makes it under a key starting with its own
        name: an indicator's section is on its project's page and in the indicator's embed."""
        return {}

    def outcomes_of(self, plan_id: str, project_id: str) -> list[tuple[int, IndicatorOutcome]]:
        """The project's outcomes in every checked year, as (year, outcome), in the order of the evaluations."""
        return self._outcomes.get((plan_id, project_id), [])

    @functools.cached_property
    def _outcomes(self) -> dict[tuple[str, str], list[tuple[int, IndicatorOutcome]]]:
        found: dict[tuple[str, str], list[tuple[int, IndicatorOutcome]]] = {}
        for plan_id, evaluations in self.evaluations.items():
            for year, evaluation in evaluations.items():
                for outcome in evaluation.outcomes:
                    found.setdefault((plan_id, outcome.project.id), []).append((year, outcome))
        return found


# -- the page envelope ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    href: str  # output path from the site root, e.g. "plans/x/index.html"
    label: str


@dataclass(frozen=True)
class PrintHeads:
    """The running header and footer of every printed page: base.html writes them into CSS page-margin boxes."""

    issuer: str  # top left: the site's organisation, else its name
    title: str  # top right: the page's title
    source: str  # bottom left: the data date and the site's address, either or both may be missing
    page_number: tuple[str, str, str]  # bottom right: the words before, between and after page n and N


@dataclass(frozen=True)
class PageMeta:
    lang: str
    path: str
    title: str
    alternate: str
    breadcrumbs: tuple[Link, ...]
    data_date: str  # may be empty: no source is dated, so the footer names no date
    site_name: str
    description: str  # the site's tagline; may be empty
    footer: str
    publisher: str  # may be empty
    extra_css: bool
    indexed: bool = True  # whether the search index holds the page's content
    menu: tuple[Link, ...] = ()  # the main menu, from the registry of page kinds (`generator.site.pages`)
    summary: str = ""  # the page's own answer in one or two sentences (its headline); empty: the site's tagline
    print_heads: PrintHeads | None = None  # None: printed without a running header and footer
    # Nothing to show (a year not yet checked, an empty list): built so its address answers, but never linked
    # to, left out of the search index and the sitemap, and marked noindex for search engines.
    empty: bool = False
    updated: str = ""  # the last change of the data the page shows ("2026년 11월 3일"); empty: not known
    updated_iso: str = ""  # the same date as YYYY-MM-DD, for <time datetime>
    url: str = ""  # the page's absolute address; empty when the site's address is not known
    image: str = ""  # the absolute address of the page's preview image (its first chart as PNG); may be empty
    image_alt: str = ""  # what the preview image shows (the chart's title)
    image_width: str = ""
    image_height: str = ""
    licence: str = ""  # the site's licence (site.yaml); empty: none stated
    licence_url: str = ""
    citation: str = ""  # how to cite the page, in its language
    kind: str = ""  # the kind of page in the reader's words ("단위사업"), named among search results; may be empty
    # The Atom feeds its <head> names (href: the feed's path, label: its title): the site's, and on a plan's pages
    # the plan's (`generator.site.pages.follow`).
    feeds: tuple[Link, ...] = ()

    @property
    def preview(self) -> str:
        """The page's description for search engines and link previews: its summary, else the site's tagline,
        else the site's name (a preview is never empty)."""
        return self.summary or self.description or self.site_name

    @property
    def og_type(self) -> str:
        """Open Graph's kind of page: the home page is the website, every other page an article of it."""
        return "article" if self.breadcrumbs else "website"

    @property
    def locale(self) -> str:
        """Open Graph's form of the page's language ("ko_KR"), and of the other language's (`locale_alternate`)."""
        return LOCALES[self.lang]

    @property
    def locale_alternate(self) -> str:
        return LOCALES[other_language(self.lang)]

    @property
    def context(self) -> str:
        """What the page is and where it sits, below home ("단위사업 · plan › task"): shown with the page's title
        among search results."""
        where = " › ".join(crumb.label for crumb in self.breadcrumbs[1:])
        return " · ".join(part for part in (self.kind, where) if part)


@runtime_checkable
class PageContent(Protocol):
    """The content of any kind of page; the kind names the template that shows it."""

    template: ClassVar[str]


@dataclass(frozen=True)
class Page:
    meta: PageMeta
    content: PageContent
    charts: tuple[chartspec.ChartSpec, ...] = ()


def page_meta(
    site: Site,
    lang: str,
    path: str,
    title: str,
    crumbs: Sequence[Link] = (),
    *,
    indexed: bool = True,
    summary: str = "",
    empty: bool = False,
    sources: Sequence[str] = EVERYTHING,
) -> PageMeta:
    """The page's envelope; `sources` are the data files and folders it shows (from the data repository's root),
    whose last change is its "last updated" date."""
    home = Link(lang_path(lang, "index.html"), t("home", lang))
    breadcrumbs = (home, *crumbs) if path != "index.html" else ()
    updated = site.updated(sources)
    url = absolute_url(site.address, lang_path(lang, path))
    return PageMeta(
        lang=lang,
        path=lang_path(lang, path),
        title=title,
        alternate=lang_path(other_language(lang), path),
        breadcrumbs=tuple(breadcrumbs),
        data_date=site.data_date,
        site_name=site.name(lang),
        description=site.tagline(lang),
        footer=site.footer(lang),
        publisher=site.publisher(lang),
        extra_css=site.extra_css,
        indexed=indexed and not empty,
        summary=summary,
        updated=updated_text(updated, lang),
        updated_iso=updated,
        url=url,
        licence=site.licence(lang),
        licence_url=site.licence_url(),
        citation=page_citation(site, lang, path, title, sources),
        print_heads=print_heads(site, lang, title),
        empty=empty,
    )


def page_citation(site: Site, lang: str, path: str, title: str, sources: Sequence[str] = EVERYTHING) -> str:
    """How to cite the page at `path` (in `lang`'s folder) that shows `sources`; also how the downloads of what
    it shows are cited (the data package of a plan cites its page, the zip of all the data the home page)."""
    url = absolute_url(site.address, lang_path(lang, path))
    author, name = site.publisher(lang), site.name(lang)
    return citation(lang, author=author, title=title, site=name, year=site.updated(sources)[:4], url=url)


def print_heads(site: Site, lang: str, title: str) -> PrintHeads:
    dated = t("print_data_date", lang, date=site.data_date) if site.data_date else ""
    return PrintHeads(
        issuer=site.publisher(lang) or site.name(lang),
        title=title,
        source=" · ".join(part for part in (dated, site.address or "") if part),
        page_number=page_number_words(lang),
    )


def page_number_words(lang: str) -> tuple[str, str, str]:
    """The catalogue's "page n / N" around its two numbers, which only the printer fills in (CSS counters)."""
    # Control characters never occur in the catalogue, so they mark where the numbers go.
    before, rest = t("print_page_number", lang, page="\x00", pages="\x01").split("\x00")
    between, after = rest.split("\x01")
    return before, between, after


# -- data links -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataLinks:
    """A download block: the files, and the data dictionary page that says what they contain."""

    files: tuple[Link, ...]
    dictionary: Link
    all_data: Link | None = None  # the zip of every plan's files, with its size


def data_links(files: Sequence[Link], lang: str, site: Site | None = None) -> DataLinks:
    """The block of `files`; with `site`, the zip of all its data too."""
    dictionary = Link(lang_path(lang, DICTIONARY_PATH), t("data_dictionary_link", lang))
    return DataLinks(tuple(files), dictionary, all_data_link(site, lang) if site is not None else None)


def all_data_link(site: Site, lang: str) -> Link | None:
    """The zip of all the data, its size in the label; None when the build made none."""
    if site.all_data is None:
        return None
    return Link(site.all_data.path, t("all_data_link", lang, size=kilobytes(site.all_data.size)))


def plan_data_links(plan: Plan, years: Sequence[int], lang: str) -> list[Link]:
    links = [
        Link(data_path(plan, "plan.csv"), t("data_plan_csv", lang)),
        Link(data_path(plan, "plan.json"), t("data_plan_json", lang)),
    ]
    for year in years:
        links.append(Link(data_path(plan, f"results-{year}.csv"), t("data_results_csv", lang, year=year)))
        links.append(Link(data_path(plan, f"results-{year}.json"), t("data_results_json", lang, year=year)))
    return links


# -- words ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LevelNames:
    """What a plan calls each level of its structure, in the page's language."""

    strategy: str
    task: str
    project: str
    indicator: str


def level_name(plan: Plan, level: str, lang: str) -> str:
    return getattr(plan.spec.levels, level).get(lang)


def level_names(plan: Plan, lang: str) -> LevelNames:
    return LevelNames(
        strategy=level_name(plan, "strategy", lang),
        task=level_name(plan, "task", lang),
        project=level_name(plan, "project", lang),
        indicator=level_name(plan, "indicator", lang),
    )


def numbered(label: str, title: str) -> str:
    """`1. 적극적 정보 제공`, `① 적극적 정보제공`: a number takes a full stop, a circled number stands alone."""
    # A circled or parenthesised number (①, ⑴: Unicode "other number") is its own mark, as is a closing bracket.
    last = label[-1:]
    return f"{label}. {title}" if last.isalnum() and unicodedata.category(last) != "No" else f"{label} {title}"


# -- numbers --------------------------------------------------------------------------------------------


def rate_text(outcome: IndicatorOutcome | None) -> str:
    return percent(None if outcome is None else outcome.final_rate)


def grade_text(outcome: IndicatorOutcome | None, lang: str) -> str:
    if outcome is None or outcome.status is None:
        return NONE
    return category_label(outcome.category, lang)

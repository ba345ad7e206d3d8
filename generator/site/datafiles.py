"""The site's downloads, made from its site model before the pages, which link the zip of all the data with its
size: each plan's files (`opendata`), their data package stating how to cite them and the site's licence, and the
zip of them all with its README (`opendata.bundle`). Pure: bytes in memory, which the build writes with the rest.

How to cite a download is how to cite the page that shows it, in the same words: a plan's data package cites the
plan's page, the zip the home page (`page_citation`).
"""

from __future__ import annotations

import dataclasses

from generator.data.model import Plan
from generator.i18n import LANGUAGES
from generator.site.opendata import Terms, open_data_files
from generator.site.opendata.bundle import About, all_data_zip, zip_name
from generator.site.pages.common import DataFile, Site, absolute_url, page_citation
from generator.site.pages.credits import EVERYTHING, plan_sources
from generator.site.pages.paths import lang_path, plan_path

DATA_FOLDER = "data"


def with_open_data(site: Site) -> tuple[Site, dict[str, bytes]]:
    """Every download by its path from the site root, and the site model that knows the zip's path and size."""
    files = plan_data_files(site)
    slug = site.slug()
    path = f"{DATA_FOLDER}/{zip_name(slug)}"
    plan_files = {name.removeprefix(f"{DATA_FOLDER}/"): content for name, content in files.items()}
    abouts = {lang: about(site, lang) for lang in LANGUAGES}
    files[path] = all_data_zip(slug, plan_files, abouts, site.data_date)
    return dataclasses.replace(site, all_data=DataFile(path, len(files[path]))), files


def plan_data_files(site: Site) -> dict[str, bytes]:
    """Each plan's downloads (CSV, JSON, data package) under data/<plan>/."""
    files: dict[str, bytes] = {}
    for plan in site.plans:
        evaluations = site.evaluations.get(plan.id, {})
        years = [evaluations[year] for year in sorted(evaluations)]
        for name, content in open_data_files(plan, years, plan_terms(site, plan)).items():
            files[f"{DATA_FOLDER}/{plan.id}/{name}"] = content
    return files


def plan_terms(site: Site, plan: Plan) -> Terms:
    """How to cite a plan's data (as its page is cited) and the site's licence, in each language."""
    sources = plan_sources(plan.id, results=True)
    return Terms(
        citation={
            lang: page_citation(site, lang, plan_path(plan), plan.spec.title.get(lang), sources) for lang in LANGUAGES
        },
        licence={lang: site.licence(lang) for lang in LANGUAGES},
        licence_url=site.licence_url(),
    )


def about(site: Site, lang: str) -> About:
    """What the zip's README in `lang` says besides its files: the site, its licence, how to cite it (as its home
    page is cited), and its dates."""
    return About(
        site=site.name(lang),
        publisher=site.publisher(lang),
        address=absolute_url(site.address, lang_path(lang, "")),
        licence=site.licence(lang),
        licence_url=site.licence_url(),
        citation=page_citation(site, lang, "index.html", site.name(lang), EVERYTHING),
        data_date=site.data_date,
        changed=site.updated(EVERYTHING),
        dictionary=site.open_data_md[lang],
    )

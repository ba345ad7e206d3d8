"""All the open data in one file: a zip of every plan's downloads and a README in each language, the same bytes
out of every build of the same data.

The members are the files of `data/<plan>/` byte for byte, under one folder named like the zip, so that
unzipping makes one folder. The README is in two files, `README.ko.md` and `README.en.md`, one language each, as
the site's own texts are (`open-data.md`, `open-data.ko.md`): a reader opens the one they read, and neither is a
translation buried under the other. What a README says about each file is what the plan's data package says
(its resources' titles and descriptions, in the README's language) and the data dictionary of that language,
included whole: no second description to drift from the first.

Reproducible: the members are in sorted order, each dated with the date of the data (or 1980-01-01, the
earliest date a zip can hold, when nothing is dated), as a regular file readable by all (0644, recorded as made
on Unix whatever the builder's system), deflated at one fixed level; the zip has no comment and no extra fields.
No clock is read: the README gives the data's last change (its last commit), not the build's time. Bytes only:
the build writes them with the rest of the site.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

from generator.i18n import t
from generator.site.opendata.package import DATAPACKAGE_JSON
from generator.site.opendata.values import Json

README_FILES = {"ko": "README.ko.md", "en": "README.en.md"}
EARLIEST = datetime.date(1980, 1, 1)  # the earliest date a zip's (MS-DOS) timestamps can hold
LEVEL = 6  # zlib's compression level, fixed so that the bytes never depend on a default: 9 is slower for 1% less
PERMISSIONS = 0o100644  # a regular file: read and write for its owner, read for everyone else


@dataclass(frozen=True)
class About:
    """What a README says beyond the files, in its language, every word already chosen by the caller."""

    site: str  # the site's name
    publisher: str  # the publishing organisation; may be empty
    address: str  # the site's address; empty when not known
    licence: str  # the licence's name; empty: none stated
    licence_url: str  # may be empty
    citation: str  # how to cite the site's data, as its home page says it
    data_date: str  # YYYY-MM-DD, the date of the data; may be empty: no source is dated
    changed: str  # YYYY-MM-DD, the data's last change (its last commit; outside git, the build's date)
    dictionary: str  # the data dictionary in this language (Markdown, its title first)


def zip_name(slug: str) -> str:
    """`<slug>-data.zip`: the slug is the site's (site.yaml `slug`), never the checkout folder's name."""
    return f"{slug}-data.zip"


def folder_name(slug: str) -> str:
    return f"{slug}-data"


def stamp(data_date: str) -> datetime.date:
    """The date every member carries: the data's, else the earliest a zip holds."""
    return max(datetime.date.fromisoformat(data_date), EARLIEST) if data_date else EARLIEST


def all_data_zip(slug: str, files: Mapping[str, bytes], abouts: Mapping[str, About], data_date: str) -> bytes:
    """The zip of `files` (path under data/, "<plan>/plan.csv" → bytes, each plan's folder with its
    datapackage.json) with a README per language of `abouts`."""
    top = folder_name(slug)
    members = {f"{top}/{path}": content for path, content in files.items()}
    for lang, about in abouts.items():
        members[f"{top}/{README_FILES[lang]}"] = readme(lang, about, files).encode("utf-8")
    return zip_bytes(members, stamp(data_date))


def zip_bytes(members: Mapping[str, bytes], date: datetime.date) -> bytes:
    """A zip of `members` (name → bytes) in sorted order, each dated `date` at midnight, deflated at `LEVEL`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, (date.year, date.month, date.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix: the permissions below mean the same on every system that unzips
            info.external_attr = PERMISSIONS << 16
            archive.writestr(info, members[name], compresslevel=LEVEL)
    return buffer.getvalue()


# -- the README ----------------------------------------------------------------------------------------------


def readme(lang: str, about: About, files: Mapping[str, bytes]) -> str:
    """The README in `lang`, Markdown: what the zip holds, its licence, how to cite it, its dates, and the
    data dictionary."""
    parts = [
        f"# {t('readme_title', lang, site=about.site)}",
        t("readme_intro", lang, site=about.site),
        *([t("readme_address", lang, url=about.address)] if about.address else []),
        f"## {t('readme_files', lang)}",
        t("readme_readmes", lang, korean=README_FILES["ko"], english=README_FILES["en"], package=DATAPACKAGE_JSON),
        *_plans(lang, about, files),
        f"## {t('licence_label', lang)}",
        _licence(lang, about),
        f"## {t('cite_label', lang)}",
        about.citation,
        t("readme_cite_note", lang, package=DATAPACKAGE_JSON),
        f"## {t('readme_dates', lang)}",
        _dates(lang, about),
        f"## {t('data_dictionary', lang)}",
        _demoted(about.dictionary),
    ]
    return "\n\n".join(part.strip("\n") for part in parts) + "\n"


def _plans(lang: str, about: About, files: Mapping[str, bytes]) -> list[str]:
    """Per plan folder, under the plan's title: each file as its data package describes it, and the package as
    the data dictionary does."""
    suffix = "" if lang == "ko" else "_en"
    meanings = _file_meanings(about.dictionary)
    parts: list[str] = []
    for path in sorted(path for path in files if path.endswith(f"/{DATAPACKAGE_JSON}")):
        plan = path.rsplit("/", 1)[0]
        package: Json = json.loads(files[path])
        lines = [
            f"- `{plan}/{resource['path']}`: {resource['description' + suffix]}" for resource in package["resources"]
        ]
        lines.append(f"- `{path}`: {meanings[DATAPACKAGE_JSON]}")
        parts += [f"### {package['title' + suffix]} (`{plan}/`)", "\n".join(lines)]
    return parts


def _file_meanings(dictionary: str) -> dict[str, str]:
    """File → what it holds: the first table of the data dictionary, which lists the files of a plan's folder."""
    rows = re.findall(r"^\| `([^`]+)` \| (.+) \|$", dictionary.split("\n## ", 1)[0], re.MULTILINE)
    return dict(rows)


def _licence(lang: str, about: About) -> str:
    if about.licence:
        terms = t("readme_licence_url", lang, url=about.licence_url) if about.licence_url else ""
        return f"{about.licence} {terms}".strip()
    if about.publisher:
        return t("readme_no_licence", lang, publisher=about.publisher)
    return t("readme_no_licence_no_publisher", lang, site=about.site)


def _dates(lang: str, about: About) -> str:
    data = t("readme_data_date", lang, date=about.data_date) if about.data_date else t("readme_no_data_date", lang)
    lines = [
        f"- {data}",
        f"- {t('readme_changed', lang, date=about.changed)}",
        "",
        t("readme_no_build_time", lang, stamp=stamp(about.data_date).isoformat()),
    ]
    return "\n".join(lines)


def _demoted(markdown: str) -> str:
    """The dictionary under the README's own heading: its title left out, every heading one level lower, and
    the `{#id}` anchors the site gives its headings removed (a Markdown viewer would show them)."""
    text = re.sub(r"\A# [^\n]*\n+", "", markdown)
    text = re.sub(r"^(#+) ", r"#\1 ", text, flags=re.MULTILINE)
    return re.sub(r"^(#+ .*?) \{#[-\w]+\}$", r"\1", text, flags=re.MULTILINE)

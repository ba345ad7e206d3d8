"""The "edit" links the editing preview adds to a page: the forms of what the page shows.

Only the preview started with `--edit` adds them (`site.serve.Extension.page_addition`); a built site never
has them. A plan's page opens the plan; a unit project's page the project and its results of each checked
year; a report page the year's check.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

import yaml

from generator.data.layout import CHECK_FILE, DATA_SUFFIX, PLAN_FILE, PROJECTS_DIR, DataRepository
from generator.edit.documents import DocumentRef, NotADocument, read_data
from generator.i18n import in_sentence, t

_PAGE = re.compile(
    r"/(?:(?P<lang>en)/)?plans/(?P<plan>[a-z0-9]+(?:-[a-z0-9]+)*)/"
    r"(?:(?:index\.html)?|projects/(?P<project>[1-9][0-9]*(?:-[1-9][0-9]*)*)\.html|reports/(?P<year>[0-9]{4})\.html)"
)
# Inline, so that the preview's addition needs no file of the site and cannot change the site's own styles; a
# bar in the page's flow above it, not a floating box that would lie over the page's figures.
_STYLE = "background:#fff;border-bottom:2px solid #1a4fa0;padding:.5rem 1.25rem;font-size:1rem"
_LIST_STYLE = "list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem"


def form_address(document: DocumentRef, lang: str) -> str:
    return "/_edit/?" + urlencode({"kind": document.kind, **dict(document.ids), "lang": lang})


def page_forms(repository: DataRepository, address: str) -> tuple[str, list[tuple[str, DocumentRef]]]:
    """The language of the page at `address` and the documents it shows, each with its link's words."""
    found = _PAGE.fullmatch(address)
    if found is None:
        return "ko", []
    lang, plan = found["lang"] or "ko", found["plan"]
    wanted: list[tuple[str, str, dict[str, str]]] = []
    if found["project"]:
        project = found["project"]
        level = in_sentence(_project_level(repository, plan, lang), lang)
        wanted.append(
            (t("edit_link_project", lang, level=level, id=project), "project", {"plan": plan, "project": project})
        )
        for year in _checked_years(repository, plan, project):
            ids = {"plan": plan, "year": year, "project": project}
            wanted.append((t("edit_link_results", lang, level=level, id=project, year=year), "results", ids))
    elif found["year"]:
        wanted.append((t("edit_link_check", lang, year=found["year"]), "check", {"plan": plan, "year": found["year"]}))
    else:
        wanted.append((t("edit_link_plan", lang), "plan", {"plan": plan}))
    forms = []
    for words, kind, ids in wanted:
        try:
            document = DocumentRef.of(kind, ids)
            document.path(repository)
        except NotADocument:
            continue  # a page of something with no file of its own to edit
        forms.append((words, document))
    return lang, forms


def _project_level(repository: DataRepository, plan: str, lang: str) -> str:
    """What the plan calls a unit project (its `levels.project`), or the catalogue's word when it cannot say."""
    try:
        levels = read_data((repository.plans / plan / PLAN_FILE).read_text(encoding="utf-8")).get("levels") or {}
        name = levels.get("project")
        text = name.get(lang) or name.get("ko") if isinstance(name, dict) else name
    except (OSError, UnicodeDecodeError, AttributeError, yaml.YAMLError):
        text = None
    return text if isinstance(text, str) and text.strip() else t("edit_kind_project", lang)


def _checked_years(repository: DataRepository, plan: str, project: str) -> list[str]:
    folder = repository.results / plan
    if not folder.is_dir():
        return []
    return sorted(
        year.name
        for year in folder.iterdir()
        if (year / CHECK_FILE).is_file() and (year / PROJECTS_DIR / f"{project}{DATA_SUFFIX}").is_file()
    )


def addition(repository: DataRepository, address: str) -> bytes:
    """The links to add at the end of the page at `address` (nothing for a page with no form)."""
    lang, forms = page_forms(repository, address)
    if not forms:
        return b""
    items = "".join(
        f'<li><a href="{html.escape(form_address(document, lang))}">{html.escape(words)}</a></li>'
        for words, document in forms
    )
    label = html.escape(t("edit_links_label", lang))
    return (
        f'<nav class="plansite-edit-links" aria-label="{label}" style="{_STYLE}">'
        f'<ul style="{_LIST_STYLE}">{items}</ul></nav>'
    ).encode()

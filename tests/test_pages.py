"""Page models are checked directly, before any template sees them (as Datasette checks its page contexts)."""

from __future__ import annotations

import dataclasses
import types
import typing

import pytest

from generator.i18n import t
from generator.site import theme
from generator.site.pages import KINDS, Page, PageKind, Site, build_pages
from generator.site.pages.amendments import AmendmentsContent
from generator.site.pages.budget import YearAmount
from generator.site.pages.project import IndicatorView, ProjectContent
from generator.site.pages.report import ReportContent, ReportPendingContent

from .sitemodels import demo_site

CONTENT_TYPES = tuple(content for kind in KINDS for content in kind.contents)


def demo_pages() -> list[Page]:
    return build_pages(_demo_site())


def _demo_site() -> Site:
    return demo_site()


def _check_types(value: object, hint: object, where: str) -> None:
    """Every field holds what its annotation says, recursively: a template never meets a surprise."""
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(value):
        hints = typing.get_type_hints(type(value))
        for field in dataclasses.fields(value):
            _check_types(getattr(value, field.name), hints[field.name], f"{where}.{field.name}")
    elif origin is tuple:
        args = typing.get_args(hint)
        items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        for index, (item, item_hint) in enumerate(zip(value, items, strict=True)):
            _check_types(item, item_hint, f"{where}[{index}]")
    elif origin is dict:
        assert isinstance(value, dict), where
    elif origin in (typing.Union, types.UnionType):
        assert any(_matches(value, option) for option in typing.get_args(hint)), f"{where}: {value!r}"
    elif hint is not object:
        assert _matches(value, hint), f"{where}: {value!r} is not {hint}"


def _matches(value: object, hint: object) -> bool:
    if hint is type(None):
        return value is None
    base = typing.get_origin(hint) or hint
    if base is float:  # the numeric tower: an int is a valid float
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, base) if isinstance(base, type) else True


@pytest.mark.usefixtures("demo_root")
def test_every_page_has_a_known_content_type_whose_template_exists() -> None:
    pages = demo_pages()
    # The demo has no git history, so no list of amendments; every other kind is there.
    assert {type(page.content) for page in pages} == set(CONTENT_TYPES) - {AmendmentsContent}
    for page in pages:
        assert type(page.content) in CONTENT_TYPES, page.meta.path
        assert theme.packaged("templates", page.content.template).is_file(), page.content.template
        _check_types(page, Page, page.meta.path)
        _check_types(page.content, type(page.content), page.meta.path)


@pytest.mark.usefixtures("demo_root")
def test_every_page_has_a_counterpart() -> None:
    paths = {page.meta.path for page in demo_pages()}
    for page in demo_pages():
        assert page.meta.alternate in paths


@pytest.mark.usefixtures("demo_root")
def test_report_model_of_the_demo_year() -> None:
    [report] = [p for p in demo_pages() if p.meta.path == "plans/demo/reports/2024.html"]
    content = report.content
    assert isinstance(content, ReportContent)
    assert content.distribution.total == 3
    assert [(row.category, row.count, row.published) for row in content.distribution.rows if row.count] == [
        ("A+", 1, 1),
        ("excluded", 1, 1),
        ("not_evaluated", 1, 1),
    ]
    assert content.distribution.matches_published is True
    [group] = content.detail_groups
    assert [(row.indicator, row.rate, row.grade) for row in group.rows] == [
        ("지표 하나", "120%", "A+"),
        ("지표 둘", "–", "평가 안함"),
        ("지표 셋", "–", "평가 제외"),
    ]
    assert report.charts == (content.distribution.chart,)


@pytest.mark.usefixtures("demo_root")
def test_project_model_shows_targets_and_results_by_year() -> None:
    [page] = [p for p in demo_pages() if p.meta.path == "en/plans/demo/projects/1-1-1.html"]
    assert isinstance(page.content, ProjectContent)
    [indicator] = page.content.indicators
    assert isinstance(indicator, IndicatorView)
    assert [(c.year, c.target, c.actual, c.rate, c.grade) for c in indicator.years] == [
        (2024, "5 cases", "6 cases", "120%", "A+"),
        (2025, "7 cases", "–", "–", "–"),
    ]
    assert page.content.budget_years == (YearAmount(2024, "10"), YearAmount(2025, "20"))


@pytest.mark.usefixtures("demo_root")
def test_a_year_without_results_has_its_own_short_content() -> None:
    [page] = [p for p in demo_pages() if p.meta.path == "en/plans/demo/reports/2025.html"]
    assert isinstance(page.content, ReportPendingContent)
    assert page.content.year == 2025
    assert page.charts == ()


def test_every_kind_of_page_content_in_the_package_is_registered_once() -> None:
    """A new kind of page is a content class with a template and one entry in KINDS: a class left out fails."""
    import importlib
    import pkgutil

    import generator.site.pages as package

    defined = set()
    for module in pkgutil.iter_modules(package.__path__):
        for value in vars(importlib.import_module(f"{package.__name__}.{module.name}")).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and "template" in vars(value):
                defined.add(value)
    registered = [content for kind in KINDS for content in kind.contents]
    assert sorted(map(str, registered)) == sorted(map(str, defined))
    assert len(registered) == len(set(registered))
    for content in registered:
        assert theme.packaged("templates", content.template).is_file(), content.template


@pytest.mark.usefixtures("demo_root")
def test_the_main_menu_comes_from_the_registry_and_a_broken_entry_is_an_error() -> None:
    pages = demo_pages()
    [home] = [page for page in pages if page.meta.path == "en/index.html"]
    assert [(link.href, link.label) for link in home.meta.menu] == [
        ("en/index.html", "Home"),
        ("en/departments/index.html", "Departments"),
        ("en/methodology.html", "Methodology"),
        ("en/search.html", "Search"),
    ]
    site = _demo_site()
    nowhere = (*KINDS, PageKind("help", (), lambda _site, _lang: [], ("methodology", "help.html")))
    with pytest.raises(TypeError, match="menu entries that lead to no page"):
        build_pages(site, nowhere)
    mislabelled = tuple(
        dataclasses.replace(kind, contents=(ReportContent,)) if kind.name == "home" else kind for kind in KINDS
    )
    with pytest.raises(TypeError, match="pages whose content is not of their kind"):
        build_pages(site, mislabelled)


@pytest.mark.parametrize(
    ("label", "shown"),
    [("1", "1. 정보"), ("가", "가. 정보"), ("①", "① 정보"), ("⑴", "⑴ 정보"), ("1)", "1) 정보"), ("iv", "iv. 정보")],
)
def test_a_number_takes_a_full_stop_and_a_circled_number_stands_alone(label: str, shown: str) -> None:
    from generator.site.pages.common import numbered

    assert numbered(label, "정보") == shown


@pytest.mark.usefixtures("demo_root")
def test_every_searched_page_names_its_kind_and_where_it_sits_for_the_search_results() -> None:
    kinds = {content: kind for kind in KINDS for content in kind.contents}
    for page in demo_pages():
        kind = kinds[type(page.content)]
        if not page.meta.indexed or kind.name == "home":
            continue
        assert kind.result_kind, kind.name  # a searched kind of page says what it is
        word = t(kind.result_kind, page.meta.lang)
        assert page.meta.context.startswith(word), (page.meta.path, page.meta.context)
        if isinstance(page.content, ProjectContent | ReportContent):  # and which plan it belongs to
            plan = next(plan for plan in _demo_site().plans if f"/{plan.spec.id}/" in f"/{page.meta.path}")
            assert plan.spec.title.get(page.meta.lang) in page.meta.context, page.meta.path

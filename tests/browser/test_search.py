"""The search page in a real browser: Pagefind's index of the built site, under the sub-path the site is served from."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import t

from .checks import axe_violations, watch
from .test_browser import origin_of

PROJECTS = "plans/seoul-citizen-participation-2024/projects"
QUERIES = [
    # A word's beginning finds the whole word: 정보소통 is the start of 정보소통광장.
    ("ko", "정보소통", f"{PROJECTS}/1-1-1.html", "정보소통광장"),
    ("en", "open data", f"en/{PROJECTS}/1-1-2.html", "Open Data Plaza"),
]


def _search(context, base_url: str, lang: str, query: str):
    page = context.new_page()
    traffic = watch(page, origin_of(base_url))
    prefix = "" if lang == "ko" else "en/"
    page.goto(f"{base_url}{prefix}search.html")
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_function(
        "(done) => document.querySelector('[data-search-status]').textContent.includes(done)",
        arg=query,
    )
    return page, traffic


@pytest.mark.parametrize(("lang", "query", "expected", "title"), QUERIES, ids=[q[0] for q in QUERIES])
def test_a_query_finds_the_project_and_its_link_works(
    context, base_url: str, lang: str, query: str, expected: str, title: str, screenshots: Path
) -> None:
    page, traffic = _search(context, base_url, lang, query)
    links = page.locator(".search-results a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert f"/{base_url.split('/', 3)[3]}{expected}" in hrefs, hrefs
    status = page.text_content("[data-search-status]") or ""
    assert status == t("search_many", lang, query=query, count=len(hrefs))
    assert axe_violations(page) == []
    page.screenshot(path=str(screenshots / f"search-{lang}.png"), full_page=False)
    # The result leads to the page under the sub-path, where the words were found.
    with page.expect_navigation():
        page.locator(f'.search-results a[href$="{expected}"]').click()
    assert page.url == base_url + expected
    assert title in (page.text_content("h1") or "")
    assert traffic.problems() == []


def test_the_address_keeps_the_query_so_results_can_be_shared(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}search.html?q=%EC%A0%95%EB%B3%B4%EC%86%8C%ED%86%B5")  # 정보소통
    page.wait_for_selector(".search-results li")
    assert page.input_value("#search-query") == "정보소통"


def test_a_query_with_no_match_says_so(context, base_url: str) -> None:
    page, _ = _search(context, base_url, "en", "zqxjkv")
    assert page.text_content("[data-search-status]") == t("search_none", "en", query="zqxjkv")
    assert page.locator(".search-results li").count() == 0


def test_without_javascript_the_page_says_search_needs_it(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}en/search.html")
    assert page.text_content("[data-search-status]") == t("search_no_script", "en")
    assert page.is_disabled("#search-query")
    context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_opened_as_a_file_the_page_says_search_cannot_work_there(context, built_site: Path, lang: str) -> None:
    page = context.new_page()
    path = built_site / ("search.html" if lang == "ko" else "en/search.html")
    page.goto(path.as_uri())
    assert page.text_content("[data-search-status]") == t("search_file", lang)

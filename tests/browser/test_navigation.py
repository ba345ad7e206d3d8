"""Getting around in a real browser: the language switch keeps the reader's place (the #anchor, the search query),
and the contents list of the report and a project page's links to where it sits (issue 26, item 5)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from .checks import axe_violations, watch
from .test_browser import origin_of

REPORT = "plans/seoul-citizen-participation-2019/reports/2021.html"
PROJECT = "plans/seoul-citizen-participation-2024/projects/1-1-1.html"


def test_the_language_switch_keeps_the_anchor(context, base_url: str) -> None:
    page = context.new_page()
    traffic = watch(page, origin_of(base_url))
    page.goto(f"{base_url}{REPORT}#detail-heading")
    with page.expect_navigation():
        page.click("a.lang-switch")
    assert page.url == f"{base_url}en/{REPORT}#detail-heading"
    # And back, after moving to another section by the contents list.
    page.click('nav.contents a[href="#findings-heading"]')
    with page.expect_navigation():
        page.click("a.lang-switch")
    assert page.url == f"{base_url}{REPORT}#findings-heading"
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert traffic.problems() == []


def test_the_language_switch_keeps_the_search_query(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}search.html")
    page.wait_for_selector("#search-query:not([disabled])")
    page.fill("#search-query", "정보소통")
    page.press("#search-query", "Enter")
    page.wait_for_selector(".search-results li")
    with page.expect_navigation():
        page.click("a.lang-switch")
    assert page.url == f"{base_url}en/search.html?q=%EC%A0%95%EB%B3%B4%EC%86%8C%ED%86%B5"
    # The search script fills the box from the address once Pagefind has loaded, after the page's load event.
    expect(page.locator("#search-query")).to_have_value("정보소통")


def test_without_script_the_switch_still_leads_to_the_other_page(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}{REPORT}#detail-heading")
    with page.expect_navigation():
        page.click("a.lang-switch")
    assert page.url == f"{base_url}en/{REPORT}"
    context.close()


def test_the_contents_list_and_the_project_header(context, base_url: str, screenshots: Path) -> None:
    page = context.new_page()
    page.goto(f"{base_url}{REPORT}")
    contents = page.locator("nav.contents")
    assert contents.get_attribute("aria-label")
    contents.screenshot(path=str(screenshots / "report-contents-ko.png"))
    page.click('nav.contents a[href="#excluded-heading"]')
    assert page.evaluate("location.hash") == "#excluded-heading"
    assert page.locator("#excluded-heading").is_visible()
    assert axe_violations(page) == []
    project = context.new_page()
    project.goto(f"{base_url}en/{PROJECT}")
    project.screenshot(path=str(screenshots / "project-header-en.png"))
    with project.expect_navigation():
        project.click('dl.facts a[href*="#task-"]')
    assert project.url.endswith("index.html#task-1-1")
    # The task's table is where the page opens, not the top of the page.
    assert project.evaluate("document.getElementById('task-1-1').getBoundingClientRect().top") < 200

"""Search measured, not guessed: each query must find the pages whose own indexed text holds it.

The pages a query must find are computed from the built site: every page of the query's language whose indexed
`<main>` contains the query (pages Pagefind leaves out on purpose, such as the search page or a year without
results, have no indexed `<main>` and are not expected). The queries are answered by Pagefind's own index in
Chromium, on the site served from a sub-path, through the module the search page loads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html

from generator.i18n import t
from generator.site.search import INDEX_DIR

from .checks import axe_violations

PROJECTS = "plans/seoul-citizen-participation-2024/projects"
# Korean queries of two or more syllables, most of them found only inside compounds (시민참여, 빅데이터담당관).
KOREAN = [
    ("inside a compound", "참여"),
    ("inside a compound", "광장"),
    ("inside a compound", "데이터"),
    ("inside a compound", "공동체"),
    ("inside a compound", "천만인소"),
    ("department name part", "담당관"),
    ("department name part", "정보공개"),
    ("prefix", "정보소통"),
    ("whole word", "시민참여"),
    ("project number", "1-1-②"),
]
RECALL = 0.9


def _indexed_texts(site: Path, lang: str) -> dict[str, str]:
    """The text Pagefind indexes of each indexed page of `lang`, by its address under the site."""
    texts = {}
    for path in sorted(site.rglob("*.html")):
        if INDEX_DIR in path.relative_to(site).parts:
            continue
        document = html.parse(str(path)).getroot()
        main = document.xpath("//main[@data-pagefind-body]")
        if document.get("lang") == lang and main:
            # What Pagefind leaves out: scripts, styles, and what is marked for it (the embed code to copy).
            for element in main[0].xpath(".//script | .//style | .//*[@data-pagefind-ignore]"):
                element.drop_tree()
            texts[path.relative_to(site).as_posix()] = main[0].text_content()
    return texts


@pytest.fixture(scope="module")
def korean_texts(built_site: Path) -> dict[str, str]:
    return _indexed_texts(built_site, "ko")


@pytest.fixture(scope="module")
def english_texts(built_site: Path) -> dict[str, str]:
    return _indexed_texts(built_site, "en")


@pytest.fixture(scope="module")
def ask(browser, base_url: str) -> Callable[[str, str], list[str]]:
    """The addresses (under the site) of every result of a query, best first, from the search page of `lang`."""
    context = browser.new_context()
    pages = {}
    for lang, prefix in (("ko", ""), ("en", "en/")):
        page = context.new_page()
        page.goto(f"{base_url}{prefix}search.html")
        page.wait_for_selector("#search-query:enabled")  # site.js has loaded and set up the index
        pages[lang] = page
    site_path = "/" + base_url.split("/", 3)[3]

    def results(lang: str, query: str) -> list[str]:
        urls = pages[lang].evaluate(
            """async (query) => {
                const form = document.querySelector("[data-search]");
                const pagefind = await import(new URL(form.getAttribute("data-index"), location.href).href);
                const found = await pagefind.search(query);
                return Promise.all(found.results.map(async (result) => (await result.data()).url));
            }""",
            query,
        )
        assert all(url.startswith(site_path) for url in urls), urls  # under the sub-path
        return [url.removeprefix(site_path) for url in urls]

    yield results
    context.close()


@pytest.mark.parametrize(("kind", "query"), KOREAN, ids=[f"{kind}:{query}" for kind, query in KOREAN])
def test_a_korean_query_finds_the_pages_whose_text_holds_it(
    ask, korean_texts: dict[str, str], kind: str, query: str
) -> None:
    expected = {address for address, text in korean_texts.items() if query in text}
    assert expected, f"no page holds {query}: the query list is out of date"
    found = set(ask("ko", query))
    missed = sorted(expected - found)
    assert len(expected & found) / len(expected) >= RECALL, (kind, len(found), len(expected), missed[:5])


def test_an_english_query_finds_the_other_forms_of_the_word(ask, english_texts: dict[str, str]) -> None:
    # Pagefind's English stemming: "participate" finds "participation", "participating", "participants".
    stem = re.compile(r"\bparticipat", re.IGNORECASE)
    expected = {address for address, text in english_texts.items() if stem.search(text)}
    found = set(ask("en", "participate"))
    assert any("participation" in english_texts[address].lower() for address in found)
    assert len(expected & found) / len(expected) >= RECALL, sorted(expected - found)[:5]


@pytest.mark.parametrize(
    ("lang", "title", "page"),
    [
        ("ko", "열린데이터 광장 운영", f"{PROJECTS}/1-1-2.html"),
        ("ko", "정보소통광장 운영", f"{PROJECTS}/1-1-1.html"),
        ("en", "Open Data Plaza", f"en/{PROJECTS}/1-1-2.html"),
    ],
)
def test_a_full_project_title_ranks_its_project_page_first(ask, lang: str, title: str, page: str) -> None:
    assert ask(lang, title)[0] == page


def test_a_page_whose_own_words_match_ranks_above_one_found_inside_a_compound(ask, korean_texts) -> None:
    # 광장 stands as a word on the 열린데이터 광장 page, and only inside 정보소통광장 elsewhere.
    results = ask("ko", "광장")
    whole = [address for address in results if re.search(r"(^|\s)광장", korean_texts[address])]
    assert whole and results[: len(whole)] == whole


def test_a_button_shows_the_results_beyond_the_first_and_takes_the_focus_there(
    context, base_url: str, korean_texts: dict[str, str], screenshots: Path
) -> None:
    page = context.new_page()
    page.goto(f"{base_url}search.html?q=%EC%B0%B8%EC%97%AC")  # 참여: over a hundred pages
    page.wait_for_selector(".search-results li")
    expected = sum("참여" in text for text in korean_texts.values())
    status = page.text_content("[data-search-status]") or ""
    total = int(re.findall(r"\d+", status.replace(",", ""))[-1])
    assert total >= 0.9 * expected > 60
    shown = page.locator(".search-results li").count()
    more = page.locator("button.search-more")
    assert shown == 30 and more.text_content() == t("search_more", "ko", count=30)
    assert axe_violations(page) == []
    more.click()
    page.wait_for_function("() => document.querySelectorAll('.search-results li').length > 30")
    assert page.evaluate("document.activeElement === document.querySelectorAll('.search-results li a')[30]")
    while more.is_visible():
        more.click()
        page.wait_for_timeout(200)
    assert page.locator(".search-results li").count() == total
    hrefs = page.eval_on_selector_all(".search-results a", "links => links.map(link => link.href)")
    assert len(set(hrefs)) == total  # each page once
    page.screenshot(path=str(screenshots / "search-more.png"), full_page=False)


def test_a_page_found_inside_a_compound_shows_the_compound_marked_in_its_excerpt(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}search.html?q=%EB%8B%B4%EB%8B%B9%EA%B4%80")  # 담당관: only ever inside a compound
    page.wait_for_selector(".search-results li")
    excerpts = page.locator(".search-results li > p:last-child")
    marks = [excerpts.nth(i).locator("mark").all_text_contents() for i in range(excerpts.count())]
    assert marks and all(found and set(found) == {"담당관"} for found in marks), marks
    assert "빅데이터담당관" in (page.locator(".search-results li", has_text="1-1-②").first.text_content() or "")


def test_a_result_line_names_the_kind_of_page_and_its_plan(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}en/search.html?q=Participation")
    page.wait_for_selector(".search-results li")
    lines = page.locator(".search-results .search-context").all_text_contents()
    kinds = {line.split(" · ")[0] for line in lines}
    assert {"Unit project", "Annual check", "Plan"} <= kinds, kinds
    projects = [line for line in lines if line.startswith("Unit project · ")]
    assert projects and all(line.endswith("Participation Basic Plan") for line in projects), projects

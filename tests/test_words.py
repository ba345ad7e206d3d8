"""Words, once (issue 26): every built page's Korean particles agree with their words, English captions start
with a capital, and generated ranges use one mark per language. Over the real site, both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import generator
from generator.describe import counted
from generator.i18n import UI, plural, sentence_case, t
from generator.i18n.particles import with_particle
from generator.numbers import RANGE_MARKS, span

from .conftest import ROOT
from .sitecheck import html_pages, parse
from .wordcheck import catalogue_nouns, disagreeing_particles, load_attachments, page_texts, text_nodes


@pytest.fixture(scope="module")
def known_words(real_site: Path) -> set[str]:
    """The words a particle may follow on the site: every word the build filled in before a particle spec, the
    catalogue's one-word nouns (the level words code sets in sentences), the plans' level names and departments."""
    report = generator.load(generator.Options(root=ROOT))
    words = {word for word, _, _ in load_attachments(real_site)} | catalogue_nouns()
    for plan in report.plans:
        words |= {getattr(plan.spec.levels, level).ko for level in ("strategy", "task", "project", "indicator")}
        words |= {department.ko for project in plan.projects for department in project.departments}
    return {word for word in words if word.strip()}


def test_the_build_attached_every_particle_by_the_rule_and_the_pages_show_it(real_site: Path) -> None:
    """The recording hook saw the catalogue's particle specs at work (the level words among them), and each form
    the rule chose reached a page as it was chosen."""
    attached = load_attachments(real_site)
    assert {word for word, _, _ in attached} >= {"사업"}  # the department pages' "소관 사업과"
    text = "\n".join(t for page in html_pages(real_site) for t in page_texts(page))
    for word, spec, produced in attached:
        assert produced == with_particle(word, spec)
        assert produced in text, (word, spec, produced)


def test_no_built_page_has_a_particle_that_disagrees_with_its_word(real_site: Path, known_words: set[str]) -> None:
    """ "소관 사업와" is "사업" (a catalogue noun and a level name) followed by the vowel form after a consonant: the
    scan tries only known words before a particle, so 결과, 성과 and 효과 are never read as 결+과."""
    wrong = {
        f"{page.relative_to(real_site)}: …{place}…"
        for page in html_pages(real_site)
        for text in page_texts(page)
        for place in disagreeing_particles(text, known_words)
    }
    assert not wrong, "\n".join(sorted(wrong))


def test_the_particle_scan_finds_a_wrong_form_and_passes_nouns_ending_in_gwa(known_words: set[str]) -> None:
    assert disagreeing_particles("정보공개담당관 소관 사업와 최근 점검 등급", known_words)
    assert disagreeing_particles("성과지표과 사유", known_words)
    assert not disagreeing_particles("정보공개담당관 소관 사업과 최근 점검 등급", known_words)
    assert not disagreeing_particles("점검 결과 효과 성과 사업 성과와 목표이다", known_words)


@pytest.mark.parametrize(
    ("name", "number", "lang", "expected"),
    [
        ("전략", 4, "ko", "전략 4"),
        ("Strategy", 4, "en", "4 strategies"),
        ("Programme", 13, "en", "13 programmes"),
        ("Unit project", 1, "en", "1 unit project"),
        ("Sub-task", 1234, "en", "1,234 sub-tasks"),
        ("성과지표", 1, "ko", "성과지표 1"),
    ],
)
def test_a_count_of_a_level_reads_as_each_language_counts(name: str, number: int, lang: str, expected: str) -> None:
    assert counted(name, number, lang) == expected


def test_the_plan_size_line_counts_in_english_with_the_number_first(real_site: Path) -> None:
    home = " ".join(page_texts(real_site / "en" / "index.html"))
    assert "4 strategies · 13 programmes · 40 tasks" in home
    assert "Strategy 4" not in home
    assert "전략 4 · 추진과제 " in " ".join(page_texts(real_site / "index.html"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Strategy", "strategies"), ("Survey", "surveys"), ("Task", "tasks"), ("Sub-task", "sub-tasks")],
)
def test_a_level_name_in_the_english_plural(name: str, expected: str) -> None:
    assert plural(name, "en") == expected
    assert plural("전략", "ko") == "전략"


def _starts_lower(text: str) -> bool:
    """A caption's first word in lower case only (a name such as "mVoting", with a capital inside, is kept)."""
    first = text.split(" ", 1)[0]
    return bool(first) and first[0].islower() and not any(letter.isupper() for letter in first)


def test_every_english_caption_and_heading_starts_with_a_capital(real_site: Path) -> None:
    """Sentence case: a caption or heading starts with a capital, also when a level name or a plural comes first
    ("projects of …" was one). A heading that opens with a file name (<code>plan.csv</code>) is code, not a word."""
    lower = set()
    for page in html_pages(real_site / "en"):
        tree = parse(page)
        for element in tree.iter("caption", "figcaption", "h1", "h2", "h3", "h4"):
            text = " ".join(element.text_content().split())
            opens_with_code = not (element.text or "").strip() and len(element) and element[0].tag == "code"
            if element.get("lang") != "ko" and not opens_with_code and _starts_lower(text):
                lower.add(f"{page.relative_to(real_site)}: {text}")
    assert not lower, "\n".join(sorted(lower))


def test_sentence_case_capitalises_a_lower_case_first_word_only() -> None:
    assert sentence_case("projects of Finance Division", "en") == "Projects of Finance Division"
    assert sentence_case("mVoting participants", "en") == "mVoting participants"
    assert sentence_case("2021: number", "en") == "2021: number"
    assert sentence_case("사업", "ko") == "사업"


# A range between figures written with the other language's mark: Korean pages write 2024~2027, English pages
# 2024–2027. Korean data text keeps its own marks (∼, 〜), so only the English mark is foreign on a Korean page.
_FOREIGN_RANGE = {"ko": re.compile(r"\d\s?–\s?\d"), "en": re.compile(r"\d\s?[~∼〜]\s?\d")}


def test_a_generated_range_has_the_one_mark_of_its_language() -> None:
    assert span(2024, 2027, "ko") == "2024~2027"
    assert span(2024, 2027, "en") == "2024–2027"
    assert span(90, "94%", "ko") == "90~94%"
    for lang, mark in RANGE_MARKS.items():  # the catalogue's span, for messages, writes the same mark
        assert t("span", lang, first="1", last="2") == f"1{mark}2"


def test_the_catalogue_writes_no_range_between_values_but_through_span() -> None:
    by_hand = {
        key: text
        for key, entry in UI.items()
        for text in entry.values()
        if key != "span" and re.search(r"\}\s?[~∼〜–-]\s?\{", text)
    }
    assert not by_hand, by_hand


def test_every_built_page_writes_its_ranges_with_its_languages_mark(real_site: Path) -> None:
    """Each text of each page, in the language it is marked as; the pages that show generated ranges (periods,
    the grade bands, the year-by-year caption) show them with the mark."""
    foreign = {
        f"{page.relative_to(real_site)} [{lang}]: {text.strip()[:80]}"
        for page in html_pages(real_site)
        for lang, text in text_nodes(page)
        if lang in _FOREIGN_RANGE and _FOREIGN_RANGE[lang].search(text)
    }
    assert not foreign, "\n".join(sorted(foreign))
    for prefix, mark in (("", "~"), ("en/", "–")):
        assert f"<dd>2024{mark}2027</dd>" in (real_site / f"{prefix}index.html").read_text(encoding="utf-8")
        assert f"90{mark}94%" in (real_site / f"{prefix}methodology.html").read_text(encoding="utf-8")


def test_a_change_the_english_does_not_show_is_worded_with_the_korean() -> None:
    from generator.review.changes import FieldChange
    from generator.review.view import Row, _field_row

    unit = FieldChange("unit", {"ko": "건", "en": "proposals"}, {"ko": "건수", "en": "proposals"})
    assert _field_row(unit, "en") == Row("Unit (Korean text changed)", "건", "건수", "ko")
    assert _field_row(unit, "ko") == Row("단위", "건", "건수")
    both = FieldChange("unit", {"ko": "건", "en": "cases"}, {"ko": "건수", "en": "items"})
    assert _field_row(both, "en") == Row("Unit", "cases", "items")

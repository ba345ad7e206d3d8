"""The Korean particle rule: one form by how the word before it ends, for every particle the catalogue attaches."""

from __future__ import annotations

import re

import pytest

from generator.i18n import t
from generator.i18n.particles import FORMS_KO, attach, final_consonant


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("사업", "와", "사업과"),
        ("사업", "과", "사업과"),
        ("성과지표", "과", "성과지표와"),
        ("계획", "는", "계획은"),
        ("부서", "은", "부서는"),
        ("A+", "이", "A+가"),  # 에이플러스
        ("서울", "으로", "서울로"),  # ㄹ takes 로
        ("사업", "로", "사업으로"),
        ("지표", "으로", "지표로"),
        ("2021", "을", "2021을"),  # 일
        ("2022", "을", "2022를"),  # 이
        ("45%", "는", "45%는"),  # 퍼센트
        ("계획(2024~2027)", "과", "계획(2024~2027)과"),  # the bracketed aside is not read
        ("「조례」", "와", "「조례」와"),  # 례
        ("‘참여’", "을", "‘참여’를"),
        ("check.yaml", "이", "check.yaml이"),  # 야믈
    ],
)
def test_attach_chooses_the_form_the_ending_takes(word: str, particle: str, expected: str) -> None:
    assert attach(word, particle) == expected


def test_an_ending_that_cannot_be_read_gets_both_forms() -> None:
    assert final_consonant("…") is None
    assert attach("…", "과") == "…와(과)"


def test_every_form_names_a_pair_of_two_forms() -> None:
    for form, pair in FORMS_KO.items():
        assert form in pair and len(pair) == 2


def test_the_catalogue_attaches_particles_by_format_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import i18n

    monkeypatch.setitem(i18n.UI, "_probe", {"ko": "{department} 소관 {project:과} 등급", "en": "{project}"})
    assert t("_probe", "ko", department="정보공개담당관", project="사업") == "정보공개담당관 소관 사업과 등급"
    assert t("_probe", "ko", department="x", project="단위사업") == "x 소관 단위사업과 등급"
    assert t("_probe", "ko", department="x", project="성과지표") == "x 소관 성과지표와 등급"
    assert i18n.msg("_probe", department="x", project="세부사업").render("ko") == "x 소관 세부사업과 등급"


def test_a_quoted_word_takes_its_particle_after_the_closing_mark() -> None:
    from generator.i18n.particles import with_particle

    assert with_particle("plans", "'은") == "'plans'는"
    assert with_particle("계획", "「과") == "「계획」과"
    assert t("link_leaves_not_read", "ko", name="data", root="/r").startswith("'data'는 ")


def test_a_path_takes_its_particle_like_text() -> None:
    from pathlib import Path

    assert t("results_no_check", "ko", file=Path("check.yaml")) == "결과 폴더에 check.yaml이 없습니다"


# A particle written by hand after a placeholder ("{file}이", "'{name}'은(는)") fits only the words it was tried
# with; and a both-forms writing ("은(는)", "(으)로") is what the rule replaces.
_HAND_ATTACHED = re.compile(
    r"\}['\"’”」』]?(?:은|는|이|가|을|를|와|과|으로|로)|은\(는\)|는\(은\)|이\(가\)|가\(이\)"
    r"|을\(를\)|를\(을\)|와\(과\)|과\(와\)|\(으\)로"
)


def test_the_catalogue_attaches_no_particle_by_hand() -> None:
    from generator.i18n import UI

    hand = {key: entry["ko"] for key, entry in UI.items() if _HAND_ATTACHED.search(entry["ko"])}
    assert not hand, hand

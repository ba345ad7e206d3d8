"""`--lang ko`: every line the corpus's `validate` cases print is Korean, apart from the data it quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_corpus import CASES, Case, pristine, run_case  # noqa: F401 (pristine is a fixture)

pytestmark = pytest.mark.slow  # a validate run per case, as the corpus in English

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# What a line may quote without words of its own: 'data' in quotes, the position in front, the YAML path.
QUOTED = re.compile(r"'[^']*'|“[^”]*”|‘[^’]*’")
POSITION = re.compile(r"^\S+?:(?:\d+:\d+|[^:\s]+![A-Z]+\d+):\s*")
YAML_PATH = re.compile(r" \([\w\[\].-]+\)")


def english_only(output: str) -> list[str]:
    """Lines that say something (letters left once data, positions and paths are taken out) but no Hangul."""
    found = []
    for line in output.splitlines():
        words = YAML_PATH.sub("", QUOTED.sub("", POSITION.sub("", line)))
        if re.search(r"[A-Za-z]{3,}", words) and not HANGUL.search(words):
            found.append(line)
    return found


# Cases whose messages are not in the catalogue yet (issue 23, item 4); none are left. Strict: a case listed
# here that becomes Korean fails the run until it leaves the list.
NOT_YET_KOREAN: set[str] = set()

VALIDATE_CASES = [case for case in CASES if case.args[:1] == ("validate",)]


def test_the_check_finds_an_english_only_line() -> None:
    assert english_only("plans/a/plan.yaml:3:1: unknown key 'titl' (titl) — did you mean 'title'?") != []
    assert english_only("plans/a/plan.yaml:3:1: 알 수 없는 키: 'titl' (titl) — 'title'을 쓰려던 것인가요?") == []
    assert english_only("results/x 2021/check.yaml:3:1: unexpected file 'Check.yml' was not read") != []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason="not in the catalogue yet"))
        if case.id in NOT_YET_KOREAN
        else case
        for case in VALIDATE_CASES
    ],
    ids=[case.id for case in VALIDATE_CASES],
)
def test_validate_in_korean_says_everything_in_korean(case: Case, pristine: Path, tmp_path: Path) -> None:  # noqa: F811
    korean = Case(**{**case.__dict__, "args": (*case.args, "--lang", "ko")})
    result, _ = run_case(korean, pristine, tmp_path / "repo")
    assert english_only(result.output) == []

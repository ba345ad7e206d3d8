"""The catalogue is the one place for the site's and the terminal's words: complete, used, and nothing outside it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.i18n import LANGUAGES, UI

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
CATALOGUE = GENERATOR / "i18n"
# t("key", …) and {{ t('key') }}; the key is the first argument.
LITERAL_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']""")
# t(f"kind_{indicator.kind}", …): a family of keys sharing a prefix, chosen by a value of the data model.
FAMILY_CALL = re.compile(r"""\bt\(\s*f["']([a-z0-9_]+)\{""")
QUOTED = re.compile(r"""["']([a-z0-9_]+)["']""")


def sources() -> dict[str, str]:
    files = [*GENERATOR.rglob("*.py"), *GENERATOR.rglob("*.html")]
    return {str(path): path.read_text(encoding="utf-8") for path in files if CATALOGUE not in path.parents}


def catalogue_problems(catalogue: Mapping[str, Mapping[str, str]], code: Iterable[str]) -> list[str]:
    """Keys without every language, keys code asks for that do not exist, and keys nothing uses (a key counts as
    used when code names it in quotes, or calls a family its prefix starts). Placeholders may differ between
    languages: Korean has no plural, so it takes {indicator} where English takes {indicator_plural}."""
    texts = list(code)
    problems = []
    for key, words in catalogue.items():
        if set(words) != set(LANGUAGES):
            problems.append(f"{key}: languages {sorted(words)}, expected {sorted(LANGUAGES)}")
    called = {key for text in texts for key in LITERAL_CALL.findall(text)}
    problems += [f"{key}: used in code, missing from the catalogue" for key in sorted(called - set(catalogue))]
    quoted = {word for text in texts for word in QUOTED.findall(text)}
    families = {prefix for text in texts for prefix in FAMILY_CALL.findall(text)}
    problems += [
        f"{key}: in the catalogue, used nowhere"
        for key in catalogue
        if key not in quoted and not any(key.startswith(prefix) for prefix in families)
    ]
    return problems


def test_the_catalogue_is_complete_and_every_key_is_used() -> None:
    assert catalogue_problems(UI, sources().values()) == []


def test_the_checker_finds_each_kind_of_problem() -> None:
    catalogue = {
        "home": {"ko": "처음", "en": "Home"},
        "only_korean": {"ko": "한국어만"},
        "kind_flow": {"ko": "연간", "en": "Yearly"},
        "forgotten": {"ko": "잊힘", "en": "Forgotten"},
    }
    code = [
        "t('home', lang) + t(\"missing_key\", lang)",
        't(f"kind_{indicator.kind}", lang)',
        "'only_korean', 'placeholders'",
    ]
    assert catalogue_problems(catalogue, code) == [
        "only_korean: languages ['ko'], expected ['en', 'ko']",
        "missing_key: used in code, missing from the catalogue",
        "forgotten: in the catalogue, used nowhere",
    ]


def test_no_korean_words_in_code_outside_the_catalogue() -> None:
    """Hangul in code is only allowed in comments and docstrings (examples), never in a string a reader sees."""
    hangul = re.compile(r"[\uac00-\ud7a3]")
    # The validator's hints quote the data format's own Korean terms (status: not_evaluated is 평가 안함) in its
    # English messages; units.py knows the number words of Korean units (만명 is 10,000 명).
    allowed_modules = {"results.py", "rules.py", "schema.py", "units.py"}
    found = []
    for name, text in sources().items():
        if not name.endswith(".py") or Path(name).name in allowed_modules:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            code = line.split("#", 1)[0]
            if hangul.search(code) and not code.strip().startswith(('"""', "'''")) and '"""' not in line:
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []

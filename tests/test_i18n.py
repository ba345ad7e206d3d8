"""The catalogue is the one place for the site's and the terminal's words: complete, used, and nothing outside it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.i18n import LANGUAGES, UI

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
CATALOGUE = GENERATOR / "i18n"
# t("key", …) and {{ t('key') }}; the key is the first argument.
LITERAL_CALL = re.compile(r"""\b(?:t|msg)\(\s*["']([a-z0-9_]+)["']""")
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
        't(\'home\', lang) + t("missing_key", lang) + msg("missing_message", x=1)',
        't(f"kind_{indicator.kind}", lang)',
        "'only_korean', 'placeholders'",
    ]
    assert catalogue_problems(catalogue, code) == [
        "only_korean: languages ['ko'], expected ['en', 'ko']",
        "missing_key: used in code, missing from the catalogue",
        "missing_message: used in code, missing from the catalogue",
        "forgotten: in the catalogue, used nowhere",
    ]


HANGUL = re.compile(r"[\uac00-\ud7a3]")


def korean_outside_the_catalogue(path: Path, text: str) -> list[str]:
    """String literals holding Hangul where a reader could see them. Allowed: docstrings (examples), comments
    (not literals at all), the catalogue's words (a string value of a dict entry keyed by a language code, in
    generator/i18n/), and the data format's own Korean words (a module-level constant named `…_KO`)."""
    tree = ast.parse(text)
    allowed: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                allowed.add(id(first.value))
        if isinstance(node, ast.Dict) and CATALOGUE in path.parents:
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in LANGUAGES and isinstance(value, ast.Constant):
                    allowed.add(id(value))
        if isinstance(node, ast.Assign | ast.AnnAssign) and node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if all(isinstance(target, ast.Name) and target.id.endswith("_KO") for target in targets):
                allowed |= {id(inner) for inner in ast.walk(node)}
    return [
        f"{path}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in allowed
        and HANGUL.search(node.value)  # cheap first: reading the source segment scans the whole text
        and HANGUL.search(ast.get_source_segment(text, node) or node.value)  # as written: "\\uac00" is no word
    ]


def test_no_korean_words_in_code_outside_the_catalogue() -> None:
    """Hangul in code is only allowed in comments and docstrings, the catalogue's word tables, and the data
    format's named Korean constants; never in a string a reader sees. No file is exempt by its name."""
    found = [
        line
        for path in sorted(GENERATOR.rglob("*.py"))
        for line in korean_outside_the_catalogue(path, path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_korean_check_finds_a_korean_literal_in_any_module() -> None:
    code = (
        '"""모듈 설명."""\n'
        "NUMBER_WORDS_KO = {'만': 10000}  # 주석\n"
        "def check():\n"
        '    """함수 설명."""\n'
        "    return {'ko': '평가 안함', 'en': 'not evaluated'}, f'{1}개'\n"
    )
    for name in ("rules.py", "indicatorrules.py", "results.py", "units.py", "schema.py", "anything.py"):
        found = korean_outside_the_catalogue(GENERATOR / "data" / name, code)
        assert [line.split(": ", 1)[1] for line in found] == ["'평가 안함'", "'개'"]
    assert korean_outside_the_catalogue(CATALOGUE / "problems.py", code) == [f"{CATALOGUE / 'problems.py'}:5: '개'"]


def test_a_key_in_two_tables_of_the_catalogue_is_an_error() -> None:
    """A later table would silently replace an earlier one's words (the search page's message once nearly did)."""
    import pytest

    from generator.i18n import merged

    with pytest.raises(ValueError, match=r"catalogue keys in two tables: \['home'\]"):
        merged(({"home": {"ko": "처음", "en": "Home"}}, {"home": {"ko": "홈", "en": "Start"}}))

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.data.yamlsource import load_document
from generator.errors import DataError, Problem


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_positions_are_one_based_and_cover_keys_and_values(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "a:\n  - x: 1\n    y: [2, 3]\n"))
    assert document.position(("a",)) == (2, 3)
    assert document.position(("a", 0, "y", 1)) == (3, 12)
    assert document.position(("a", 0, "y"), at_key=True) == (3, 5)
    assert document.position(("a", 0, "missing")) == (2, 5)


def test_describe_tells_list_indices_from_year_keys(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "items:\n  - targets: {2024: 1}\n"))
    assert document.describe(("items", 0, "targets", 2024)) == "items[0].targets.2024"


def test_duplicate_keys_are_problems_and_the_first_value_is_kept(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "a: 1\nb:\n  c: 2\n  c: 3\n"))
    assert document.data == {"a": 1, "b": {"c": 2}}
    [problem] = document.problems
    assert (problem.line, problem.column, problem.yaml_path) == (4, 3, "b.c")
    assert problem.message == "duplicate key 'c' (first at line 3, column 3)"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 가\n".encode())
    assert load_document(path).data == {"a": "가"}


def test_syntax_error_carries_position(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_document(write(tmp_path, "a: [1, 2\nb: 3\n"))
    [problem] = raised.value.problems
    assert problem.message.startswith("YAML syntax error:")
    assert problem.line == 2


def test_text_is_read_as_nfc_and_minus_zero_as_zero(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    decomposed = unicodedata.normalize("NFD", "정보공개담당관")
    path.write_text(f"a: {decomposed}\n{decomposed}: 1\nb: -0.0\nc: -0\n", encoding="utf-8")
    data = load_document(path).data
    assert data["a"] == "정보공개담당관" and "정보공개담당관" in data
    assert (str(data["b"]), str(data["c"])) == ("0.0", "0")


def test_yaml_11_forms_are_text_not_numbers(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 024000\nb: 6:40:00\nc: yes\nd: 0x1F\ne: 1_000\nf: .inf\n", encoding="utf-8")
    assert load_document(path).data == {
        "a": "024000",
        "b": "6:40:00",
        "c": "yes",
        "d": "0x1F",
        "e": "1_000",
        "f": ".inf",
    }


def test_quoted_control_characters_reach_no_terminal() -> None:
    problem = Problem("plans/\x1b[31mred.yaml", 1, 1, "unknown key '\x1b]0;title\x07'")
    assert problem.format() == "plans/\\x1b[31mred.yaml:1:1: unknown key '\\x1b]0;title\\x07'"


def test_a_link_to_itself_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.symlink_to(path)
    with pytest.raises(DataError) as caught:
        load_document(path)
    [problem] = caught.value.problems
    assert "cannot read this file: Too many levels of symbolic links" in problem.format()

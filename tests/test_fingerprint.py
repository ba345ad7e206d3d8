"""The code fingerprint's reading of imports (`fingerprint.import_statements`): what a parse of the whole module finds."""

from __future__ import annotations

import ast

import pytest

from generator import fingerprint


def _dumps(nodes: list[ast.stmt]) -> list[str]:
    return sorted(ast.dump(node) for node in nodes)


@pytest.mark.parametrize(
    "module", sorted(p.relative_to(fingerprint.PACKAGE).as_posix() for p in fingerprint.PACKAGE.rglob("*.py"))
)
def test_the_import_lines_give_every_import_a_parse_of_the_whole_module_gives(module: str) -> None:
    source = (fingerprint.PACKAGE / module).read_bytes()
    # A docstring line that reads as an import ("    import generator" in an example) may add one: a wider
    # fingerprint, never a narrower one.
    assert set(_dumps(fingerprint.all_import_statements(source))) <= set(_dumps(fingerprint.import_statements(source)))


@pytest.mark.parametrize(
    "module", sorted(p.relative_to(fingerprint.PACKAGE).as_posix() for p in fingerprint.PACKAGE.rglob("*.py"))
)
def test_no_module_of_the_package_needs_a_parse_of_the_whole_module(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick reading, which every build does for its caches' keys (a whole parse of two modules took
    three quarters of it). A docstring line that starts with "from " or "import " makes one: reword it."""

    def refused(_source: bytes) -> list[ast.stmt]:
        raise AssertionError(f"{module}: a line that reads as an import does not parse; reword it")

    monkeypatch.setattr(fingerprint, "all_import_statements", refused)
    fingerprint.import_statements((fingerprint.PACKAGE / module).read_bytes())


def test_an_import_line_that_does_not_parse_alone_falls_back_to_the_whole_module() -> None:
    source = b'"""Text.\n\nfrom the data: words\n"""\n\ndef f():\n    from generator.site import charts  # (why\n'
    assert _dumps(fingerprint.import_statements(source)) == _dumps(fingerprint.all_import_statements(source))
    assert len(fingerprint.import_statements(source)) == 1
    source = b"import os  # see (this\nimport generator.site.svg\n"
    assert set(_dumps(fingerprint.import_statements(source))) == set(_dumps(fingerprint.all_import_statements(source)))

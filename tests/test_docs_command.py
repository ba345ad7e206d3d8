"""`plansite docs`: the documentation an office needs ships inside the package (one copy of the text: the
package's files are links to docs/), is read offline, and what plansite writes points to it, not to a path in
plansite's repository."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.cli.manual import TOPICS
from generator.cli.vendoring import build_wheel

from .conftest import ROOT

DOCS = ROOT / "docs"


def invoke(*arguments: str | Path) -> str:
    result = CliRunner().invoke(main, [str(argument) for argument in arguments])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_package_docs_are_the_repository_docs() -> None:
    packaged = ROOT / "generator" / "cli" / "docs"
    assert sorted(path.name for path in packaged.iterdir()) == sorted(f"{topic}.md" for topic in TOPICS)
    for path in packaged.iterdir():
        assert path.is_symlink() and path.resolve() == (DOCS / path.name).resolve(), path


def test_the_vendored_wheel_carries_the_docs_text() -> None:
    with zipfile.ZipFile(io.BytesIO(build_wheel())) as archive:
        for topic in TOPICS:
            assert archive.read(f"generator/cli/docs/{topic}.md") == (DOCS / f"{topic}.md").read_bytes()


def test_docs_lists_the_topics_and_prints_each_one() -> None:
    listing = invoke("docs", "--lang", "en")
    assert all(f"plansite docs {topic}" in listing for topic in TOPICS)
    assert "데이터 형식" in invoke("docs", "--lang", "ko")
    assert invoke("docs", "publishing").rstrip("\n") == (DOCS / "publishing.md").read_text(encoding="utf-8").rstrip(
        "\n"
    )
    path = Path(invoke("docs", "data-format", "--path").strip())
    assert path.read_bytes() == (DOCS / "data-format.md").read_bytes()


def test_what_init_and_new_year_write_points_to_plansite_docs_not_to_a_repository_path(tmp_path: Path) -> None:
    office = tmp_path / "office"
    invoke("init", office)
    invoke("new-year", "example-plan", "2025", "--plans", office / "plans", "--config", office / "site.yaml")
    texts = {
        path: path.read_text(encoding="utf-8")
        for path in office.rglob("*")
        if path.is_file()
        and path.suffix in ("", ".md", ".yaml", ".yml", ".txt", ".json")
        and "schemas" not in path.parts
    }
    assert any("plansite docs data-format" in text for path, text in texts.items() if "results" in path.parts)
    assert "plansite docs data-format" in texts[office / "site.yaml"]
    assert [str(path) for path, text in texts.items() if "docs/" in text] == []
    open_data = ROOT / "generator" / "site" / "theme" / "content" / "open-data.md"
    assert "docs/data-format.md" not in open_data.read_text(encoding="utf-8")

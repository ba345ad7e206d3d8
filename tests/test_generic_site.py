"""Issue 24, item 2: plansite's own words name no city, and a fresh site's pages say nothing about Seoul.

What is particular to one plan office's data (how its official tables round, where its grade thresholds came
from) lives in its data repository (`methodology_notes` in site.yaml); the shipped Seoul site keeps its notes.
"""

from __future__ import annotations

import re
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator
from generator.cli import main
from generator.data.config import load_config
from generator.data.schemacheck import EnglishTally
from generator.site.pages.common import Site
from generator.site.pages.methodology import methodology_page

ROOT = Path(__file__).resolve().parent.parent
# Words about the shipped Seoul data that no generic page may hold: the city, the plan's name and ids, and the
# facts of its sources that the methodology text once stated.
SEOUL = re.compile(
    r"서울|seoul|시민참여 기본계획|citizen participation|정보소통광장|118\.5|thresholds were not found|"
    r"공식 등급 기준은 공개 문서|shipped data",
    re.IGNORECASE,
)


def _package_data(node: Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for child in node.iterdir():
        path = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                found += _package_data(child, path)
        elif not child.name.endswith((".py", ".pyc")):
            try:
                found.append((path, child.read_text(encoding="utf-8")))
            except UnicodeDecodeError:
                continue
    return found


def test_the_package_data_names_no_city() -> None:
    texts = _package_data(files("generator"))
    assert any(path.endswith("methodology.en.md") for path, _ in texts)
    assert [(path, match.group()) for path, text in texts for match in SEOUL.finditer(text)] == []


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`plansite init`'s repository, built with a known address under a sub-path."""
    root = tmp_path_factory.mktemp("fresh")
    result = CliRunner().invoke(main, ["init", str(root / "office")])
    assert result.exit_code == 0, result.output
    out = root / "site"
    generator.build(
        generator.Options(root=root / "office", out=out, base_url="https://example.org/sub/", cache_dir=None)
    )
    return out


def test_a_fresh_sites_pages_and_downloads_say_nothing_about_seoul(fresh_site: Path) -> None:
    checked = [
        path
        for path in fresh_site.rglob("*")
        if path.suffix in (".html", ".json", ".csv", ".md", ".txt", ".xml") and "pagefind" not in path.parts
    ]
    assert {"index.html", "methodology.html", "data.html", "404.html"} <= {path.name for path in checked}
    assert any(path.parts[-2:] == ("en", "methodology.html") for path in checked)
    assert any(path.parts[-2:] == ("en", "data.html") for path in checked)
    assert any("data" in path.parts and path.suffix == ".json" for path in checked)
    found = [
        (str(path.relative_to(fresh_site)), match.group())
        for path in checked
        for match in SEOUL.finditer(path.read_text(encoding="utf-8-sig"))
    ]
    assert found == []


def test_a_fresh_sites_footer_names_no_date_when_no_source_is_dated(fresh_site: Path) -> None:
    for page, label in (("index.html", "자료 기준일"), ("en/index.html", "Data as of")):
        footer = (fresh_site / page).read_text(encoding="utf-8").split('<footer class="site-footer">')[1]
        assert label not in footer and "–" not in footer, page


def test_the_404_pages_link_from_the_sites_path_and_the_root_one_speaks_both_languages(fresh_site: Path) -> None:
    korean = (fresh_site / "404.html").read_text(encoding="utf-8")
    english = (fresh_site / "en/404.html").read_text(encoding="utf-8")
    assert 'href="/sub/static/style.css"' in korean and 'href="/sub/static/style.css"' in english
    assert '<p><a href="/sub/index.html">처음</a></p>' in korean
    assert '<section lang="en"' in korean and 'href="/sub/en/index.html" hreflang="en">Home' in korean
    assert '<html lang="en">' in english and 'href="/sub/en/index.html">Home' in english
    assert "<section lang=" not in english
    # Every other page keeps relative links, which work on any host and as files.
    assert 'href="static/style.css"' in (fresh_site / "index.html").read_text(encoding="utf-8")


def test_without_an_address_the_404_page_keeps_relative_links(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "office")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "site"
    generator.build(generator.Options(root=tmp_path / "office", out=out, cache_dir=None))
    assert 'href="static/style.css"' in (out / "404.html").read_text(encoding="utf-8")


def _site(config_path: Path | None) -> Site:
    config = load_config(config_path, EnglishTally(), []).spec if config_path else None
    return Site(
        plans=[],
        evaluations={},
        data_date="",
        methodology_md={"ko": "", "en": ""},
        open_data_md={"ko": "", "en": ""},
        config=config,
    )


def test_the_shipped_site_keeps_its_own_methodology_notes() -> None:
    for lang, words in (("ko", "2021년 표는 118.5%를 118%로"), ("en", "official thresholds were not found")):
        content = methodology_page(_site(ROOT / "site.yaml"), lang).content
        assert words in content.notes  # type: ignore[attr-defined]
        assert "<h1" not in content.notes  # type: ignore[attr-defined]
    assert methodology_page(_site(None), "en").content.notes == ""  # type: ignore[attr-defined]

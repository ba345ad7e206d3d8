"""The search stage: Pagefind indexes the staged site before it is published, one bundle per language."""

from __future__ import annotations

import gzip
import json
import os
import stat
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from generator.cli import main
from generator.data.layout import find_repository
from generator.site import search
from generator.site.build import build_site
from generator.site.search import INDEX_DIR, WHOLE_SITE, Bundle, SearchIndexError, in_bundles, index_bundles, index_site

pytestmark = pytest.mark.usefixtures("demo_root")


def _pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if INDEX_DIR not in path.parts)


def _entries() -> dict[str, dict[str, dict[str, object]]]:
    """The languages of each language's bundle (Korean at the root, English under en/), from its entry file."""
    folders = {"ko": Path("output", INDEX_DIR), "en": Path("output", "en", INDEX_DIR)}
    return {
        lang: json.loads((folder / "pagefind-entry.json").read_text())["languages"] for lang, folder in folders.items()
    }


@pytest.mark.slow
def test_every_page_readers_look_for_is_indexed_in_its_own_language() -> None:
    build_site(find_repository(), Path("output"))
    entries = _entries()
    pages, indexed = {"ko": 0, "en": 0}, {"ko": 0, "en": 0}
    for path in _pages(Path("output")):
        document = html.parse(str(path)).getroot()
        pages[document.get("lang")] += 1
        if document.xpath("//main[@data-pagefind-body]"):
            indexed[document.get("lang")] += 1
    # Each language's bundle holds its pages only, written by a run of Pagefind of its own (half the memory).
    assert {lang: list(languages) for lang, languages in entries.items()} == {"ko": ["ko"], "en": ["en"]}
    assert {lang: languages[lang]["page_count"] for lang, languages in entries.items()} == indexed
    # All but search.html, 404.html, the demo's year without results (a page with nothing to show) and the embeds
    # (one chart or headline for other sites' frames: the page each belongs to is indexed).
    embeds = {
        lang: len(list(Path("output", *([] if lang == "ko" else [lang]), "embed").rglob("*.html"))) for lang in pages
    }
    assert embeds["ko"] > 0
    assert indexed == {lang: count - 3 - embeds[lang] for lang, count in pages.items()}
    assert not html.parse("output/plans/demo/reports/2025.html").getroot().xpath("//main[@data-pagefind-body]")


@pytest.mark.parametrize("page", ["search.html", "404.html", "en/search.html", "en/404.html"])
@pytest.mark.slow
def test_the_search_page_and_the_missing_page_are_not_indexed(page: str) -> None:
    build_site(find_repository(), Path("output"))
    document = html.parse(str(Path("output", page))).getroot()
    assert document.xpath("//main") and not document.xpath("//main[@data-pagefind-body]")


@pytest.mark.slow
def test_the_search_page_works_without_javascript_as_a_page_that_says_so() -> None:
    build_site(find_repository(), Path("output"))
    document = html.parse(str(Path("output", "en", "search.html"))).getroot()
    status = document.xpath("//*[@data-search-status]")[0]
    assert "needs JavaScript" in status.text_content()
    assert document.xpath("//form[@role='search']//input[@disabled]")
    assert document.xpath("//form/@data-index") == ["pagefind/pagefind.js"]  # en/pagefind: its language's own
    korean = html.parse(str(Path("output", "search.html"))).getroot()
    assert korean.xpath("//form/@data-index") == ["pagefind/pagefind.js"]


def _indexed_text(bundle: Path) -> str:
    """The words of every page in a bundle, as its fragments keep them for the excerpts (gzip, then JSON)."""
    contents = []
    for fragment in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        contents.append(json.loads(data)["content"])
    return "\n".join(contents)


@pytest.mark.slow
def test_the_embed_code_to_copy_is_not_in_the_search_index() -> None:
    """Code and the instructions to copy it are no words a reader looks for; they were a third of a project page's
    indexed words (and of Pagefind's memory)."""
    build_site(find_repository(), Path("output"))
    project = html.parse("output/en/plans/demo/projects/1-1-1.html").getroot()
    assert project.xpath("//main[@data-pagefind-body]//details[contains(@class, 'embed-code')]//textarea")
    for bundle in (Path("output", INDEX_DIR), Path("output", "en", INDEX_DIR)):
        text = _indexed_text(bundle)
        assert "Indicator" in text or "지표" in text  # the pages' words are there
        assert "<iframe" not in text and "embed/" not in text


def _failing_pagefind(folder: Path) -> Path:
    script = folder / "pagefind"
    script.write_text("#!/bin/sh\necho 'Error: something went wrong in Pagefind' >&2\nexit 3\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.parametrize("stoppable", [False, True], ids=["build", "preview"])
def test_a_pagefind_that_overruns_is_ended_and_said_to_have_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stoppable: bool
) -> None:
    """One wait serves the command and the preview: either way Pagefind gets `_TIMEOUT` seconds, then is killed."""
    script = tmp_path / "pagefind"
    script.write_text("#!/bin/sh\nexec sleep 60\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "_TIMEOUT", 0.5)
    started = time.monotonic()
    with pytest.raises(SearchIndexError, match=r"did not finish within 0\.5 seconds and was stopped"):
        index_site(tmp_path, script, stop=(lambda: False) if stoppable else None)
    assert time.monotonic() - started < 10


@pytest.mark.slow
def test_when_pagefind_fails_nothing_is_published(tmp_path: Path) -> None:
    build_site(find_repository(), Path("output"))
    before = {path: path.read_bytes() for path in Path("output").rglob("*") if path.is_file()}
    with pytest.raises(SearchIndexError, match="something went wrong in Pagefind"):
        build_site(find_repository(), Path("output"), pagefind=_failing_pagefind(tmp_path))
    assert {path: path.read_bytes() for path in Path("output").rglob("*") if path.is_file()} == before
    assert [path.name for path in Path.cwd().iterdir() if ".building-" in path.name] == []


@pytest.mark.slow
def test_the_command_says_why_the_search_index_failed(tmp_path: Path) -> None:
    environment = {**os.environ, "PAGEFIND_BINARY_PATH": str(_failing_pagefind(tmp_path))}
    result = CliRunner().invoke(main, ["build", "--quiet"], env=environment)
    assert result.exit_code == 2
    assert "plansite: the search index could not be built: Error: something went wrong in Pagefind" in result.output
    assert "Traceback" not in result.output


def test_pagefind_reads_only_the_folders_of_indexed_pages_with_their_names_escaped() -> None:
    """Folders without an indexed page (the embeds') are not parsed: a build's time is not spent on them."""
    from generator.site.search import index_glob

    paths = [
        "index.html",
        "search.html",
        "plans/a/projects/1.html",
        "plans/a/projects/2.html",
        "en/plans/a{b},c/x.html",
    ]
    assert index_glob(paths) == r"{*.html,en/plans/a\{b\}\,c/*.html,plans/a/projects/*.html}"


def test_each_language_is_indexed_into_its_own_bundle_from_its_own_folders() -> None:
    pages = [("en/pagefind", "en/plans/a/1.html"), ("pagefind", "plans/a/1.html"), ("pagefind", "index.html")]
    assert index_bundles(pages) == (
        Bundle("en/pagefind", "{en/plans/a/*.html}", 1, frozenset({"en/plans/a"})),
        Bundle("pagefind", "{*.html,plans/a/*.html}", 2, frozenset({"", "plans/a"})),
    )
    assert index_bundles([]) == WHOLE_SITE  # no page marked: Pagefind's own choice, every HTML file
    bundles = index_bundles(pages)
    assert in_bundles("en/pagefind/pagefind.js", bundles) and in_bundles("pagefind/fragment/x", bundles)
    assert not in_bundles("en/plans/a/1.html", bundles) and not in_bundles("pagefinder.html", bundles)


def _logging_pagefind(folder: Path, log: Path) -> Path:
    """A stand-in for Pagefind that notes when each run starts and ends, and writes an entry file."""
    script = folder / "pagefind"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--output-subdir" ]; do shift; done; out="$2"\n'
        f'echo "start $out" >> {log}\n'
        'sleep 0.4; mkdir -p "$out"; echo \'{"languages": {"ko": {}}}\' > "$out/pagefind-entry.json"\n'
        f'echo "end $out" >> {log}\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_the_memory_a_build_freed_goes_back_to_the_system_before_pagefind_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only then: a build that takes the index from the published site does not pay for a collection.
    events: list[str] = []
    monkeypatch.setattr(search, "return_memory", lambda: events.append("returned"))
    monkeypatch.setattr(search, "_index", lambda *_args: events.append("indexed"))
    index_site(tmp_path, None, (Bundle("en/pagefind", "en/*.html"), Bundle("pagefind", "*.html")))
    assert events == ["returned", "indexed", "indexed"]


@pytest.mark.parametrize("pages", [search.PARALLEL_PAGES // 2, search.PARALLEL_PAGES])
def test_a_small_site_s_bundles_are_indexed_at_the_same_time_a_big_one_s_one_after_the_other(
    tmp_path: Path, pages: int
) -> None:
    log = tmp_path / "runs.log"
    bundles = (Bundle("en/pagefind", "en/*.html", pages), Bundle("pagefind", "*.html", pages))
    (tmp_path / "bin").mkdir()
    index_site(tmp_path, _logging_pagefind(tmp_path / "bin", log), bundles)
    runs = log.read_text().split("\n")[:4]
    if 2 * pages <= search.PARALLEL_PAGES:  # both started before either ended
        assert sorted(runs[:2]) == ["start en/pagefind", "start pagefind"]
    else:
        assert runs == ["start en/pagefind", "end en/pagefind", "start pagefind", "end pagefind"]
    for bundle in bundles:  # each run's entry file put in order, as after one run alone
        assert json.loads((tmp_path / bundle.folder / "pagefind-entry.json").read_text()) == {"languages": {"ko": {}}}

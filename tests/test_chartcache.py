"""The chart cache (issue 11): the same bytes with or without it, nothing corrupt served, nothing kept unused."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import fingerprint
from generator.cli import main
from generator.data.layout import CACHE_DIR
from generator.errors import UsageError
from generator.site import chartcache
from generator.site.chartcache import TAG, ChartCache, chart_key, open_cache
from generator.site.chartspec import Bar, DistributionSpec

from .conftest import ROOT

RESULT = "results/demo/2024/projects/1-1-1.yaml"


def build(*args: str) -> str:
    result = CliRunner().invoke(main, ["build", *args])
    assert result.exit_code == 0, result.output
    return result.output


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR / "charts").glob("*/*.svg"))


@pytest.mark.slow
def test_a_build_from_the_cache_is_byte_identical_to_one_without(demo_root: Path) -> None:
    assert " charts, " in build("--no-cache", "--out", "plain")  # drew everything, and kept nothing
    assert not (demo_root / CACHE_DIR).exists()
    cold = build("--out", "cold")
    assert "(0 drawn)" not in cold
    warm = build("--out", "warm")
    assert "(0 drawn)" in warm, warm
    assert tree(demo_root / "plain") == tree(demo_root / "cold") == tree(demo_root / "warm")
    assert (
        (demo_root / CACHE_DIR / TAG)
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


@pytest.mark.slow
def test_a_truncated_or_altered_entry_is_redrawn_and_never_served(demo_root: Path) -> None:
    build("--out", "first")
    # Entries of two different charts (each chart has a wide and a narrow drawing): two charts are drawn again.
    by_chart = {
        re.search(rb'aria-labelledby="([^"]+?)(?:-narrow)?-title', path.read_bytes())[1]: path
        for path in entries(demo_root)
    }
    truncated, altered = list(by_chart.values())[:2]
    truncated.write_bytes(truncated.read_bytes()[:200])
    content = altered.read_bytes()
    altered.write_bytes(content.replace(b"<svg", b"<svg data-altered='1'", 1))
    shutil.rmtree(demo_root / CACHE_DIR / "pages")  # else no page is rendered again, and no chart read
    output = build("--out", "second")
    assert "(2 drawn)" in output, output
    assert tree(demo_root / "first") == tree(demo_root / "second")
    assert altered.read_bytes() == content  # rewritten whole


@pytest.mark.slow
def test_entries_the_build_did_not_use_are_pruned(demo_root: Path) -> None:
    build("--out", "site")
    before = set(entries(demo_root))
    stray_temporary = demo_root / CACHE_DIR / "charts" / "ab" / ".killed-write.tmp"
    stray_temporary.parent.mkdir(parents=True, exist_ok=True)
    stray_temporary.write_bytes(b"partial")
    result = demo_root / RESULT
    result.write_text(result.read_text(encoding="utf-8").replace("actual: 6", "actual: 7"), encoding="utf-8")
    output = build("--out", "site")
    after = set(entries(demo_root))
    assert "(2 drawn)" in output, output  # the project's chart, in Korean and in English
    assert len(before - after) == 4 and len(after - before) == 4  # each chart's wide and narrow drawing
    assert stray_temporary.exists()  # a recent temporary file may belong to a build still running


@pytest.mark.slow
def test_a_warm_build_does_not_import_matplotlib(demo_root: Path) -> None:
    build("--out", "site")
    script = (
        "import sys; from click.testing import CliRunner; from generator.cli import main; "
        "result = CliRunner().invoke(main, ['build', '--out', 'site']); "
        "print(result.exit_code, 'matplotlib' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=demo_root, capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["0", "False"], run.stdout + run.stderr


def test_a_new_chart_code_or_library_version_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = DistributionSpec("c", (Bar("A", 1, 100),), "t", "s", "n")
    key = chart_key(spec)
    assert key == chart_key(DistributionSpec("c", (Bar("A", 1, 100),), "t", "s", "n"))
    assert key != chart_key(DistributionSpec("c", (Bar("A", 2, 100),), "t", "s", "n"))
    monkeypatch.setattr(chartcache, "drawing_version", lambda: "another matplotlib")
    assert chart_key(spec) != key


def test_the_wide_and_the_narrow_drawing_of_a_chart_are_kept_apart(tmp_path: Path) -> None:
    spec = DistributionSpec("c", (Bar("A", 1, 100),), "t", "s", "n")
    assert chart_key(spec) == chart_key(spec, "wide") != chart_key(spec, "narrow")
    cache = open_cache(tmp_path / "cache", [], tmp_path / "output")
    wide = '<svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="c-title c-desc" />'
    narrow = '<svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="c-narrow-title c-narrow-desc" />'
    cache.put(spec, wide, "wide")
    cache.put(spec, narrow, "narrow")
    again = ChartCache(tmp_path / "cache")
    assert (again.get(spec, "wide"), again.get(spec, "narrow")) == (wide, narrow)
    # A narrow entry is checked as the narrow drawing's: its ids must start with its own prefix.
    cache.put(spec, wide, "narrow")
    assert ChartCache(tmp_path / "cache").get(spec, "narrow") is None


def test_what_the_cache_lacks_is_told_by_the_entrys_name_without_reading_or_counting_it(tmp_path: Path) -> None:
    spec, other = (DistributionSpec("c", (Bar("A", n, 100),), "t", "s", "n") for n in (1, 2))
    cache = open_cache(tmp_path / "cache", [], tmp_path / "output")
    cache.put(spec, '<svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="c-title c-desc" />', "wide")
    again = ChartCache(tmp_path / "cache")
    assert not again.lacks(spec, "wide") and again.lacks(spec, "narrow") and again.lacks(other, "wide")
    assert (again.hits, again.misses, again.used) == (0, 0, set())  # a build counts what it gets, not this
    assert ChartCache(None).lacks(spec, "wide")


def test_the_drawing_version_covers_all_code_a_chart_runs() -> None:
    """A change to any module the chart code uses (say, how figures are written) must miss the cache."""
    assert fingerprint.code_closure(chartcache.CHART_CODE) == (
        "numbers.py",
        "site/chartfont.py",
        "site/chartlayout.py",
        "site/chartnarrow.py",
        "site/charts.py",
        "site/chartspec.py",
        "site/chartstyle.py",
        "site/svg.py",
    )


def test_a_module_the_chart_code_starts_to_use_joins_the_drawing_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", copy, ignore=shutil.ignore_patterns("theme", "__pycache__"))
    (copy / "site" / "newpart.py").write_text("import generator.describe\n", encoding="utf-8")
    charts = copy / "site" / "charts.py"
    charts.write_text(charts.read_text(encoding="utf-8") + "\n\ndef later():\n    from generator.site import newpart\n")
    monkeypatch.setattr(fingerprint, "PACKAGE", copy)
    fingerprint.code_closure.cache_clear()
    try:
        closure = fingerprint.code_closure(chartcache.CHART_CODE)
    finally:
        fingerprint.code_closure.cache_clear()
    assert {"site/newpart.py", "describe.py"} <= set(closure)  # imported inside a function, and what it imports


def test_a_folder_that_is_not_a_cache_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="is not empty and is not a plansite cache"):
        open_cache(mine, [tmp_path / "plans"], tmp_path / "output")
    with pytest.raises(UsageError, match="it would mix with"):
        open_cache(tmp_path / "plans" / "cache", [tmp_path / "plans"], tmp_path / "output")
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_pruning_touches_only_entries_the_cache_wrote(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache", [], tmp_path / "output")
    spec = DistributionSpec("c", (Bar("A", 1, 100),), "t", "s", "n")
    cache.put(spec, "<svg/>")
    shard = next((tmp_path / "cache" / "charts").iterdir())
    (shard / "README.txt").write_text("someone's note")
    ChartCache(tmp_path / "cache").prune()  # a build that used nothing
    assert [p.name for p in shard.iterdir()] == ["README.txt"]


@pytest.mark.parametrize(
    "args",
    [["validate"], ["report", "seoul-citizen-participation-2019", "2021"], ["new-year", "--help"]],
    ids=["validate", "report", "new-year"],
)
@pytest.mark.slow
def test_commands_that_do_not_build_import_neither_matplotlib_nor_jinja(args: list[str]) -> None:
    script = (
        "import sys; from click.testing import CliRunner; from generator.cli import main; "
        f"result = CliRunner().invoke(main, {args!r}); "
        "print(result.exit_code, sorted(m for m in ('matplotlib', 'jinja2', 'numpy') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "0 []", run.stdout + run.stderr


@pytest.mark.slow
def test_a_cache_that_cannot_be_written_does_not_fail_the_build(demo_root: Path) -> None:
    (demo_root / "blocker").write_text("a file where the cache's parent folder would be")
    output = build("--cache-dir", "blocker/cache", "--out", "site")
    assert "charts were not cached (blocker/cache: Not a directory)" in output, output
    assert (demo_root / "site" / "index.html").is_file()


def test_a_cache_that_fails_midway_is_given_up_and_says_why(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache", [], tmp_path / "output")
    (tmp_path / "cache" / "charts").write_text("not a folder")
    cache.put(DistributionSpec("c", (Bar("A", 1, 100),), "t", "s", "n"), "<svg/>")
    assert cache.folder is None and "Not a directory" in cache.unusable

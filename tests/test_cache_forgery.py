"""Issue 25, part 1: the caches are evidence, not truth. Each kind of forged or broken entry (chart SVGs and the
amendments' comparisons) is refused on the next build, recomputed and replaced: the published pages are byte for
byte those of a build without any cache, and a link put in the cache never leads pruning into a user's folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator
from generator.cli import main
from generator.data.layout import CACHE_DIR
from generator.fingerprint import seal
from generator.review.amendments import CACHE_FOLDER, _entry_key
from tests.test_amendments import PROJECT, RESULT, commit, edit, published

pytestmark = pytest.mark.slow

REJECTED = "cache entries were not what plansite stored"


def build(*args: str) -> str:
    # Without the pages kept whole, every page is rendered again, so that its charts are read from the cache; and
    # without the last build's state, the build runs though no input changed (it would stop "up to date").
    shutil.rmtree(Path(CACHE_DIR) / "pages", ignore_errors=True)
    shutil.rmtree(Path(CACHE_DIR) / "published", ignore_errors=True)
    result = CliRunner().invoke(main, ["build", *args])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR / "charts").glob("*/*.svg"))


def resealed(entry: Path, svg: str) -> None:
    """The entry holding `svg` under a seal that matches it: only the check of the SVG itself can refuse it."""
    body = svg.encode("utf-8")
    entry.write_bytes(seal(entry.stem, body).encode() + b"\n" + body)


def svg_of(entry: Path) -> str:
    return entry.read_bytes().partition(b"\n")[2].decode("utf-8")


def test_forged_chart_entries_are_redrawn_never_published(demo_root: Path) -> None:
    build("--no-cache", "--out", "clean")
    clean = tree(demo_root / "clean")
    build("--out", "site")
    charts = entries(demo_root)
    assert len(charts) >= 8

    # Round one: what a page must never run, each under a seal that matches it.
    script, onload, javascript, foreign, swap_a, swap_b, non_xml, truncated = charts[:8]
    resealed(script, svg_of(script).replace("</svg>", "<script>alert(1)</script></svg>"))
    resealed(onload, svg_of(onload).replace("<svg ", '<svg onload="alert(1)" ', 1))
    resealed(javascript, svg_of(javascript).replace('href="#', 'href="javascript:alert(1)//#', 1))
    resealed(
        foreign,
        svg_of(foreign).replace(
            "</svg>", '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>'
        ),
    )
    a, b = swap_a.read_bytes(), swap_b.read_bytes()
    swap_a.write_bytes(b)
    swap_b.write_bytes(a)
    resealed(non_xml, "<svg><g>not closed")
    truncated.write_bytes(truncated.read_bytes()[:300])
    said = build("--out", "site")
    assert said.count(REJECTED) == 1 and "8 cache entries" in said, said
    assert tree(demo_root / "site") == clean
    for entry in charts[:8]:
        assert b"alert" not in entry.read_bytes() and b"not closed" not in entry.read_bytes()  # replaced

    # Round two: files that are not files, and a shard that is a link to a user's folder.
    fifo, zero, *_ = charts
    fifo.unlink()
    os.mkfifo(fifo)
    zero.unlink()
    zero.symlink_to("/dev/zero")
    # Draws this shard's charts afresh, and never deletes or writes there.
    shard = next(entry.parent for entry in charts if entry.parent not in (fifo.parent, zero.parent))
    users = demo_root / "my-documents"
    users.mkdir()
    (users / "letter.txt").write_text("mine", encoding="utf-8")
    (users / f"{'0' * 64}.svg").write_text("named like an entry, still mine", encoding="utf-8")
    (users / f".{'0' * 64}.x.tmp").write_text("named like a temporary, still mine", encoding="utf-8")
    for stale in shard.iterdir():
        (users / stale.name).write_bytes(stale.read_bytes())  # the very entries the build would use or prune
    os.utime(users / f".{'0' * 64}.x.tmp", (0, 0))
    before = tree(users)
    shutil.rmtree(shard)
    shard.symlink_to(users, target_is_directory=True)
    said = build("--out", "site")
    assert said.count(REJECTED) == 1 and "2 cache entries" in said, said
    assert "links inside the cache were not followed" in said and shard.name in said, said
    assert tree(demo_root / "site") == clean
    assert tree(users) == before and shard.is_symlink()
    assert fifo.is_file() and not fifo.is_symlink() and zero.is_file() and not zero.is_symlink()  # replaced
    assert Path("/dev/zero").exists()

    # Once replaced, the cache answers again and says nothing.
    said = build("--out", "site")
    assert REJECTED not in said
    assert tree(demo_root / "site") == clean


def test_a_cache_entry_that_cannot_be_opened_does_not_hang_or_fill_memory(demo_root: Path) -> None:
    """A FIFO is opened without blocking and an endless device is never read: the build ends, with the clean pages."""
    build("--no-cache", "--out", "clean")
    build("--out", "site")
    for number, entry in enumerate(entries(demo_root)):
        entry.unlink()
        if number % 2:
            os.mkfifo(entry)
        else:
            entry.symlink_to("/dev/zero")
    build("--out", "site")
    assert tree(demo_root / "site") == tree(demo_root / "clean")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """The demo data in git, with two amendments: a target and an actual corrected."""
    root = published(tmp_path / "repo")
    edit(root / PROJECT, "targets: {2024: 5, 2025: 7}\n    total: 12", "targets: {2024: 5, 2025: 9}\n    total: 14")
    commit(root, "Correct the 2025 target of 1-1-1", "2025-02-01T09:00:00+09:00")
    edit(root / RESULT, "actual: 6", "actual: 4")
    commit(root, "Correct the 2024 actual of 1-1-1", "2025-03-01T09:00:00+09:00")
    return root


def built(root: Path, out: str, cache: Path | None) -> tuple[dict[str, bytes], int]:
    options = generator.Options(root=root, out=root.parent / out, cache_dir=cache, use_cache=cache is not None)
    if cache is not None:  # no input changed, yet the build must run and read the cache (not stop "up to date")
        shutil.rmtree(cache / "published", ignore_errors=True)
    summary = generator.build(options)
    assert not summary.no_amendments, summary.no_amendments
    return tree(root.parent / out), summary.cache_rejected


def forge(entry: Path, change: object, *, reseal: bool) -> None:
    """Edit the entry's JSON with `change` (a function of the records); `reseal`: under a seal that matches."""
    head, _, body = entry.read_bytes().partition(b"\n")
    stored = json.loads(body)
    change(stored)  # type: ignore[operator]
    new_body = json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    version, stated = head.decode().split(" ")
    if reseal:  # the key is what the entry derives from: rebuilt here as the cache does, to forge a matching seal
        stated = seal(_entry_key(entry.stem, stored["base"], ""), new_body)
    entry.write_bytes(f"{version} {stated}\n".encode() + new_body)


def field_changes(value: object) -> list[dict[str, object]]:
    if isinstance(value, dict):
        found = [value] if {"field", "before", "after"} <= value.keys() else []
        return found + [c for item in value.values() for c in field_changes(item)]
    if isinstance(value, list):
        return [c for item in value for c in field_changes(item)]
    return []


def test_forged_amendments_entries_are_compared_again_never_published(history: Path) -> None:
    clean, _ = built(history, "clean", None)
    cache = history.parent / "cache"
    first, rejected = built(history, "site", cache)
    assert first == clean and rejected == 0
    folder = cache / CACHE_FOLDER
    amended = [
        entry
        for entry in sorted(folder.glob("*.json"))
        if field_changes(json.loads(entry.read_bytes().partition(b"\n")[2]))
    ]
    assert len(amended) == 2
    assert b"2025-02-01" in clean["en/plans/demo/amendments.html"]  # the record is on the pages
    target, actual = amended

    def invented(stored: dict[str, object]) -> None:
        for change in field_changes(stored):
            change["after"] = 999_999 if isinstance(change["after"], int) else "invented"

    def unknown_field(stored: dict[str, object]) -> None:
        field_changes(stored)[0]["field"] = "no_such_field"

    def extra_key(stored: dict[str, object]) -> None:
        field_changes(stored)[0]["smuggled"] = "<script>"

    # An edited before → after (the seal no longer matches), an unknown field and an extra key under a matching
    # seal: each is compared again, and the pages are the clean build's.
    forge(target, invented, reseal=False)
    forge(actual, unknown_field, reseal=True)
    site, rejected = built(history, "site", cache)
    assert rejected == 2 and site == clean
    forge(target, extra_key, reseal=True)
    actual.write_bytes(actual.read_bytes()[:100])  # truncated
    site, rejected = built(history, "site", cache)
    assert rejected == 2 and site == clean

    # Not a file: a FIFO and a link to an endless device; then the whole folder a link to a user's folder.
    target.unlink()
    os.mkfifo(target)
    actual.unlink()
    actual.symlink_to("/dev/zero")
    site, rejected = built(history, "site", cache)
    assert rejected == 2 and site == clean
    users = history.parent / "my-documents"
    users.mkdir()
    (users / target.name).write_text("mine", encoding="utf-8")
    before = tree(users)
    shutil.rmtree(folder)
    folder.symlink_to(users, target_is_directory=True)
    site, rejected = built(history, "site", cache)
    assert rejected == 1 and site == clean
    assert tree(users) == before

    # Sound entries again: nothing refused.
    folder.unlink()
    built(history, "site", cache)
    site, rejected = built(history, "site", cache)
    assert rejected == 0 and site == clean

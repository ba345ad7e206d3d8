"""Each data file's reading kept in the cache folder between `plansite build`s (`readcache.py`): a file is parsed
and checked again only when its bytes or plansite changed; problems still name their file, line and column; the
site is a clean build's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import api
from generator.data import schemacheck
from generator.errors import DataError
from generator.site import readcache
from tests.test_warm_build import _same_tree

PROJECT = Path("plans/demo/projects/1-1-2.yaml")


class _Parsed:
    """How many data files a build parsed (the others were read from the cache folder)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = schemacheck.load_document

        def counted(path: Path) -> object:
            self.count += 1
            return real(path)

        monkeypatch.setattr(schemacheck, "load_document", counted)


def _build(out: str = "output", *, cache: bool = True) -> None:
    shutil.rmtree("cache/published", ignore_errors=True)  # nothing known unchanged: the build reads the data
    api.build(api.Options(out=Path(out), use_cache=cache, cache_dir=Path("cache"), amendments=False))


def _problems(*, cache: bool) -> list[tuple[str, int, int, str]]:
    with pytest.raises(DataError) as raised:
        _build(cache=cache)
    return [(p.file, p.line, p.column, p.format()) for p in raised.value.problems]


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_only_the_files_that_changed_are_parsed_again_and_the_site_is_a_clean_build_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = _Parsed(monkeypatch)
    _build()  # makes the cache folder: its readings are kept from the next build on
    assert not Path("cache", readcache.READS).exists()
    parsed.count = 0
    _build()
    files = parsed.count
    assert files > 3 and len(list(Path("cache", readcache.READS).rglob("*.pickle"))) == files

    parsed.count = 0
    _build()
    assert parsed.count == 0

    PROJECT.write_text(PROJECT.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    parsed.count = 0
    _build()
    assert parsed.count == 1
    _build("clean", cache=False)
    _same_tree(Path("output"), Path("clean"))
    assert len(list(Path("cache", readcache.READS).rglob("*.pickle"))) == files  # the old reading removed

    monkeypatch.setattr("generator.version.__version__", "99.0")  # another plansite: every file read again
    parsed.count = 0
    _build()
    assert parsed.count == files


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_problem_beside_kept_readings_names_its_place_as_one_found_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    _build()
    _build()  # the readings kept
    text = PROJECT.read_text(encoding="utf-8")
    PROJECT.write_text(text.replace("people: 50, sessions: 1", "people: many, sessions: 1"), encoding="utf-8")
    afresh = _problems(cache=False)
    assert afresh and all(file.endswith("1-1-2.yaml") and line > 1 for file, line, _c, _m in afresh)
    parsed = _Parsed(monkeypatch)
    # The other files' readings come from the cache; a build that stops at a problem keeps no new reading.
    assert _problems(cache=True) == afresh and parsed.count == 1
    assert _problems(cache=True) == afresh and parsed.count == 2


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_readings_are_neither_read_from_nor_written_to_a_folder_that_is_not_plansite_s_cache() -> None:
    _build(cache=False)
    assert not Path("cache").exists()
    Path("mine").mkdir()
    assert readcache.kept_reads(Path("mine")) is None and readcache.kept_reads(None) is None
    _build()
    assert readcache.kept_reads(Path("cache")) is not None

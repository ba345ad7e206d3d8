"""Issue 25: paths walked, resolved and written one way — all or nothing, no traceback on a link loop."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data.jsonschema import schema_files


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def files_under(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): (os.readlink(p).encode() if p.is_symlink() else p.read_bytes())
        for p in root.rglob("*")
        if p.is_symlink() or p.is_file()
    }


def test_schema_with_a_dangling_link_in_the_way_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    names = sorted(schema_files())
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / names[-1]).symlink_to(tmp_path / "nowhere.json")
    result = run("schema")
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"plansite: schemas/{names[-1]}: exists and is not a schema plansite wrote")
    assert [p.name for p in (tmp_path / "schemas").iterdir()] == [names[-1]]
    assert not (tmp_path / "nowhere.json").exists()


def test_schema_replaces_its_own_schemas_all_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("schema").exit_code == 0
    name = sorted(schema_files())[0]
    old = json.loads((tmp_path / "schemas" / name).read_text(encoding="utf-8"))
    old["title"] = "an older plansite's"
    (tmp_path / "schemas" / name).write_text(json.dumps(old), encoding="utf-8")
    result = run("schema")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "schemas" / name).read_text(encoding="utf-8") == schema_files()[name]
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(schema_files())


def test_init_into_a_link_loop_is_a_clean_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "loop").symlink_to("loop")
    result = run("init", "loop", "--plansite-source", "plansite==0.1.0")
    assert result.exit_code == 2, result.output
    assert result.output.startswith("plansite: loop: a symbolic link loop (the link leads back to itself)")
    assert [p.name for p in tmp_path.iterdir()] == ["loop"]


def test_init_under_a_dangling_link_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gone").symlink_to(tmp_path / "elsewhere")
    result = run("init", "gone/new", "--plansite-source", "plansite==0.1.0")
    assert result.exit_code == 2, result.output
    assert result.output.startswith("plansite: gone: is a symbolic link to nothing, so nothing was written")
    assert [p.name for p in tmp_path.iterdir()] == ["gone"]


@pytest.mark.parametrize("out", ["plans/demo/report.pdf", "results/demo/2024/report.pdf", "plans/x.pdf"])
def test_pdf_out_inside_the_data_is_refused_before_chromium_is_needed(demo_root: Path, out: str) -> None:
    before = files_under(demo_root)
    result = CliRunner().invoke(
        main, ["pdf", "demo", "2024", "--out", out], env={"PLANSITE_CHROMIUM": str(demo_root / "no-chromium")}
    )
    assert result.exit_code == 2, result.output
    folder = "plans" if out.startswith("plans") else "results"
    assert result.output.startswith(f"plansite: {out}: refusing to write inside the data folder {folder}")
    assert files_under(demo_root) == before

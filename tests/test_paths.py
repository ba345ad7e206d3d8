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


@pytest.mark.parametrize("option", ["--out", "--cache-dir"])
def test_a_link_loop_as_out_or_cache_is_a_clean_error(demo_root: Path, option: str) -> None:
    (demo_root / "loop").symlink_to("loop")
    args = ["build", "--quiet", option, "loop"] + (["--out", "site"] if option == "--cache-dir" else [])
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("plansite: loop: a symbolic link loop (the link leads back to itself)")
    assert sorted(p.name for p in demo_root.iterdir()) == ["loop", "plans", "results"]


def test_a_link_loop_as_the_results_folder_is_a_clean_error(demo_root: Path) -> None:
    (demo_root / "loop").symlink_to("loop")
    result = run("validate", "--results", "loop")
    assert result.exit_code == 2, result.output
    assert result.output.startswith("plansite: loop: a symbolic link loop")


def test_a_link_under_the_data_leading_out_of_it_is_not_read(
    demo_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "1-1-9.yaml").write_text("secret: not data\n", encoding="utf-8")
    (demo_root / "plans/demo/projects/1-1-9.yaml").symlink_to(outside / "1-1-9.yaml")
    (demo_root / "results/demo/2025").symlink_to(outside)
    result = run("validate")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "plans/demo/projects/1-1-9.yaml:1:1: '1-1-9.yaml' is a symbolic link leading out of plans, so it was not"
        " read — put the file or folder itself there instead of the link, or remove the link"
    )
    assert lines[1].startswith("results/demo/2025:1:1: '2025' is a symbolic link leading out of results")
    assert "secret" not in result.output


def test_a_link_loop_as_a_plans_results_folder_is_reported(demo_root: Path) -> None:
    (demo_root / "results/demo").rename(demo_root / "kept-demo")
    (demo_root / "results/demo").symlink_to("demo")
    result = run("validate")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("results/demo:1:1: 'demo' is a symbolic link loop (it leads back to itself)")


def test_a_write_failing_half_way_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.data import paths
    from generator.errors import UsageError, error_text

    (tmp_path / "kept.txt").write_bytes(b"the user's")
    files = {tmp_path / "new" / "deep" / f"{n}.yaml": b"x: 1\n" for n in range(6)}
    real_link = os.link
    calls = []

    def failing_link(source, target):  # type: ignore[no-untyped-def]
        calls.append(target)
        if len(calls) == 5:
            raise OSError(28, "No space left on device", str(target))
        real_link(source, target)

    monkeypatch.setattr(paths.os, "link", failing_link)
    with pytest.raises(UsageError) as refused:
        paths.write_new_files(files)
    assert "cannot be written, so nothing was written: No space left on device" in error_text(refused.value, "en")
    assert files_under(tmp_path) == {"kept.txt": b"the user's"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


@pytest.mark.usefixtures("demo_root")
def test_schema_out_inside_the_data_is_refused_and_writes_nothing() -> None:
    from click.testing import CliRunner

    from generator.cli import main

    before = sorted(Path("plans").rglob("*"))
    result = CliRunner().invoke(main, ["schema", "--out", "plans/demo/schemas"])
    assert result.exit_code == 2, result.output
    assert "plans/demo/schemas" in result.output and "Traceback" not in result.output
    assert sorted(Path("plans").rglob("*")) == before


def test_a_file_is_named_from_the_working_directory_when_it_is_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.errors import display_path

    real = tmp_path / "real"
    (real / "plans").mkdir(parents=True)
    (tmp_path / "realm").mkdir()  # shares a prefix with "real" but is not inside it
    monkeypatch.chdir(real)
    assert display_path(Path("plans/a.yaml")) == os.path.join("plans", "a.yaml")
    assert display_path(real / "plans" / "a.yaml") == os.path.join("plans", "a.yaml")
    assert display_path(real / "plans" / ".." / "b.yaml") == "b.yaml"
    assert display_path(real) == "."
    outside = tmp_path / "realm" / "c.yaml"
    assert display_path(outside) == str(outside)
    (tmp_path / "link").symlink_to(real)  # a link is not followed: the file is named as the user gave it
    assert display_path(tmp_path / "link" / "a.yaml") == str(tmp_path / "link" / "a.yaml")
    monkeypatch.chdir(tmp_path)  # the working directory changed: names follow it
    assert display_path(real / "plans" / "a.yaml") == os.path.join("real", "plans", "a.yaml")

"""`plansite init` writes the running plansite into the new repository as a wheel, and `requirements.txt` names
that file; `plansite vendor` replaces both after an upgrade, touching nothing it did not write."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.cli.vendoring import PACKAGE, build_wheel, written_by_plansite
from generator.version import __version__

WHEEL = f"plansite-{__version__}-py3-none-any.whl"
LINE = f"./vendor/{WHEEL}"


def invoke(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(argument) for argument in arguments])
    return result.exit_code, result.output


def code_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    code, output = invoke("init", tmp_path / "office", "--lang", "en")
    assert code == 0, output
    return tmp_path / "office"


def test_the_wheel_is_the_installed_package_with_valid_metadata_and_record() -> None:
    wheel = build_wheel()
    assert wheel == build_wheel()  # the same plansite gives the same bytes, so `vendor` can tell nothing changed
    with zipfile.ZipFile(__import__("io").BytesIO(wheel)) as archive:
        names = archive.namelist()
        info = f"plansite-{__version__}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode()
        assert "Name: plansite\n" in metadata and f"Version: {__version__}\n" in metadata
        assert "Requires-Dist: click" in metadata and 'extra == "pdf"' in metadata
        assert "plansite = generator.cli:main" in archive.read(f"{info}/entry_points.txt").decode()
        assert "Tag: py3-none-any" in archive.read(f"{info}/WHEEL").decode()
        record = archive.read(f"{info}/RECORD").decode().splitlines()
        assert len(record) == len(names) and names[-1] == f"{info}/RECORD"
        for line in record[:-1]:
            name, digest, size = line.rsplit(",", 2)
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(data), name
        packaged = {name for name in names if name.startswith("generator/")}
    expected_files = {
        f"generator/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert packaged == expected_files
    assert {"generator/cli/new_repository/site.yaml", "generator/site/theme/templates/base.html"} <= packaged


def test_init_vendors_this_plansite_and_names_it_in_requirements(office: Path) -> None:
    assert code_lines(office / "requirements.txt") == [LINE]
    assert (office / "vendor" / WHEEL).read_bytes() == build_wheel()
    assert written_by_plansite(office / "vendor" / WHEEL)


def test_init_with_a_source_writes_it_and_no_wheel(tmp_path: Path) -> None:
    source = "plansite @ git+https://github.com/example/plansite@v0.1.0"
    code, output = invoke("init", tmp_path / "office", "--plansite-source", source)
    assert code == 0, output
    assert code_lines(tmp_path / "office" / "requirements.txt") == [source]
    assert not (tmp_path / "office" / "vendor").exists()


def test_init_refuses_a_source_that_is_not_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    code, output = invoke("init", tmp_path / "office", "--plansite-source", "plansite\n--index-url x", "--lang", "en")
    assert code == 2
    assert "give one requirement line to install plansite from" in output and "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_vendor_replaces_an_older_wheel_and_only_its_line(office: Path) -> None:
    old = office / "vendor" / "plansite-0.0.9-py3-none-any.whl"
    (office / "vendor" / WHEEL).rename(old)
    someone_elses = office / "vendor" / "plansite-0.0.1-py3-none-any.whl"
    someone_elses.write_bytes(b"not ours")
    requirements = office / "requirements.txt"
    text = requirements.read_text(encoding="utf-8").replace(LINE, "./vendor/plansite-0.0.9-py3-none-any.whl[pdf]")
    requirements.write_text(text + "openpyxl==3.1.5\n", encoding="utf-8")

    code, output = invoke("vendor", office, "--lang", "en")
    assert code == 0, output
    assert f"now installs plansite {__version__}" in output and f"removed {old}" in output
    assert (
        requirements.read_text(encoding="utf-8")
        == text.replace("./vendor/plansite-0.0.9-py3-none-any.whl[pdf]", f"{LINE}[pdf]") + "openpyxl==3.1.5\n"
    )
    assert sorted(path.name for path in (office / "vendor").iterdir()) == [someone_elses.name, WHEEL]

    code, output = invoke("vendor", office, "--lang", "ko")
    assert code == 0 and "바꾼 것이 없습니다" in output


def test_vendor_never_replaces_a_file_it_did_not_write(office: Path) -> None:
    (office / "vendor" / WHEEL).write_bytes(b"an office's own build")
    before = (office / "requirements.txt").read_bytes()
    code, output = invoke("vendor", office, "--lang", "en")
    assert code == 2 and "is not a wheel plansite wrote" in output
    assert (office / "vendor" / WHEEL).read_bytes() == b"an office's own build"
    assert (office / "requirements.txt").read_bytes() == before


def test_vendor_leaves_a_requirements_file_that_installs_plansite_otherwise(office: Path) -> None:
    requirements = office / "requirements.txt"
    requirements.write_text("plansite @ git+https://github.com/example/plansite@v0.1.0\n", encoding="utf-8")
    code, output = invoke("vendor", office, "--lang", "en")
    assert code == 2 and "must have exactly one line installing a plansite wheel from vendor/" in output
    assert requirements.read_text(encoding="utf-8") == "plansite @ git+https://github.com/example/plansite@v0.1.0\n"
    assert sorted(path.name for path in (office / "vendor").iterdir()) == [WHEEL]


@pytest.mark.parametrize("source", ["plansite", "plansite==0.1.0", "Plansite[pdf] >= 0.1"])
def test_init_refuses_plansite_by_name_alone(tmp_path: Path, source: str) -> None:
    code, output = invoke("init", tmp_path / "office", "--plansite-source", source, "--lang", "en")
    assert code == 2 and "a name alone is looked up in a package index" in output
    assert list(tmp_path.iterdir()) == []

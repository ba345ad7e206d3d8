"""plansite as a plan office gets it: a wheel installed into a fresh virtual environment, run outside the repository.

The wheel must carry everything a build needs (theme, content, the `init` files); nothing may be read from the
source checkout. The new environment borrows the test environment's third-party packages through a .pth line
(the editable plansite there is not activated that way), so the test needs no network and stays fast.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from generator.data.layout import find_repository
from generator.site.build import build_site
from generator.version import __version__

from .conftest import ROOT

pytestmark = pytest.mark.slow  # a wheel built and installed into a new virtual environment, and two builds


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SOURCE_DATE_EPOCH")}
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=environment, timeout=600
    )
    assert result.returncode == 0, f"{command}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin/` folder of a fresh virtual environment with only the wheel of plansite installed."""
    work = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", ROOT, cwd=work)
    [wheel] = (work / "dist").glob("plansite-*.whl")
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work).stdout.strip())
    (purelib / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=work)
    where = run(python, "-c", "import generator; print(generator.__file__)", cwd=work).stdout
    assert str(purelib) in where, f"plansite was imported from {where}, not from the installed wheel"
    return venv / "bin"


def test_the_wheel_builds_the_shipped_data_outside_the_repository_byte_for_byte(
    installed: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    for name in ("plans", "results", "site.yaml"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, data / name)
    run(installed / "plansite", "build", "--quiet", cwd=data)

    reference = tmp_path / "reference"
    # The same copy, outside git like the wheel's build: a build in the checkout also lists its amendments.
    build_site(find_repository(cwd=data), reference)
    built = {path.relative_to(data / "output") for path in (data / "output").rglob("*") if path.is_file()}
    expected = {path.relative_to(reference) for path in reference.rglob("*") if path.is_file()}
    assert built == expected
    different = [
        str(path) for path in sorted(built) if (data / "output" / path).read_bytes() != (reference / path).read_bytes()
    ]
    assert not different, f"differs from the checkout's build: {different[:10]}"


def test_the_wheel_carries_the_docs_an_office_needs(installed: Path, tmp_path: Path) -> None:
    for topic in ("data-format", "publishing"):
        path = Path(run(installed / "plansite", "docs", topic, "--path", cwd=tmp_path).stdout.strip())
        assert "site-packages" in path.parts and not path.is_symlink()
        assert path.read_bytes() == (ROOT / "docs" / f"{topic}.md").read_bytes(), topic


def test_init_then_validate_and_build_with_only_the_wheel(installed: Path, tmp_path: Path) -> None:
    run(installed / "plansite", "init", "office-data", cwd=tmp_path)
    repository = tmp_path / "office-data"
    assert (repository / ".gitignore").read_text(encoding="utf-8").count("output/") == 1
    assert (repository / "results").is_dir()
    run(installed / "plansite", "validate", "--strict", cwd=repository)
    run(installed / "plansite", "build", "--quiet", cwd=repository)
    home = (repository / "output" / "index.html").read_text(encoding="utf-8")
    assert "계획 이행 공개" in home and "예시 계획" in home


@pytest.mark.slow
def test_a_new_repository_installs_the_plansite_that_wrote_it_in_its_own_workflows(
    installed: Path, tmp_path: Path
) -> None:
    """`plansite init` from the installed wheel, then the generated workflows' own steps in a second fresh
    environment: `pip install -r requirements.txt` must take plansite from the repository's vendor/ (its
    dependencies come from the configured index, through pip's cache), and every plansite step must pass."""
    from .test_workflows import EXPRESSIONS, steps

    run(installed / "plansite", "init", "office", cwd=tmp_path)
    office = tmp_path / "office"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    run(*git, "init", "-q", "-b", "main", cwd=office)
    run(*git, "add", "-A", cwd=office)
    run(*git, "commit", "-q", "-m", "plansite init", cwd=office)
    run(*git, "update-ref", "refs/remotes/origin/main", "HEAD", cwd=office)
    tracked = run("git", "ls-files", "vendor", cwd=office).stdout.split()
    assert tracked == [f"vendor/plansite-{__version__}-py3-none-any.whl"]  # committed, not git-ignored

    ci = tmp_path / "ci"
    run(sys.executable, "-m", "venv", ci, cwd=tmp_path)
    summary = tmp_path / "summary.md"
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SOURCE_DATE_EPOCH")}
    environment |= {
        "PATH": f"{ci / 'bin'}{os.pathsep}{environment['PATH']}",
        "VIRTUAL_ENV": str(ci),
        "GITHUB_STEP_SUMMARY": str(summary),
        "LANG": "C.UTF-8",
    }
    done: list[str] = []
    for name in ("check.yml", "publish.yml"):
        workflow = yaml.safe_load((office / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        for step in steps(workflow):
            if "run" not in step or step["run"] in done:
                continue
            done.append(step["run"])
            values = {key: EXPRESSIONS.get(value, value) for key, value in step.get("env", {}).items()}
            result = subprocess.run(
                ["bash", "-eo", "pipefail", "-c", step["run"]],
                cwd=office,
                env={**environment, **values},
                capture_output=True,
                text=True,
                timeout=900,
            )
            assert result.returncode == 0, (name, step.get("name"), result.stdout, result.stderr)
            if "pip install" in step["run"]:
                assert f"Processing ./vendor/plansite-{__version__}-py3-none-any.whl" in result.stdout, result.stdout
    where = run(ci / "bin" / "python", "-c", "import generator; print(generator.__file__)", cwd=tmp_path).stdout
    assert str(ci) in where
    assert any("plansite validate" in step for step in done) and any("plansite build" in step for step in done)
    assert (office / "output" / "index.html").is_file()
    assert "### 데이터 변경 검토" in summary.read_text(encoding="utf-8")  # diff ran, in the runner's Korean

"""The Python API: one options object, the environment read in one place, and the shipped site built by a script."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest

import generator
from generator.errors import DataError, UsageError

from .conftest import ROOT


@pytest.mark.slow
def test_a_script_builds_the_shipped_site(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; import generator; "
        "summary = generator.build(generator.Options(root=Path(sys.argv[1]), out=Path(sys.argv[2]))); "
        "print(summary.pages, summary.output)"
    )
    out = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(out)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    pages, output = run.stdout.split()
    assert int(pages) == len(list(out.rglob("*.html"))) - len(list((out / "pagefind").rglob("*.html")))
    assert output == str(out)
    assert (out / "index.html").is_file() and (out / "en" / "index.html").is_file()


def test_the_environment_is_read_into_the_options_and_given_values_win() -> None:
    environ = {"SOURCE_DATE_EPOCH": "86400", "PAGEFIND_BINARY_PATH": "/opt/pagefind", "PLANSITE_CHROMIUM": "chrome"}
    options = generator.Options.from_environment(environ, chromium="mine", plans=None)
    assert options.source_date == datetime.date(1970, 1, 2)
    assert options.pagefind == Path("/opt/pagefind")
    assert options.chromium == "mine"
    assert generator.Options.from_environment({}) == generator.Options()


@pytest.mark.parametrize("epoch", ["yesterday", "1e9", "99999999999999999999"])
def test_a_source_date_epoch_that_is_not_seconds_is_a_usage_error(epoch: str) -> None:
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH must be a whole number of seconds"):
        generator.Options.from_environment({"SOURCE_DATE_EPOCH": epoch})


@pytest.mark.usefixtures("demo_root")
def test_validate_and_load_report_the_same_problems() -> None:
    plan = Path("plans/demo/plan.yaml")
    plan.write_text(plan.read_text(encoding="utf-8").replace("period:", "periode:", 1), encoding="utf-8")
    report = generator.validate(generator.Options())
    assert report.errors
    with pytest.raises(DataError) as raised:
        generator.load(generator.Options())
    assert raised.value.problems == report.errors


def test_nothing_below_the_api_reads_the_environment() -> None:
    """Options.from_environment is the one place; the command line only asks it (and reads the locale)."""
    reads = re.compile(r"os\.environ|os\.getenv|environ\.get")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "generator").rglob("*.py"))
        if path.name != "api.py" and path.parent.name != "cli"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if reads.search(line.split("#", 1)[0])
    ]
    assert found == []


def test_importing_the_package_and_the_api_leaves_the_site_stack_unloaded() -> None:
    script = (
        "import sys, generator, generator.api; print(sorted(m for m in ('jinja2', 'matplotlib') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_developer_guide_example_runs(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = (ROOT / "docs" / "developing.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", guide, re.DOTALL)
    assert 'Path("my-plans")' in example
    exec(example.replace('Path("my-plans")', repr(str(demo_root)).join(("Path(", ")"))), {})
    printed = capsys.readouterr().out
    assert re.search(r"^\d+ pages in .*output$", printed, re.MULTILINE), printed


def test_the_developer_guide_names_every_layer_of_the_contract() -> None:
    import tomllib

    guide = (ROOT / "docs" / "developing.md").read_text(encoding="utf-8")
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    layers = [name.strip() for layer in contracts[0]["layers"] for name in layer.split("|")]
    picture = guide.split("```", 2)[1]
    assert [layer for layer in layers if layer.removeprefix("generator.") not in picture] == []

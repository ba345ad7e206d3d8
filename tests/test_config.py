"""site.yaml, finding the data the same way on every command, and `plansite init` (issue 8)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data.layout import find_repository
from generator.errors import UsageError
from generator.site.build import build_site

DATA_COMMANDS = ("validate", "report", "pdf", "new-year", "collect", "import", "build", "serve")


def write_config(root: Path, text: str) -> Path:
    path = root / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("command", DATA_COMMANDS)
def test_every_command_that_reads_data_takes_the_same_options(command: str) -> None:
    assert isinstance(main, click.Group)
    names = {name for param in main.commands[command].params for name in param.opts}
    assert {"--config", "--plans", "--results"} <= names


def test_run_from_a_data_repository_root_needs_no_arguments(demo_root: Path) -> None:
    write_config(demo_root, "site_name: {ko: 시험 사이트, en: Test site}\n")
    result = invoke("validate", "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 plan,")


def test_config_elsewhere_finds_the_plans_beside_it(demo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    config = write_config(demo_root, "site_name: {ko: 시험 사이트, en: Test site}\n")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    repository = find_repository(config=config, cwd=elsewhere)
    assert repository.plans == demo_root / "plans"
    assert repository.results == demo_root / "results"
    assert repository.output == demo_root / "output"


def test_a_missing_config_file_is_a_usage_error(demo_root: Path) -> None:
    with pytest.raises(UsageError, match="no such configuration file"):
        find_repository(config=demo_root / "sites.yaml")
    result = invoke("build", "--config", "sites.yaml")
    assert result.exit_code == 2
    assert "sites.yaml: no such configuration file" in result.output


def test_config_problems_are_positioned_and_all_reported(demo_root: Path) -> None:
    write_config(demo_root, "site_nam: {ko: 시험}\nbase_url: /plans/\ntheme_dir: look\n")
    result = invoke("validate")
    assert result.exit_code == 1
    assert "site.yaml:1:1: unknown key 'site_nam' (site_nam) — did you mean 'site_name'?" in result.output
    assert "site.yaml:2:11: expected an absolute web address such as https://example.org/plans/" in result.output


def test_a_theme_folder_that_does_not_exist_is_an_error(demo_root: Path) -> None:
    write_config(demo_root, "site_name: {ko: 시험, en: Test}\ntheme_dir: look\n")
    result = invoke("validate")
    assert result.exit_code == 1
    assert "site.yaml:2:12: theme folder 'look' does not exist (theme_dir)" in result.output


def test_config_text_without_english_is_a_warning(demo_root: Path) -> None:
    write_config(demo_root, "site_name: 시험 사이트\n")
    result = invoke("validate", "--strict")
    assert result.exit_code == 1
    assert "site.yaml:1:12: warning: no English text (site_name)" in result.output


@pytest.mark.slow
def test_the_site_shows_its_own_name_and_publisher(demo_root: Path) -> None:
    write_config(
        demo_root,
        "site_name: {ko: 시험 사이트, en: Test site}\n"
        "tagline: {ko: 시험용 소개, en: A test tagline}\n"
        "organisation: {ko: 시험 기관, en: Test Agency}\n"
        "footer: {ko: 시험 바닥글., en: A test footer.}\n",
    )
    build_site(find_repository(), Path("output"))
    korean = Path("output/index.html").read_text(encoding="utf-8")
    english = Path("output/en/index.html").read_text(encoding="utf-8")
    assert "<title>시험 사이트</title>" in korean and "시험용 소개" in korean and "시험 기관" in korean
    assert "시험 바닥글." in korean
    assert "<title>Test site</title>" in english and "A test tagline" in english and "Test Agency" in english


@pytest.mark.slow
def test_a_theme_overrides_templates_by_name_and_adds_css(demo_root: Path) -> None:
    theme = demo_root / "look"
    theme.mkdir()
    (theme / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Our own 404</h1>{% endblock %}', encoding="utf-8"
    )
    (theme / "style.css").write_text("body { background: #fff; }\n", encoding="utf-8")
    write_config(demo_root, "site_name: {ko: 시험, en: Test}\ntheme_dir: look\n")
    build_site(find_repository(), Path("output"))
    assert "<h1>Our own 404</h1>" in Path("output/404.html").read_text(encoding="utf-8")
    assert Path("output/static/extra.css").read_text(encoding="utf-8") == "body { background: #fff; }\n"
    home = Path("output/index.html").read_text(encoding="utf-8")
    # The site's CSS comes after the packaged CSS, so its rules win.
    assert home.index("static/style.css") < home.index("static/extra.css")


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_without_a_config_the_site_uses_neutral_words() -> None:
    build_site(find_repository(), Path("output"))
    home = Path("output/index.html").read_text(encoding="utf-8")
    assert "서울" not in home and "Seoul" not in home


def test_init_writes_a_repository_that_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "office")
    assert result.exit_code == 0, result.output
    assert "wrote office/site.yaml" in result.output
    monkeypatch.chdir(tmp_path / "office")
    assert invoke("validate", "--strict").exit_code == 0


def test_init_fills_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("office").mkdir()
    assert invoke("init", "office").exit_code == 0
    assert Path("office/plans/example-plan/plan.yaml").is_file()


def test_init_refuses_a_folder_with_anything_in_it_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("office").mkdir()
    Path("office/notes.txt").write_text("keep me", encoding="utf-8")
    result = invoke("init", "office")
    assert result.exit_code == 2
    assert "office: the folder is not empty" in result.output
    assert [p.name for p in Path("office").iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["office"]  # no staging folder left behind

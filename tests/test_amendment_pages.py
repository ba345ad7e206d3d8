"""Amendments on the record, on the built site: a synthetic data repository under git, a figure changed after it
was first published, and the pages that must say so (project page, annual report, the plan's list)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from generator.cli import main
from generator.i18n import t

from .conftest import FIXTURES

PLAN = "progress-demo"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def _commit(root: Path, message: str, date: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True, env=environment)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=root, check=True, env=environment)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "progress", root)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _commit(root, "Publish the plan and three checks", "2026-01-10T09:00:00+09:00")
    results = root / "results" / PLAN / "2025" / "projects" / "1-1-2.yaml"
    results.write_text(results.read_text(encoding="utf-8").replace("actual: 16", "actual: 18"), encoding="utf-8")
    _commit(root, "Correct the 2025 actual of 1-1-2", "2026-02-03T10:00:00+09:00")
    # A better translation and a reworded description amend no figure: the Korean source is the record.
    project = root / "plans" / PLAN / "projects" / "1-1-1.yaml"
    text = project.read_text(encoding="utf-8").replace("en: Indicator 1-1-1", "en: First indicator")
    project.write_text(text + "purpose: {ko: 시험 목적, en: A test purpose}\n", encoding="utf-8")
    _commit(root, "Translate an indicator's name better; state the purpose", "2026-03-01T10:00:00+09:00")
    monkeypatch.chdir(root)
    return root


def _page(root: Path, path: str) -> html.HtmlElement:
    return html.parse(str(root / "output" / path)).getroot()


@pytest.mark.slow
def test_an_amended_actual_is_listed_on_its_project_page_report_and_the_plans_list(repository: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--quiet"])
    assert result.exit_code == 0, result.output
    project = _page(repository, f"en/plans/{PLAN}/projects/1-1-2.html")
    [section] = project.xpath("//section[@class='amendments']")
    [caption] = section.xpath(".//caption")
    assert caption.text_content().startswith("2026-02-03 · ")
    cells = [" ".join(row.xpath("./*//text()")) for row in section.xpath(".//tbody/tr")]
    assert any("16" in cell and "18" in cell for cell in cells), cells
    report = _page(repository, f"en/plans/{PLAN}/reports/2025.html")
    assert report.xpath("//section[@class='amendments']//caption")
    untouched = _page(repository, f"en/plans/{PLAN}/reports/2024.html")
    assert "No figure has been amended" in untouched.xpath("//section[@class='amendments']")[0].text_content()
    reworded = _page(repository, f"en/plans/{PLAN}/projects/1-1-1.html")
    assert "No figure has been amended" in reworded.xpath("//section[@class='amendments']")[0].text_content()
    plan = _page(repository, f"plans/{PLAN}/index.html")
    [link] = plan.xpath("//a[contains(@href, 'amendments.html')]")
    # The corrected actual (C → B) and the 2025 distribution it moved: as counted, and as the figures give it.
    assert link.text_content() == "공개 후 수정 내역 (3건)"
    listed = _page(repository, f"plans/{PLAN}/amendments.html")
    assert listed.xpath("//table[contains(@class, 'amendment')]")


@pytest.mark.slow
def test_outside_git_the_sections_are_absent_and_the_build_says_why_once(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "progress", root)
    result = CliRunner().invoke(
        main, ["build", "--plans", str(root / "plans"), "--results", str(root / "results"), "--out", str(root / "out")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("no amendments listed:") == 1
    assert "git" in result.output
    project = html.parse(str(root / "out" / f"plans/{PLAN}/projects/1-1-2.html")).getroot()
    assert project.xpath("//section[@class='amendments']") == []
    assert not (root / "out" / f"plans/{PLAN}/amendments.html").exists()


@pytest.mark.slow
def test_a_data_repository_outside_git_builds_without_amendments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "progress", tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data")
    result = CliRunner().invoke(main, ["build", "--lang", "en"])
    assert result.exit_code == 0, result.output
    [said] = [line for line in result.output.splitlines() if line.startswith("no amendments listed:")]
    assert "not in a git repository" in said
    # Said in the user's language, whole; and again by a build that finds the site up to date, in its language.
    for lang, line in (
        ("ko", "변경 이력을 싣지 않았습니다: .: git 저장소 안에 있지 않아 변경 이력이 없습니다"),
        ("en", said),
    ):
        again = CliRunner().invoke(main, ["build", "--lang", lang])
        assert again.exit_code == 0, again.output
        assert t("site_up_to_date", lang, output="output", pages=0, files=0, seconds=0).split(":")[0] in again.output
        assert line in again.output.splitlines(), again.output


@pytest.mark.slow
def test_a_unit_changed_only_in_korean_shows_the_korean_on_the_english_page(repository: Path) -> None:
    """The English unit reads "cases" before and after: "cases → cases" would say nothing, so the English page shows
    the Korean before and after, marked lang="ko", and says only the Korean changed."""
    project = repository / "plans" / PLAN / "projects" / "1-1-1.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("unit: {ko: 건, en: cases}", "unit: {ko: 건수, en: cases}"), encoding="utf-8")
    _commit(repository, "Name the unit as the source does", "2026-04-01T10:00:00+09:00")
    result = CliRunner().invoke(main, ["build", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = _page(repository, f"en/plans/{PLAN}/projects/1-1-1.html").xpath("//section[@class='amendments']//tbody/tr")
    [row] = [row for row in rows if "Korean text changed" in row.text_content()]
    before, after = row.xpath("./td")
    assert (before.text_content(), after.text_content()) == ("건", "건수")
    assert before.get("lang") == after.get("lang") == "ko"
    korean = _page(repository, f"plans/{PLAN}/projects/1-1-1.html").xpath("//section[@class='amendments']//td")
    assert [cell.text_content() for cell in korean] == ["건", "건수"] and not korean[0].get("lang")

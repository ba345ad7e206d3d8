"""`plansite pdf`: the 2021 report printed by Chromium, read back with pypdf, and every way it refuses cleanly."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.errors import UsageError
from generator.i18n import t
from generator.site.printing import find_chromium, write_pdf

from ..conftest import PLANS, RESULTS, ROOT
from .conftest import CHROMIUM, ensure_browser

PLAN = "seoul-citizen-participation-2019"
YEAR = "2021"
REPORT = f"plans/{PLAN}/reports/{YEAR}.html"
HEADING = {"ko": "2021년 주민참여사업 이행사항 점검결과 보고", "en": "Report on the 2021 implementation check"}
PROJECT = {"ko": "정보소통광장 공개 누적 건수", "en": "Items disclosed on the Information Plaza"}
ISSUER = {"ko": "서울특별시", "en": "Seoul Metropolitan Government"}  # site.yaml's organisation
ADDRESS = "https://example.org/plans/"  # the copy's site.yaml gives the site an address
OLD_PDF = b"%PDF-1.4\n% an older print of the report\n"


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped data, so the chart cache the command keeps is the copy's own."""
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(PLANS, root / "plans")
    shutil.copytree(RESULTS, root / "results")
    config = (ROOT / "site.yaml").read_text(encoding="utf-8")
    (root / "site.yaml").write_text(f"{config}\nbase_url: {ADDRESS}\n", encoding="utf-8")
    return root


@dataclass(frozen=True)
class Result:
    exit_code: int
    output: str


def run(repository: Path, *args: str) -> Result:
    """The installed command in its own process: Playwright's sync API refuses to start inside the browser tests'
    own Playwright session, as it would in any program that already runs one."""
    command = [str(Path(sys.executable).parent / "plansite"), "pdf", *args, "--config", str(repository / "site.yaml")]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=dict(os.environ))
    return Result(done.returncode, done.stdout + done.stderr)


def plain(text: str) -> str:
    """Text to compare: pypdf reads this font's spaces as \\x01, and cells wrap, so without any white space."""
    return "".join(text.replace("\x01", " ").split())


@pytest.fixture(scope="module")
def printed(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result, str]]:
    """The report in Korean under its default name in the working directory, and in English with --out over an
    older PDF of the same name, --force given."""
    ensure_browser()
    out = tmp_path_factory.mktemp("printed")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(out)
        patch.delenv("PLANSITE_CHROMIUM", raising=False)
        korean = run(repository, PLAN, YEAR)
        english_file = out / "english" / "report.pdf"
        english_file.parent.mkdir()
        english_file.write_bytes(OLD_PDF)
        english = run(repository, PLAN, YEAR, "--lang", "en", "--out", str(english_file), "--force")
    return {
        "ko": (out / f"{PLAN}-{YEAR}-ko.pdf", korean, f"{PLAN}-{YEAR}-ko.pdf"),
        "en": (english_file, english, "english/report.pdf"),
    }


def page_title(repository: Path, lang: str) -> str:
    """The report page's <title>, as the built site has it (the browser collapses its white space)."""
    from generator.data.layout import find_repository
    from generator.site.build import render_site

    files, _ = render_site(find_repository(config=repository / "site.yaml"))
    found = re.search(r"<title>(.*?)</title>", files[REPORT if lang == "ko" else f"en/{REPORT}"].decode(), re.S)
    assert found is not None
    return " ".join(html.unescape(found.group(1)).split())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_report_prints_with_its_title_and_language(
    printed: dict[str, tuple[Path, Result, str]], repository: Path, lang: str
) -> None:
    path, result, shown = printed[lang]
    assert result.exit_code == 0, result.output
    assert result.output == t("wrote", lang, path=shown) + "\n"  # --lang is the PDF's language and the terminal's
    assert path.read_bytes().startswith(b"%PDF-") and path.read_bytes() != OLD_PDF
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == [], "a temporary file was left"

    pdf = PdfReader(path)
    assert pdf.metadata is not None
    assert pdf.metadata.title == page_title(repository, lang)
    assert HEADING[lang] in pdf.metadata.title
    assert str(pdf.metadata.creator).startswith("plansite ")
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == lang
    assert catalog["/MarkInfo"]["/Marked"], "the PDF should be tagged"
    assert pdf.outline, "the headings should make an outline"
    pages = [plain(page.extract_text()) for page in pdf.pages]
    assert 5 <= len(pages) <= 10, len(pages)
    assert plain(HEADING[lang]) in pages[0], "text should stay text, with the heading on the first page"
    assert any(plain(PROJECT[lang]) in text for text in pages)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_printed_page_names_issuer_title_date_address_and_its_number(
    printed: dict[str, tuple[Path, Result, str]], lang: str
) -> None:
    """The running header and footer (page-margin boxes of the print CSS): a page taken out of the report still
    says who issued it, what it is, how current its data is, where it comes from, and which page of how many."""
    path, result, _ = printed[lang]
    assert result.exit_code == 0, result.output
    pages = [plain(page.extract_text()) for page in PdfReader(path).pages]
    before, after = plain(t("print_data_date", lang, date="\x00")).split("\x00")
    dated = re.compile(re.escape(before) + r"\d{4}-\d{2}-\d{2}" + re.escape(after))
    for number, text in enumerate(pages, start=1):
        where = f"page {number} of {len(pages)}"
        assert plain(ISSUER[lang]) in text, where
        assert plain(HEADING[lang]) in text, where
        assert dated.search(text), where
        assert ADDRESS in text, where
        assert plain(t("print_page_number", lang, page=number, pages=len(pages))) in text, where


def test_an_existing_file_is_left_alone_without_force(repository: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(OLD_PDF)
    result = run(repository, PLAN, YEAR, "--out", str(out))
    assert result.exit_code == 2
    assert "exists" in result.output and "--force" in result.output and "Traceback" not in result.output
    assert out.read_bytes() == OLD_PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_force_replaces_only_a_pdf(repository: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    out.write_bytes(b"PK\x03\x04 not a PDF")
    result = run(repository, PLAN, YEAR, "--out", str(out), "--force")
    assert result.exit_code == 2
    assert "is not a PDF" in result.output
    assert out.read_bytes() == b"PK\x03\x04 not a PDF"


@pytest.mark.parametrize(("where", "message"), [("missing/report.pdf", "no such folder"), (".", "is a folder")])
def test_out_must_be_a_file_in_a_folder(repository: Path, tmp_path: Path, where: str, message: str) -> None:
    result = run(repository, PLAN, YEAR, "--out", str(tmp_path / where))
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_year_without_results_names_those_with_results(repository: Path, tmp_path: Path) -> None:
    result = run(repository, PLAN, "2020", "--out", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2
    assert f"{PLAN} has no results for 2020 (years with results: 2021)" in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_plan_names_the_plans(repository: Path, tmp_path: Path) -> None:
    result = run(repository, "no-such-plan", YEAR, "--out", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2
    assert "no plan 'no-such-plan'" in result.output and PLAN in result.output


def test_without_chromium_it_says_what_to_install(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANSITE_CHROMIUM", str(tmp_path / "no-chromium"))
    result = run(repository, PLAN, YEAR, "--out", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2
    assert "apt-get install chromium" in result.output and "PLANSITE_CHROMIUM" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_no_chromium_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANSITE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError, match=r"^no Chromium found: .*sudo apt-get install chromium"):
        find_chromium(None, str(tmp_path / "chrome"))


def test_chromium_is_found_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANSITE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{CHROMIUM.parent}")
    assert find_chromium(None) == str(CHROMIUM)


def test_a_chromium_that_does_not_start_is_a_clean_message(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ensure_browser()
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PLANSITE_CHROMIUM", str(broken))
    result = run(repository, PLAN, YEAR, "--out", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2
    assert "did not start" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chromium"]


def test_without_playwright_it_says_what_to_install(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails as if not installed
    # In this process, where the import is made to fail; it fails before Playwright would start.
    invoked = CliRunner().invoke(
        main, ["pdf", PLAN, YEAR, "--out", str(tmp_path / "report.pdf"), "--config", str(repository / "site.yaml")]
    )
    result = Result(invoked.exit_code, invoked.output)
    assert result.exit_code == 2
    assert "pip install './vendor/plansite-" in result.output and ".whl[pdf]'" in result.output
    assert list(tmp_path.iterdir()) == []


def test_writing_never_replaces_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(OLD_PDF)
    with pytest.raises(UsageError, match="--force"):
        write_pdf(out, b"%PDF-1.7 new", replace=False)
    assert out.read_bytes() == OLD_PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_the_printed_report_embeds_real_fonts_not_type_3(printed: dict[str, tuple[Path, Result, str]]) -> None:
    """Issue 24: with Noto CJK chosen, Chromium wrote every font as Type 3; the print style puts TrueType Hangul
    fonts (Nanum, Malgun) first. On a machine with only Nanum this holds either way; with Noto it is the check."""
    for lang in ("ko", "en"):
        reader = PdfReader(printed[lang][0])
        subtypes = {
            str(font.get_object().get("/Subtype"))
            for page in reader.pages
            for font in (page.get("/Resources", {}).get_object().get("/Font", {}) or {}).values()
        }
        assert subtypes and "/Type3" not in subtypes, (lang, subtypes)

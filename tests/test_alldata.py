"""All the data in one file, and how to cite every download (issue 29, items 3 and 4): the zip of every plan's
files with a README in Korean and English, the same bytes from every build of the same data, and the licence and
citation in each data package. The data is synthetic (tests/fixtures); the licence in these tests is made up for
them: the shipped site.yaml states none."""

from __future__ import annotations

import datetime
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import frictionless
import pytest
from lxml import html

import generator
from generator.data.config import SiteConfigFile
from generator.site.opendata.bundle import (
    EARLIEST,
    PERMISSIONS,
    README_FILES,
    About,
    all_data_zip,
    folder_name,
    readme,
    stamp,
    zip_bytes,
    zip_name,
)
from generator.site.opendata.terms import Terms, package_terms
from generator.site.pages import Site

from .conftest import FIXTURES

PLAN = "progress-demo"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
SITE = (
    "site_name: {ko: 시험 사이트, en: Synthetic Test Site}\n"
    "tagline: {ko: 시험용 합성 자료, en: Synthetic test data}\n"
    "organisation: {ko: 시험 기관, en: Test Office}\n"
)
LICENCE = "licence: {ko: 공공누리 제1유형, en: KOGL Type 1}\n"
LICENCE_URL = "licence_url: https://example.org/kogl\n"
ADDRESS = "base_url: https://example.org/plans/\n"
DEFAULT_ZIP = "data/synthetic-test-site-data.zip"


def _repository(root: Path, site: str) -> Path:
    """The synthetic three-year plan with `site` as its site.yaml, in `root`."""
    shutil.copytree(FIXTURES / "progress", root)
    (root / "site.yaml").write_text(site, encoding="utf-8")
    return root


def _build(root: Path, out: Path, date: datetime.date | None = None) -> Path:
    generator.build(generator.Options(root=root, out=out, source_date=date))
    return out


def _members(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def _cite_text(page: Path) -> str:
    return str(html.parse(str(page)).getroot().xpath("string(//footer//span[@class='cite-text'])"))


# -- the zip, from its bytes ----------------------------------------------------------------------------------


def _about(lang: str, **fields: str) -> About:
    values = {
        "site": "시험 사이트" if lang == "ko" else "Test site",
        "publisher": "시험 기관" if lang == "ko" else "Test Office",
        "address": "",
        "licence": "",
        "licence_url": "",
        "citation": "CITATION-" + lang,
        "data_date": "2025-03-04",
        "changed": "2026-01-10",
        "dictionary": "# Title\n\nIntro.\n\n| file | what |\n|---|---|\n| `datapackage.json` | DP-" + lang + " |\n\n"
        "## Conventions {#conventions}\n\n### Sub {#sub}\n\nText.\n",
    }
    return About(**(values | fields))


def test_a_zip_is_the_same_bytes_whatever_the_order_its_members_come_in() -> None:
    members = {"b/x.csv": b"1,2\r\n", "a/y.json": b"{}\n", "README.en.md": b"# x\n"}
    first = zip_bytes(members, datetime.date(2025, 3, 4))
    assert first == zip_bytes(dict(reversed(members.items())), datetime.date(2025, 3, 4))
    assert first != zip_bytes(members, datetime.date(2025, 3, 5))  # the date is in the bytes: the test can fail
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == ["README.en.md", "a/y.json", "b/x.csv"]
        assert archive.comment == b""
        for info in archive.infolist():
            assert info.date_time == (2025, 3, 4, 0, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert (info.create_system, info.external_attr >> 16) == (3, PERMISSIONS)
            assert info.extra == b""


def test_members_are_dated_with_the_data_date_else_the_earliest_a_zip_holds() -> None:
    assert stamp("2025-03-04") == datetime.date(2025, 3, 4)
    assert stamp("") == EARLIEST == datetime.date(1980, 1, 1)


def test_the_zip_holds_the_files_under_one_folder_and_a_readme_per_language() -> None:
    package = json.dumps({"title": "계획", "title_en": "Plan", "resources": []}).encode()
    files = {"p/plan.csv": b"a\r\n", "p/datapackage.json": package}
    archive = all_data_zip("my-site", files, {lang: _about(lang) for lang in README_FILES}, "2025-03-04")
    members = _members(archive)
    assert zip_name("my-site") == "my-site-data.zip" and folder_name("my-site") == "my-site-data"
    assert sorted(members) == [
        "my-site-data/README.en.md",
        "my-site-data/README.ko.md",
        "my-site-data/p/datapackage.json",
        "my-site-data/p/plan.csv",
    ]
    assert members["my-site-data/p/plan.csv"] == b"a\r\n"


def test_a_readme_lists_each_file_as_its_package_describes_it_and_the_dictionary_under_its_own_heading() -> None:
    package = {
        "title": "계획",
        "title_en": "The plan",
        "resources": [{"path": "plan.csv", "description": "계획 표", "description_en": "the plan as a table"}],
    }
    files = {"p/datapackage.json": json.dumps(package).encode()}
    english = readme("en", _about("en"), files)
    assert "### The plan (`p/`)\n\n- `p/plan.csv`: the plan as a table\n- `p/datapackage.json`: DP-en\n" in english
    # The dictionary's title is left out, its headings one level lower, without the site's {#id} anchors.
    assert "## Data dictionary\n\nIntro." in english
    assert "\n### Conventions\n" in english and "\n#### Sub\n" in english and "{#" not in english
    korean = readme("ko", _about("ko"), files)
    assert "### 계획 (`p/`)\n\n- `p/plan.csv`: 계획 표\n- `p/datapackage.json`: DP-ko\n" in korean
    assert korean.startswith("# 시험 사이트: 전체 공개 데이터\n")


def test_a_readme_states_the_licence_or_that_none_is_stated_and_who_publishes() -> None:
    stated = readme("en", _about("en", licence="KOGL Type 1", licence_url="https://example.org/kogl"), {})
    assert "## Licence\n\nKOGL Type 1 Full terms: https://example.org/kogl\n" in stated
    assert "No licence" not in stated
    assert "No licence is stated for this data. It is published by Test Office." in readme("en", _about("en"), {})
    assert "자료를 공개한 곳: 시험 기관." in readme("ko", _about("ko"), {})
    anonymous = readme("en", _about("en", publisher=""), {})
    assert "No licence is stated for this data. It is published on Test site." in anonymous


def test_a_readme_gives_how_to_cite_and_the_dates_but_no_build_time() -> None:
    english = readme("en", _about("en"), {})
    assert "## How to cite\n\nCITATION-en\n" in english
    assert "- Data as of: 2025-03-04\n- Last change to the data: 2026-01-10\n" in english
    assert "every file in it is dated 2025-03-04." in english
    undated = readme("ko", _about("ko", data_date=""), {})
    assert "자료 기준일: 출처 문서에 날짜가 없습니다." in undated and "모든 파일 시각은 1980-01-01입니다." in undated


def _site(config: dict[str, object] | None) -> Site:
    spec = SiteConfigFile.model_validate(config) if config is not None else None
    return Site(plans=[], evaluations={}, data_date="", methodology_md={}, open_data_md={}, config=spec)


def test_the_sites_short_name_is_its_own_else_its_english_name_slugged() -> None:
    assert (
        _site({"site_name": {"ko": "시험", "en": "Test Site: Reports"}, "slug": "office-data"}).slug() == "office-data"
    )
    assert _site({"site_name": {"ko": "시험", "en": "Test Site: Reports"}}).slug() == "test-site-reports"
    assert _site({"site_name": {"ko": "시험 사이트"}}).slug() == "plan-implementation-reports"
    assert _site(None).slug() == "plan-implementation-reports"


# -- licence and citation in the data package ------------------------------------------------------------------


CITATION = {"ko": "시험 기관, 「계획」, 시험 사이트, 2026.", "en": "Test Office (2026). Plan. Test site."}


def test_a_licence_with_its_address_is_the_standards_licenses() -> None:
    terms = Terms(CITATION, {"ko": "공공누리 제1유형", "en": "KOGL Type 1"}, "https://example.org/kogl")
    assert package_terms(terms) == {
        "licenses": [{"path": "https://example.org/kogl", "title": "공공누리 제1유형", "title_en": "KOGL Type 1"}],
        "citation": CITATION["ko"],
        "citation_en": CITATION["en"],
    }


def test_a_licence_without_an_address_is_named_beside_the_standards_property() -> None:
    terms = Terms(CITATION, {"ko": "공공누리 제1유형", "en": "KOGL Type 1"})
    properties = package_terms(terms)
    assert "licenses" not in properties
    assert (properties["licence"], properties["licence_en"]) == ("공공누리 제1유형", "KOGL Type 1")


def test_without_a_licence_the_package_states_none_but_how_to_cite() -> None:
    assert package_terms(Terms(CITATION, {"ko": "", "en": ""})) == {
        "citation": CITATION["ko"],
        "citation_en": CITATION["en"],
    }


# -- the built site ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def licensed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic plan built with a licence, its address and the site's address."""
    root = _repository(tmp_path_factory.mktemp("licensed") / "data", SITE + LICENCE + LICENCE_URL + ADDRESS)
    return _build(root, root / "output", datetime.date(2026, 5, 4))


@pytest.mark.slow
def test_the_zip_holds_every_download_byte_for_byte_and_a_readme_in_each_language(licensed: Path) -> None:
    archive = licensed / DEFAULT_ZIP
    members = _members(archive.read_bytes())
    top = "synthetic-test-site-data"
    downloads = {
        path.relative_to(licensed / "data").as_posix(): path.read_bytes()
        for path in (licensed / "data").rglob("*")
        if path.is_file() and path != archive
    }
    assert sorted(members) == sorted([f"{top}/README.en.md", f"{top}/README.ko.md", *(f"{top}/{p}" for p in downloads)])
    assert {f"{PLAN}/plan.csv", f"{PLAN}/results-2026.csv", f"{PLAN}/datapackage.json"} <= set(downloads)
    for path, content in downloads.items():
        assert members[f"{top}/{path}"] == content, path
    for lang, prefix, licence in (("ko", "", "공공누리 제1유형"), ("en", "en/", "KOGL Type 1")):
        text = members[f"{top}/{README_FILES[lang]}"].decode("utf-8")
        assert f"\n{licence} " in text and "https://example.org/kogl" in text
        # How to cite the zip is how the home page is cited, in the same words.
        assert f"\n{_cite_text(licensed / prefix / 'index.html')}\n" in text
        assert "2026-05-04" in text  # SOURCE_DATE_EPOCH's date: the date of the data
        assert f"`{PLAN}/results-2025.csv`" in text
    with zipfile.ZipFile(archive) as opened:
        assert {info.date_time for info in opened.infolist()} == {(2026, 5, 4, 0, 0, 0)}


@pytest.mark.slow
def test_each_data_package_states_the_licence_and_cites_its_plans_page(licensed: Path) -> None:
    package = json.loads((licensed / "data" / PLAN / "datapackage.json").read_bytes())
    assert package["licenses"] == [
        {"path": "https://example.org/kogl", "title": "공공누리 제1유형", "title_en": "KOGL Type 1"}
    ]
    assert package["citation"] == _cite_text(licensed / "plans" / PLAN / "index.html")
    assert package["citation_en"] == _cite_text(licensed / "en" / "plans" / PLAN / "index.html")
    assert package["citation_en"].endswith("https://example.org/plans/en/plans/progress-demo/index.html")


@pytest.mark.slow
def test_a_data_package_with_a_licence_and_a_citation_is_still_a_valid_package(licensed: Path) -> None:
    report = frictionless.validate(str(licensed / "data" / PLAN / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]


@pytest.mark.slow
def test_the_zip_is_linked_with_its_size_where_the_data_is(licensed: Path) -> None:
    size = (licensed / DEFAULT_ZIP).stat().st_size
    kilobytes = f"{-(-size // 1024):,} KB"
    pages = ["index.html", "data.html", f"plans/{PLAN}/index.html", f"plans/{PLAN}/reports/2025.html"]
    for prefix, words in (("", "모든 자료를 한 파일로 (ZIP, "), ("en/", "All the data in one file (ZIP, ")):
        for path in pages:
            page = licensed / prefix / path
            [link] = html.parse(str(page)).getroot().xpath("//main//a[contains(@href, '-data.zip')]")
            assert link.get("download") is not None, page
            assert link.text_content() == f"{words}{kilobytes})", page
            assert (page.parent / link.get("href")).resolve() == (licensed / DEFAULT_ZIP).resolve(), page


@pytest.mark.slow
def test_without_a_licence_the_readme_says_so_and_names_the_publisher(tmp_path: Path) -> None:
    root = _repository(tmp_path / "data", SITE + "slug: office-open\n")
    out = _build(root, tmp_path / "site")
    assert not (out / DEFAULT_ZIP).exists()
    members = _members((out / "data" / "office-open-data.zip").read_bytes())
    assert "이용 조건(라이선스)이 명시되어 있지 않습니다. 자료를 공개한 곳: 시험 기관." in members[
        "office-open-data/README.ko.md"
    ].decode("utf-8")
    assert "No licence is stated for this data. It is published by Test Office." in members[
        "office-open-data/README.en.md"
    ].decode("utf-8")
    package = json.loads((out / "data" / PLAN / "datapackage.json").read_bytes())
    assert not {"licenses", "licence", "licence_en"} & set(package)
    assert package["citation"].startswith("시험 기관, 「")


def _commit(root: Path) -> None:
    date = "2026-01-10T09:00:00+09:00"
    environment = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True, env=environment)
    subprocess.run([*GIT, "commit", "-q", "-m", "Publish"], cwd=root, check=True, env=environment)


@pytest.mark.slow
def test_two_builds_of_the_same_data_in_other_folders_give_the_same_zip(tmp_path: Path) -> None:
    """A checkout and a clone of it elsewhere (as CI clones), built into differently named folders."""
    first = _repository(tmp_path / "office" / "plans-data", SITE + LICENCE + ADDRESS)
    _commit(first)
    second = tmp_path / "ci" / "work" / "checkout"
    subprocess.run(["git", "clone", "-q", str(first), str(second)], check=True)
    one = _build(first, tmp_path / "output-one")
    two = _build(second, tmp_path / "elsewhere" / "site")
    archive = (one / DEFAULT_ZIP).read_bytes()
    assert archive == (two / DEFAULT_ZIP).read_bytes()
    readme_text = _members(archive)["synthetic-test-site-data/README.en.md"].decode("utf-8")
    assert "Last change to the data: 2026-01-10" in readme_text  # the commit's date, not the build's
    package = json.loads((one / "data" / PLAN / "datapackage.json").read_bytes())
    assert "licenses" not in package and package["licence_en"] == "KOGL Type 1"  # a licence without its address


# -- how to cite, on every page ------------------------------------------------------------------------------------


def test_every_page_of_every_kind_says_how_to_cite_it_in_its_language(real_site: Path) -> None:
    """The real site has a page of every kind (a checked year and one not yet checked, the amendments, 404);
    each says how to cite it, on screen and in print, in the page's language."""
    pages = sorted(real_site.rglob("*.html"))
    paths = {page.relative_to(real_site).as_posix() for page in pages}
    plan = "plans/seoul-citizen-participation-2019"
    kinds = {
        "index.html", "404.html", "search.html", "data.html", "methodology.html", "departments/index.html",
        f"{plan}/index.html", f"{plan}/amendments.html", f"{plan}/reports/2021.html", f"{plan}/reports/2022.html",
        f"{plan}/projects/1-1-1.html",
    }  # fmt: skip
    assert kinds <= paths and {f"en/{path}" for path in kinds} <= paths
    assert any(path.startswith("departments/") and path != "departments/index.html" for path in paths)
    for page in pages:
        if "embed" in page.relative_to(real_site).parts[:2]:
            continue  # an embed names its source in a line of its own (tests/test_embeds.py)
        english = page.relative_to(real_site).parts[0] == "en"
        tree = html.parse(str(page)).getroot()
        for block in ("//footer", "//div[contains(@class, 'print-credit')]"):
            cite = tree.xpath(f"string({block}//span[@class='cite-text'])")
            site_name = "Citizen Participation Plan Reports" if english else "시민참여 기본계획 이행 공개"
            assert site_name in cite, (page, cite)

"""Sharing and trust (issue 26): link previews (Open Graph, description), "last updated" from the data's git
history, and the licence and how to cite a page from site.yaml. The data is synthetic (tests/fixtures)."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html
from PIL import Image

import generator
from generator.cli import main
from generator.review.history import file_dates
from generator.review.record import FileDates
from generator.site.chartcache import ChartCache, open_cache
from generator.site.chartspec import (
    Bar,
    BudgetSeries,
    BudgetSpec,
    ChartSpec,
    DistributionSpec,
    TargetActualSpec,
    preview_size,
)
from generator.site.pages.credits import citation

from .conftest import FIXTURES

PLAN = "progress-demo"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
ADDRESS = "https://example.org/plans/"
SITE = (
    "site_name: {ko: 시험 사이트, en: Test site}\n"
    "tagline: {ko: 시험용 합성 자료, en: Synthetic test data}\n"
    "organisation: {ko: 시험 기관, en: Test Office}\n"
)
LICENCE = (
    "licence: {ko: 공공누리 제1유형 (출처표시), en: KOGL Type 1 (attribution)}\nlicence_url: https://example.org/kogl\n"
)


def _png_size(png: bytes) -> tuple[int, int]:
    """A PNG's size in pixels as an image reader sees it."""
    return Image.open(io.BytesIO(png)).size


def _pages(out: Path) -> list[Path]:
    """The pages readers open and share: not the page for a missing address, nor the embeds, which show in other
    sites' frames with their source line and name the page they belong to as canonical (tests/test_embeds.py)."""
    return sorted(
        path for path in out.rglob("*.html") if path.name != "404.html" and "embed" not in path.relative_to(out).parts
    )


def _meta(page: html.HtmlElement, key: str) -> str | None:
    found = page.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
    return found[0] if found else None


def _build(root: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["build", "--quiet", *options])
    assert result.exit_code == 0, result.output
    return root / "output"


SPECS = (
    DistributionSpec("grades", (Bar("A", 3, 60), Bar("평가 제외", 2, 40)), "분포", "요약", "지표 수"),
    TargetActualSpec("t", (2024, 2025), (10.0, 12.0), (9.0, None), "명", "제목", "요약", "목표", "실적"),
)
BUDGET = BudgetSpec("b", (2024, 2025), (BudgetSeries("전략 1", (1.0, 2.0)),), "백만원", "예산", "요약")


def _preview(spec: ChartSpec) -> bytes:
    """A chart's link preview as a build makes it: the PNG of the frame None (`chartpng.draw_chart`)."""
    from generator.site.chartpng import draw_chart

    return draw_chart(spec, "wide", (None,))[1][0]


# -- link previews --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_page_has_a_title_and_description_and_absolute_addresses_when_the_site_has_one(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(SITE, encoding="utf-8")
    out = _build(demo_root, "--base-url", ADDRESS)
    pages = _pages(out)
    assert len(pages) > 10
    images = 0
    for path in pages:
        page = html.parse(str(path)).getroot()
        relative = path.relative_to(out).as_posix()
        lang = "en" if relative.startswith("en/") else "ko"
        assert _meta(page, "og:title"), relative
        assert _meta(page, "description") and _meta(page, "og:description") == _meta(page, "description"), relative
        assert _meta(page, "og:site_name") == ("Test site" if lang == "en" else "시험 사이트")
        assert _meta(page, "og:locale") == {"ko": "ko_KR", "en": "en_US"}[lang]
        assert _meta(page, "og:locale:alternate") == {"ko": "en_US", "en": "ko_KR"}[lang]
        assert _meta(page, "og:url") == ADDRESS + relative
        assert _meta(page, "og:type") == ("website" if relative in ("index.html", "en/index.html") else "article")
        image = _meta(page, "og:image")
        if image is not None:
            images += 1
            assert image == ADDRESS + relative.removesuffix(".html") + "-og.png"
            png = (out / image.removeprefix(ADDRESS)).read_bytes()
            assert (_meta(page, "og:image:width"), _meta(page, "og:image:height")) == tuple(map(str, _png_size(png)))
            assert _meta(page, "og:image:alt")
            assert _meta(page, "twitter:card") == "summary_large_image"
        else:
            assert _meta(page, "twitter:card") == "summary"
    # The annual report and the project pages have charts, in both languages.
    report = html.parse(str(out / "en/plans/demo/reports/2024.html")).getroot()
    assert _meta(report, "og:image") == f"{ADDRESS}en/plans/demo/reports/2024-og.png"
    assert images >= 4


@pytest.mark.slow
def test_without_the_sites_address_there_is_no_page_address_and_no_image(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(SITE, encoding="utf-8")
    out = _build(demo_root)
    for path in _pages(out):
        page = html.parse(str(path)).getroot()
        assert _meta(page, "og:url") is None and _meta(page, "og:image") is None
        assert _meta(page, "og:title") and _meta(page, "description")
    assert not list(out.rglob("*-og.png"))  # no link-preview image (each chart's download PNG is there)
    # The description falls back to the tagline where a page has no summary of its own.
    search = html.parse(str(out / "en/search.html")).getroot()
    assert _meta(search, "description") == "Synthetic test data"


def test_a_project_page_describes_where_it_sits_and_its_latest_check(demo_root: Path) -> None:
    from generator.data.validate import load_checked
    from generator.evaluation.year import evaluate_year
    from generator.site.pages.common import Site
    from generator.site.pages.project import project_page

    report = load_checked(generator.api.repository(generator.Options(root=demo_root)))
    [plan] = report.plans
    evaluations = {plan.id: {year: evaluate_year(plan, r) for year, r in report.results[plan.id].items()}}
    site = Site(report.plans, evaluations, "", {}, "")
    project = next(p for p in plan.projects if p.id == "1-1-1")
    ko, en = (project_page(site, plan, project, lang).meta.summary for lang in ("ko", "en"))
    assert ko.startswith(f"{plan.spec.title.get('ko')} › ") and "2024년 점검 결과: " in ko, ko
    assert "Checked in 2024: " in en, en


def test_the_preview_png_is_the_same_bytes_every_time_and_names_no_software_or_time() -> None:
    distribution, target_actual = SPECS
    first, second = _preview(distribution), _preview(distribution)
    assert first == second
    assert b"Software" not in first and b"tIME" not in first and b"matplotlib" not in first
    assert _png_size(first) == (1344, 614)  # the chart's download image unframed: 7 × 3.2 inches at 192 dpi
    assert _png_size(_preview(target_actual)) == (1152, 576)


def test_a_previews_size_is_known_before_it_is_drawn_for_every_kind_of_chart() -> None:
    from generator.site.charts import RENDERERS

    specs = {type(spec): spec for spec in (*SPECS, BUDGET)}
    assert specs.keys() == RENDERERS.keys()  # a new kind of chart is added here too
    for spec in specs.values():
        assert _png_size(_preview(spec)) == preview_size(spec), type(spec).__name__


def test_a_preview_made_with_the_downloads_is_the_preview_drawn_alone_and_costs_no_drawing_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.site import chartpng, charts

    spec = SPECS[0]
    alone, framed_alone = _preview(spec), chartpng.draw_chart(spec, "wide", ("출처",))[1]
    drawn: list[object] = []
    render = charts.render
    monkeypatch.setattr(charts, "render", lambda *args: drawn.append(args) or render(*args))
    svg, pngs = chartpng.draw_chart(spec, "wide", ("출처", None))
    assert len(drawn) == 1 and svg == render(spec)
    assert pngs == (*framed_alone, alone)


def test_a_preview_png_is_kept_in_the_chart_cache_and_a_damaged_one_is_drawn_again(tmp_path: Path) -> None:
    spec = DistributionSpec("grades", (Bar("A", 3, 60),), "t", "s", "n")
    cache = open_cache(tmp_path / "cache", [], tmp_path / "out")
    assert cache.get_png(spec) is None and cache.missed == {spec}  # its wide drawing is made again
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
    cache.put_png(spec, png)
    again = ChartCache(tmp_path / "cache")
    assert again.get_png(spec) == png and not again.missed
    [entry] = (tmp_path / "cache" / "charts").glob("*/*.png")
    entry.write_bytes(entry.read_bytes()[:-1] + b"x")
    damaged = ChartCache(tmp_path / "cache")
    assert damaged.get_png(spec) is None and damaged.rejected == 1
    # The chart's SVG entry and its PNG never share a key.
    assert damaged.get(spec) is None


@pytest.mark.slow
def test_two_builds_give_the_same_preview_images(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(SITE, encoding="utf-8")
    first = _build(demo_root, "--base-url", ADDRESS, "--no-cache")
    kept = {p.relative_to(first): p.read_bytes() for p in first.rglob("*.png")}
    shutil.rmtree(first)
    second = _build(demo_root, "--base-url", ADDRESS, "--no-cache")
    assert kept and kept == {p.relative_to(second): p.read_bytes() for p in second.rglob("*.png")}


# -- last updated -----------------------------------------------------------------------------------------------


def _commit(root: Path, message: str, date: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True, env=environment)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=root, check=True, env=environment)


def _touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The synthetic progress data under git: all of it on 10 January, then one project's 2025 results on
    3 February, then another project's plan on 1 March."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "progress", root)
    (root / "site.yaml").write_text(SITE, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _commit(root, "Publish", "2026-01-10T09:00:00+09:00")
    _touch(root / "results" / PLAN / "2025" / "projects" / "1-1-2.yaml")
    _commit(root, "1-1-2's 2025 results", "2026-02-03T10:00:00+09:00")
    _touch(root / "plans" / PLAN / "projects" / "2-1-1.yaml")
    _commit(root, "2-1-1's plan", "2026-03-01T10:00:00+09:00")
    monkeypatch.chdir(root)
    return root


def test_file_dates_are_read_in_one_log_for_files_and_their_folders(history: Path) -> None:
    dates = file_dates(history, ("plans", "results", "site.yaml"))
    assert isinstance(dates, FileDates)
    assert dates.latest([f"results/{PLAN}/2025/projects/1-1-2.yaml"]) == "2026-02-03"
    assert dates.latest([f"results/{PLAN}/2024"]) == "2026-01-10"
    assert dates.latest([f"results/{PLAN}/2025"]) == "2026-02-03"
    assert dates.latest([f"plans/{PLAN}"]) == "2026-03-01"
    assert dates.latest(["site.yaml", f"results/{PLAN}/2026"]) == "2026-01-10"
    assert dates.latest(["plans", "results"]) == "2026-03-01"
    assert dates.latest(["nothing/here.yaml"]) == ""


def test_outside_git_there_are_no_file_dates(tmp_path: Path) -> None:
    assert not isinstance(file_dates(tmp_path, ("plans",)), FileDates)


def _updated(out: Path, path: str) -> str:
    page = html.parse(str(out / path)).getroot()
    [footer] = page.xpath("//footer//p[@class='updated']/time/@datetime")
    [printed] = page.xpath("//div[contains(@class, 'print-credit')]//p[@class='updated']/time/@datetime")
    assert printed == footer
    return str(footer)


@pytest.mark.slow
def test_each_page_shows_the_last_change_of_what_it_shows(history: Path) -> None:
    out = history / "output"
    generator.build(generator.Options(root=history, amendments=False))
    assert _updated(out, f"plans/{PLAN}/projects/1-1-1.html") == "2026-01-10"
    assert _updated(out, f"plans/{PLAN}/projects/1-1-2.html") == "2026-02-03"
    assert _updated(out, f"en/plans/{PLAN}/projects/2-1-1.html") == "2026-03-01"
    assert _updated(out, f"plans/{PLAN}/reports/2024.html") == "2026-01-10"
    assert _updated(out, f"en/plans/{PLAN}/reports/2025.html") == "2026-02-03"
    assert _updated(out, f"plans/{PLAN}/index.html") == "2026-03-01"
    assert _updated(out, "index.html") == "2026-03-01"
    page = html.parse(str(out / f"plans/{PLAN}/projects/1-1-2.html")).getroot()
    assert page.xpath("string(//footer//p[@class='updated'])").strip() == "최종 수정: 2026년 2월 3일"
    page = html.parse(str(out / f"en/plans/{PLAN}/projects/1-1-2.html")).getroot()
    assert page.xpath("string(//footer//p[@class='updated'])").strip() == "Last updated: February 3, 2026"


@pytest.mark.slow
def test_outside_git_every_page_shows_the_build_date(demo_root: Path) -> None:
    generator.build(generator.Options(root=demo_root, source_date=datetime.date(2026, 5, 4)))
    out = demo_root / "output"
    assert {_updated(out, path.relative_to(out).as_posix()) for path in _pages(out)} == {"2026-05-04"}


# -- licence and how to cite ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_licence_and_citation_from_site_yaml_are_on_every_page_and_printed(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(SITE + LICENCE + f"base_url: {ADDRESS}\n", encoding="utf-8")
    out = _build(demo_root)
    for path in _pages(out):
        page = html.parse(str(out / path)).getroot()
        relative = path.relative_to(out).as_posix()
        english = relative.startswith("en/")
        for block in ("//footer", "//div[contains(@class, 'print-credit')]"):
            [link] = page.xpath(f"{block}//p[@class='licence']/a")
            assert link.get("href") == "https://example.org/kogl" and link.get("rel") == "license"
            assert link.text == ("KOGL Type 1 (attribution)" if english else "공공누리 제1유형 (출처표시)")
            cite = page.xpath(f"string({block}//span[@class='cite-text'])")
            assert cite.startswith("Test Office (" if english else "시험 기관, "), cite
            assert cite.endswith(ADDRESS + relative), cite
    report = html.parse(str(out / "plans/demo/reports/2024.html")).getroot()
    title = report.xpath("string(//h1)").strip()
    cite = report.xpath("string(//footer//span[@class='cite-text'])")
    assert cite.startswith(f"시험 기관, 「{title}」, 시험 사이트, 20"), cite


@pytest.mark.slow
def test_without_a_licence_the_site_states_none(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(SITE, encoding="utf-8")
    out = _build(demo_root)
    page = html.parse(str(out / "index.html")).getroot()
    assert page.xpath("//p[@class='licence']") == []
    assert page.xpath("string(//footer//span[@class='cite-text'])").startswith("시험 기관, 「시험 사이트」, 20")


def test_a_citation_names_what_it_has_in_the_pages_language() -> None:
    values = {"title": "2024년 점검", "site": "시험 사이트", "year": "2026", "url": ""}
    assert citation("ko", author="시험 기관", **values) == "시험 기관, 「2024년 점검」, 시험 사이트, 2026."
    assert citation("ko", author="", **values) == "「2024년 점검」, 시험 사이트, 2026."
    home = {"title": "Test site", "site": "Test site", "year": "2026", "url": "https://example.org/"}
    assert citation("en", author="Test Office", **home) == "Test Office (2026). Test site. https://example.org/"
    assert citation("en", author="", **home) == "Test site (2026). https://example.org/"


def test_licence_keys_of_the_wrong_type_are_positioned_problems(demo_root: Path) -> None:
    (demo_root / "site.yaml").write_text(
        "site_name: {ko: 시험, en: Test}\nlicence: 3\nlicence_url: /terms/\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert "site.yaml:2:10: " in result.output and "(licence)" in result.output, result.output
    assert "site.yaml:3:14: expected an absolute web address such as https://example.org/plans/" in result.output

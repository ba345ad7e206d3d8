"""The built site, read back as a reader's browser would parse it (issue 4's acceptance checks)."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data.layout import find_repository
from generator.data.validate import validate_path
from generator.errors import DataError
from generator.evaluation.year import evaluate_year
from generator.site import pagefiles as build_module
from generator.site.build import build_site
from generator.site.opendata import open_data_files
from generator.site.theme import relative_url

from .conftest import PLANS, RESULTS
from .sitecheck import GOLDEN, REPORT_2021, html_pages, links, parse, report_tables_text, resolve


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    """The real site, the session's one build (tests/conftest.py): these tests only read it."""
    return real_site


def test_both_languages_have_every_page(site: Path) -> None:
    korean = {
        p.relative_to(site).as_posix() for p in html_pages(site) if not p.relative_to(site).as_posix().startswith("en/")
    }
    english = {p.relative_to(site / "en").as_posix() for p in html_pages(site / "en")}
    assert korean == english
    assert {"index.html", "404.html", "methodology.html", "departments/index.html", REPORT_2021} <= korean
    for plan in validate_path(PLANS, RESULTS).plans:
        folder = f"plans/{plan.id}"
        assert {page for page in korean if page.startswith(f"{folder}/")} == {
            f"{folder}/index.html",
            f"{folder}/amendments.html",
            *(f"{folder}/projects/{project.id}.html" for project in plan.projects),
            *(f"{folder}/reports/{year}.html" for year in plan.spec.period.years),
        }


def test_every_page_has_one_h1_a_title_and_a_language(site: Path) -> None:
    for page in html_pages(site):
        tree = parse(page)
        assert len(tree.findall(".//h1")) == 1, page
        assert tree.findtext(".//title").strip(), page
        expected = "en" if page.relative_to(site).parts[0] == "en" else "ko"
        assert tree.get("lang") == expected, page


def test_every_page_links_to_its_counterpart_with_hreflang(site: Path) -> None:
    for page in html_pages(site):
        tree = parse(page)
        # An embed has no language switch (no site header): its head names its counterpart, as every page's does.
        switch = tree.cssselect("link[rel=alternate][hreflang]" if "embed" in page.parts else "a.lang-switch")[0]
        target = resolve(page, switch.get("href"))
        assert target is not None and target.exists(), page
        assert switch.get("hreflang") in ("ko", "en") and switch.get("hreflang") != tree.get("lang")
        counterpart = parse(target)
        back = counterpart.cssselect("link[rel=alternate][hreflang]" if "embed" in page.parts else "a.lang-switch")[0]
        assert resolve(target, back.get("href")) == page.resolve()


def test_every_internal_link_and_asset_resolves_inside_the_site(site: Path) -> None:
    root = site.resolve()
    for page in html_pages(site):
        for link in links(parse(page)):
            assert not link.startswith(("http:", "https:", "//")), f"{page}: absolute URL {link}"
            target = resolve(page, link)
            if target is None:
                assert link.startswith(("mailto:", "#")), f"{page}: {link}"
                continue
            assert root in target.parents or target == root, f"{page}: {link} leaves the site"
            assert target.exists(), f"{page}: broken link {link}"


def test_every_table_has_a_caption_and_header_cells(site: Path) -> None:
    for page in html_pages(site):
        for table in parse(page).iter("table"):
            caption = table.find("caption")
            assert caption is not None and caption.text_content().strip(), page
            assert table.findall(".//th"), page
            for header in table.findall(".//th"):
                assert header.get("scope") in ("col", "row", "rowgroup"), f"{page}: th without scope"


def test_every_chart_has_a_text_alternative(site: Path) -> None:
    charts = 0
    for page in html_pages(site):
        for svg in parse(page).iter("{http://www.w3.org/2000/svg}svg", "svg"):
            charts += 1
            assert svg.get("role") == "img", page
            labelled = svg.get("aria-labelledby", "").split()
            assert labelled, page
            for ident in labelled:
                element = svg.xpath(f".//*[@id='{ident}']")
                assert element and element[0].text_content().strip(), f"{page}: {ident}"
    # In each language: 80 indicators' target-and-actual charts (on their pages and again in their embeds), the 3rd
    # plan's budget and the 2021 distribution, each drawn wide and narrow (for a phone).
    assert charts == 2 * 2 * (80 * 2 + 1 + 1)


def test_report_2021_golden_tables(site: Path) -> None:
    for lang in ("ko", "en"):
        expected = (GOLDEN / f"report-2021.{lang}.txt").read_text(encoding="utf-8")
        assert report_tables_text(site, lang) == expected, f"run python tests/golden/regenerate.py if intended ({lang})"


def test_a_plan_without_results_says_so(site: Path) -> None:
    page = parse(site / "plans/seoul-citizen-participation-2024/reports/2024.html")
    assert "2024년 이행 점검 결과는 아직 공개되지 않았습니다." in page.text_content()


def test_open_data_is_linked_and_present(site: Path) -> None:
    report = site / REPORT_2021
    hrefs = [link for link in links(parse(report)) if "/data/" in link or link.startswith("../../../data")]
    assert any(h.endswith("results-2021.csv") for h in hrefs)
    csv = site / "data/seoul-citizen-participation-2019/results-2021.csv"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")


def test_open_data_folders_hold_exactly_the_generated_bytes(site: Path) -> None:
    """Every file as `open_data_files` makes it; the data package also says how to cite the plan's data, in the
    words of the plan page's footer (the shipped site.yaml states no licence, so the package states none)."""
    report = validate_path(PLANS, RESULTS)
    for plan in report.plans:
        evaluations = [evaluate_year(plan, results) for results in report.results.get(plan.id, {}).values()]
        files = open_data_files(plan, evaluations)
        folder = site / "data" / plan.id
        assert sorted(path.name for path in folder.iterdir()) == sorted(files)
        package = json.loads((folder / "datapackage.json").read_bytes())
        for lang, key in (("ko", "citation"), ("en", "citation_en")):
            page = parse(site / ("en/" if lang == "en" else "") / f"plans/{plan.id}/index.html")
            assert package.pop(key) == page.xpath("string(//footer//span[@class='cite-text'])"), (plan.id, lang)
        assert not {"licenses", "licence", "licence_en"} & set(package)
        assert package == json.loads(files.pop("datapackage.json"))
        for name, content in files.items():
            assert (folder / name).read_bytes() == content, name


def test_relative_url() -> None:
    assert relative_url("en/plans/x/index.html", "static/style.css") == "../../../static/style.css"
    assert relative_url("index.html", "plans/x/index.html") == "plans/x/index.html"


_SITE_PATHS = st.lists(
    st.sampled_from(["", ".", "..", "en", "plans", "x", "index.html", "a#b", "y?z"]), max_size=5
).map("/".join)


@given(_SITE_PATHS, _SITE_PATHS)
@settings(max_examples=2000, deadline=None, derandomize=True)
def test_relative_url_is_posixpaths_relpath(from_path: str, to_path: str) -> None:
    """The link is made without relpath where it can be: it must be relpath's, for every path relpath takes."""
    try:
        expected = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    except ValueError:  # an empty target: no link to make
        return
    assert relative_url(from_path, to_path) == expected


# -- build behaviour, on the small synthetic data -----------------------------------------------------------


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_two_builds_are_byte_identical() -> None:
    build_site(find_repository(), Path("one"))
    build_site(find_repository(), Path("two"))
    one, two = tree_bytes(Path("one")), tree_bytes(Path("two"))
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_failed_build_leaves_the_previous_site_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    out = Path("output")
    build_site(find_repository(), out)
    before = tree_bytes(out)
    calls = {"n": 0}
    real_render = build_module.render_page

    def failing_render(environment, page, svgs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full (simulated)")
        return real_render(environment, page, svgs)

    monkeypatch.setattr(build_module, "render_page", failing_render)
    with pytest.raises(OSError):
        build_site(find_repository(), out)
    assert tree_bytes(out) == before
    assert [p.name for p in Path(".").iterdir() if p.name.startswith(".output")] == []


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_invalid_data_stops_the_build_and_keeps_the_site() -> None:
    out = Path("output")
    build_site(find_repository(), out)
    before = tree_bytes(out)
    project = Path("plans/demo/projects/1-1-1.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("total: 12", "total: 13"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        build_site(find_repository(), out)
    assert "stated total 13 differs" in raised.value.problems[0].format()
    assert tree_bytes(out) == before


@pytest.mark.usefixtures("demo_root")
def test_build_refuses_to_replace_the_data_folder() -> None:
    from generator.errors import UsageError

    with pytest.raises(UsageError):
        build_site(find_repository(), Path("plans"))
    with pytest.raises(UsageError):
        build_site(find_repository(), Path("."))


HOSTILE = {
    "script": "<script>alert(1)</script>",
    "onerror": '<img src="x" onerror="alert(1)">',
    "javascript": "[click](javascript:alert(1))",
}


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_hostile_text_and_markdown_never_become_live_html() -> None:
    markdown = "\n\n".join(HOSTILE.values())

    def plan(data):
        data["title"] = {"ko": f"시험 {HOSTILE['script']}", "en": f"Test {HOSTILE['onerror']}"}

    def project(data):
        data["purpose"] = {"ko": HOSTILE["script"], "en": HOSTILE["onerror"]}
        data["content"] = {"ko": markdown, "en": markdown}
        data["departments"] = [{"ko": HOSTILE["onerror"], "en": HOSTILE["javascript"]}]

    def results(data):
        data["indicators"][0]["narrative"] = {"ko": markdown, "en": markdown}

    _edit_yaml(Path("plans/demo/plan.yaml"), plan)
    _edit_yaml(Path("plans/demo/projects/1-1-1.yaml"), project)
    _edit_yaml(Path("results/demo/2024/projects/1-1-1.yaml"), results)
    build_site(find_repository(), Path("output"))
    pages = html_pages(Path("output"))
    seen_text = False
    for page in pages:
        tree = lxml.html.fromstring(page.read_bytes())
        for script in tree.iter("script"):
            assert script.get("src", "").endswith("static/site.js"), f"{page}: live script"
            assert not (script.text or "").strip()
        for element in tree.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), f"{page}: {name} on {element.tag}"
                if name in ("href", "src"):
                    assert not value.strip().lower().startswith("javascript:"), f"{page}: {value}"
        seen_text = seen_text or "<script>alert(1)</script>" in tree.text_content()
    assert seen_text, "the hostile title should still be shown, as text"


def test_without_a_base_url_there_is_no_sitemap(site: Path) -> None:
    # The sitemap protocol requires absolute addresses; tests/test_cli_build.py checks one with --base-url.
    assert not (site / "sitemap.xml").exists()


def test_recorded_source_contradictions_are_on_the_pages_concerned(site: Path) -> None:
    plan = "plans/seoul-citizen-participation-2024"
    expected = {
        f"{plan}/index.html": ["사회관계망을 통한 신속한 정보 제공", "시민참여 정책사업 수립 자문 및 평가와 환류"],
        f"{plan}/projects/1-1-2.html": ["빅테이터담당관"],
        f"{plan}/projects/3-1-6.html": ["뉴디디어담당관"],
        f"{plan}/projects/3-3-4.html": ["시민참여 옴브즈만 운영"],
        f"{plan}/projects/2-2-2.html": ["제안접수(건수)"],
        f"en/{plan}/projects/2-2-2.html": ["The table's unit is kept."],
    }
    for page, texts in expected.items():
        section = parse(site / page).cssselect("section.discrepancies")
        shown = " ".join(element.text_content() for element in section)
        for text in texts:
            assert text in shown, f"{page}: {text}"


def test_scaled_units_read_naturally_in_each_language(site: Path) -> None:
    """Issue 9: 140만명 in Korean as the source writes it; "1.4 million people" in English; charts agree."""
    project = "plans/seoul-citizen-participation-2024/projects/1-3-1.html"
    korean = " ".join(parse(site / project).cssselect("table.years")[0].text_content().split())
    english_page = parse(site / "en" / project)
    english = " ".join(english_page.cssselect("table.years")[0].text_content().split())
    assert "140만명" in korean and "155만명" in korean
    assert "1.4 million people" in english and "1.55 million people" in english
    assert "ten thousand" not in english_page.text_content()
    chart = english_page.cssselect("figure svg")[0]
    assert "million people" in chart.findtext("title") and "1.4 million people" in chart.findtext("desc")


def test_grade_tables_count_what_the_plan_grades(site: Path) -> None:
    report = parse(site / "en" / REPORT_2021).cssselect("table.distribution th")
    assert "Number of sub-tasks" in [th.text_content() for th in report]
    korean = parse(site / REPORT_2021).cssselect("table.distribution th")
    assert "추진과제 수" in [th.text_content() for th in korean]


def test_english_department_names_are_said_to_be_translations(site: Path) -> None:
    assert "our translations" in parse(site / "en/departments/index.html").text_content()
    dictionary = " ".join(parse(site / "en/data.html").text_content().split())
    assert "the English names of departments too" in dictionary

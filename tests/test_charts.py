"""Charts are inline SVG: byte-stable, self-contained, accessible, with Korean text kept as text."""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import warnings
import weakref
from typing import Any

import matplotlib
import pytest
from lxml import etree
from matplotlib import _pylab_helpers

from generator.site import charts
from generator.site.charts import Bar, distribution_chart, target_actual_chart

from .conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
URL_REF = re.compile(r"url\(#([^)]+)\)")

# The official 2021 distribution (see test_report.py).
BARS_2021 = (
    Bar("A+", 13, 29),
    Bar("A", 8, 18),
    Bar("B+", 1, 2),
    Bar("B", 0, 0),
    Bar("C+", 3, 7),
    Bar("C", 2, 4),
    Bar("D+", 0, 0),
    Bar("D", 2, 4),
    Bar("E", 4, 9),
    Bar("평가 제외", 7, 16),
    Bar("평가 안함", 5, 11),
)


def distribution(chart_id: str = "dist-2021", bars: tuple[Bar, ...] = BARS_2021) -> str:
    return distribution_chart(
        chart_id, bars, title="2021년 등급 분포", summary="45개 지표 중 A+ 13개(29%)", count_label="지표 수"
    )


def target_actual(
    chart_id: str = "ta-1-1-1",
    targets: tuple[float | None, ...] = (1200, 1500.5, None, 2_000_000),
    actuals: tuple[float | None, ...] = (1234, None, None, 0.1 + 0.2),
) -> str:
    return target_actual_chart(
        chart_id,
        (2024, 2025, 2026, 2027),
        targets,
        actuals,
        unit="명",
        title="참여자 수 목표와 실적",
        summary="2024년 목표 1,200명, 실적 1,234명",
        target_label="목표",
        actual_label="실적",
    )


def parse(svg: str) -> Any:
    return etree.fromstring(svg.encode())


def texts(svg: str) -> list[str]:
    return ["".join(element.itertext()) for element in parse(svg).iter(f"{SVG}text")]


def references(root: Any) -> list[str]:
    found = []
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in ("href", XLINK_HREF) and value.startswith("#"):
                found.append(value[1:])
            found += URL_REF.findall(value)
    return found


@pytest.mark.slow
def test_the_same_input_gives_the_same_bytes() -> None:
    assert distribution() == distribution()
    assert target_actual() == target_actual()
    assert distribution() != distribution(bars=(*BARS_2021[:-1], Bar("평가 안함", 6, 13)))


@pytest.mark.slow
def test_the_same_input_gives_the_same_bytes_in_another_process() -> None:
    # Ids are hashes; a fresh process with another hash seed and SOURCE_DATE_EPOCH set must agree byte for byte.
    script = (
        "import sys; from tests.test_charts import distribution, target_actual; "
        "sys.stdout.buffer.write((distribution() + target_actual()).encode()); "
        # Importing koreanize_matplotlib would rewrite the process's rcParams; only its font file is wanted.
        "assert 'koreanize_matplotlib' not in sys.modules"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "SOURCE_DATE_EPOCH": "1700000000"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, check=True)
    assert result.stdout.decode() == distribution() + target_actual()


def test_korean_labels_render_without_warnings(caplog: pytest.LogCaptureFixture) -> None:
    # A missing Korean font shows as "Glyph … missing from font(s)" warnings and findfont log records.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        distribution(bars=(*BARS_2021, Bar("미확정", 1, 2)))
        target_actual()
        distribution_chart(
            "dept", (Bar("시민협력국 민관협력담당관", 3, 100),), title="부서별", summary="요약", count_label="사업 수"
        )
    assert not [record for record in caplog.records if record.levelname in ("WARNING", "ERROR")]


def test_every_id_is_prefixed_and_every_reference_resolves() -> None:
    # Clip paths and tick markers are referenced in both, the hatch pattern in the target chart: not vacuous.
    for chart_id, svg, referenced in (
        ("dist-2021", distribution(), {"clipPath", "path"}),
        ("ta-1-1-1", target_actual(), {"clipPath", "path", "pattern"}),
    ):
        root = parse(svg)
        ids = [element.get("id") for element in root.iter() if element.get("id") is not None]
        assert ids and all(value.startswith(f"{chart_id}-") for value in ids)
        assert len(ids) == len(set(ids))
        refs = references(root)
        assert set(refs) <= set(ids)
        assert {element.tag.split("}")[-1] for element in root.iter() if element.get("id") in refs} == referenced


def test_two_charts_on_one_page_share_no_id() -> None:
    first, second = parse(distribution("first")), parse(distribution("second"))
    first_ids = {element.get("id") for element in first.iter() if element.get("id")}
    second_ids = {element.get("id") for element in second.iter() if element.get("id")}
    assert first_ids and not first_ids & second_ids


def test_labels_and_numbers_stay_text() -> None:
    shown = texts(distribution())
    for expected in ("평가 제외", "평가 안함", "A+", "13 (29%)", "7 (16%)", "지표 수"):
        assert expected in shown
    assert shown.count("0") == 3  # B and D+ carry a plain 0, besides the 0 on the y axis
    shown = texts(target_actual())
    for expected in ("2024", "2027", "1,200", "1,234", "1,500.5", "2,000,000", "0.3", "목표", "실적", "명"):
        assert expected in shown


def test_text_is_not_drawn_as_glyph_paths_nor_tied_to_a_font_file() -> None:
    for svg in (distribution(), target_actual()):
        root = parse(svg)
        assert not [element for element in root.iter() if (element.get("id") or "").find("DejaVu") >= 0]
        assert not [element for element in root.iter() if (element.get("id") or "").find("Nanum") >= 0]
        for forbidden in ("font-family", "@font-face", ".ttf", "NanumGothic"):
            assert forbidden not in svg


def test_the_markup_is_made_for_inlining() -> None:
    svg = distribution()
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    root = parse(svg)
    # A <style> inside an inline SVG styles the whole page (matplotlib writes `*{…}`).
    assert not list(root.iter(f"{SVG}style"))
    assert not list(root.iter(f"{SVG}metadata"))


def test_title_desc_role_and_viewbox() -> None:
    root = parse(target_actual())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox"))
    assert root.get("width") is None and root.get("height") is None
    title, desc = root[0], root[1]
    assert (title.tag, title.text) == (f"{SVG}title", "참여자 수 목표와 실적")
    assert (desc.tag, desc.text) == (f"{SVG}desc", "2024년 목표 1,200명, 실적 1,234명")
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


def test_sizes_follow_the_brief() -> None:
    # 7 × 3.2 and 6 × 3 inches at 72 units per inch.
    assert parse(distribution()).get("viewBox") == "0 0 504 230.4"
    assert parse(target_actual()).get("viewBox") == "0 0 432 216"


def test_missing_values_leave_a_gap_and_keep_the_year() -> None:
    svg = target_actual(targets=(100, None, 300, None), actuals=(None, None, 250, None))
    shown = texts(svg)
    assert {"2024", "2025", "2026", "2027", "100", "300", "250"} <= set(shown)
    assert not [text for text in shown if text in ("None", "nan", "")]
    # Bars are the clipped paths: one per value given.
    bars = [path for path in parse(svg).iter(f"{SVG}path") if path.get("clip-path")]
    assert len(bars) == 3


def test_a_chart_with_no_values_at_all_still_renders_its_years_and_key() -> None:
    shown = texts(target_actual(targets=(None,) * 4, actuals=(None,) * 4))
    assert {"2024", "2027", "목표", "실적"} <= set(shown)


def test_target_and_actual_differ_by_pattern_not_only_by_colour() -> None:
    root = parse(target_actual(targets=(100, 200, None, None), actuals=(90, None, None, None)))
    bars = [path for path in root.iter(f"{SVG}path") if path.get("clip-path")]
    hatched = [bar for bar in bars if "url(#" in bar.get("style")]
    solid = [bar for bar in bars if "url(#" not in bar.get("style")]
    assert (len(hatched), len(solid)) == (2, 1)
    assert all("stroke: #000000" in bar.get("style") for bar in bars)
    # The hatch pattern lies on white, so a target bar stays light in a black-and-white print.
    assert all(
        rect.get("fill") == "#ffffff" for rect in root.iter(f"{SVG}rect") if rect.getparent().tag.endswith("pattern")
    )
    # The legend keys repeat the pattern next to their words.
    legend = next(group for group in root.iter(f"{SVG}g") if group.get("id", "").endswith("legend_1"))
    assert [text for text in ("".join(t.itertext()) for t in legend.iter(f"{SVG}text"))] == ["목표", "실적"]
    assert any("url(#" in (path.get("style") or "") for path in legend.iter(f"{SVG}path"))


@pytest.mark.slow
def test_no_timestamp_nor_generator_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = distribution()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert distribution() == plain
    for stamp in ("Date", "date>", "Matplotlib v", "Creator", "2023-11-14"):
        assert stamp not in plain
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", plain)


def test_data_text_is_escaped_and_never_mathtext() -> None:
    svg = distribution("odd", (Bar("<R&D>", 1, 50), Bar("$x$ 예산", 1, 50)))
    assert {"<R&D>", "$x$ 예산"} <= set(texts(svg))


def test_crowded_labels_shrink_turn_or_wrap_but_keep_every_word() -> None:
    bars = tuple(Bar(f"부서 이름 {number}", number * 3, number) for number in range(18))
    shown = texts(distribution("crowded", bars))
    lines = "\n".join(shown)
    for bar in bars:
        # Whole, or broken at its spaces into consecutive lines.
        assert bar.label in shown or bar.label.replace(" ", "\n") in lines
    assert "51 (17%)" in shown


@pytest.mark.slow
def test_global_matplotlib_state_is_neither_used_nor_changed() -> None:
    plain = distribution()
    # Whatever a caller (or a matplotlibrc) has set must neither leak into the chart nor be overwritten by it.
    callers = {"svg.fonttype": "path", "svg.hashsalt": None, "font.family": ["serif"], "font.size": 20.0}
    with matplotlib.rc_context(callers):
        before = dict(matplotlib.rcParams)
        figures = _pylab_helpers.Gcf.get_num_fig_managers()
        assert distribution() == plain
        target_actual()
        assert dict(matplotlib.rcParams) == before
        assert _pylab_helpers.Gcf.get_num_fig_managers() == figures


@pytest.mark.slow
def test_figures_are_freed(monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[weakref.ref[Any]] = []
    real_figure = charts.Figure

    def recording_figure(*args: Any, **kwargs: Any) -> Any:
        figure = real_figure(*args, **kwargs)
        created.append(weakref.ref(figure))
        return figure

    monkeypatch.setattr(charts, "Figure", recording_figure)
    for number in range(5):
        distribution(f"c{number}")
        target_actual(f"t{number}")
    gc.collect()
    assert len(created) == 10
    assert not [ref for ref in created if ref() is not None]


@pytest.mark.parametrize("chart_id", ["", "1st", "a b", "a#b", "é"])
def test_a_chart_id_must_be_a_plain_id(chart_id: str) -> None:
    with pytest.raises(ValueError, match="chart id"):
        distribution(chart_id)


def test_inputs_that_cannot_be_drawn_are_refused() -> None:
    with pytest.raises(ValueError, match="3 years but 2 targets and 3 actuals"):
        target_actual_chart(
            "x", (1, 2, 3), (1, 2), (1, 2, 3), unit="", title="", summary="", target_label="", actual_label=""
        )
    with pytest.raises(ValueError, match="finite"):
        target_actual(targets=(float("nan"), None, None, None))
    with pytest.raises(ValueError, match="negative counts for A"):
        distribution(bars=(Bar("A", -1, 0),))
    with pytest.raises(ValueError, match="at least one bar"):
        distribution(bars=())


def test_a_chart_stops_shrinking_where_its_smallest_text_would_fall_under_10_px() -> None:
    from generator.site import svg

    document = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="432pt" height="216pt" viewBox="0 0 432 216">'
        b'<text style="font-size: 9px">A</text><text style="font-size: 7.2px">B</text></svg>'
    )
    # 432 viewBox units shown at 600 px draw the 7.2-unit text 10 px high.
    assert 'style="min-width: 600px"' in svg.inline(document, "c", "title", "summary")
    plain = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 432 216"><rect width="1" height="1"/></svg>'
    assert "min-width" not in svg.inline(plain, "c", "title", "summary")


# -- the budget by strategy and year (plan overview) --------------------------------------------------------

_SERIES = (
    charts.BudgetSeries("전략 1", (1200.0, 1300.0, None)),
    charts.BudgetSeries("전략 2", (5000.0, None, None)),
)


def _budget(series: tuple[charts.BudgetSeries, ...] = _SERIES) -> str:
    return charts.budget_chart("b", [2024, 2025, 2026], series, unit="백만원", title="예산", summary="요약")


def test_a_budget_chart_prints_each_years_total_and_keys_every_strategy() -> None:
    texts = [text for text in etree.fromstring(_budget().encode()).itertext() if text.strip()]
    assert "6,200" in texts and "1,300" in texts  # 2024 stacks both strategies; 2025 has one
    assert "전략 1" in texts and "전략 2" in texts
    assert _budget() == _budget()


def test_budget_segments_differ_by_hatch_not_only_by_colour() -> None:
    three = tuple(charts.BudgetSeries(f"전략 {n}", (1.0, 2.0, 3.0)) for n in (1, 2, 3))
    # The first strategy is plain; each further one has a hatch pattern of its own.
    assert _budget(three).count("<pattern") == 2


def test_a_budget_chart_refuses_a_series_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="for each of the 3 years"):
        _budget((charts.BudgetSeries("전략 1", (1.0,)),))
    with pytest.raises(ValueError, match="non-negative"):
        _budget((charts.BudgetSeries("전략 1", (1.0, -2.0, None)),))


def test_every_kind_of_chart_has_its_renderer_and_an_unknown_kind_is_an_error() -> None:
    import dataclasses
    import typing

    from generator.site import charts, chartspec

    assert set(charts.RENDERERS) == set(typing.get_args(chartspec.ChartSpec))

    @dataclasses.dataclass(frozen=True)
    class PieSpec:
        chart_id: str

    with pytest.raises(TypeError, match="no chart renderer for PieSpec"):
        charts.render(PieSpec("pie"))  # type: ignore[arg-type]

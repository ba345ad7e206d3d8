"""Charts are inline SVG: byte-stable, self-contained, accessible, with Korean text kept as text."""

from __future__ import annotations

import gc
import math
import os
import re
import subprocess
import sys
import typing
import warnings
import weakref
from typing import Any

import matplotlib
import pytest
from lxml import etree
from matplotlib import _pylab_helpers

from generator.site import charts, chartspec
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

    from generator.site import chartnarrow, charts, chartspec

    assert set(charts.RENDERERS) == set(typing.get_args(chartspec.ChartSpec))
    assert set(chartnarrow.NARROW_RENDERERS) == set(typing.get_args(chartspec.ChartSpec))

    @dataclasses.dataclass(frozen=True)
    class PieSpec:
        chart_id: str

    with pytest.raises(TypeError, match="no chart renderer for PieSpec"):
        charts.render(PieSpec("pie"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="NARROW_RENDERERS"):
        charts.render(PieSpec("pie"), "narrow")  # type: ignore[arg-type]


# -- the narrow drawing, for a phone -------------------------------------------------------------------------

PHONE_ROOM_PX = 328  # a 360 px phone less the page's 1rem margins
PX_PER_UNIT = 4 / 3  # matplotlib's viewBox counts points; a chart shown at its natural size draws 1 pt as 4/3 px
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)px")
_STRATEGIES_EN = (
    "Strategy 1. Proactive provision of information",
    "Strategy 2. Guaranteeing opportunities for direct citizen participation",
    "Strategy 3. Reasoned communication and collaborative governance",
    "Strategy 4. Building citizens' capacity and sustaining the programme",
)
# One specification of every kind, with the longest words and figures the real data has (and longer).
NARROW_CASES = {
    "distribution": chartspec.DistributionSpec(
        "dist", (*BARS_2021[:-2], Bar("Excluded", 7, 16), Bar("Not evaluated", 5, 11)), "t", "s", "Number of sub-tasks"
    ),
    "target_actual": chartspec.TargetActualSpec(
        "ta",
        (2024, 2025, 2026, 2027),
        (1200, 1500.5, None, 2_000_000),
        (1234, None, None, 27_177_000),
        "명",
        "t",
        "s",
        "목표",
        "실적",
    ),
    "budget": chartspec.BudgetSpec(
        "b",
        (2024, 2025, 2026, 2027),
        tuple(
            charts.BudgetSeries(f"Strategy {n}", (7768.0 * n, 7807.0, None, 11808.0), name)
            for n, name in enumerate(_STRATEGIES_EN, start=1)
        ),
        "million won",
        "t",
        "s",
    ),
}


def natural_width_px(svg: str) -> float:
    return float(parse(svg).get("viewBox").split()[2]) * PX_PER_UNIT


def smallest_text_px(svg: str) -> float:
    """The smallest text's height in CSS px when the chart is shown at its natural size."""
    sizes = [float(size) for size in _FONT_SIZE.findall(svg)]
    assert len(sizes) == len(texts(svg)), "every text states its size"
    return min(sizes) * PX_PER_UNIT


def test_every_kind_of_chart_has_a_narrow_drawing() -> None:
    assert set(NARROW_CASES) == {
        re.sub(r"(?<!^)([A-Z])", r"_\1", kind.__name__[:-4]).lower() for kind in typing.get_args(chartspec.ChartSpec)
    }


@pytest.mark.parametrize("kind", sorted(NARROW_CASES))
def test_a_narrow_drawing_fits_a_phone_with_12_px_text(kind: str) -> None:
    svg = charts.render(NARROW_CASES[kind], "narrow")
    assert natural_width_px(svg) <= PHONE_ROOM_PX
    assert smallest_text_px(svg) >= 12
    # The page never shows it smaller than its natural size (it scrolls in its region on a narrower screen).
    assert f'style="min-width: {math.ceil(natural_width_px(svg))}px"' in svg
    # The wide drawing of the same chart would not fit: the narrow one is needed.
    wide = charts.render(NARROW_CASES[kind])
    assert (
        natural_width_px(wide) > PHONE_ROOM_PX or smallest_text_px(wide) * PHONE_ROOM_PX / natural_width_px(wide) < 12
    )


def test_a_narrow_drawing_shows_the_same_figures_and_leaves_out_empty_years() -> None:
    shown = texts(charts.render(NARROW_CASES["target_actual"], "narrow"))
    assert {
        "2024",
        "2025",
        "2027",
        "1,200",
        "1,234",
        "1,500.5",
        "2,000,000",
        "27,177,000",
        "목표",
        "실적",
        "명",
    } <= set(shown)
    assert "2026" not in shown  # neither a target nor an actual
    shown = texts(charts.render(NARROW_CASES["distribution"], "narrow"))
    assert {bar.label for bar in NARROW_CASES["distribution"].bars} <= set(shown)  # type: ignore[union-attr]
    assert {"13 (29%)", "0", "5 (11%)", "Number of sub-tasks"} <= set(shown)
    svg = charts.render(NARROW_CASES["budget"], "narrow")
    shown = texts(svg)
    assert "2026" not in shown and {"2024", "2025", "2027", "77,680", "31,228", "47,232"} <= set(shown)
    # The key names each strategy in full, wrapped at its spaces.
    legend = next(group for group in parse(svg).iter(f"{SVG}g") if group.get("id", "").endswith("legend_1"))
    lines = ["".join(text.itertext()) for text in legend.iter(f"{SVG}text")]
    assert " ".join(lines) == " ".join(_STRATEGIES_EN) and len(lines) > len(_STRATEGIES_EN)


def test_a_chart_with_no_values_at_all_keeps_its_years_when_narrow() -> None:
    spec = chartspec.TargetActualSpec("ta", (2024, 2025), (None, None), (None, None), "명", "t", "s", "목표", "실적")
    assert {"2024", "2025", "목표", "실적"} <= set(texts(charts.render(spec, "narrow")))


@pytest.mark.parametrize("kind", sorted(NARROW_CASES))
def test_both_drawings_of_a_chart_share_no_id_and_resolve_their_own_references(kind: str) -> None:
    wide, narrow = (parse(charts.render(NARROW_CASES[kind], variant)) for variant in ("wide", "narrow"))
    wide_ids = [element.get("id") for element in wide.iter() if element.get("id")]
    narrow_ids = [element.get("id") for element in narrow.iter() if element.get("id")]
    assert wide_ids and narrow_ids and not set(wide_ids) & set(narrow_ids)
    assert len(narrow_ids) == len(set(narrow_ids))
    assert set(references(narrow)) <= set(narrow_ids) and set(references(wide)) <= set(wide_ids)
    # The same text alternative, each naming its own title and description.
    assert [wide[0].text, wide[1].text] == [narrow[0].text, narrow[1].text]
    assert narrow.get("aria-labelledby").split() == [narrow[0].get("id"), narrow[1].get("id")]


@pytest.mark.slow
def test_a_narrow_drawing_is_the_same_bytes_every_time() -> None:
    for spec in NARROW_CASES.values():
        assert charts.render(spec, "narrow") == charts.render(spec, "narrow")


def test_a_long_row_name_breaks_at_its_spaces_and_its_row_grows_when_narrow() -> None:
    name = "시민협력국 민관협력담당관 협치지원과 외부"
    bars = (Bar("A", 1, 50), Bar(name, 1, 50))
    svg = charts.render(chartspec.DistributionSpec("long", bars, "t", "s", "사업 수"), "narrow")
    shown = texts(svg)
    assert name not in shown and " ".join(word for text in shown for word in text.split() if word in name) == name
    short = charts.render(
        chartspec.DistributionSpec("short", (Bar("A", 1, 50), Bar("B", 1, 50)), "t", "s", "n"), "narrow"
    )
    assert float(parse(svg).get("viewBox").split()[3]) > float(parse(short).get("viewBox").split()[3])
    assert natural_width_px(svg) <= PHONE_ROOM_PX and smallest_text_px(svg) >= 12

"""Plan totals by what an indicator counts: a flow's is the sum of its years, a stock's its final-year target
(issue 26: "계획상 합계: 137,000천건" was shown for a cumulative indicator that ends at 36,500천건)."""

from __future__ import annotations

from pathlib import Path

from generator.data.schema import IndicatorSpec
from generator.describe import plan_total_words
from generator.evaluation.totals import PlanTotal, plan_total

from .wordcheck import page_texts

TARGETS = {2024: 32000, 2025: 33500, 2026: 35000, 2027: 36500}  # synthetic, shaped like a real stock


def indicator(**fields: object) -> IndicatorSpec:
    base = {"id": "1-1-1-1", "name": "지표", "unit": "건", "kind": "flow", "targets": TARGETS}
    return IndicatorSpec.model_validate(base | fields)


def test_a_flows_plan_total_is_the_stated_sum_of_its_years() -> None:
    assert plan_total(indicator(total=137000)) == PlanTotal(137000, None, None)
    assert plan_total_words(indicator(total=137000), "ko") == ("계획상 합계", "137,000건", "")


def test_a_stocks_plan_total_is_its_final_target_not_the_sum() -> None:
    stock = indicator(kind="stock", total=137000)
    assert plan_total(stock) == PlanTotal(36500, 2027, 137000)
    label, figure, note = plan_total_words(stock, "ko")
    assert (label, figure) == ("최종 목표(2027년)", "36,500건")
    assert "137,000건은 쓰지 않습니다" in note
    assert plan_total_words(stock, "en")[:2] == ("Final target (2027)", "36,500 건")


def test_a_stock_stated_as_its_final_target_has_no_note_and_a_missing_last_year_is_skipped() -> None:
    assert plan_total(indicator(kind="stock", total=36500)) == PlanTotal(36500, 2027, None)
    gap = indicator(kind="stock", targets={2024: 10, 2025: 20, 2026: None}, total=20)
    assert plan_total(gap) == PlanTotal(20, 2025, None)


def test_no_total_where_the_plan_states_none_or_the_indicator_is_qualitative() -> None:
    assert plan_total(indicator()) is None
    assert plan_total_words(indicator(kind="stock"), "en") == ("", "", "")


def test_the_project_page_shows_a_stocks_final_target_as_its_plan_total(real_site: Path) -> None:
    page = "plans/seoul-citizen-participation-2024/projects/1-1-1.html"
    ko, en = (" ".join(page_texts(real_site / prefix / page)) for prefix in ("", "en"))
    assert "최종 목표(2027년): 36,500천건" in ko and "계획상 합계: 137,000천건" not in ko
    assert "Final target (2027): 36.5 million items" in en
    flow = " ".join(page_texts(real_site / "plans/seoul-citizen-participation-2024/projects/1-2-1.html"))
    assert "연간 실적(해마다 새로 셈) · 높을수록 좋음 · 계획상 합계: 2,000부" in flow

"""`plansite report` reproduces the official 2021 distribution and lists the audit findings."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main

from .conftest import PLANS, RESULTS

OFFICIAL = (
    "계 45; A+ 13 (29%), A 8 (18%), B+ 1 (2%), B 0, C+ 3 (7%), C 2 (4%), D+ 0, D 2 (4%), E 4 (9%), "
    "평가 제외 7 (16%), 평가 안함 5 (11%)"
)


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--plans", str(PLANS), "--results", str(RESULTS)])


def test_2021_report_prints_the_official_distribution() -> None:
    result = run("report", "seoul-citizen-participation-2019", "2021", "--lang", "ko")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert OFFICIAL in lines
    assert "산출한 분포는 공표된 분포와 일치합니다." in lines


def test_2021_report_in_english() -> None:
    result = run("report", "seoul-citizen-participation-2019", "2021", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        OFFICIAL.replace("계", "Total").replace("평가 제외", "Excluded").replace("평가 안함", "Not evaluated") in lines
    )
    assert "The computed distribution matches the published one." in lines
    assert (
        "  1-2-3-1 ⑤ Publishing the Seoul White Paper — Copies of the Seoul White Paper published: "
        "The published rate 95% differs from the 100% the figures give."
    ) in lines


def test_2021_report_lists_the_audit_findings_by_sub_task() -> None:
    output = run("report", "seoul-citizen-participation-2019", "2021", "--lang", "ko").output
    assert "검증 결과: 13" in output
    expected = [
        "1-2-3-1 ⑤ 서울백서 발간 — 서울백서 발간부수: 공표 달성도 95%는 수치로 산출한 100%와 다릅니다.",
        "2-4-3-1 ㉑ 생활공감정책 모니터단 운영 — 정책제안 건수: 공표 등급 C+는 산출 달성도 61%의 등급 E와 다릅니다.",
        "3-1-5-1 ㉘ 엠보팅(모바일 투표) 시스템 운영 — 투표 누적 참여자수: 공표 등급 A는 산출 달성도 94%의 등급 B와 다릅니다.",
        "3-2-3-1 ㉛ 시민참여예산제 운영 — 시민참여, 숙의예산제 도입: 공표 등급 A는 수치로 다시 산출할 수 없습니다(정성 목표).",
        "3-1-1-1 ㉔ 명예시장, 1일 시민시장 운영 — 명예시장 활동실적: 공표 등급 E는 수치로 다시 산출할 수 없습니다(실적 없음).",
    ]
    for line in expected:
        assert f"  {line}" in output.splitlines()


def test_report_for_a_year_without_results_is_a_usage_error() -> None:
    result = run("report", "seoul-citizen-participation-2019", "2020")
    assert result.exit_code == 2
    assert "has no results for 2020 (years with results: 2021)" in result.output


def test_report_for_an_unknown_plan_is_a_usage_error() -> None:
    result = run("report", "nope", "2021")
    assert result.exit_code == 2
    assert "no plan 'nope'" in result.output

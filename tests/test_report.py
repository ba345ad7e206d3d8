"""`plansite report` reproduces the official 2021 distribution and lists the audit findings."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main

from .conftest import PLANS, RESULTS

OFFICIAL = (
    "total 45; A+ 13 (29%), A 8 (18%), B+ 1 (2%), B 0, C+ 3 (7%), C 2 (4%), D+ 0, D 2 (4%), E 4 (9%), "
    "평가 제외 7 (16%), 평가 안함 5 (11%)"
)


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--plans", str(PLANS), "--results", str(RESULTS)])


def test_2021_report_prints_the_official_distribution() -> None:
    result = run("report", "seoul-citizen-participation-2019", "2021")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert OFFICIAL in lines
    assert "The distribution matches the published one." in lines


def test_2021_report_lists_the_audit_findings_by_sub_task() -> None:
    output = run("report", "seoul-citizen-participation-2019", "2021").output
    assert "Audit findings: 13" in output
    expected = [
        "1-2-3-1 ⑤ 서울백서 발간 — 서울백서 발간부수: published rate 95% differs from computed 100%",
        "2-4-3-1 ㉑ 생활공감정책 모니터단 운영 — 정책제안 건수: published grade C+ differs from computed E (61%)",
        "3-1-5-1 ㉘ 엠보팅(모바일 투표) 시스템 운영 — 투표 누적 참여자수: published grade A differs from computed B (94%)",
        "3-2-3-1 ㉛ 시민참여예산제 운영 — 시민참여, 숙의예산제 도입: published grade A cannot be recomputed: "
        "qualitative target",
        "3-1-1-1 ㉔ 명예시장, 1일 시민시장 운영 — 명예시장 활동실적: published grade E cannot be recomputed: no actual",
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

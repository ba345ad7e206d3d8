"""Budget execution as the official tables print it: one-decimal rates, 0.0% for nothing executed, department
and grand totals; on pages, in open data and in the terminal (issue 9). Synthetic data: tests/fixtures/budget."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data.validate import validate_path
from generator.evaluation.budget import by_department, execution_rate, total
from generator.evaluation.year import YearEvaluation, evaluate_year
from generator.site.opendata import open_data_files

from .conftest import FIXTURES, built_copy
from .sitecheck import parse, table_text

BUDGET = FIXTURES / "budget"


@pytest.mark.parametrize(
    ("amount", "budget", "rate"),
    [
        (997, 1000, Decimal("99.7")),  # a whole percent would say 100%
        (790, 864, Decimal("91.4")),
        (299.85, 300, Decimal("100.0")),  # 99.95 rounds half up
        (0, 500, Decimal("0.0")),
        (None, 500, Decimal("0.0")),  # nothing filed is nothing executed
    ],
)
def test_execution_rate_has_one_decimal_rounded_half_up(amount: float | None, budget: int, rate: Decimal) -> None:
    assert execution_rate(amount, budget) == rate
    assert str(execution_rate(amount, budget)) == str(rate)


def test_no_budget_has_no_rate() -> None:
    assert execution_rate(5, 0) is None
    assert execution_rate(5, None) is None


@pytest.fixture(scope="module")
def evaluation() -> YearEvaluation:
    report = validate_path(BUDGET / "plans", BUDGET / "results")
    assert report.problems == []
    [plan] = report.plans
    return evaluate_year(plan, report.results["budget-demo"][2024])


def test_department_totals_add_up_to_the_grand_total(evaluation: YearEvaluation) -> None:
    groups = by_department(evaluation.budget_lines)
    assert [(g.department.ko if g.department else None, g.execution.budget, g.execution.spent) for g in groups] == [
        ("가과", Decimal(1500), Decimal(997)),
        ("나과", Decimal(2300), Decimal("1429.85")),
    ]
    grand = total(g.execution for g in groups)
    assert (grand.budget, grand.committed, grand.spent) == (Decimal(3800), Decimal(2427), Decimal("2426.85"))
    # Rates of a total come from its sums: 997 / 1500 = 66.47 → 66.5, not the mean of 99.7 and 0.0.
    assert [g.execution.spent_rate for g in groups] == [Decimal("66.5"), Decimal("62.2")]
    assert grand.spent_rate == Decimal("63.9")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_copy(tmp_path_factory, BUDGET)


def tables(page: Path) -> list[list[str]]:
    return [table_text(table) for table in parse(page).cssselect("table.execution")]


def test_the_report_shows_departments_with_the_total_then_projects(site: Path) -> None:
    departments, projects = tables(site / "plans/budget-demo/reports/2024.html")
    assert departments == [
        "2024년 소관부서별 예산 집행 (단위: 천원)",
        "소관부서 | 예산현액 | 원인행위 | 지출 | 원인행위율 | 집행률",
        "가과 | 1,500 | 997 | 997 | 66.5% | 66.5%",
        "나과 | 2,300 | 1,430 | 1,429.85 | 62.2% | 62.2%",
        "계 | 3,800 | 2,427 | 2,426.85 | 63.9% | 63.9%",
    ]
    assert projects[2:] == [
        "1-1-1 사업 1-1-1 | 1,000 | 997 | 997 | 99.7% | 99.7%",
        "1-1-2 사업 1-1-2 | 500 | 0 | 0 | 0.0% | 0.0%",
        "1-2-1 사업 1-2-1 | 2,000 | 1,130 | 1,130 | 56.5% | 56.5%",
        "1-2-2 사업 1-2-2 | 300 | 300 | 299.85 | 100.0% | 100.0%",
        "계 | 3,800 | 2,427 | 2,426.85 | 63.9% | 63.9%",
    ]
    assert parse(site / "plans/budget-demo/reports/2024.html").cssselect("table.execution tr.total-row")


@pytest.mark.parametrize(("lang", "line"), [("ko", "(단위: 천원)"), ("en", "(Unit: won)")])
def test_each_execution_table_prints_its_unit_on_a_line_of_its_own(site: Path, lang: str, line: str) -> None:
    """The unit is no longer in the caption's words but on the right-aligned line official tables carry; it is
    inside the caption, so the table's name (and its scroll region's) still says it."""
    page = parse(site / ("" if lang == "ko" else "en/") / "plans/budget-demo/reports/2024.html")
    tables = page.cssselect("table.execution")
    assert [[unit.text_content() for unit in table.cssselect("caption > span.table-unit")] for table in tables] == [
        [line],
        [line],
    ]
    for table in tables:
        caption = " ".join(table.find("caption").text_content().split())
        assert caption.endswith(f" {line}") and caption.count(line) == 1
        assert table.getparent().get("aria-label") == caption


def test_english_multiplies_the_thousand_won_out(site: Path) -> None:
    departments, _ = tables(site / "en/plans/budget-demo/reports/2024.html")
    assert departments[0] == "2024: budget execution by department (Unit: won)"
    assert departments[-1] == "Total | 3,800,000 | 2,427,000 | 2,426,850 | 63.9% | 63.9%"


def test_each_department_page_shows_its_lines_and_total(site: Path) -> None:
    [table] = tables(site / "departments" / _department_file(site, "가과"))
    assert table[2:] == [
        "1-1-1 사업 1-1-1 | 1,000 | 997 | 997 | 99.7% | 99.7%",
        "1-1-2 사업 1-1-2 | 500 | 0 | 0 | 0.0% | 0.0%",
        "계 | 1,500 | 997 | 997 | 66.5% | 66.5%",
    ]


def _department_file(site: Path, name: str) -> str:
    index = parse(site / "departments/index.html")
    [link] = [a for a in index.cssselect("table a") if a.text_content() == name]
    return Path(link.get("href")).name


def test_a_project_page_shows_its_year_with_one_decimal(site: Path) -> None:
    [table] = tables(site / "plans/budget-demo/projects/1-1-1.html")
    assert table == [
        "2024년 예산 집행 (단위: 천원)",
        "예산현액 | 원인행위 | 지출 | 원인행위율 | 집행률",
        "1,000 | 997 | 997 | 99.7% | 99.7%",
    ]


def test_results_csv_and_json_carry_the_budget(evaluation: YearEvaluation) -> None:
    files = open_data_files(evaluation.plan, [evaluation])
    rows = list(csv.DictReader(io.StringIO(files["results-2024.csv"].decode("utf-8-sig"))))
    first = {key: rows[0][key] for key in ("project_id", "budget", "committed", "spent", "committed_rate")}
    assert first == {
        "project_id": "1-1-1",
        "budget": "1000",
        "committed": "997",
        "spent": "997",
        "committed_rate": "99.7",
    }
    assert (rows[0]["budget_unit"], rows[0]["budget_unit_scale"]) == ("천원", "1000")
    assert (rows[1]["committed"], rows[1]["spent"], rows[1]["spent_rate"]) == ("0", "", "0.0")
    data = json.loads(files["results-2024.json"])
    assert data["budget_unit"] == {"ko": "천원", "en": "won", "scale": 1000}
    assert data["budget_totals"]["total"] == {
        "budget": 3800,
        "committed": 2427,
        "spent": 2426.85,
        "committed_rate": 63.9,
        "spent_rate": 63.9,
    }
    assert [d["department"]["ko"] for d in data["budget_totals"]["by_department"]] == ["가과", "나과"]


def test_plansite_report_prints_budget_execution() -> None:
    args = ["report", "budget-demo", "2024", "--plans", str(BUDGET / "plans"), "--results", str(BUDGET / "results")]
    args += ["--lang", "ko"]
    output = CliRunner().invoke(main, args).output
    lines = [" ".join(line.split()) for line in output.splitlines()]
    assert "예산 집행 (천원)" in lines
    assert "1-1-1 사업 1-1-1 1,000 997 997 99.7% 99.7%" in lines
    assert "1-1-2 사업 1-1-2 500 0 0 0.0% 0.0%" in lines
    assert "계 3,800 2,427 2,426.85 63.9% 63.9%" in lines


@pytest.mark.parametrize(
    ("figures", "warning"),
    [
        (
            "{budget: 300, committed: 310, spent: 300}",
            "budget.committed): committed 310 천원 is more than budget 300 천원",
        ),
        ("{budget: 300, committed: 200, spent: 250}", "budget.spent): spent 250 천원 is more than committed 200 천원"),
    ],
)
def test_more_executed_than_allowed_is_a_warning_naming_the_figures(tmp_path: Path, figures: str, warning: str) -> None:
    shutil.copytree(BUDGET, tmp_path, dirs_exist_ok=True)
    filed = tmp_path / "results/budget-demo/2024/projects/1-2-2.yaml"
    filed.write_text(
        filed.read_text(encoding="utf-8").replace("{budget: 300, committed: 300, spent: 299.85}", figures),
        encoding="utf-8",
    )
    report = validate_path(tmp_path / "plans", tmp_path / "results")
    [problem] = report.problems
    assert problem.severity.value == "warning"
    where, message = warning.split("): ", 1)
    assert message in problem.format()
    assert f"({where})" in problem.format()


# -- execution rates an official table printed (issue 26) ----------------------------------------------------


def _with_published(tmp_path: Path, line: str, total: str | None = None) -> YearEvaluation:
    """The budget fixture with printed rates on 1-1-1 (1000 budget, 997 committed and spent: 99.7%)."""
    shutil.copytree(BUDGET, tmp_path, dirs_exist_ok=True)
    filed = tmp_path / "results/budget-demo/2024/projects/1-1-1.yaml"
    text = filed.read_text(encoding="utf-8")
    filed.write_text(text.replace("spent: 997}", f"spent: 997, published: {line}}}"), encoding="utf-8")
    if total is not None:
        check = tmp_path / "results/budget-demo/2024/check.yaml"
        check.write_text(check.read_text(encoding="utf-8") + f"published_execution: {total}\n", encoding="utf-8")
    report = validate_path(tmp_path / "plans", tmp_path / "results")
    assert report.problems == []
    [plan] = report.plans
    return evaluate_year(plan, report.results["budget-demo"][2024])


def test_a_printed_rate_the_figures_give_is_no_finding(tmp_path: Path) -> None:
    evaluation = _with_published(tmp_path, "{committed_rate: 99.7, spent_rate: 100}")  # 99.7 → 100 as a whole
    assert evaluation.execution_findings == ()


def test_a_printed_rate_the_figures_do_not_give_is_a_finding_at_its_own_precision(tmp_path: Path) -> None:
    evaluation = _with_published(tmp_path, "{spent_rate: 99.8}")
    [finding] = evaluation.execution_findings
    assert (finding.project and finding.project.id, finding.measure) == ("1-1-1", "spent")
    assert (str(finding.stated), str(finding.computed)) == ("99.8", "99.7")


def test_the_printed_total_is_compared_with_the_total_of_the_lines(tmp_path: Path) -> None:
    evaluation = _with_published(tmp_path, "{spent_rate: 99.7}", "{committed_rate: 63.9, spent_rate: 63.8}")
    [finding] = evaluation.execution_findings  # the lines total 3,800 budget, 2,427 committed, 2,426.85 spent
    assert (finding.project, finding.measure) == (None, "spent")
    assert (str(finding.stated), str(finding.computed)) == ("63.8", "63.9")


def test_a_printed_rate_finding_is_on_the_report_and_in_the_terminal(tmp_path: Path) -> None:
    from generator.describe import execution_finding_sentence, execution_finding_subject

    evaluation = _with_published(tmp_path, "{spent_rate: 99.8}")
    [finding] = evaluation.execution_findings
    assert execution_finding_sentence(finding, "ko") == "공표된 집행률(지출) 99.8%는 수치로 산출한 99.7%와 다릅니다."
    assert execution_finding_sentence(finding, "en") == (
        "The published execution rate (spent) 99.8% differs from the 99.7% the figures give."
    )
    assert execution_finding_subject(finding, "ko").endswith("예산 집행")
    folders = ["--plans", str(tmp_path / "plans"), "--results", str(tmp_path / "results")]
    result = CliRunner().invoke(main, ["report", "budget-demo", "2024", *folders, "--lang", "en"])
    assert "differs from the 99.7% the figures give" in result.output
    assert "Audit findings: 1" in result.output


def test_a_printed_rate_of_a_line_without_budget_cannot_be_recomputed(tmp_path: Path) -> None:
    from generator.describe import execution_finding_sentence

    shutil.copytree(BUDGET, tmp_path, dirs_exist_ok=True)
    filed = tmp_path / "results/budget-demo/2024/projects/1-1-1.yaml"
    text = filed.read_text(encoding="utf-8")
    filed.write_text(
        text.replace("{budget: 1000, committed: 997, spent: 997}", "{budget: 0, published: {spent_rate: 50}}"),
        encoding="utf-8",
    )
    report = validate_path(tmp_path / "plans", tmp_path / "results")
    [plan] = report.plans
    evaluation = evaluate_year(plan, report.results["budget-demo"][2024])
    [finding] = [f for f in evaluation.execution_findings if f.project is not None]
    assert finding.computed is None
    assert execution_finding_sentence(finding, "en") == (
        "The published execution rate (spent) 50% cannot be recomputed: there is no budget to divide by."
    )

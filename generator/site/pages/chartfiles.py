"""A chart's downloads, as its page offers them under the chart: the drawing as SVG and PNG, the figures as CSV.

The files sit beside the page, named by what they show and the page's language (`chart_file_path`, the one name
scheme): `1-1-1-indicator-1-ko.svg` beside the project page 1-1-1, `2021-grades-en.png` beside the English 2021
report, `budget-by-strategy-ko.csv` beside the plan page. A name stays the same from build to build.

The CSV holds exactly the figures the chart draws (its data table's figures), one row per bar or segment, with
the open data's columns and conventions (`open-data.md`): figures in the source's unit, with the unit and its
scale in columns of their own; machine column names (the open data's, where the meaning is the same), so one
script reads the Korean and the English file alike; labels as the data table prints them, in the page's
language.
The cells are made here, already in their CSV form; the build writes the SVG and PNG from the chart's drawings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from generator.data.schema import IndicatorSpec, UnitText
from generator.i18n import t
from generator.site.chartspec import BudgetSpec, ChartSpec, DistributionSpec, TargetActualSpec
from generator.site.opendata.values import Cell, csv_cell, unit_of

FileFormat = Literal["svg", "png", "csv"]
FORMATS: tuple[FileFormat, ...] = ("svg", "png", "csv")

# The columns of each kind of chart's CSV, documented in open-data.md ("Chart downloads"; tests read them there).
INDICATOR_CHART_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "indicator_id",
    "measure",
    "year",
    "target",
    "actual",
    "unit_ko",
    "unit_en",
    "unit_scale",
)
GRADES_CHART_COLUMNS: tuple[str, ...] = ("plan_id", "year", "category", "label", "count", "percent")
BUDGET_CHART_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "strategy_id",
    "label",
    "year",
    "budget",
    "budget_unit",
    "budget_unit_scale",
)
COLUMNS: dict[type[ChartSpec], tuple[str, ...]] = {
    TargetActualSpec: INDICATOR_CHART_COLUMNS,
    DistributionSpec: GRADES_CHART_COLUMNS,
    BudgetSpec: BUDGET_CHART_COLUMNS,
}
BUDGET_SUBJECT = "budget-by-strategy"


@dataclass(frozen=True)
class FileLink:
    href: str  # output path from the site root, e.g. "plans/x/projects/1-1-1-indicator-1-ko.svg"
    text: str  # what the link shows: the format's name
    label: str  # its accessible name: the format and the chart's title


@dataclass(frozen=True)
class ChartFiles:
    """The downloads of one chart: the links under it, and its figures as CSV cells (header row first)."""

    chart: ChartSpec
    heading: str  # "이 차트 내려받기"
    links: tuple[FileLink, ...]  # SVG, PNG, CSV
    cells: tuple[tuple[str, ...], ...]

    def href(self, file_format: FileFormat) -> str:
        return self.links[FORMATS.index(file_format)].href


def chart_file_path(page_path: str, subject: str, lang: str, file_format: FileFormat) -> str:
    """The one name scheme of chart downloads: beside the page, what the chart shows, the language, the format.

    `page_path` is the page's output path (with en/ for English); `subject` says what the chart shows
    (`indicator_subject`, `grades_subject`, `BUDGET_SUBJECT`)."""
    folder, _, _ = page_path.rpartition("/")
    name = f"{subject}-{lang}.{file_format}"
    return f"{folder}/{name}" if folder else name


def indicator_subject(project_id: str, indicator_id: str) -> str:
    """`1-1-1-indicator-1` for indicator 1-1-1-1 (an indicator's id is its project's and a number: rules.py)."""
    return f"{project_id}-indicator-{indicator_id.removeprefix(f'{project_id}-')}"


def grades_subject(year: int) -> str:
    return f"{year}-grades"


def chart_files(
    chart: ChartSpec, page_path: str, subject: str, lang: str, rows: Sequence[Sequence[Cell]]
) -> ChartFiles:
    """The downloads of `chart` on the page at `page_path`, its CSV rows in the columns of its kind."""
    columns = COLUMNS[type(chart)]
    if any(len(row) != len(columns) for row in rows):
        raise ValueError(f"a row of {chart.chart_id}'s figures does not have the {len(columns)} columns")
    links = tuple(
        FileLink(
            chart_file_path(page_path, subject, lang, file_format),
            t(f"format_{file_format}", lang),
            t(f"download_{file_format}", lang, title=chart.title),
        )
        for file_format in FORMATS
    )
    cells = (columns, *(tuple(csv_cell(value) for value in row) for row in rows))
    return ChartFiles(chart, t("chart_downloads", lang), links, cells)


def figure(value: Decimal | None) -> int | float | None:
    """An exact sum as the CSV writes it: whole sums as whole numbers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def unit_cells(unit: UnitText | None) -> tuple[str | None, str | None, int | None]:
    """`unit_ko`, `unit_en`, `unit_scale` as the open data writes them (no English: an empty cell)."""
    return (None, None, None) if unit is None else (unit.ko, unit.en, unit.scale)


# -- the figures of each kind of chart ----------------------------------------------------------------------

Figures = tuple[str | None, Sequence[int | float | None], Sequence[int | float | None]]


def indicator_files(
    chart: TargetActualSpec,
    page_path: str,
    plan_id: str,
    project_id: str,
    indicator: IndicatorSpec,
    figures: Figures,
    lang: str,
) -> ChartFiles:
    """An indicator's target/actual chart: a row per year of the chart, target and actual in the source's unit
    (of the charted measure, for a compound indicator). `figures` is the measure charted, the targets and the
    actuals by year of `chart`."""
    measure, targets, actuals = figures
    unit = unit_of(indicator, measure)
    rows = [
        (plan_id, indicator.id, measure, year, target, actual, *unit_cells(unit))
        for year, target, actual in zip(chart.years, targets, actuals, strict=True)
    ]
    return chart_files(chart, page_path, indicator_subject(project_id, indicator.id), lang, rows)


def grades_files(
    chart: DistributionSpec,
    page_path: str,
    plan_id: str,
    year: int,
    bars: Sequence[tuple[str, str, int, int | None]],
    lang: str,
) -> ChartFiles:
    """A year's grade distribution: a row per bar, its category code, its label as the chart prints it, the
    number of indicators and their whole-percent share. `bars` are (category, label, count, percent)."""
    rows = [(plan_id, year, category, label, count, share) for category, label, count, share in bars]
    return chart_files(chart, page_path, grades_subject(year), lang, rows)


def budget_files(
    chart: BudgetSpec,
    page_path: str,
    plan_id: str,
    strategies: Sequence[tuple[str, str, Sequence[Decimal | None]]],
    unit: UnitText,
    lang: str,
) -> ChartFiles:
    """The planned budget by strategy: a row per strategy and year (a segment of the chart), the amount in the
    plan's budget unit. `strategies` are (id, label as the table names it, amounts by year of `chart`)."""
    rows = [
        (plan_id, strategy_id, label, year, figure(amount), unit.ko, unit.scale)
        for strategy_id, label, amounts in strategies
        for year, amount in zip(chart.years, amounts, strict=True)
    ]
    return chart_files(chart, page_path, BUDGET_SUBJECT, lang, rows)

"""Page models: typed dataclasses holding everything a template shows, already in its language.

`generator.site.pages` builds them from the plans and evaluations; templates only format them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.site import charts

# -- shared pieces ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    href: str  # output path from the site root, e.g. "plans/x/index.html"
    label: str


@dataclass(frozen=True)
class PageMeta:
    lang: str
    path: str
    template: str
    title: str
    alternate: str
    breadcrumbs: tuple[Link, ...]
    data_date: str
    description: str = ""


@dataclass(frozen=True)
class Page:
    meta: PageMeta
    content: object
    charts: tuple[charts.ChartSpec, ...] = ()


@dataclass(frozen=True)
class DistributionRowView:
    category: str  # grade or excluded / not_evaluated / pending
    label: str
    count: int
    percent: int
    published: int | None  # the official count, when a report published one


@dataclass(frozen=True)
class DistributionView:
    caption: str
    total: int
    rows: tuple[DistributionRowView, ...]
    matches_published: bool | None
    chart: charts.DistributionSpec | None


@dataclass(frozen=True)
class DiscrepancyView:
    subject: str
    note: str
    sources: str


# -- page contents --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSummary:
    year: int
    link: Link
    distribution: DistributionView


@dataclass(frozen=True)
class PlanCard:
    link: Link
    title: str
    period: str
    vision: str
    levels: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]
    latest: ReportSummary | None


@dataclass(frozen=True)
class HomeContent:
    intro: str
    plans: tuple[PlanCard, ...]


@dataclass(frozen=True)
class ProjectRow:
    link: Link
    label: str
    departments: str
    budget_total: str


@dataclass(frozen=True)
class TaskNode:
    id: str
    label: str
    title: str
    projects: tuple[ProjectRow, ...]


@dataclass(frozen=True)
class StrategyNode:
    id: str
    label: str
    title: str
    tasks: tuple[TaskNode, ...]


@dataclass(frozen=True)
class PlanContent:
    card: PlanCard
    level_names: dict[str, str]
    strategies: tuple[StrategyNode, ...]
    budget_years: tuple[tuple[int, str], ...]
    budget_total: str
    budget_unit: str
    reports: tuple[Link, ...]
    discrepancies: tuple[DiscrepancyView, ...]
    sources: tuple[str, ...]
    data_links: tuple[Link, ...]


@dataclass(frozen=True)
class YearCell:
    year: int
    target: str
    actual: str
    rate: str
    grade: str


@dataclass(frozen=True)
class IndicatorView:
    id: str
    name: str
    unit: str
    kind: str
    direction: str
    stated_total: str
    years: tuple[YearCell, ...]
    chart: charts.TargetActualSpec | None
    chart_caption: str


@dataclass(frozen=True)
class ResultView:
    indicator: str
    status: str
    target: str
    actual: str
    rate: str
    grade: str
    basis: str
    reason: str
    narrative: Markup | None


@dataclass(frozen=True)
class YearResultView:
    year: int
    link: Link
    results: tuple[ResultView, ...]
    budget: tuple[str, str, str, str, str] | None  # budget, committed, spent, committed %, spent %
    narrative: Markup | None


@dataclass(frozen=True)
class ProjectContent:
    plan_link: Link
    path_labels: tuple[str, ...]
    departments: tuple[str, ...]
    origin: str
    purpose: str
    legal_basis: tuple[str, ...]
    body: Markup | None
    budget_unit: str
    budget_years: tuple[tuple[int, str], ...]
    budget_total: str
    budget_note: str
    indicators: tuple[IndicatorView, ...]
    year_results: tuple[YearResultView, ...]
    contacts: tuple[tuple[str, str], ...]
    discrepancies: tuple[DiscrepancyView, ...]


@dataclass(frozen=True)
class DetailRow:
    project: str  # on the first row of each unit project only, as in the official table
    project_link: Link
    indicator: str
    target: str
    actual: str
    rate: str
    grade: str
    grade_note: str
    category: str


@dataclass(frozen=True)
class DetailGroup:
    """The rows of one task, under a heading naming its strategy and task, so every printed page keeps context."""

    heading: str
    rows: tuple[DetailRow, ...]


@dataclass(frozen=True)
class ExcludedRow:
    project: str
    indicator: str
    status: str
    reason: str


@dataclass(frozen=True)
class FindingView:
    indicator: str
    text: str
    rationale: str


@dataclass(frozen=True)
class BudgetRow:
    project: str
    budget: str
    committed: str
    spent: str
    committed_rate: str
    spent_rate: str


@dataclass(frozen=True)
class MatrixRow:
    category: str
    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class StrategyMatrix:
    """The distribution with one column per strategy: rows are grades, as in the overall table."""

    caption: str
    columns: tuple[str, ...]
    totals: tuple[int, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class ReportContent:
    plan_link: Link
    year: int
    has_results: bool
    check_title: str
    method: Markup | None
    distribution: DistributionView | None
    by_strategy: StrategyMatrix | None
    detail_caption: str
    detail_groups: tuple[DetailGroup, ...]
    excluded_caption: str
    excluded_rows: tuple[ExcludedRow, ...]
    findings: tuple[FindingView, ...]
    budget_caption: str
    budget_rows: tuple[BudgetRow, ...]
    discrepancies: tuple[DiscrepancyView, ...]
    data_links: tuple[Link, ...]
    level_names: dict[str, str]


@dataclass(frozen=True)
class DepartmentRow:
    link: Link
    projects: int


@dataclass(frozen=True)
class DepartmentsContent:
    caption: str
    rows: tuple[DepartmentRow, ...]


@dataclass(frozen=True)
class DepartmentProject:
    plan: str
    link: Link
    grades: str


@dataclass(frozen=True)
class DepartmentContent:
    caption: str
    project_header: str
    projects: tuple[DepartmentProject, ...]


@dataclass(frozen=True)
class ScaleRow:
    grade: str
    range: str


@dataclass(frozen=True)
class MethodologyContent:
    scale_caption: str
    scale: tuple[ScaleRow, ...]
    body: Markup
    open_data: Markup
    open_data_note: str


@dataclass(frozen=True)
class NotFoundContent:
    text: str

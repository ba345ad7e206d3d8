"""The rules of a plan that need more than one value: ids and parents, years inside the period, totals, budget
sums, references to sources; and the checks results share with plans.

The shape of each single file is checked before, by the schema (`generator.data.schema`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.data.layout import DATA_SUFFIX, PLAN_FILE
from generator.data.model import measure_value, parent_id
from generator.data.schema import Budget, Discrepancy, GradeBand, IndicatorSpec, LocalizedText, PlanFile, ProjectFile
from generator.data.units import scale_problems
from generator.data.yamlsafe import number_slip
from generator.data.yamlsource import Document
from generator.errors import Problem, Severity, YamlPath
from generator.numbers import amount


class PlanRules:
    """The rules that need more than one value: ids, parents, periods, totals, references."""

    def __init__(self, directory: Path, document: Document, spec: PlanFile, problems: list[Problem]):
        self.directory = directory
        self.document = document
        self.spec = spec
        self.problems = problems
        self.years = spec.period.years
        self.recorded_years = [year for year in spec.recorded_years if year in self.years]
        self.period_text = f"{spec.period.first}–{spec.period.last}"
        self.task_ids = {task.id for strategy in spec.strategies for task in strategy.tasks}
        self.source_ids = {source.id for source in spec.sources}

    def error(self, document: Document, path: YamlPath, message: str, hint: str = "", *, at_key: bool = False) -> None:
        self.problems.append(document.problem(path, message, hint=hint, at_key=at_key))

    def check_plan(self) -> None:
        doc, spec = self.document, self.spec
        if spec.id != self.directory.resolve().name:
            self.error(
                doc,
                ("id",),
                f"plan id '{spec.id}' differs from its folder name '{self.directory.resolve().name}'",
                "rename the folder or change the id",
            )
        if spec.period.first > spec.period.last:
            self.error(
                doc, ("period", "last"), f"period ends ({spec.period.last}) before it begins ({spec.period.first})"
            )
        for i, year in enumerate(spec.target_years or []):
            if year not in self.years:
                self.error(doc, ("target_years", i), f"year {year} is outside the plan period {self.period_text}")
        if spec.grade_scale is not None:
            self._check_grade_scale(doc, spec.grade_scale)
        self.problems.extend(scale_problems(doc, ("budget_unit",), spec.budget_unit))
        self._unique(
            doc, [("sources", i, "id") for i in range(len(spec.sources))], [s.id for s in spec.sources], "source id"
        )
        self._unique(
            doc,
            [("strategies", i, "id") for i in range(len(spec.strategies))],
            [s.id for s in spec.strategies],
            "strategy id",
        )
        task_paths: list[YamlPath] = []
        task_ids: list[str] = []
        for i, strategy in enumerate(spec.strategies):
            if "-" in strategy.id:
                self.error(doc, ("strategies", i, "id"), f"strategy id '{strategy.id}' must be a single number")
            for j, task in enumerate(strategy.tasks):
                task_paths.append(("strategies", i, "tasks", j, "id"))
                task_ids.append(task.id)
                if parent_id(task.id) != strategy.id or task.id.count("-") != 1:
                    self.error(
                        doc,
                        ("strategies", i, "tasks", j, "id"),
                        f"task id '{task.id}' does not belong to strategy '{strategy.id}'",
                        f"task ids of this strategy look like {strategy.id}-1",
                    )
        self._unique(doc, task_paths, task_ids, "task id")
        self._check_discrepancies(doc, ("discrepancies",), spec.discrepancies, indicators=None)

    def _check_grade_scale(self, doc: Document, bands: list[GradeBand]) -> None:
        self._unique(doc, [("grade_scale", i, "grade") for i in range(len(bands))], [b.grade for b in bands], "grade")
        for i in range(1, len(bands)):
            if bands[i].min_rate >= bands[i - 1].min_rate:
                self.error(
                    doc,
                    ("grade_scale", i, "min_rate"),
                    f"grade {bands[i].grade} must start below grade {bands[i - 1].grade} ({bands[i - 1].min_rate})",
                    "list the grades from the highest to the lowest",
                )
        if bands and bands[-1].min_rate != 0:
            self.error(
                doc,
                ("grade_scale", len(bands) - 1, "min_rate"),
                "the lowest grade must start at 0",
                "every rate needs a grade",
            )

    def check_project(self, doc: Document, spec: ProjectFile) -> None:
        stem = unicodedata.normalize("NFC", doc.path.stem)  # a name typed on a Mac may be decomposed
        if spec.id != stem:
            self.error(
                doc,
                ("id",),
                f"project id '{spec.id}' differs from its file name '{doc.path.name}'",
                f"rename the file to {spec.id}{DATA_SUFFIX} or change the id",
            )
        task = parent_id(spec.id)
        if spec.id.count("-") != 2:
            self.error(doc, ("id",), f"project id '{spec.id}' must have three parts (strategy-task-project)")
        elif task not in self.task_ids:
            self.error(
                doc,
                ("id",),
                f"project '{spec.id}' belongs to task '{task}', which plan.yaml does not define",
                "add the task to plan.yaml or correct the id",
            )
        if self.spec.period.first > self.spec.period.last:
            return  # reported once on plan.yaml; every year of every project would be "outside" it
        if spec.budget is not None:
            self._check_budget(doc, spec.budget, spec.discrepancies)
        self._unique(
            doc,
            [("indicators", i, "id") for i in range(len(spec.indicators))],
            [indicator.id for indicator in spec.indicators],
            "indicator id",
        )
        for i, indicator in enumerate(spec.indicators):
            self._check_indicator(doc, ("indicators", i), spec, indicator)
        self._check_discrepancies(
            doc, ("discrepancies",), spec.discrepancies, indicators={indicator.id for indicator in spec.indicators}
        )

    def check_unique_indicators(self, projects: list[tuple[Document, ProjectFile]]) -> None:
        seen: dict[str, str] = {}
        for doc, spec in projects:
            for i, indicator in enumerate(spec.indicators):
                if indicator.id in seen and seen[indicator.id] != doc.display:
                    self.error(
                        doc,
                        ("indicators", i, "id"),
                        f"indicator id '{indicator.id}' is also used in {seen[indicator.id]}",
                    )
                seen.setdefault(indicator.id, doc.display)

    def check_labels(self, projects: list[tuple[Document, ProjectFile]]) -> None:
        """Where a plan numbers its unit projects (1-1-①), a project without its number shows only its id."""
        labelled = [spec for _, spec in projects if spec.label is not None]
        if not labelled:
            return
        for doc, spec in projects:
            if spec.label is not None:
                continue
            message = (
                f"project {spec.id} has no label, though other unit projects of this plan have one "
                f"(e.g. {labelled[0].id}: {labelled[0].label})"
            )
            # A source that prints the project without a number of its own is recorded, not corrected.
            if any(d.field == "numbering" and d.indicator is None for d in spec.discrepancies):
                self.problems.append(
                    doc.problem(("id",), message + " (recorded discrepancy)", severity=Severity.NOTICE)
                )
            else:
                hint = "add label: as the plan numbers the project, or record a discrepancy with field: numbering"
                self.problems.append(doc.problem(("id",), message, hint=hint, severity=Severity.WARNING))

    # -- helpers ----------------------------------------------------------------------------------------

    def _unique(self, doc: Document, paths: list[YamlPath], ids: list[str], what: str) -> None:
        first: dict[str, YamlPath] = {}
        for path, value in zip(paths, ids, strict=True):
            if value in first:
                line, _ = doc.position(first[value])
                self.error(doc, path, f"duplicate {what} '{value}' (first used on line {line})")
            else:
                first[value] = path

    def _check_years(self, doc: Document, path: YamlPath, years: list[int], what: str) -> None:
        for year in years:
            if year not in self.years:
                self.error(
                    doc, (*path, year), f"year {year} is outside the plan period {self.period_text}", at_key=True
                )
        for year in self.recorded_years:
            if year not in years:
                self.error(
                    doc,
                    path,
                    f"{what} for {year} is missing",
                    f"write {year}: null if the plan gives none for that year",
                )

    def _check_budget(self, doc: Document, budget: Budget, discrepancies: list[Discrepancy]) -> None:
        if budget.years is None:
            return
        self._check_years(doc, ("budget", "years"), list(budget.years), "budget")
        if budget.total is None:
            return
        spent = sum(amount for amount in budget.years.values() if amount is not None)
        if not close(spent, budget.total):
            recorded = any(d.field == "budget" and d.indicator is None for d in discrepancies)
            message = f"stated budget total {amount(budget.total)} differs from the sum of the years {amount(spent)}"
            if recorded:
                self.problems.append(
                    doc.problem(("budget", "total"), message + " (recorded discrepancy)", severity=Severity.NOTICE)
                )
            else:
                self.error(
                    doc,
                    ("budget", "total"),
                    message,
                    "correct the figure, or record a discrepancy with field: budget if the source says so",
                )

    def _check_indicator(self, doc: Document, path: YamlPath, project: ProjectFile, indicator: IndicatorSpec) -> None:
        if not indicator.id.startswith(project.id + "-") or indicator.id.count("-") != 3:
            self.error(
                doc,
                (*path, "id"),
                f"indicator id '{indicator.id}' does not belong to project '{project.id}'",
                f"indicator ids of this project look like {project.id}-1",
            )
        self._check_years(doc, (*path, "targets"), list(indicator.targets), "target")
        if indicator.qualitative:
            self._check_qualitative(doc, path, indicator)
        elif indicator.measures is not None:
            self._check_compound(doc, path, indicator)
        else:
            self._check_simple(doc, path, indicator)
        if not indicator.qualitative:
            if indicator.kind is None:
                self.error(
                    doc,
                    path,
                    "indicator has no kind",
                    "add kind: flow (a yearly count) or kind: stock (a cumulative level)",
                )
            self._check_total(doc, path, project, indicator)

    def _check_qualitative(self, doc: Document, path: YamlPath, indicator: IndicatorSpec) -> None:
        for key in ("unit", "measures", "kind", "total"):
            if getattr(indicator, key) is not None:
                self.error(doc, (*path, key), f"a qualitative indicator has no {key}", at_key=True)
        for year, target in indicator.targets.items():
            if target is not None and not isinstance(target, LocalizedText):
                self.error(doc, (*path, "targets", year), "a qualitative target must be text")

    def _check_simple(self, doc: Document, path: YamlPath, indicator: IndicatorSpec) -> None:
        self.problems.extend(scale_problems(doc, (*path, "unit"), indicator.unit))
        if indicator.unit is None:
            self.error(
                doc,
                path,
                "indicator has no unit",
                "add unit: as the source writes it, or measures: for a compound target",
            )
        for year, target in [*indicator.targets.items(), ("total", indicator.total)]:
            where = (*path, "targets", year) if year != "total" else (*path, "total")
            self.problems.extend(
                not_a_number(
                    doc,
                    where,
                    target,
                    text_hint="text targets need qualitative: true",
                    measures_hint="list the measures under measures: for a compound target",
                )
            )

    def _check_compound(self, doc: Document, path: YamlPath, indicator: IndicatorSpec) -> None:
        measures = indicator.measures or []
        ids = [measure.id for measure in measures]
        if indicator.unit is not None:
            self.error(doc, (*path, "unit"), "a compound indicator has units on its measures, not unit:", at_key=True)
        if len(measures) < 2:
            self.error(
                doc,
                (*path, "measures"),
                "a compound indicator needs at least two measures",
                "use unit: for a single measure",
            )
        self._unique(doc, [(*path, "measures", i, "id") for i in range(len(measures))], ids, "measure id")
        for i, measure in enumerate(measures):
            self.problems.extend(scale_problems(doc, (*path, "measures", i, "unit"), measure.unit))
        primaries = [measure.id for measure in measures if measure.primary]
        if len(primaries) != 1:
            self.error(
                doc,
                (*path, "measures"),
                f"exactly one measure must be primary: true, found {len(primaries)}",
                "rates are computed from the primary measure",
            )
        for year, target in [*indicator.targets.items(), ("total", indicator.total)]:
            where = (*path, "targets", year) if year != "total" else (*path, "total")
            if target is None:
                continue
            if not isinstance(target, dict):
                self.error(
                    doc,
                    where,
                    "a compound target names each measure",
                    "write e.g. {" + ", ".join(f"{m}: …" for m in ids) + "}",
                )
                continue
            missing = [m for m in ids if m not in target]
            unknown = [m for m in target if m not in ids]
            if missing:
                self.error(doc, where, "missing measure " + ", ".join(f"'{m}'" for m in missing))
            for key in unknown:
                self.error(doc, (*where, key), f"unknown measure '{key}'", "measures: " + ", ".join(ids), at_key=True)

    def _check_total(self, doc: Document, path: YamlPath, project: ProjectFile, indicator: IndicatorSpec) -> None:
        if indicator.total is None or indicator.kind is None:
            return
        recorded = any(d.indicator == indicator.id and d.field in ("total", "targets") for d in project.discrepancies)
        measures = [m.id for m in indicator.measures] if indicator.measures else [None]
        for measure in measures:
            values = [measure_value(target, measure) for target in indicator.targets.values()]
            stated = measure_value(indicator.total, measure)
            numbers = [v for v in values if isinstance(v, int | float)]
            # A target that is not a number is already reported; a sum without it would be a second, false error.
            if (
                stated is None
                or not isinstance(stated, int | float)
                or any(isinstance(v, LocalizedText) for v in values)
            ):
                continue
            summed = sum(numbers)
            label = f" of '{measure}'" if measure else ""
            if indicator.kind == "flow":
                if close(summed, stated):
                    continue
                message = (
                    f"stated total{label} {amount(stated)} differs from the sum of the yearly targets {amount(summed)}"
                )
            else:
                last = next((v for v in reversed(values) if isinstance(v, int | float)), None)
                if close(summed, stated) or (last is not None and close(last, stated)):
                    continue
                message = (
                    f"stated total{label} {amount(stated)} of a stock indicator is neither the last "
                    f"target {amount(last or 0)} nor the sum {amount(summed)}"
                )
            where = (*path, "total", measure) if measure else (*path, "total")
            if recorded:
                self.problems.append(doc.problem(where, message + " (recorded discrepancy)", severity=Severity.NOTICE))
            else:
                self.error(
                    doc,
                    where,
                    message,
                    "correct the figure, or record a discrepancy with field: total if the source says so",
                )

    def _check_discrepancies(
        self, doc: Document, path: YamlPath, discrepancies: list[Discrepancy], indicators: set[str] | None
    ) -> None:
        self.problems.extend(unknown_sources(doc, path, discrepancies, self.source_ids, PLAN_FILE))
        for i, discrepancy in enumerate(discrepancies):
            if discrepancy.indicator is not None and indicators is not None and discrepancy.indicator not in indicators:
                self.error(
                    doc,
                    (*path, i, "indicator"),
                    f"discrepancy names indicator '{discrepancy.indicator}', which this file does not define",
                )


def unknown_sources(
    doc: Document, path: YamlPath, discrepancies: list[Discrepancy], source_ids: set[str], defined_in: str
) -> list[Problem]:
    """Every discrepancy source that names no source document of the plan (or of the check)."""
    return [
        doc.problem(
            (*path, i, "sources", j),
            f"unknown source '{source}'",
            hint=f"sources in {defined_in}: " + ", ".join(sorted(source_ids)),
        )
        for i, discrepancy in enumerate(discrepancies)
        for j, source in enumerate(discrepancy.sources)
        if source not in source_ids
    ]


def not_a_number(doc: Document, path: YamlPath, value: object, *, text_hint: str, measures_hint: str) -> list[Problem]:
    """A target or actual of a single-measure indicator that is text or measures instead of a number."""
    if isinstance(value, LocalizedText):
        slip = number_slip(value.ko) if value.en is None else None
        if slip is not None:
            return [doc.problem(path, slip[0], hint=slip[1])]
        hint = f"write the number alone, without unit or separators; {text_hint}"
        return [doc.problem(path, f"expected a number, got text '{value.ko}'", hint=hint)]
    if isinstance(value, dict):
        return [doc.problem(path, "expected a number, got measures", hint=measures_hint)]
    return []


def close(a: float, b: float) -> bool:
    """Equal but for float noise: sums of decimal figures such as 0.1 + 0.2."""
    return abs(a - b) < 1e-9 * max(1.0, abs(a), abs(b))

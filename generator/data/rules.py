"""The rules of a plan that need more than one value: ids and parents, years inside the period, totals, budget
sums, references to sources; and the checks results share with plans.

The shape of each single file is checked before, by the schema (`generator.data.schema`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.data.indicatorrules import duplicates, indicator_shape_problems
from generator.data.layout import DATA_SUFFIX, PLAN_FILE
from generator.data.model import measure_value, parent_id
from generator.data.paths import resolve
from generator.data.schema import Budget, Discrepancy, GradeBand, IndicatorSpec, LocalizedText, PlanFile, ProjectFile
from generator.data.units import scale_problems
from generator.data.yamlsource import Document
from generator.errors import Problem, Severity, YamlPath
from generator.i18n import msg
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
        self.period_text = msg("span", first=spec.period.first, last=spec.period.last)
        self.task_ids = {task.id for strategy in spec.strategies for task in strategy.tasks}
        self.source_ids = {source.id for source in spec.sources}

    def error(self, document: Document, path: YamlPath, message: str, hint: str = "", *, at_key: bool = False) -> None:
        self.problems.append(document.problem(path, message, hint=hint, at_key=at_key))

    def check_plan(self) -> None:
        doc, spec = self.document, self.spec
        if spec.id != resolve(self.directory).name:
            self.error(
                doc,
                ("id",),
                msg("plan_id_folder", id=spec.id, folder=resolve(self.directory).name),
                msg("hint_rename_folder_or_id"),
            )
        if spec.period.first > spec.period.last:
            self.error(doc, ("period", "last"), msg("period_reversed", last=spec.period.last, first=spec.period.first))
        for i, year in enumerate(spec.target_years or []):
            if year not in self.years:
                self.error(doc, ("target_years", i), msg("year_outside_period", year=year, period=self.period_text))
        if spec.grade_scale is not None:
            self._check_grade_scale(doc, spec.grade_scale)
        self.problems.extend(scale_problems(doc, ("budget_unit",), spec.budget_unit))
        self._unique(
            doc,
            [("sources", i, "id") for i in range(len(spec.sources))],
            [s.id for s in spec.sources],
            msg("what_source_id"),
        )
        self._unique(
            doc,
            [("strategies", i, "id") for i in range(len(spec.strategies))],
            [s.id for s in spec.strategies],
            msg("what_strategy_id"),
        )
        task_paths: list[YamlPath] = []
        task_ids: list[str] = []
        for i, strategy in enumerate(spec.strategies):
            if "-" in strategy.id:
                self.error(doc, ("strategies", i, "id"), msg("strategy_id_single", id=strategy.id))
            for j, task in enumerate(strategy.tasks):
                task_paths.append(("strategies", i, "tasks", j, "id"))
                task_ids.append(task.id)
                if parent_id(task.id) != strategy.id or task.id.count("-") != 1:
                    self.error(
                        doc,
                        ("strategies", i, "tasks", j, "id"),
                        msg("task_not_of_strategy", task=task.id, strategy=strategy.id),
                        msg("hint_task_ids_look_like", example=f"{strategy.id}-1"),
                    )
        self._unique(doc, task_paths, task_ids, msg("what_task_id"))
        self._check_discrepancies(doc, ("discrepancies",), spec.discrepancies, indicators=None)

    def _check_grade_scale(self, doc: Document, bands: list[GradeBand]) -> None:
        self._unique(
            doc, [("grade_scale", i, "grade") for i in range(len(bands))], [b.grade for b in bands], msg("what_grade")
        )
        for i in range(1, len(bands)):
            if bands[i].min_rate >= bands[i - 1].min_rate:
                self.error(
                    doc,
                    ("grade_scale", i, "min_rate"),
                    msg("grade_order", grade=bands[i].grade, above=bands[i - 1].grade, rate=bands[i - 1].min_rate),
                    msg("hint_grades_highest_first"),
                )
        if bands and bands[-1].min_rate != 0:
            self.error(
                doc,
                ("grade_scale", len(bands) - 1, "min_rate"),
                msg("lowest_grade_zero"),
                msg("hint_every_rate_needs_grade"),
            )

    def check_project(self, doc: Document, spec: ProjectFile) -> None:
        stem = unicodedata.normalize("NFC", doc.path.stem)  # a name typed on a Mac may be decomposed
        if spec.id != stem:
            self.error(
                doc,
                ("id",),
                msg("project_id_file", id=spec.id, file=doc.path.name),
                msg("hint_rename_file_or_id", name=f"{spec.id}{DATA_SUFFIX}"),
            )
        task = parent_id(spec.id)
        if spec.id.count("-") != 2:
            self.error(doc, ("id",), msg("project_id_parts", id=spec.id))
        elif task not in self.task_ids:
            self.error(
                doc,
                ("id",),
                msg("project_task_undefined", id=spec.id, task=task),
                msg("hint_add_task_or_correct_id"),
            )
        if self.spec.period.first > self.spec.period.last:
            return  # reported once on plan.yaml; every year of every project would be "outside" it
        if spec.budget is not None:
            self._check_budget(doc, spec.budget, spec.discrepancies)
        self._unique(
            doc,
            [("indicators", i, "id") for i in range(len(spec.indicators))],
            [indicator.id for indicator in spec.indicators],
            msg("what_indicator_id"),
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
                        msg("indicator_id_elsewhere", id=indicator.id, file=seen[indicator.id]),
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
            message = msg("label_missing", id=spec.id, example=labelled[0].id, label=labelled[0].label)
            # A source that prints the project without a number of its own is recorded, not corrected.
            if any(d.field == "numbering" and d.indicator is None for d in spec.discrepancies):
                self.problems.append(
                    doc.problem(("id",), msg("recorded_discrepancy", message=message), severity=Severity.NOTICE)
                )
            else:
                hint = msg("hint_add_label")
                self.problems.append(doc.problem(("id",), message, hint=hint, severity=Severity.WARNING))

    # -- helpers ----------------------------------------------------------------------------------------

    def _unique(self, doc: Document, paths: list[YamlPath], ids: list[str], what: str) -> None:
        """`what` is a catalogue word: the kind of id that must be unique."""
        self.problems.extend(duplicates(doc, paths, ids, what))

    def _check_years(self, doc: Document, path: YamlPath, years: list[int], what: str) -> None:
        for year in years:
            if year not in self.years:
                self.error(
                    doc, (*path, year), msg("year_outside_period", year=year, period=self.period_text), at_key=True
                )
        for year in self.recorded_years:
            if year not in years:
                self.error(
                    doc,
                    path,
                    msg("missing_for_year", what=what, year=year),
                    msg("hint_write_null_for_year", year=year),
                )

    def _check_budget(self, doc: Document, budget: Budget, discrepancies: list[Discrepancy]) -> None:
        if budget.years is None:
            return
        self._check_years(doc, ("budget", "years"), list(budget.years), msg("what_budget"))
        if budget.total is None:
            return
        spent = sum(amount for amount in budget.years.values() if amount is not None)
        if not close(spent, budget.total):
            recorded = any(d.field == "budget" and d.indicator is None for d in discrepancies)
            message = msg("budget_total_differs", stated=amount(budget.total), summed=amount(spent))
            if recorded:
                self.problems.append(
                    doc.problem(
                        ("budget", "total"), msg("recorded_discrepancy", message=message), severity=Severity.NOTICE
                    )
                )
            else:
                self.error(
                    doc,
                    ("budget", "total"),
                    message,
                    msg("hint_correct_or_record_budget"),
                )

    def _check_indicator(self, doc: Document, path: YamlPath, project: ProjectFile, indicator: IndicatorSpec) -> None:
        if not indicator.id.startswith(project.id + "-") or indicator.id.count("-") != 3:
            self.error(
                doc,
                (*path, "id"),
                msg("indicator_not_of_project", id=indicator.id, project=project.id),
                msg("hint_indicator_ids_look_like", example=f"{project.id}-1"),
            )
        self._check_years(doc, (*path, "targets"), list(indicator.targets), msg("what_target"))
        self.problems.extend(indicator_shape_problems(doc, path, indicator))
        if not indicator.qualitative:
            if indicator.kind is None:
                self.error(
                    doc,
                    path,
                    msg("indicator_no_kind"),
                    msg("hint_add_kind"),
                )
            self._check_total(doc, path, project, indicator)

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
            label = msg("of_measure", measure=measure) if measure else ""
            if indicator.kind == "flow":
                if close(summed, stated):
                    continue
                message = msg("total_differs", label=label, stated=amount(stated), summed=amount(summed))
            else:
                last = next((v for v in reversed(values) if isinstance(v, int | float)), None)
                if close(summed, stated) or (last is not None and close(last, stated)):
                    continue
                message = msg(
                    "stock_total_differs",
                    label=label,
                    stated=amount(stated),
                    last=amount(last or 0),
                    summed=amount(summed),
                )
            where = (*path, "total", measure) if measure else (*path, "total")
            if recorded:
                self.problems.append(
                    doc.problem(where, msg("recorded_discrepancy", message=message), severity=Severity.NOTICE)
                )
            else:
                self.error(
                    doc,
                    where,
                    message,
                    msg("hint_correct_or_record_total"),
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
                    msg("discrepancy_unknown_indicator", id=discrepancy.indicator),
                )


def unknown_sources(
    doc: Document, path: YamlPath, discrepancies: list[Discrepancy], source_ids: set[str], defined_in: str
) -> list[Problem]:
    """Every discrepancy source that names no source document of the plan (or of the check)."""
    return [
        doc.problem(
            (*path, i, "sources", j),
            msg("unknown_source", source=source),
            hint=msg("hint_sources_in", file=defined_in, ids=", ".join(sorted(source_ids))),
        )
        for i, discrepancy in enumerate(discrepancies)
        for j, source in enumerate(discrepancy.sources)
        if source not in source_ids
    ]


def close(a: float, b: float) -> bool:
    """Equal but for float noise: sums of decimal figures such as 0.1 + 0.2."""
    return abs(a - b) < 1e-9 * max(1.0, abs(a), abs(b))

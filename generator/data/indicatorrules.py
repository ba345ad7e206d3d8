"""The rules of one indicator's own shape, beyond what the schema can say: a qualitative indicator has text targets
and no unit; a single-measure one a unit and numbers; a compound one two or more measures, one of them primary,
and each target naming them. Also what results share: a figure that must be a number, and ids that must be unique.

The rules across values and files (periods, totals, parents, sources) are `generator.data.rules`.
"""

from __future__ import annotations

from generator.data.schema import IndicatorSpec, LocalizedText
from generator.data.units import scale_problems
from generator.data.yamlsafe import number_slip
from generator.data.yamlsource import Document
from generator.errors import Problem, YamlPath
from generator.i18n import msg


def indicator_shape_problems(doc: Document, path: YamlPath, indicator: IndicatorSpec) -> list[Problem]:
    """What is wrong with the indicator at `path` of `doc` for its kind: qualitative, compound or single-measure."""
    if indicator.qualitative:
        return _qualitative(doc, path, indicator)
    if indicator.measures is not None:
        return _compound(doc, path, indicator)
    return _single(doc, path, indicator)


def duplicates(doc: Document, paths: list[YamlPath], ids: list[str], what: str) -> list[Problem]:
    """Each id of `ids` (at `paths`) that an earlier one repeats; `what` is a catalogue word: the kind of id."""
    first: dict[str, YamlPath] = {}
    found = []
    for path, value in zip(paths, ids, strict=True):
        if value in first:
            line, _ = doc.position(first[value])
            found.append(doc.problem(path, msg("duplicate_id", what=what, value=value, line=line)))
        else:
            first[value] = path
    return found


def not_a_number(doc: Document, path: YamlPath, value: object, *, text_hint: str, measures_hint: str) -> list[Problem]:
    """A target or actual of a single-measure indicator that is text or measures instead of a number."""
    if isinstance(value, LocalizedText):
        slip = number_slip(value.ko) if value.en is None else None
        if slip is not None:
            return [doc.problem(path, slip[0], hint=slip[1])]
        hint = msg("hint_number_alone_then", more=text_hint)
        return [doc.problem(path, msg("number_got_text", text=value.ko), hint=hint)]
    if isinstance(value, dict):
        return [doc.problem(path, msg("number_got_measures"), hint=measures_hint)]
    return []


def _qualitative(doc: Document, path: YamlPath, indicator: IndicatorSpec) -> list[Problem]:
    found = [
        doc.problem((*path, key), msg("qualitative_has_key", key=key), at_key=True)
        for key in ("unit", "measures", "kind", "total")
        if getattr(indicator, key) is not None
    ]
    found += [
        doc.problem((*path, "targets", year), msg("qualitative_target_text"))
        for year, target in indicator.targets.items()
        if target is not None and not isinstance(target, LocalizedText)
    ]
    return found


def _single(doc: Document, path: YamlPath, indicator: IndicatorSpec) -> list[Problem]:
    found = list(scale_problems(doc, (*path, "unit"), indicator.unit))
    if indicator.unit is None:
        found.append(doc.problem(path, msg("indicator_no_unit"), hint=msg("hint_add_unit")))
    for year, target in [*indicator.targets.items(), ("total", indicator.total)]:
        where = (*path, "targets", year) if year != "total" else (*path, "total")
        text_hint, measures_hint = msg("hint_text_needs_qualitative"), msg("hint_list_measures")
        found += not_a_number(doc, where, target, text_hint=text_hint, measures_hint=measures_hint)
    return found


def _compound(doc: Document, path: YamlPath, indicator: IndicatorSpec) -> list[Problem]:
    measures = indicator.measures or []
    ids = [measure.id for measure in measures]
    found = []
    if indicator.unit is not None:
        found.append(doc.problem((*path, "unit"), msg("compound_has_unit"), at_key=True))
    if len(measures) < 2:
        found.append(doc.problem((*path, "measures"), msg("compound_needs_two"), hint=msg("hint_single_measure_unit")))
    found += duplicates(doc, [(*path, "measures", i, "id") for i in range(len(measures))], ids, msg("what_measure_id"))
    for i, measure in enumerate(measures):
        found += scale_problems(doc, (*path, "measures", i, "unit"), measure.unit)
    primaries = [measure.id for measure in measures if measure.primary]
    if len(primaries) != 1:
        message = msg("one_primary", count=len(primaries))
        found.append(doc.problem((*path, "measures"), message, hint=msg("hint_primary_measure")))
    for year, target in [*indicator.targets.items(), ("total", indicator.total)]:
        where = (*path, "targets", year) if year != "total" else (*path, "total")
        if target is not None:
            found += _compound_target(doc, where, target, ids)
    return found


def _compound_target(doc: Document, where: YamlPath, target: object, ids: list[str]) -> list[Problem]:
    """A compound indicator's target for a year (or its total): one figure for each measure, by name."""
    if not isinstance(target, dict):
        example = ", ".join(f"{m}: …" for m in ids)
        return [doc.problem(where, msg("compound_target_names"), hint=msg("hint_write_measures", example=example))]
    found = []
    missing = [m for m in ids if m not in target]
    if missing:
        found.append(doc.problem(where, msg("missing_measure", names=", ".join(f"'{m}'" for m in missing))))
    found += [
        doc.problem(
            (*where, key), msg("unknown_measure", key=key), hint=msg("hint_measures", ids=", ".join(ids)), at_key=True
        )
        for key in target
        if key not in ids
    ]
    return found

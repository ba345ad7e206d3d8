"""Property-based tests (issue 10): whatever a hand-edited file holds, `validate` either passes it or reports
clean problems, and whatever passes also builds. Synthetic data only.

CI runs 2,200 examples; `PLANSITE_FUZZ_SCALE=10 pytest tests/test_fuzz.py --hypothesis-show-statistics` runs
ten times as many and shows how the examples split between refused and built.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.data import yamlsafe, yamlsource
from generator.data.layout import find_repository
from generator.data.validate import validate_path
from generator.errors import DataError, PlansiteError
from generator.site import charts
from generator.site.build import render_site

from .conftest import FIXTURES

# CI runs 2,000 generated files and 200 generated plans (those that pass validation are built whole, a second
# or two each); PLANSITE_FUZZ_SCALE=10 runs ten times as many, as a benchmark-size campaign.
SCALE = float(os.environ.get("PLANSITE_FUZZ_SCALE", "1"))
_COMMON = {"deadline": None, "suppress_health_check": list(HealthCheck), "derandomize": True}
FUZZ_FILES = settings(max_examples=int(2000 * SCALE), **_COMMON)
FUZZ_PLANS = settings(max_examples=int(200 * SCALE), **_COMMON)

# Pieces hand-edited YAML is made of, and the mistakes people and tools make with them.
YAML_PIECES = st.sampled_from(
    [
        "\n",
        "  ",
        "\t",
        ": ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "'",
        '"',
        "#",
        "&a ",
        "*a",
        "!!float ",
        "!!python/object:x ",
        "<<: ",
        "? ",
        "|\n",
        ">-\n",
        "---\n",
        "...\n",
        "id",
        "title",
        "ko",
        "en",
        "targets",
        "2024",
        "024000",
        "6:40:00",
        "0x1F",
        "1e400",
        "9" * 400,
        "-0",
        ".inf",
        ".nan",
        "2023-02-30",
        "yes",
        "~",
        "null",
        "\x00",
        "\x1b[31m",
        "\u200b",
        "\ufeff",
        "\ud7a3",
        "\u1100\u1161",
        "한글",
        "33,100",
        "\\ud800",
    ]
)
YAML_TEXT = st.lists(YAML_PIECES, max_size=40).map("".join)
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
).filter(lambda text: not re.search("inf|nan", text, re.IGNORECASE))
# A figure the site shows as "inf" or "nan" is a number validation should have refused.
NOT_A_FIGURE = re.compile(rb">[^<]*\b(inf|nan|Infinity|NaN)\b", re.IGNORECASE)
# Mostly figures validation accepts, so most examples go on to build; the rest are the slips it must refuse.
FIGURE = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.floats(min_value=0, max_value=1e15),
    st.sampled_from([0, 1, 0.1, 1e15, 5e-324, 1e-300, -0.0]),
)
SLIP = st.one_of(
    st.integers(min_value=-5, max_value=-1),
    st.integers(min_value=10**15 + 1, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e-300]),
)
NUMBER = st.one_of(FIGURE, FIGURE, FIGURE, SLIP)
# The stated total: none, the sum of the targets (consistent), or any number (usually a contradiction).
TOTAL = st.one_of(st.none(), st.just("sum"), NUMBER)


@contextmanager
def demo_copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        shutil.copytree(FIXTURES / "minimal" / "demo", root / "plans" / "demo")
        shutil.copytree(FIXTURES / "minimal" / "results", root / "results")
        yield root


def validates_cleanly(root: Path) -> bool:
    """True when the data passes; False when it reports problems. Anything else (a traceback) fails the test."""
    try:
        report = validate_path(root / "plans", root / "results")
    except DataError as error:
        assert error.problems, "a DataError without problems"
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)
        return False
    for problem in report.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
        problem.format().encode("utf-8")  # printable, and no lone surrogates
    return not report.errors


@FUZZ_FILES
@given(text=YAML_TEXT, target=st.sampled_from(["plans/demo/projects/1-1-1.yaml", "results/demo/2024/check.yaml"]))
def test_any_text_in_a_data_file_is_passed_or_reported(text: str, target: str) -> None:
    with demo_copy() as root:
        (root / target).write_text(text, encoding="utf-8", errors="surrogatepass")
        validates_cleanly(root)


@FUZZ_FILES
@given(text=YAML_TEXT)
def test_libyaml_and_pyyaml_read_every_text_alike(text: str) -> None:
    """The fast loader is only a speed-up: the same data, the same positions, the same error, for any text."""
    assert yamlsafe.FAST_LOADER is not None
    outcomes = []
    for classes in ([yamlsafe.FAST_LOADER, yamlsafe.StrictLoader], [yamlsafe.StrictLoader]):
        with patch.object(yamlsafe, "loader_classes", lambda _text, classes=classes: classes):
            try:
                data, builder = yamlsource._parse(text, "f.yaml")
                outcomes.append((repr(data), builder.value_marks, builder.key_marks, builder.problems))
            except DataError as error:
                outcomes.append(error.problems)
    assert outcomes[0] == outcomes[1]


def _project(title: str, unit: str, targets: dict[int, Any], total: Any, kind: str) -> dict[str, Any]:
    return {
        "id": "1-1-1",
        "title": {"ko": title or "사업", "en": "Project"},
        "departments": [{"ko": title or "부서", "en": "Division"}],
        "budget": {"years": {2024: 10, 2025: 20}},
        "indicators": [
            {
                "id": "1-1-1-1",
                "name": {"ko": "지표", "en": "Indicator"},
                "unit": {"ko": unit or "건", "en": "cases"},
                "kind": kind,
                "targets": targets,
                "total": total,
            }
        ],
    }


@FUZZ_PLANS
@given(
    title=TEXT,
    unit=TEXT,
    target_2024=NUMBER,
    target_2025=NUMBER,
    total=TOTAL,
    actual=NUMBER,
    kind=st.sampled_from(["flow", "stock"]),
)
def test_what_passes_validation_also_builds(
    title: str, unit: str, target_2024: Any, target_2025: Any, total: Any, actual: Any, kind: str
) -> None:
    with demo_copy() as root:
        if total == "sum":
            figures = [v for v in (target_2024, target_2025) if isinstance(v, int | float)]
            total = sum(figures) if kind == "flow" else figures[-1]
        project = _project(title, unit, {2024: target_2024, 2025: target_2025}, total, kind)
        (root / "plans/demo/projects/1-1-1.yaml").write_text(yaml.safe_dump(project, allow_unicode=True))
        results = root / "results/demo/2024/projects/1-1-1.yaml"
        filed = yaml.safe_load(results.read_text(encoding="utf-8"))
        filed["indicators"][0]["actual"] = actual
        results.write_text(yaml.safe_dump(filed, allow_unicode=True), encoding="utf-8")
        if not validates_cleanly(root):
            event("reported problems")  # --hypothesis-show-statistics shows how the examples split
            return
        event("passed validation, then built")
        repository = find_repository(plans=root / "plans", results=root / "results", cwd=root)
        try:
            files, pages = render_site(repository)
        except PlansiteError as error:  # pragma: no cover - a failure message names the example
            raise AssertionError(f"validated data did not build: {error}") from error
        specs = [spec for page in pages for spec in page.charts]
        assert all(math.isfinite(v) for s in specs for v in getattr(s, "targets", ()) if v is not None)
        for name, content in files.items():
            if name.endswith(".html") and "/projects/" in name:
                content.decode("utf-8")
                assert not NOT_A_FIGURE.search(content.split(b"<svg")[0]), name


def test_charts_draw_for_every_figure_validation_lets_through() -> None:
    """The extremes the schema allows, drawn for real (the property test above draws them too, more slowly)."""
    for values in ([10**15, 0], [1e-6, 10**15], [0, 0], [5e-324, 1]):
        svg = charts.target_actual_chart(
            "c-extreme",
            [2024, 2025],
            values,
            [None, values[0]],
            unit="u",
            title="t",
            summary="s",
            target_label="T",
            actual_label="A",
        )
        assert svg.startswith("<svg")

"""The YAML examples of docs/data-format.md are data the validator accepts: a reader copies them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.data.validate import validate_path

from .conftest import ROOT

DOC = ROOT / "docs" / "data-format.md"


def _section_examples(heading: str) -> list[str]:
    """The ```yaml blocks between `heading` and the next heading of the same or a higher level."""
    text = DOC.read_text(encoding="utf-8")
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n")
    following = re.search(rf"\n#{{1,{len(level)}}} ", text[start + 1 :])
    section = text[start : start + 1 + following.start()] if following else text[start:]
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


INDICATOR_EXAMPLES = _section_examples("### Indicators")


def test_the_indicators_section_has_its_three_examples() -> None:
    assert len(INDICATOR_EXAMPLES) == 3  # one figure a year, compound, qualitative


@pytest.mark.parametrize("example", INDICATOR_EXAMPLES, ids=["figures", "compound", "qualitative"])
def test_each_indicator_example_validates_in_a_plan_of_its_years(demo_plan: Path, example: str) -> None:
    """Schema and rules both: the compound example once lacked `kind`, which only the rules require."""
    indicators = yaml.safe_load(example)["indicators"]
    years = sorted({year for indicator in indicators for year in indicator["targets"]})
    plan = demo_plan / "plan.yaml"
    period = f"period: {{first: {years[0]}, last: {years[-1]}}}"
    plan.write_text(re.sub(r"period: \{[^}]*\}", period, plan.read_text(encoding="utf-8")), encoding="utf-8")
    for old in (demo_plan / "projects").iterdir():
        old.unlink()
    for number, indicator in enumerate(indicators, start=1):
        indicator["id"] = f"1-1-1-{number}"
    project = {"id": "1-1-1", "title": {"ko": "사업", "en": "Project"}, "indicators": indicators}
    text = yaml.safe_dump(project, allow_unicode=True, sort_keys=False)
    (demo_plan / "projects" / "1-1-1.yaml").write_text(text, encoding="utf-8")
    report = validate_path(demo_plan.parent, results_root=demo_plan.parent.parent / "no-results")
    assert [problem.format() for problem in report.errors] == []

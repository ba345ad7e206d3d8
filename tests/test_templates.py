"""Templates format; they never compute: no joined strings, no number marks or placeholder dashes of their own."""

from __future__ import annotations

import re

import pytest

from generator.site import theme

TEMPLATES = sorted(theme.packaged("templates").glob("*.html"))
RULES = {
    # a caption or label glued together in the template: the page model gives the whole text
    "a string joined with ~": re.compile(r"\{[{%][^}]*~"),
    # a percent sign after a figure: numbers.percent formats rates and shares
    "a % after a figure": re.compile(r"\}\}\s*%|\d%\s*<"),
    # the placeholder for a missing figure: the page model gives numbers.NONE
    "a dash for a missing value": re.compile(r"""or\s*['"]–['"]"""),
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_the_template_only_formats(template: object) -> None:
    text = template.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    found = [
        f"{template.name}:{number}: {kind}"  # type: ignore[attr-defined]
        for number, line in enumerate(text.splitlines(), start=1)
        for kind, rule in RULES.items()
        if rule.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('{% call data_table(t("budget") ~ " (" ~ unit ~ ")") %}', "a string joined with ~"),
        ('<td class="num">{{ row.percent }}%</td>', "a % after a figure"),
        ('<td class="num">100%</td>', "a % after a figure"),
        ("<td>{{ row.reason or '–' }}</td>", "a dash for a missing value"),
    ],
)
def test_each_rule_finds_what_it_forbids(line: str, kind: str) -> None:
    assert RULES[kind].search(line)


def test_print_prefers_truetype_hangul_fonts_to_noto_cjk() -> None:
    """Chromium embeds the CFF-based Noto CJK as Type 3 fonts in a PDF (issue 24); this machine has only Nanum, so
    the PDF test cannot see a regression: the print style's order is checked here."""
    css = theme.packaged("static", "style.css").read_text(encoding="utf-8")
    print_block = css.split("@media print", 1)[1]
    stack = re.search(r"--font:\s*([^;]+);", print_block)
    assert stack is not None
    families = [name.strip().strip('"') for name in stack.group(1).split(",")]
    assert families.index("NanumGothic") < families.index("Noto Sans KR")
    assert families.index("Malgun Gothic") < families.index("Noto Sans CJK KR")

"""Writing an edited document into its YAML text (`sheets.yamlsplice`): only the changed values' lines change."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from generator.sheets.yamlsplice import rewritten

# Synthetic, in the data files' two list styles and with the comments an office writes.
PROJECT = """\
# Synthetic test project (not real data).
id: 1-1-1
title:
  ko: 사업 하나  # as the plan writes it
  en: Project one
departments:
  - {ko: 시험과, en: Test Division}
content:
  ko: |
    **방향**

    - 첫째
indicators:
- id: 1-1-1-1
  name: {ko: 지표 하나, en: Indicator one}
  unit: {ko: 천건, en: items, scale: 1000}
  kind: flow
  # the plan's table, p. 3
  targets: {2024: 5, 2025: 7}
  total: 12
- id: 1-1-1-2
  name: {ko: 지표 둘, en: Indicator two}
  unit: {ko: 건, en: cases}
  kind: stock
  targets:
    2024: 1
    2025: 2
"""


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _edit(change: Callable[[dict[str, Any]], None], text: str = PROJECT) -> tuple[str, dict[str, Any]]:
    data = copy.deepcopy(yaml.safe_load(text))
    change(data)
    after = rewritten(text, data)
    assert yaml.safe_load(after) == data
    return after, data


def test_a_figure_in_a_flow_mapping_rewrites_that_line_only() -> None:
    after, _ = _edit(lambda d: d["indicators"][0]["targets"].update({2024: 6}))
    assert _changed_lines(PROJECT, after) == ["-  targets: {2024: 5, 2025: 7}", "+  targets: {2024: 6, 2025: 7}"]


def test_a_figure_in_a_block_mapping_and_a_text_keep_their_neighbours_and_comments() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][1]["targets"][2025] = 3
        data["title"]["ko"] = "사업 첫째"

    after, _ = _edit(change)
    assert _changed_lines(PROJECT, after) == [
        "-  ko: 사업 하나  # as the plan writes it",
        "+  ko: 사업 첫째  # as the plan writes it",
        "-    2025: 2",
        "+    2025: 3",
    ]


def test_a_new_indicator_is_written_under_the_last_as_the_file_writes_its_items() -> None:
    new = {"id": "1-1-1-3", "name": {"ko": "셋", "en": "Three"}, "kind": "flow", "targets": {2024: 1, 2025: None}}
    after, _ = _edit(lambda d: d["indicators"].append(new))
    assert _changed_lines(PROJECT, after) == [
        "+- id: 1-1-1-3",
        "+  name: {ko: 셋, en: Three}",
        "+  kind: flow",
        "+  targets: {2024: 1, 2025: null}",
    ]


def test_a_removed_key_and_a_removed_item_lose_their_own_lines() -> None:
    def change(data: dict[str, Any]) -> None:
        del data["indicators"][0]["total"]
        del data["indicators"][1]

    after, _ = _edit(change)
    assert all(line.startswith("-") for line in _changed_lines(PROJECT, after))
    assert "# the plan's table, p. 3" in after


def test_a_text_of_several_lines_is_written_as_a_literal_block() -> None:
    after, _ = _edit(lambda d: d["content"].update({"ko": "**방향**\n\n- 첫째\n- 둘째\n"}))
    assert _changed_lines(PROJECT, after) == ["+    - 둘째"]


def test_a_new_optional_key_goes_under_its_neighbours() -> None:
    after, _ = _edit(lambda d: d.update({"purpose": {"ko": "목적", "en": "Aim: to test"}}))
    assert _changed_lines(PROJECT, after) == ["+purpose: {ko: 목적, en: 'Aim: to test'}"]


def test_line_ends_and_a_byte_order_mark_are_kept() -> None:
    text = "\ufeff" + PROJECT.replace("\n", "\r\n")
    after, _ = _edit(lambda d: d["indicators"][0].update({"total": 13}), text)
    assert after.startswith("\ufeff")
    assert after.count("\r\n") == text.count("\r\n") and "\n" not in after.replace("\r\n", "")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["indicators"][0].pop("id"),  # the first key of an item shares its line with the dash
        lambda d: d.update({"title": "사업 하나"}),  # a block mapping becomes a plain text
        lambda d: d["indicators"].clear(),
        lambda d: d.update({"content": {"ko": "  leading space\nsecond line"}}),
    ],
)
def test_what_cannot_be_spliced_is_still_written_right_with_the_comments(
    change: Callable[[dict[str, Any]], None],
) -> None:
    after, _ = _edit(change)
    assert "# Synthetic test project (not real data)." in after


def test_nothing_changed_is_the_same_text() -> None:
    assert rewritten(PROJECT, yaml.safe_load(PROJECT)) == PROJECT


def test_a_new_markdown_text_is_written_as_literal_blocks_under_its_languages() -> None:
    after, _ = _edit(lambda d: d.update({"purpose": {"ko": "**굵게**\n\n- 하나\n", "en": "One line"}}))
    assert _changed_lines(PROJECT, after) == [
        "+purpose:",
        "+  ko: |",
        "+    **굵게**",
        "+",
        "+    - 하나",
        "+  en: One line",
    ]

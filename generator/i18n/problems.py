"""The validator's problems and hints (`plansite validate`, and every command that reads the data).

Values in quotes are data (ids, keys, file names) and stay as written; Korean sentences avoid particles after
them by phrasing, so that no particle depends on how a value ends.
"""

from __future__ import annotations

PROBLEMS: dict[str, dict[str, str]] = {
    # Rules across values and files (generator/data/rules.py). Words for kinds of ids come first.
    "what_source_id": {"ko": "출처 id", "en": "source id"},
    "what_strategy_id": {"ko": "전략 id", "en": "strategy id"},
    "what_task_id": {"ko": "과제 id", "en": "task id"},
    "what_indicator_id": {"ko": "성과지표 id", "en": "indicator id"},
    "what_measure_id": {"ko": "측정 항목 id", "en": "measure id"},
    "what_grade": {"ko": "등급", "en": "grade"},
    "what_budget": {"ko": "예산", "en": "budget"},
    "what_target": {"ko": "목표", "en": "target"},
    "duplicate_id": {
        "ko": "중복된 {what}: '{value}' (처음 쓰인 줄: {line})",
        "en": "duplicate {what} '{value}' (first used on line {line})",
    },
    "plan_id_folder": {
        "ko": "계획 id('{id}')와 폴더 이름('{folder}')이 다릅니다",
        "en": "plan id '{id}' differs from its folder name '{folder}'",
    },
    "hint_rename_folder_or_id": {
        "ko": "폴더 이름을 바꾸거나 id를 고치세요",
        "en": "rename the folder or change the id",
    },
    "period_reversed": {
        "ko": "계획 기간의 끝({last})이 시작({first})보다 앞섭니다",
        "en": "period ends ({last}) before it begins ({first})",
    },
    "year_outside_period": {
        "ko": "{year}년은 계획 기간 {period} 밖입니다",
        "en": "year {year} is outside the plan period {period}",
    },
    "strategy_id_single": {
        "ko": "전략 id는 숫자 하나여야 합니다: '{id}'",
        "en": "strategy id '{id}' must be a single number",
    },
    "task_not_of_strategy": {
        "ko": "과제 id '{task}': 전략 '{strategy}'에 속하지 않습니다",
        "en": "task id '{task}' does not belong to strategy '{strategy}'",
    },
    "hint_task_ids_look_like": {
        "ko": "이 전략의 과제 id는 {example}처럼 씁니다",
        "en": "task ids of this strategy look like {example}",
    },
    "grade_order": {
        "ko": "등급 {grade}의 시작값은 등급 {above}의 시작값({rate})보다 낮아야 합니다",
        "en": "grade {grade} must start below grade {above} ({rate})",
    },
    "hint_grades_highest_first": {
        "ko": "등급을 가장 높은 것부터 가장 낮은 것까지 차례로 적으세요",
        "en": "list the grades from the highest to the lowest",
    },
    "lowest_grade_zero": {"ko": "가장 낮은 등급은 0에서 시작해야 합니다", "en": "the lowest grade must start at 0"},
    "hint_every_rate_needs_grade": {"ko": "모든 달성률에 등급이 있어야 합니다", "en": "every rate needs a grade"},
    "project_id_file": {
        "ko": "단위사업 id('{id}')와 파일 이름('{file}')이 다릅니다",
        "en": "project id '{id}' differs from its file name '{file}'",
    },
    "hint_rename_file_or_id": {
        "ko": "파일 이름을 바꾸거나(예: {name}) id를 고치세요",
        "en": "rename the file to {name} or change the id",
    },
    "project_id_parts": {
        "ko": "단위사업 id는 세 부분(전략-과제-사업)이어야 합니다: '{id}'",
        "en": "project id '{id}' must have three parts (strategy-task-project)",
    },
    "project_task_undefined": {
        "ko": "단위사업 '{id}': plan.yaml에 정의되지 않은 과제 '{task}'에 속합니다",
        "en": "project '{id}' belongs to task '{task}', which plan.yaml does not define",
    },
    "hint_add_task_or_correct_id": {
        "ko": "plan.yaml에 과제를 추가하거나 id를 고치세요",
        "en": "add the task to plan.yaml or correct the id",
    },
    "indicator_id_elsewhere": {
        "ko": "성과지표 id '{id}': {file}에서도 쓰였습니다",
        "en": "indicator id '{id}' is also used in {file}",
    },
    "label_missing": {
        "ko": "단위사업 {id}에 label이 없습니다. 이 계획의 다른 단위사업에는 있습니다 (예: {example}: {label})",
        "en": "project {id} has no label, though other unit projects of this plan have one (e.g. {example}: {label})",
    },
    "recorded_discrepancy": {"ko": "{message} (기록된 불일치)", "en": "{message} (recorded discrepancy)"},
    "hint_add_label": {
        "ko": "계획이 매긴 번호대로 label:을 적거나, field: numbering으로 불일치를 기록하세요",
        "en": "add label: as the plan numbers the project, or record a discrepancy with field: numbering",
    },
    "missing_for_year": {"ko": "{what}: {year}년 값이 없습니다", "en": "{what} for {year} is missing"},
    "hint_write_null_for_year": {
        "ko": "계획에 그해 값이 없으면 {year}: null이라고 적으세요",
        "en": "write {year}: null if the plan gives none for that year",
    },
    "budget_total_differs": {
        "ko": "적힌 예산 합계({stated})와 연도별 예산의 합({summed})이 다릅니다",
        "en": "stated budget total {stated} differs from the sum of the years {summed}",
    },
    "hint_correct_or_record_budget": {
        "ko": "수치를 고치거나, 출처에 그렇게 적혀 있다면 field: budget으로 불일치를 기록하세요",
        "en": "correct the figure, or record a discrepancy with field: budget if the source says so",
    },
    "hint_correct_or_record_total": {
        "ko": "수치를 고치거나, 출처에 그렇게 적혀 있다면 field: total로 불일치를 기록하세요",
        "en": "correct the figure, or record a discrepancy with field: total if the source says so",
    },
    "indicator_not_of_project": {
        "ko": "성과지표 id '{id}': 단위사업 '{project}'에 속하지 않습니다",
        "en": "indicator id '{id}' does not belong to project '{project}'",
    },
    "hint_indicator_ids_look_like": {
        "ko": "이 단위사업의 성과지표 id는 {example}처럼 씁니다",
        "en": "indicator ids of this project look like {example}",
    },
    "indicator_no_kind": {"ko": "성과지표에 kind가 없습니다", "en": "indicator has no kind"},
    "hint_add_kind": {
        "ko": "kind: flow(해마다 새로 세는 실적) 또는 kind: stock(누적 수준)을 적으세요",
        "en": "add kind: flow (a yearly count) or kind: stock (a cumulative level)",
    },
    "qualitative_has_key": {
        "ko": "정성 지표에는 {key}: 항목을 쓰지 않습니다",
        "en": "a qualitative indicator has no {key}",
    },
    "qualitative_target_text": {"ko": "정성 목표는 글로 적어야 합니다", "en": "a qualitative target must be text"},
    "indicator_no_unit": {"ko": "성과지표에 unit이 없습니다", "en": "indicator has no unit"},
    "hint_add_unit": {
        "ko": "출처에 적힌 대로 unit:을 적거나, 복합 목표라면 measures:를 적으세요",
        "en": "add unit: as the source writes it, or measures: for a compound target",
    },
    "hint_text_needs_qualitative": {
        "ko": "글로 된 목표에는 qualitative: true가 필요합니다",
        "en": "text targets need qualitative: true",
    },
    "hint_list_measures": {
        "ko": "복합 목표라면 측정 항목을 measures: 아래에 적으세요",
        "en": "list the measures under measures: for a compound target",
    },
    "compound_has_unit": {
        "ko": "복합 지표는 unit:이 아니라 측정 항목마다 단위를 적습니다",
        "en": "a compound indicator has units on its measures, not unit:",
    },
    "compound_needs_two": {
        "ko": "복합 지표에는 측정 항목이 둘 이상 있어야 합니다",
        "en": "a compound indicator needs at least two measures",
    },
    "hint_single_measure_unit": {"ko": "측정 항목이 하나라면 unit:을 쓰세요", "en": "use unit: for a single measure"},
    "one_primary": {
        "ko": "primary: true인 측정 항목이 꼭 하나여야 하는데 {count}개입니다",
        "en": "exactly one measure must be primary: true, found {count}",
    },
    "hint_primary_measure": {
        "ko": "달성률은 주 측정 항목으로 계산합니다",
        "en": "rates are computed from the primary measure",
    },
    "compound_target_names": {
        "ko": "복합 목표는 측정 항목마다 이름을 붙여 적습니다",
        "en": "a compound target names each measure",
    },
    "hint_write_measures": {"ko": "예: {{{example}}}처럼 적으세요", "en": "write e.g. {{{example}}}"},
    "missing_measure": {"ko": "빠진 측정 항목: {names}", "en": "missing measure {names}"},
    "unknown_measure": {"ko": "알 수 없는 측정 항목: '{key}'", "en": "unknown measure '{key}'"},
    "hint_measures": {"ko": "측정 항목: {ids}", "en": "measures: {ids}"},
    "of_measure": {"ko": "'{measure}' ", "en": " of '{measure}'"},
    "total_differs": {
        "ko": "적힌 {label}합계({stated})와 연도별 목표의 합({summed})이 다릅니다",
        "en": "stated total{label} {stated} differs from the sum of the yearly targets {summed}",
    },
    "stock_total_differs": {
        "ko": "누적(stock) 지표의 적힌 {label}합계({stated})가 마지막 목표({last})와도, 합({summed})과도 같지 않습니다",
        "en": "stated total{label} {stated} of a stock indicator is neither the last target {last}"
        " nor the sum {summed}",
    },
    "discrepancy_unknown_indicator": {
        "ko": "불일치 기록이 가리키는 성과지표 '{id}': 이 파일에 정의되어 있지 않습니다",
        "en": "discrepancy names indicator '{id}', which this file does not define",
    },
    "unknown_source": {"ko": "알 수 없는 출처: '{source}'", "en": "unknown source '{source}'"},
    "hint_sources_in": {"ko": "{file}의 출처: {ids}", "en": "sources in {file}: {ids}"},
    "number_got_text": {"ko": "숫자를 적어야 합니다. 적힌 글: '{text}'", "en": "expected a number, got text '{text}'"},
    "number_got_measures": {
        "ko": "숫자를 적어야 합니다. 측정 항목이 적혀 있습니다",
        "en": "expected a number, got measures",
    },
    "hint_number_alone_then": {
        "ko": "단위나 구분 기호 없이 숫자만 적으세요. {more}",
        "en": "write the number alone, without unit or separators; {more}",
    },
    # Annual results (generator/data/results.py).
    "hint_results_year_folders": {
        "ko": "계획의 결과 폴더에는 연도마다 그 연도 이름의 폴더 하나를 둡니다(예: 2024)",
        "en": "a plan's results hold one folder per year, named by the year (e.g. 2024)",
    },
    "results_no_check": {"ko": "결과 폴더에 {file:이} 없습니다", "en": "results folder has no {file}"},
    "hint_new_year": {
        "ko": "plansite new-year PLAN YEAR로 빈 연도 전체를 만들 수 있습니다",
        "en": "plansite new-year PLAN YEAR writes a complete, empty year",
    },
    "check_misnamed": {
        "ko": "점검 파일 이름이 '{name}'여서 이 연도의 결과를 읽지 않았습니다",
        "en": "the check file is named '{name}', so this year's results were not read",
    },
    "hint_rename_to": {"ko": "이름을 {name:으로} 바꾸세요", "en": "rename it to {name}"},
    "hint_results_year_holds": {
        "ko": "결과 연도 폴더에는 {check:과} {projects}/만 둡니다. 다른 곳으로 옮기세요",
        "en": "a results year holds {check} and {projects}/ only; move it elsewhere",
    },
    "results_other_plan": {
        "ko": "결과에 적힌 계획 '{named}': 이 결과는 {plan} 아래에 있습니다",
        "en": "results name plan '{named}', but are filed under {plan}",
    },
    "year_folder": {
        "ko": "연도 {year}: 폴더 이름('{folder}')과 다릅니다",
        "en": "year {year} differs from its folder name '{folder}'",
    },
    "unknown_category": {"ko": "알 수 없는 구분: '{key}'", "en": "unknown category '{key}'"},
    "hint_categories": {"ko": "쓸 수 있는 구분: {names}", "en": "categories: {names}"},
    "unknown_project": {"ko": "알 수 없는 단위사업: '{id}'", "en": "unknown project '{id}'"},
    "hint_no_project_in": {"ko": "{plan}에 그런 단위사업이 없습니다", "en": "no such project in {plan}"},
    "results_project_file": {
        "ko": "단위사업 '{id}': 파일 이름('{file}')과 다릅니다",
        "en": "project '{id}' differs from its file name '{file}'",
    },
    "hint_rename_file_to": {"ko": "파일 이름을 {name:으로} 바꾸세요", "en": "rename the file to {name}"},
    "unknown_indicator": {
        "ko": "단위사업 {project}에 없는 성과지표: '{id}'",
        "en": "unknown indicator '{id}' for project {project}",
    },
    "hint_indicators_of_project": {
        "ko": "이 단위사업의 성과지표: {known}",
        "en": "indicators of this project: {known}",
    },
    "two_results": {"ko": "성과지표 '{id}': 결과가 두 번 적혀 있습니다", "en": "indicator '{id}' has two results"},
    "word_budget_available": {"ko": "예산현액", "en": "budget"},
    "word_committed": {"ko": "원인행위", "en": "committed"},
    "word_spent": {"ko": "지출", "en": "spent"},
    "execution_more_than": {
        "ko": "{key}({value}): {other}({other_value})보다 많습니다",
        "en": "{key} {value} is more than {other} {other_value}",
    },
    "hint_carried_over": {
        "ko": "수치를 확인하세요. 이월된 예산 때문이라면 추진 실적(narrative)에 그렇게 적으세요",
        "en": "check the figures; if funds carried over explain it, say so in the narrative",
    },
    "no_target_for_year": {
        "ko": "성과지표 {id}: {year}년 목표가 없어 평가할 수 없습니다",
        "en": "indicator {id} has no target for {year}, so it cannot be evaluated",
    },
    "hint_not_evaluated_or_assessed": {
        "ko": "status: not_evaluated(평가 안함)를 쓰거나, 정성평가 등급을 근거와 함께 기록하세요",
        "en": "use status: not_evaluated (평가 안함), or record an assessed grade with its rationale",
    },
    "excluded_needs_reason": {
        "ko": "평가 제외(excluded)한 결과에는 사유(reason)가 있어야 합니다",
        "en": "an excluded result needs a reason",
    },
    "hint_reason_example": {
        "ko": "예: reason: {{ko: 미운영, en: Not operated}}",
        "en": "e.g. reason: {{ko: 미운영, en: Not operated}}",
    },
    "assessment_needs_rate_or_grade": {
        "ko": "정성평가(assessed)에는 달성률(rate)이나 등급(grade)이 있어야 합니다",
        "en": "an assessment needs a rate or a grade",
    },
    "unknown_grade": {"ko": "알 수 없는 등급: '{grade}'", "en": "unknown grade '{grade}'"},
    "hint_grades": {"ko": "쓸 수 있는 등급: {names}", "en": "grades: {names}"},
    "qualitative_actual_text": {
        "ko": "정성 지표의 실적은 글로 적습니다",
        "en": "the actual of a qualitative indicator is text",
    },
    "compound_actual_names": {
        "ko": "복합 지표의 실적은 측정 항목마다 이름을 붙여 적습니다",
        "en": "a compound actual names each measure",
    },
    "hint_text_actual_qualitative": {
        "ko": "글로 된 실적은 정성 지표에만 쓸 수 있습니다",
        "en": "a text actual needs a qualitative indicator",
    },
    "hint_single_measure": {"ko": "이 성과지표의 측정 항목은 하나입니다", "en": "this indicator has a single measure"},
    # The shape of single values (generator/data/schema.py): a value as a message names it, then what was expected.
    "value_null": {"ko": "빈 값(null)", "en": "nothing (null)"},
    "value_boolean": {"ko": "참거짓 값 {value}", "en": "boolean {value}"},
    "value_number": {"ko": "숫자 {value}", "en": "number {value}"},
    "value_string": {"ko": "문자열 '{value}'", "en": "string '{value}'"},
    "value_date": {"ko": "날짜 {value}", "en": "date {value}"},
    "value_list": {"ko": "목록", "en": "a list"},
    "value_mapping": {"ko": "키와 값의 묶음(mapping)", "en": "a mapping"},
    "number_got": {"ko": "숫자를 적어야 합니다. 적힌 값: {got}{note}", "en": "expected a number, got {got}{note}"},
    "note_number_alone": {
        "ko": " (단위나 구분 기호 없이 숫자만 적으세요)",
        "en": " (write the number alone, without unit or separators)",
    },
    "negative_got": {"ko": "음수일 수 없습니다. 적힌 값: {got}", "en": "must not be negative, got {got}"},
    "whole_number_got": {"ko": "정수를 적어야 합니다. 적힌 값: {got}", "en": "expected a whole number, got {got}"},
    "hint_comma_splits_text": {
        "ko": '{{ }} 안에서는 쉼표가 항목을 나누므로 쉼표가 든 글은 따옴표로 묶으세요 (en: "Parks, gardens")',
        "en": 'inside {{ }} a comma separates entries, so put text that has a comma in quotes (en: "Parks, gardens")',
    },
    "hint_comma_splits": {
        "ko": "{{ }} 안에서는 쉼표가 항목을 나누므로 수치에 쉼표를 쓰지 마세요 ({example})",
        "en": "inside {{ }} a comma separates entries, so write figures without commas ({example})",
    },
    "period_got": {
        "ko": "period는 첫해와 끝해의 묶음이어야 합니다. 적힌 값: {got}",
        "en": "expected a mapping of the first and last year, got {got}",
    },
    "hint_period": {
        "ko": "period: {{first: {first}, last: {last}}}처럼 적으세요",
        "en": "write period: {{first: {first}, last: {last}}}",
    },
    "hint_period_years": {
        "ko": "period: {{first: 첫해, last: 끝해}}처럼 적으세요. 예: period: {{first: 2025, last: 2028}}",
        "en": "write period: {{first: FIRST_YEAR, last: LAST_YEAR}}, e.g. period: {{first: 2025, last: 2028}}",
    },
    "hint_year_alone": {"ko": "연도는 숫자만 적으세요: {year}", "en": "write the year alone, in digits: {year}"},
    "year_got": {
        "ko": "2024처럼 연도를 적어야 합니다. 적힌 값: {got}",
        "en": "expected a year such as 2024, got {got}",
    },
    "text_got": {
        "ko": "글(문자열, 또는 ko와 en)을 적어야 합니다. 적힌 값: {got}",
        "en": "expected text (a string, or ko and en), got {got}",
    },
    "text_empty": {"ko": "글이 비어 있으면 안 됩니다", "en": "text must not be empty"},
    "slug_got": {
        "ko": "id는 영문 소문자, 숫자, 하이픈으로 적어야 합니다. 적힌 값: {got}",
        "en": "expected an id of lowercase letters, digits and hyphens, got {got}",
    },
    "node_id_got": {
        "ko": "id는 1-2-3처럼 숫자를 하이픈으로 이어 적어야 합니다. 적힌 값: {got}",
        "en": "expected an id of numbers joined by hyphens such as 1-2-3, got {got}",
    },
    "string_got": {"ko": "문자열을 적어야 합니다. 적힌 값: {got}", "en": "expected a string, got {got}"},
    "scale_got": {
        "ko": "1000(천)이나 10000(만)처럼 10의 거듭제곱을 적어야 합니다. 적힌 값: {got}",
        "en": "expected a power of ten such as 1000 (천) or 10000 (만), got {got}",
    },
    "measure_problem": {"ko": "측정 항목 '{key}': {message}", "en": "measure '{key}': {message}"},
    "budget_got": {
        "ko": "예산(years와 total) 또는 {non_budget:'을} 적어야 합니다. 적힌 값: {got}",
        "en": "expected a budget (years and total) or '{non_budget}', got {got}",
    },
    "budget_years_mapping": {
        "ko": "예산의 years는 연도와 금액의 묶음이어야 합니다",
        "en": "budget years must be a mapping of year to amount",
    },
}

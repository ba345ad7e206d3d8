"""Reading the data files: the YAML reader, the shape check, and what a data folder may hold.

Values in quotes are data (keys, file names, figures) and stay as written; each sentence puts them after a colon
or in parentheses, so no Korean particle depends on how a value ends. A library's own words (PyYAML's, the
operating system's) are quoted inside a Korean sentence where they cannot be translated.
"""

from __future__ import annotations

READING: dict[str, dict[str, str]] = {
    # Joining a hint to a further clue (generator/data/yamlsource.py).
    "hint_then": {"ko": "{first}. {second}", "en": "{first}; {second}"},
    # The YAML reader (generator/data/yamlsafe.py, generator/data/yamlsource.py).
    "yaml_alias": {
        "ko": "계획 파일에서는 별칭(alias)을 쓰지 않습니다: *{anchor}",
        "en": "alias *{anchor} is not used in plan files",
    },
    "yaml_anchor": {
        "ko": "계획 파일에서는 앵커(anchor)를 쓰지 않습니다: &{anchor}",
        "en": "anchor &{anchor} is not used in plan files",
    },
    "hint_no_anchors": {
        "ko": "값이 필요한 곳마다 값을 그대로 적으세요",
        "en": "write the value out in full where it is needed",
    },
    "yaml_tag": {"ko": "계획 파일에서는 태그를 쓰지 않습니다: {tag}", "en": "tag {tag} is not used in plan files"},
    "hint_remove_tag": {"ko": "태그를 지우세요", "en": "remove the tag"},
    "yaml_too_deep": {
        "ko": "{depth}단계보다 깊게 중첩되어 있습니다",
        "en": "nested more than {depth} levels deep",
    },
    "hint_check_indentation": {"ko": "들여쓰기를 확인하세요", "en": "check the indentation"},
    "number_in_quotes": {
        "ko": "숫자가 따옴표 안에 있어 글로 읽힙니다: {written}",
        "en": "the number {written} is in quotes, which makes it text",
    },
    "hint_remove_quotes": {"ko": "따옴표를 지우세요: {written}", "en": "remove the quotes: {written}"},
    "number_grouped": {
        "ko": "천 단위 구분 기호(쉼표)가 들어 있습니다: '{written}'",
        "en": "'{written}' is written with thousands separators",
    },
    "hint_without_commas": {"ko": "쉼표 없이 적으세요: {figure}", "en": "write it without commas: {figure}"},
    "number_with_unit": {
        "ko": "숫자와 단위가 함께 적혀 있습니다: '{written}'",
        "en": "'{written}' has its unit written with the number",
    },
    "hint_number_alone": {
        "ko": "숫자만 적으세요: {figure}. {where}",
        "en": "write the number alone: {figure}; {where}",
    },
    "rates_per_cent": {"ko": "달성률은 언제나 퍼센트입니다", "en": "rates are always per cent"},
    "unit_given_once": {"ko": "단위는 unit:에 한 번만 적습니다", "en": "the unit is given once, in unit:"},
    "number_not_plain": {
        "ko": "평범한 십진수가 아닙니다: '{written}'",
        "en": "'{written}' is not a plain decimal number",
    },
    "hint_plain_decimal": {
        "ko": "24000이나 12.5처럼 십진수 숫자로만 적으세요(앞자리 0, 지수, 콜론, 접두어 없이)",
        "en": "write figures in plain decimal digits, such as 24000 or 12.5 (no leading zero, exponent, colon or"
        " prefix)",
    },
    "hint_too_large": {
        "ko": "숫자가 반복해 들어가지 않았는지 확인하세요. 아주 큰 금액은 scale:로 더 큰 단위를 정해 적을 수 있습니다",
        "en": "check the figure for repeated digits; a very large amount can be given in a larger unit, with scale:",
    },
    "number_too_large": {
        "ko": "숫자가 너무 큽니다: {shown} (plansite가 받는 가장 큰 수는 10¹⁵입니다)",
        "en": "the number {shown} is too large (the largest plansite accepts is 10¹⁵)",
    },
    "number_digits": {"ko": "{start}… ({count}자리)", "en": "{start}… ({count} digits)"},
    "invalid_date": {
        "ko": "있을 수 없는 날짜입니다: '{value}' ({error})",
        "en": "'{value}' is not a valid date ({error})",
    },
    "invalid_number": {
        "ko": "읽을 수 없는 숫자입니다: '{value}' ({error})",
        "en": "'{value}' is not a valid number ({error})",
    },
    "date_bad_month": {"ko": "월은 1에서 12 사이여야 합니다", "en": "month must be in 1..12"},
    "date_bad_day": {"ko": "그달에 없는 날입니다", "en": "day is out of range for month"},
    "date_bad_year": {"ko": "{year}년은 쓸 수 없는 연도입니다", "en": "year {year} is out of range"},
    "hint_date_format": {
        "ko": "날짜는 YYYY-MM-DD 형식으로 적으세요(예: 2023-12-28)",
        "en": "write a date as YYYY-MM-DD, e.g. 2023-12-28",
    },
    "text_surrogate": {
        "ko": "글에 짝이 없는 서로게이트 이스케이프(예: \\ud800)가 들어 있습니다",
        "en": "text holds an unpaired surrogate escape (such as \\ud800)",
    },
    "hint_remove_escape": {"ko": "이스케이프를 지우세요", "en": "remove the escape"},
    "text_control": {
        "ko": "글에 제어 문자가 들어 있습니다: U+{code}",
        "en": "text holds the control character U+{code}",
    },
    "hint_remove_control_text": {
        "ko": "지우세요(다른 프로그램에서 글을 복사할 때 흔히 딸려 옵니다). 줄바꿈과 탭만 쓸 수 있습니다",
        "en": "remove it (it often comes from copying text from another program); only line breaks and tabs are"
        " allowed",
    },
    "file_control": {
        "ko": "파일에 제어 문자가 들어 있습니다: U+{code}",
        "en": "the file holds the control character U+{code}",
    },
    "hint_remove_control": {
        "ko": "지우세요(다른 프로그램에서 글을 복사할 때 흔히 딸려 옵니다)",
        "en": "remove it (it often comes from copying text from another program)",
    },
    "file_invisible": {
        "ko": "파일에 보이지 않는 문자가 들어 있습니다: U+{code}",
        "en": "the file holds the invisible character U+{code}",
    },
    "hint_remove_invisible": {
        "ko": "지우세요. YAML은 이 문자를 줄바꿈으로 읽습니다",
        "en": "remove it; YAML would read it as a line break",
    },
    "file_unreadable": {"ko": "이 파일을 읽을 수 없습니다 ({reason})", "en": "cannot read this file: {reason}"},
    "hint_readable_file": {
        "ko": "읽을 수 있는 파일이어야 합니다. 자기 자신을 가리키는 링크는 쓸 수 없습니다",
        "en": "it must be a readable file, not a link to itself",
    },
    "file_not_utf8": {
        "ko": "UTF-8 파일이 아닙니다 (바이트 0x{byte})",
        "en": "file is not valid UTF-8 (byte 0x{byte})",
    },
    "hint_save_utf8": {"ko": "파일을 UTF-8 인코딩으로 저장하세요", "en": "save the file with UTF-8 encoding"},
    "file_empty": {"ko": "파일이 비어 있습니다", "en": "file is empty"},
    "hint_write_or_delete": {"ko": "데이터를 적거나 파일을 지우세요", "en": "write its data, or delete the file"},
    "yaml_error": {
        "ko": "YAML 문법에 맞지 않습니다 (YAML 읽기 도구의 설명: {error})",
        "en": "YAML syntax error: {error}",
    },
    "line_reads": {"ko": '{line}번째 줄 내용: "{text}"', "en": 'line {line} reads "{text}"'},
    "yaml_tab": {
        "ko": "이곳 들여쓰기에 탭이 쓰였습니다. YAML은 공백으로만 들여씁니다",
        "en": "a tab is used for indentation here; YAML indents with spaces only",
    },
    "hint_tab_to_spaces": {"ko": "탭을 공백으로 바꾸세요", "en": "replace the tab with spaces"},
    "yaml_indent": {
        "ko": "이 줄의 들여쓰기가 주변 줄과 맞지 않습니다",
        "en": "this line is indented more or less than the lines around it",
    },
    "hint_line_up_level": {
        "ko": "같은 단계의 다른 키와 들여쓰기를 맞추세요",
        "en": "line it up with the other keys at its level",
    },
    "yaml_indented_more": {
        "ko": "윗줄보다 더 들여써져 있어 윗줄 값의 일부로 읽힙니다",
        "en": "this line is indented more than the line above, so it reads as part of that line's value",
    },
    "hint_line_up_above": {"ko": "윗줄과 들여쓰기를 맞추세요", "en": "line it up with the line above"},
    "yaml_colon_in_value": {"ko": "값 안에 콜론과 공백(': ')이 있습니다", "en": "a ': ' inside a value"},
    "hint_quote_value": {"ko": "값을 따옴표로 감싸세요", "en": "put the value in quotes"},
    "yaml_second_document": {
        "ko": "여기서 두 번째 문서가 시작합니다('---'). 데이터 파일에는 문서가 하나만 있어야 합니다",
        "en": "a second document starts here ('---'); a data file holds one",
    },
    "hint_one_document": {
        "ko": "'---' 줄과 그 뒤를 지우거나, 그 부분을 따로 파일로 옮기세요",
        "en": "remove the '---' line and what follows it, or move that part into a file of its own",
    },
    "yaml_unclosed_quote": {
        "ko": "여기서 연 따옴표가 닫히지 않았습니다",
        "en": "a quote opens here but is never closed",
    },
    "hint_close_quote": {"ko": "글 끝에 닫는 따옴표를 붙이세요", "en": "add the closing quote at the end of the text"},
    "hint_flow_closed": {
        "ko": "{line}번째 줄의 {{ 또는 [ 괄호가 닫혀 있는지 확인하세요",
        "en": "check that the {{ or [ on line {line} is closed",
    },
    "key_not_plain": {
        "ko": "키는 목록이나 묶음이 아닌 단순한 값이어야 합니다",
        "en": "a key must be a plain value, not a list or mapping",
    },
    "duplicate_key": {
        "ko": "중복된 키: '{key}' (처음 쓰인 곳: {line}번째 줄 {column}번째 칸)",
        "en": "duplicate key '{key}' (first at line {line}, column {column})",
    },
    "hint_key_once": {
        "ko": "키는 한 번만 쓸 수 있어 첫 번째 것만 읽습니다. 나머지를 지우거나 이름을 바꾸세요",
        "en": "a key may appear once: only the first is read; remove or rename the other",
    },
}

SHAPE: dict[str, dict[str, str]] = {
    # The shape check's own words around pydantic's findings (generator/data/schemacheck.py).
    "list_got": {"ko": "목록을 적어야 합니다. 적힌 값: {got}", "en": "expected a list, got {got}"},
    "mapping_got": {
        "ko": "키와 값의 묶음(mapping)을 적어야 합니다. 적힌 값: {got}",
        "en": "expected a mapping, got {got}",
    },
    "boolean_got": {"ko": "true나 false를 적어야 합니다. 적힌 값: {got}", "en": "expected true or false, got {got}"},
    "date_got": {
        "ko": "날짜(YYYY-MM-DD)를 적어야 합니다. 적힌 값: {got}",
        "en": "expected a date (YYYY-MM-DD), got {got}",
    },
    "missing_key": {"ko": "꼭 있어야 할 키가 없습니다: '{key}'", "en": "missing required key '{key}'"},
    "unknown_key": {"ko": "알 수 없는 키: '{key}'", "en": "unknown key '{key}'"},
    "hint_did_you_mean": {"ko": "혹시 이 키인가요: '{close}'", "en": "did you mean '{close}'?"},
    "hint_allowed_keys": {"ko": "쓸 수 있는 키: {keys}", "en": "allowed keys: {keys}"},
    "invalid_value": {"ko": "쓸 수 없는 값입니다: {value}", "en": "invalid value {value}"},
    "hint_expected": {"ko": "쓸 수 있는 값: {choices}", "en": "expected {expected}"},
    "too_short_one": {"ko": "항목을 {minimum}개 이상 적어야 합니다", "en": "must list at least {minimum} item"},
    "too_short_many": {"ko": "항목을 {minimum}개 이상 적어야 합니다", "en": "must list at least {minimum} items"},
    "pydantic_other": {"ko": "값이 올바르지 않습니다 (검사기의 설명: '{text}')", "en": "{text}"},
    # What a data folder may hold (generator/data/schemacheck.py, generator/data/validate.py).
    "temporary_file": {
        "ko": "편집기가 남긴 임시 파일로 보여 읽지 않았습니다: '{name}'",
        "en": "'{name}' looks like a temporary file an editor left behind; it was not read",
    },
    "hint_close_or_delete_temporary": {
        "ko": "파일을 열어 둔 프로그램을 닫거나 임시 파일을 지우세요",
        "en": "close the program that has the file open, or delete the temporary file",
    },
    "dangling_link": {
        "ko": "가리키는 곳이 없는(또는 자기 자신을 가리키는) 링크여서 읽지 않았습니다: '{name}'",
        "en": "'{name}' is a link that leads nowhere (or to itself) and was not read",
    },
    "hint_link_to_file": {"ko": "링크 대신 파일 자체를 두세요", "en": "replace the link with the file itself"},
    "hint_data_suffix": {
        "ko": "이곳의 데이터 파일은 이름이 {suffix:으로} 끝나야 합니다",
        "en": "data files here end in {suffix}",
    },
    "looped_link": {
        "ko": "자신을 담은 폴더를 가리키는 링크(순환)여서 읽지 않았습니다: '{name}'",
        "en": "'{name}' is a link to a folder that contains it (a loop) and was not read",
    },
    "hint_remove_link": {"ko": "링크를 지우세요", "en": "remove the link"},
    "stray_file": {
        "ko": "예상하지 못한 파일이어서 읽지 않았습니다: '{name}'",
        "en": "unexpected file '{name}' was not read",
    },
    "stray_folder": {
        "ko": "예상하지 못한 폴더여서 읽지 않았습니다: '{name}'",
        "en": "unexpected folder '{name}' was not read",
    },
    "no_english": {"ko": "영문이 없습니다", "en": "no English text"},
    "hint_add_en": {"ko": "ko: 옆에 en:을 적으세요", "en": "add en: next to ko:"},
    "plan_file_misnamed": {
        "ko": "계획 파일 이름이 달라 이 계획을 읽지 않았습니다: '{name}'",
        "en": "the plan file is named '{name}', so this plan was not read",
    },
    "folder_without_plan": {
        "ko": "{file:이} 없어 이 폴더의 계획을 읽지 않았습니다: '{name}'",
        "en": "folder '{name}' has no {file}, so its plan was not read",
    },
    "hint_add_plan_file": {
        "ko": "{file:을} 추가하거나 폴더를 plans/ 밖으로 옮기세요",
        "en": "add {file}, or move the folder out of plans/",
    },
    "hint_plans_file_out": {
        "ko": "plans/에는 계획마다 폴더 하나만 둡니다. 파일을 plans/ 밖으로 옮기세요",
        "en": "plans/ holds one folder per plan; move the file out of plans/",
    },
    "hint_plans_folder_out": {
        "ko": "plans/에는 계획마다 폴더 하나만 둡니다. plans/ 밖으로 옮기세요",
        "en": "plans/ holds one folder per plan; move it out of plans/",
    },
    "hint_results_plan_folders": {
        "ko": "results/에는 계획마다 계획 id를 이름으로 한 폴더 하나를 둡니다: {ids}",
        "en": "results/ holds one folder per plan, named by the plan id: {ids}",
    },
    "hint_plan_folder_holds": {
        "ko": "계획 폴더에는 {plan:과} {projects}/만 둡니다. 다른 곳으로 옮기세요",
        "en": "a plan folder holds {plan} and {projects}/ only; move it elsewhere",
    },
    # site.yaml (generator/data/config.py).
    "absolute_url_got": {
        "ko": "https://example.org/plans/처럼 절대 웹 주소를 적어야 합니다. 적힌 값: {got}",
        "en": "expected an absolute web address such as https://example.org/plans/, got {got}",
    },
    "relative_folder_got": {
        "ko": "theme처럼 site.yaml이 있는 폴더를 기준으로 한 폴더를 적어야 합니다. 적힌 값: {got}",
        "en": "expected a folder relative to site.yaml, such as theme, got {got}",
    },
    "theme_missing": {"ko": "테마 폴더가 없습니다: '{folder}'", "en": "theme folder '{folder}' does not exist"},
    "hint_create_theme": {
        "ko": "site.yaml 옆에 폴더를 만들거나 theme_dir를 지우세요",
        "en": "create it next to site.yaml, or remove theme_dir",
    },
    # Units with a number word (generator/data/units.py).
    "unit_scale_missing": {
        "ko": "단위에 배수가 들어 있지만 scale이 없습니다: {unit} (= {implied} {base})",
        "en": "unit {unit} is {implied} {base} but states no scale",
    },
    "unit_scale_other": {
        "ko": "단위에 든 배수와 scale이 다릅니다: {unit} (= {implied} {base}, scale: {scale})",
        "en": "unit {unit} is {implied} {base} but states scale {scale}",
    },
    "hint_add_scale": {
        "ko": "다음을 적으세요: scale: {scale}. en:에는 기본 단위(1{base})를 영어로 적으세요. 그래야 영문 페이지가"
        " 수치를 풀어 쓸 수 있습니다(예: 1.4 million people)",
        "en": "add scale: {scale}, and let en: name the base unit (one {base}) in English, so English pages can say"
        " the figures in full (1.4 million people)",
    },
}

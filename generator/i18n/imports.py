"""What `plansite import` says about a workbook that came back: the file, its sheets, rows and cells.

Cell values and sheet names are data; they follow a colon or stand in parentheses, so no particle depends on them.
"""

from __future__ import annotations

IMPORTS: dict[str, dict[str, str]] = {
    # The file (generator/sheets/reading.py).
    "hint_collect_again": {
        "ko": "plansite collect가 쓴 그대로의 통합문서를 가져오거나, 통합문서를 새로 만드세요",
        "en": "import the workbook as plansite collect wrote it, or collect a new one",
    },
    "hint_the_xlsx": {
        "ko": "plansite collect가 쓴 .xlsx 파일을 가져오세요",
        "en": "import the .xlsx file plansite collect wrote",
    },
    "hint_file_name_not_open": {
        "ko": "파일 이름을 확인하고, 다른 곳에서 열려 있지 않은지 확인하세요",
        "en": "check the file name and that it is not open elsewhere",
    },
    "workbook_password": {
        "ko": "암호로 보호된 통합문서여서 읽을 수 없습니다",
        "en": "the workbook is protected with a password, so it cannot be read",
    },
    "hint_remove_password": {
        "ko": "파일을 열어 암호를 해제하고(파일 → 정보 → 통합 문서 보호) 저장한 뒤 다시 가져오세요",
        "en": "open it, remove the password (File → Info → Protect Workbook), save it and import it again",
    },
    "workbook_xls": {
        "ko": "Excel 97–2003 파일(.xls)입니다. .xlsx 파일이어야 합니다",
        "en": "this is an Excel 97–2003 file (.xls), not .xlsx",
    },
    "hint_save_xlsx": {
        "ko": "파일을 열어 Excel 통합 문서(.xlsx)로 저장하세요",
        "en": "open it and save it as Excel Workbook (.xlsx)",
    },
    "workbook_ods": {
        "ko": "OpenDocument 스프레드시트(.ods)입니다. .xlsx 파일이어야 합니다",
        "en": "this is an OpenDocument spreadsheet (.ods), not .xlsx",
    },
    "hint_save_xlsx_2007": {
        "ko": "Excel 2007-365(.xlsx) 형식으로 저장하세요",
        "en": "save it as Excel 2007-365 (.xlsx)",
    },
    "workbook_zip": {
        "ko": "ZIP 파일이지만 Excel 통합문서가 아닙니다",
        "en": "this is a ZIP file but not an Excel workbook",
    },
    "workbook_text": {
        "ko": "텍스트 파일(CSV 등)이며 Excel 통합문서가 아닙니다",
        "en": "this is a text file (such as CSV), not an Excel workbook",
    },
    "workbook_not_xlsx": {"ko": "Excel 통합문서(.xlsx)가 아닙니다", "en": "this is not an Excel workbook (.xlsx)"},
    "workbook_damaged": {
        "ko": "통합문서가 손상되어 읽을 수 없습니다 ({error})",
        "en": "this workbook is damaged and cannot be read ({error})",
    },
    "hint_send_again": {
        "ko": "부서에 파일을 다시 저장해 보내 달라고 요청하세요",
        "en": "ask the department to save and send it again",
    },
    "sheet_missing": {"ko": "시트가 없습니다: '{name}'", "en": "the sheet '{name}' is missing"},
    "workbook_not_ours": {
        "ko": "plansite collect가 쓴 통합문서가 아닙니다",
        "en": "this workbook was not written by plansite collect",
    },
    "workbook_layout": {
        "ko": "통합문서 양식의 버전이 다릅니다 (이 통합문서: {found}, 이 plansite: {format})",
        "en": "this workbook has layout {found}; this plansite reads layout {format}",
    },
    "hint_collect_with_this": {
        "ko": "이 plansite로 통합문서를 새로 만드세요",
        "en": "collect a new workbook with this plansite",
    },
    "workbook_other_plan": {
        "ko": "다른 계획이나 연도의 통합문서입니다 (이 통합문서: {plan} {year}, 가져오려는 것: {want_plan}"
        " {want_year})",
        "en": "this workbook is for {plan} {year}, not {want_plan} {want_year}",
    },
    "hint_import_as": {
        "ko": "이렇게 가져오세요: plansite import {plan} {year} …",
        "en": "import it as: plansite import {plan} {year} …",
    },
    "workbook_plan_changed": {
        "ko": "이 통합문서를 만든 뒤 계획이 바뀌었습니다 (부서: {department}; 행, 목표, 단위가 지금의 계획과 다릅니다)",
        "en": "the plan has changed since this workbook was written for {department} (its rows, targets or units"
        " are not the plan's now)",
    },
    "hint_collect_new_for": {
        "ko": "통합문서를 새로 만드세요: plansite collect {plan} {year}",
        "en": "collect a new workbook: plansite collect {plan} {year}",
    },
    "column_heading": {
        "ko": "{letter}열의 머리글이 다릅니다: '{found}' (있어야 할 머리글: '{ko}')",
        "en": "column {letter} is headed '{found}', expected '{ko}' ({en})",
    },
    "columns_kept": {
        "ko": "열의 이름을 바꾸거나, 옮기거나, 사이에 추가하거나, 지우면 안 됩니다",
        "en": "columns must not be renamed, moved, added in between or removed",
    },
    "cells_merged": {
        "ko": "병합된 셀이 있습니다: {coord}. 행마다 셀이 따로 있어야 합니다",
        "en": "cells {coord} are merged; each row needs its own cells",
    },
    "hint_unmerge": {
        "ko": "셀 병합을 해제하고(홈 → 병합하고 가운데 맞춤 → 셀 분할) 다시 가져오세요",
        "en": "unmerge them (Home → Merge & Center → Unmerge Cells) and import again",
    },
    "workbook_twice": {
        "ko": "같은 부서의 통합문서가 두 번 주어졌습니다: {department} (다른 하나: {other})",
        "en": "{department}'s workbook is given twice (also {other})",
    },
    "hint_import_one": {"ko": "그중 하나만 가져오세요", "en": "import one of them"},
    # Rows and cells (generator/sheets/values.py).
    "cell_formula_unsaved": {
        "ko": "수식의 값이 저장되지 않은 셀입니다",
        "en": "the cell holds a formula whose value was not saved",
    },
    "hint_save_values": {
        "ko": "스프레드시트 프로그램에서 파일을 열어 저장하거나, 수식 대신 값을 입력하세요",
        "en": "open the file in a spreadsheet program and save it, or type the value instead of the formula",
    },
    "cell_number_got": {"ko": "숫자를 적어야 합니다. 적힌 값: '{value}'", "en": "expected a number, got '{value}'"},
    "rows_kept": {
        "ko": "행을 추가·삭제하거나 순서를 바꾸면 안 됩니다",
        "en": "rows must not be added, deleted or reordered",
    },
    "hint_collect_new": {"ko": "통합문서를 새로 만드세요", "en": "collect a new workbook"},
    "hint_remove_them": {"ko": "추가한 행을 지우세요", "en": "remove them"},
    "row_expected": {"ko": "이 자리에는 다음 행이 있어야 합니다: {shown}", "en": "expected the row of {shown} here"},
    "rows_added": {
        "ko": "마지막 행 아래에 행 {count}개가 추가되었습니다",
        "en": "{count} row(s) added below the last one",
    },
    "rows_deleted": {"ko": "행 {count}개가 삭제되었습니다", "en": "{count} row(s) deleted"},
    "korean_text_missing": {
        "ko": "영문은 있는데 국문이 없습니다",
        "en": "the Korean text is missing, while the English one is given",
    },
    "hint_write_korean": {"ko": "국문을 적으세요", "en": "write the Korean text"},
    "not_a_status": {"ko": "평가 구분이 아닙니다: '{label}'", "en": "'{label}' is not a status"},
    "hint_choose_one_of": {"ko": "다음 중 하나를 고르세요: {choices}", "en": "choose one of {choices}"},
    # Files that are not a workbook to read at all, and cells that do not hold what they seem to (issue 25).
    "file_is_link": {
        "ko": "링크(바로 가기)여서 읽지 않았습니다",
        "en": "this is a link, so it was not read",
    },
    "hint_name_the_file_itself": {
        "ko": "통합문서 파일 자체의 경로를 적으세요",
        "en": "name the workbook file itself",
    },
    "file_not_regular": {
        "ko": "일반 파일이 아닙니다(장치, 파이프 등)",
        "en": "this is not a regular file (a device, a pipe or the like)",
    },
    "file_too_big": {
        "ko": "{limit}MiB보다 커서 부서 통합문서일 수 없습니다",
        "en": "this is larger than {limit} MiB, too large to be a department's workbook",
    },
    "workbook_unpacks_large": {
        "ko": "압축을 풀면 {limit}MiB보다 커서 부서 통합문서일 수 없습니다",
        "en": "this unpacks to more than {limit} MiB, too large to be a department's workbook",
    },
    "workbook_part_unreadable": {
        "ko": "통합문서의 일부를 읽을 수 없습니다 ({error})",
        "en": "a part of this workbook cannot be read ({error})",
    },
    "hint_remove_added_sheets": {
        "ko": "통합문서에 추가한 시트(차트 시트 등)를 지우고 저장하거나, 부서에 파일을 다시 보내 달라고 요청하세요",
        "en": "delete the sheets added to the workbook (such as a chart sheet) and save it, or ask the department"
        " to send it again",
    },
    "sheet_not_cells": {
        "ko": "시트({name})가 셀 시트가 아닙니다(차트 시트 등)",
        "en": "the sheet ({name}) is not a sheet of cells (a chart sheet or the like)",
    },
    "cell_error_value": {
        "ko": "오류 값이 든 셀입니다: {value}",
        "en": "the cell holds an error value: {value}",
    },
    "hint_error_value": {
        "ko": "수식을 고치거나 값을 직접 입력하세요. 값이 없으면 셀을 비워 두세요",
        "en": "correct the formula or type the value; leave the cell empty if there is none",
    },
    "cell_truth_value": {
        "ko": "참/거짓 값이 든 셀입니다: {value}",
        "en": "the cell holds a truth value: {value}",
    },
    "hint_no_truth_value": {
        "ko": "숫자나 글을 적으세요",
        "en": "write a figure or text",
    },
    "cell_date_value": {
        "ko": "날짜나 시간이 든 셀입니다: {value}",
        "en": "the cell holds a date or time: {value}",
    },
    "hint_date_as_text": {
        "ko": "숫자를 적거나, 날짜를 글로 적으려면 앞에 작은따옴표(')를 붙이세요",
        "en": "write a figure, or type an apostrophe (') before a date meant as text",
    },
    "cell_other_digits": {
        "ko": "다른 문자의 숫자(전각 숫자 등)가 있습니다: '{value}'",
        "en": "digits of another script (full-width or the like): '{value}'",
    },
    "hint_ascii_digits": {
        "ko": "일반 숫자(0-9)로 적으세요: {figure}",
        "en": "write it in the digits 0-9: {figure}",
    },
    "results_text_unreadable": {
        "ko": "이 사업의 실적 파일 내용을 YAML로 읽을 수 없습니다 ({error})",
        "en": "the results text for this project cannot be read as YAML ({error})",
    },
    "hint_run_new_year_first": {
        "ko": "plansite new-year로 실적 파일을 먼저 만들고 plansite validate로 확인한 뒤 다시 가져오세요",
        "en": "write the results files with plansite new-year first, check them with plansite validate, then import"
        " again",
    },
}

"""The workbooks departments fill in (`plansite collect`) and read back (`plansite import`)."""

from __future__ import annotations

WORKBOOKS: dict[str, dict[str, str]] = {
    # plansite collect / import: the workbooks departments fill in.
    "sheet_instructions": {"ko": "안내", "en": "Instructions"},
    "sheet_indicators": {"ko": "성과지표", "en": "Indicators"},
    "sheet_budget": {"ko": "예산집행", "en": "Budget execution"},
    "col_indicator_id": {"ko": "지표 번호", "en": "Indicator no."},
    "col_measure": {"ko": "측정 항목", "en": "Measure"},
    "col_project_id": {"ko": "사업 번호", "en": "Project no."},
    "col_target": {"ko": "목표", "en": "Target"},
    "col_actual": {"ko": "실적", "en": "Actual"},
    "col_status": {"ko": "평가 구분", "en": "Status"},
    "col_reason_ko": {"ko": "사유", "en": "Reason (Korean)"},
    "col_reason_en": {"ko": "사유(영문)", "en": "Reason (English)"},
    "col_narrative_ko": {"ko": "추진 실적", "en": "What was done (Korean)"},
    "col_narrative_en": {"ko": "추진 실적(영문)", "en": "What was done (English)"},
    "col_planned_budget": {"ko": "계획 예산", "en": "Budget in the plan"},
    "col_budget": {"ko": "예산현액", "en": "Budget available"},
    "col_committed": {"ko": "원인행위", "en": "Committed"},
    "col_spent": {"ko": "지출", "en": "Spent"},
    "sheet_title": {"ko": "{year}년 이행사항 점검 실적 제출", "en": "{year} implementation check: results to submit"},
    "sheet_department": {"ko": "제출 부서", "en": "Department"},
    "sheet_plan": {"ko": "계획", "en": "Plan"},
    "sheet_deadline": {"ko": "제출 기한", "en": "Deadline"},
    "sheet_file": {"ko": "파일", "en": "File"},
    "sheet_rows": {"ko": "{indicator} 수", "en": "Rows"},
    "sheet_no_department": {"ko": "부서 미지정", "en": "No department"},
    "sheet_number_hint": {
        "ko": "숫자만 적으세요(단위나 약, 이상 같은 말 없이)",
        "en": "write the number alone, without unit or words such as 약 (about) or 이상 (over)",
    },
    "sheet_percent_not_rate": {
        "ko": "칸이 백분율 {shown:으로} 표시되지만(저장된 값 {value}) 단위가 {unit}입니다",
        "en": "the cell shows a percentage, {shown} (it holds {value}), but the unit is {unit}",
    },
    "sheet_percent_hint": {
        "ko": "셀 서식을 백분율에서 일반으로 바꾸고 {unit} 단위의 숫자를 적으세요. 백분율은 단위가 %인 지표만 받습니다",
        "en": "set the cell's format from percentage to general and type the figure in {unit}; only an indicator "
        "whose unit is % takes a percentage",
    },
    "sheet_how": {
        "ko": "노란 칸만 입력하세요. 회색 칸은 계획에서 온 값이라 바꿀 수 없습니다. "
        "행을 추가·삭제하거나 순서를 바꾸지 마세요.",
        "en": "Fill in the yellow cells only. Grey cells come from the plan and cannot be changed. "
        "Do not add, delete or reorder rows.",
    },
    "sheet_how_actual": {
        "ko": '실적: 숫자만 적습니다(단위·쉼표·"약" 없이). 정성 목표는 글로 적습니다. '
        "측정 항목이 여럿이면 행마다 적습니다.",
        "en": 'Actual: the number alone (no unit, separators or "about"); text for a qualitative target; '
        "one row per measure where there are several.",
    },
    "sheet_how_status": {
        "ko": "평가 구분: 평가(기본), 평가 제외(사업 미추진 등, 사유 필수), 평가 안함(그해 목표 없음 등).",
        "en": "Status: 평가 (evaluated, the default), 평가 제외 (excluded, e.g. not operated; give the reason), "
        "평가 안함 (not evaluated, e.g. no target that year).",
    },
    "sheet_how_budget": {
        "ko": "예산집행: 예산현액, 원인행위, 지출을 계획의 예산 단위({unit})로 적습니다.",
        "en": "Budget execution: budget available, committed and spent, in the plan's budget unit ({unit}).",
    },
    "sheet_how_return": {
        "ko": "작성한 파일을 그대로(파일 이름과 형식을 바꾸지 말고) 계획 담당 부서에 보내 주세요.",
        "en": "Send the file back to the plan office as it is (same name, same format).",
    },
    # Refusals of `plansite collect` before anything is written (generator/sheets/collecting.py).
    "collect_out_in_data": {
        "ko": "{where}: 통합문서는 데이터 폴더({folder}) 안에 쓰지 않습니다. 아무것도 쓰지 않았습니다. --out으로"
        " 데이터 밖의 폴더를 고르세요",
        "en": "{where}: workbooks are not written inside a data folder ({folder}); nothing was written. Choose a"
        " folder outside the data with --out",
    },
    "collect_name_hidden": {
        "ko": "부서 이름({department})으로는 보이는 파일 이름을 만들 수 없습니다({name}). 아무것도 쓰지 않았습니다."
        " 계획에서 부서 이름을 글자로 적으세요",
        "en": "the department name ({department}) gives no visible file name ({name}); nothing was written. Give"
        " the department a name of letters in the plan",
    },
    "collect_name_long": {
        "ko": "부서 이름({department}…)이 파일 이름으로 쓰기에 너무 깁니다(UTF-8로 {limit}바이트 이하). 아무것도"
        " 쓰지 않았습니다. 계획에서 부서 이름을 줄이세요",
        "en": "the department name ({department}…) is too long for a file name (at most {limit} bytes of UTF-8);"
        " nothing was written. Shorten it in the plan",
    },
    "collect_name_reserved": {
        "ko": "부서 이름({department})의 파일 이름({name})은 Windows에서 장치 이름이어서 열 수 없습니다. 아무것도"
        " 쓰지 않았습니다. 계획에서 부서 이름을 바꾸세요",
        "en": "the department name ({department}) gives the file name {name}, a device name on Windows that"
        " cannot be opened; nothing was written. Rename the department in the plan",
    },
    "collect_name_shared": {
        "ko": "부서 {department:과} {other}의 통합문서 파일 이름이 같습니다({name}; 파일 이름에 쓸 수 없는 글자와"
        " 대소문자는 구별되지 않습니다). 아무것도 쓰지 않았습니다. 계획에서 한쪽 부서 이름을 바꾸세요",
        "en": "departments {department} and {other} would share one workbook ({name}: characters a file name"
        " cannot hold, and case, do not tell them apart); nothing was written. Rename one of them in the plan",
    },
    "collect_text_too_long": {
        "ko": "글({start}…)이 셀 하나에 들어가는 {limit}자보다 깁니다. 아무것도 쓰지 않았습니다."
        " 데이터에서 글을 줄이세요",
        "en": "a text ({start}…) is longer than the {limit} characters a cell holds; nothing was written. Shorten it"
        " in the data",
    },
}

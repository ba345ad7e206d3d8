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
        "ko": "칸이 백분율 {shown}로 표시되지만(저장된 값 {value}) 단위가 {unit}입니다",
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
}

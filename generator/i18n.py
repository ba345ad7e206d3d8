"""The site's own words in Korean and English. Data text comes from the YAML; these are the labels around it."""

from __future__ import annotations

LANGUAGES = ("ko", "en")

UI: dict[str, dict[str, str]] = {
    # The site's name when a data repository has no site.yaml (site.yaml names it otherwise).
    "default_site_name": {"ko": "계획 이행 공개", "en": "Plan implementation reports"},
    "published_by": {"ko": "발행", "en": "Published by"},
    "skip_to_content": {"ko": "본문 바로가기", "en": "Skip to main content"},
    "nav_label": {"ko": "주 메뉴", "en": "Main menu"},
    "breadcrumb_label": {"ko": "현재 위치", "en": "You are here"},
    "home": {"ko": "처음", "en": "Home"},
    "plans": {"ko": "계획", "en": "Plans"},
    "departments": {"ko": "부서별 보기", "en": "Departments"},
    "methodology": {"ko": "평가 방법", "en": "Methodology"},
    "search": {"ko": "검색", "en": "Search"},
    "search_label": {"ko": "검색어", "en": "Search for"},
    "search_results": {"ko": "검색 결과", "en": "Search results"},
    "search_no_script": {
        "ko": "검색은 자바스크립트가 켜진 브라우저에서 작동합니다."
        " 모든 페이지는 처음 화면의 계획과 부서별 보기에서 찾아갈 수 있습니다.",
        "en": "Search needs JavaScript in your browser. Every page can also be reached from the plans on the home page"
        " and from the list of departments.",
    },
    "search_hint": {
        "ko": "단위사업, 성과지표, 부서의 이름이나 그 앞부분을 입력하십시오.",
        "en": "Type a word, or its beginning, from the name of a project, an indicator or a department.",
    },
    "search_loading": {"ko": "찾는 중입니다…", "en": "Searching…"},
    "search_none": {"ko": "‘{query}’에 대한 검색 결과가 없습니다.", "en": "No results for “{query}”."},
    "search_one": {"ko": "‘{query}’ 검색 결과 1건", "en": "1 result for “{query}”"},
    "search_many": {"ko": "‘{query}’ 검색 결과 {count}건", "en": "{count} results for “{query}”"},
    "search_file": {
        "ko": "파일로 연 사이트에서는 브라우저가 검색 색인을 읽지 못해 검색할 수 없습니다. 게시된 사이트나"
        " plansite serve로 연 미리보기에서 검색하십시오.",
        "en": "Search does not work on a site opened as a file: the browser will not load the search index from"
        " there. Search the published site, or the preview that plansite serve opens.",
    },
    "search_failed": {
        "ko": "검색 색인을 불러오지 못했습니다. 잠시 후 다시 시도하거나 처음 화면에서 찾아 주십시오.",
        "en": "The search index could not be loaded. Please try again later, or start from the home page.",
    },
    "language_switch": {"ko": "English", "en": "한국어"},
    "language_switch_label": {"ko": "이 페이지의 영어판", "en": "This page in Korean"},
    "period": {"ko": "계획 기간", "en": "Period"},
    "vision": {"ko": "비전", "en": "Vision"},
    "structure": {"ko": "계획 체계", "en": "Structure"},
    "counts": {"ko": "규모", "en": "Size"},
    "latest_check": {"ko": "최근 이행 점검", "en": "Latest implementation check"},
    "no_results_yet": {
        "ko": "아직 이행 점검 결과가 없습니다.",
        "en": "No implementation check has been published yet.",
    },
    "no_results_for_year": {
        "ko": "{year}년 이행 점검 결과는 아직 공개되지 않았습니다.",
        "en": "The {year} implementation check has not been published yet.",
    },
    "view_report": {"ko": "{year}년 점검 결과 보기", "en": "View the {year} check"},
    "annual_reports": {"ko": "연도별 이행 점검", "en": "Annual implementation checks"},
    "report_title": {"ko": "{year}년 이행사항 점검 결과", "en": "{year} implementation check"},
    "budget_total": {"ko": "예산 합계", "en": "Total budget"},
    "budget": {"ko": "예산", "en": "Budget"},
    "budget_by_year": {"ko": "연도별 예산", "en": "Budget by year"},
    "non_budget": {"ko": "비예산", "en": "Non-budget"},
    "no_budget_stated": {"ko": "계획에 예산이 제시되지 않았습니다.", "en": "The plan states no budget."},
    "total": {"ko": "계", "en": "Total"},
    "stated_total": {"ko": "계획상 합계", "en": "Total stated in the plan"},
    "year": {"ko": "연도", "en": "Year"},
    "target": {"ko": "목표", "en": "Target"},
    "actual": {"ko": "실적", "en": "Actual"},
    "rate": {"ko": "달성도", "en": "Rate"},
    "grade": {"ko": "등급", "en": "Grade"},
    "count_of": {"ko": "{name} 수", "en": "Number of {plural}"},
    "share": {"ko": "비율", "en": "Share"},
    "unit": {"ko": "단위", "en": "Unit"},
    "scaled_unit": {"ko": "{unit}", "en": "{unit} (the source counts in {source}, {scale} {unit} each)"},
    "department": {"ko": "소관부서", "en": "Department"},
    "purpose": {"ko": "사업 목적", "en": "Purpose"},
    "legal_basis": {"ko": "추진근거", "en": "Legal basis"},
    "content": {"ko": "사업 내용", "en": "What the project does"},
    "origin": {"ko": "사업 구분", "en": "Origin"},
    "origin_continued": {"ko": "계속 사업", "en": "Continued from the previous plan"},
    "origin_new": {"ko": "신규 사업", "en": "New project"},
    "contacts": {"ko": "문의", "en": "Contact"},
    "indicators": {"ko": "성과지표", "en": "Indicators"},
    "no_indicators": {
        "ko": "계획에 이 사업의 성과지표와 연도별 목표가 정해져 있지 않습니다.",
        "en": "The plan sets no indicator or yearly target for this project.",
    },
    "kind_flow": {"ko": "연간 실적(해마다 새로 셈)", "en": "Yearly count"},
    "kind_stock": {"ko": "누적 수준(연말 기준)", "en": "Cumulative level (at year end)"},
    "qualitative": {"ko": "정성 목표", "en": "Qualitative target"},
    "direction_higher": {"ko": "높을수록 좋음", "en": "Higher is better"},
    "direction_lower": {"ko": "낮을수록 좋음", "en": "Lower is better"},
    "primary_measure": {"ko": "주 측정값", "en": "primary measure"},
    "results_by_year": {"ko": "연도별 점검 결과", "en": "Results by year"},
    "narrative": {"ko": "설명", "en": "Notes"},
    "reason": {"ko": "사유", "en": "Reason"},
    "status_evaluated": {"ko": "평가", "en": "Evaluated"},
    "excluded": {"ko": "평가 제외", "en": "Excluded"},
    "not_evaluated": {"ko": "평가 안함", "en": "Not evaluated"},
    "pending": {"ko": "미확정", "en": "Pending"},
    "no_result": {"ko": "결과 없음", "en": "No result"},
    "basis_published": {"ko": "공표 등급", "en": "published grade"},
    "basis_assessed": {"ko": "정성 평가", "en": "assessed"},
    "basis_computed": {"ko": "산출", "en": "computed"},
    "discrepancies": {"ko": "원문 자료의 불일치", "en": "Discrepancies in the sources"},
    "discrepancies_intro": {
        "ko": "원문 자료끼리 서로 다른 곳입니다. 수치는 상세 표를 따랐고, 바로잡지 않고 그대로 기록했습니다.",
        "en": "Places where the source documents contradict each other. Figures follow the detail tables; "
        "nothing was corrected silently.",
    },
    "sources": {"ko": "출처", "en": "Sources"},
    "open_data": {"ko": "공공데이터 내려받기", "en": "Download the data"},
    "data_plan_csv": {"ko": "계획 목표 (CSV)", "en": "Plan targets (CSV)"},
    "data_plan_json": {"ko": "계획 전체 (JSON)", "en": "Whole plan (JSON)"},
    "data_results_csv": {"ko": "{year}년 점검 결과 (CSV)", "en": "{year} check results (CSV)"},
    "data_results_json": {"ko": "{year}년 점검 결과 (JSON)", "en": "{year} check results (JSON)"},
    "basis_and_method": {"ko": "추진근거 및 점검 방법", "en": "Basis and method"},
    "distribution": {"ko": "등급별 분포", "en": "Grade distribution"},
    "distribution_caption": {
        "ko": "{year}년 등급별 {indicator} 수와 비율",
        "en": "{year}: number and share of {indicator_plural} by grade",
    },
    "distribution_matches": {
        "ko": "산출한 분포는 공표된 분포와 일치합니다.",
        "en": "The computed distribution matches the published one.",
    },
    "distribution_differs": {
        "ko": "산출한 분포가 공표된 분포와 다릅니다.",
        "en": "The computed distribution differs from the published one.",
    },
    "published": {"ko": "공표", "en": "Published"},
    "computed": {"ko": "산출", "en": "Computed"},
    "detailed_table": {"ko": "세부 점검 결과", "en": "Detailed results"},
    "detailed_caption": {
        "ko": "{year}년 {indicator}별 목표, 실적, 달성도, 등급",
        "en": "{year}: target, actual, achievement and grade of each {indicator}",
    },
    "excluded_items": {"ko": "평가 제외 및 평가 안함", "en": "Excluded and not evaluated"},
    "excluded_caption": {
        "ko": "{year}년 평가 제외·평가 안함 {indicator}와 사유",
        "en": "{year}: {indicator_plural} excluded or not evaluated, with reasons",
    },
    "audit_findings": {"ko": "검증 결과", "en": "Audit findings"},
    "audit_intro": {
        "ko": "공표되거나 정성 평가된 달성도·등급이 표의 수치로 산출한 값과 다른 경우입니다.",
        "en": "Where a published or assessed rate or grade differs from what the figures in the table give.",
    },
    "no_findings": {"ko": "검증 결과 다른 점이 없습니다.", "en": "No differences were found."},
    "by_strategy": {"ko": "{strategy}별 분포", "en": "Distribution by {strategy}"},
    "distribution_by_year": {
        "ko": "연도별 등급 분포({first}~{last}년, {indicator} 수와 비율)",
        "en": "Grade distribution by year, {first}–{last} (number and share)",
    },
    "amendments": {"ko": "공개 후 수정 내역", "en": "Amendments since publication"},
    "amendments_intro": {
        "ko": "처음 공개된 뒤 이 자료의 수치가 바뀐 내역입니다."
        " 날짜와 저장소의 변경 번호, 바뀐 항목의 이전 값과 새 값을 보입니다.",
        "en": "Changes made to these figures after they were first published: the date, the change's id in the"
        " data repository, and each value before and after.",
    },
    "no_amendments": {
        "ko": "처음 공개된 뒤 수정된 수치가 없습니다.",
        "en": "No figure has been amended since it was first published.",
    },
    "amendments_link": {"ko": "공개 후 수정 내역 ({count}건)", "en": "Amendments since publication ({count})"},
    "amendment_change": {"ko": "변경 {commit}", "en": "change {commit}"},
    "before": {"ko": "이전", "en": "Before"},
    "after": {"ko": "이후", "en": "After"},
    "item": {"ko": "항목", "en": "Item"},
    "overview": {"ko": "한눈에 보기", "en": "At a glance"},
    "budget_by_strategy": {"ko": "{strategy}별·연도별 예산({unit})", "en": "Budget by {strategy} and year ({unit})"},
    "budget_chart_summary": {
        "ko": "연도별 예산 합계({unit}) — {years}. {strategy}별 금액은 아래 표에 있습니다.",
        "en": "Total budget by year ({unit}): {years}. The amounts by {strategy} are in the table below.",
    },
    "table_below": {"ko": "아래 표", "en": "the table below"},
    "size_by_strategy": {"ko": "{strategy}별 규모", "en": "Size of each {strategy}"},
    "progress_heading": {"ko": "연도별 추이", "en": "Progress across the years"},
    "changes_since": {"ko": "직전 점검({year}년) 대비 변화", "en": "Changes since the previous check ({year})"},
    "changes_intro": {
        "ko": "직전 점검과 비교해 등급이 오르거나 내린 지표, 새로 평가에서 빠지거나 다시 평가된 지표입니다."
        " 두 해의 목표, 실적, 달성도와 등급을 함께 보입니다.",
        "en": "Indicators whose grade went up or down since the previous check, and those newly left out of the"
        " evaluation or evaluated again, with both years' targets, actuals, rates and grades.",
    },
    "movement_up": {"ko": "등급 상승", "en": "Grade went up"},
    "movement_down": {"ko": "등급 하락", "en": "Grade went down"},
    "movement_left_out": {"ko": "새로 평가 제외·평가 안함", "en": "Newly excluded or not evaluated"},
    "movement_back": {"ko": "다시 평가", "en": "Evaluated again"},
    "no_changes": {
        "ko": "{year}년 점검과 비교해 등급이 바뀌거나 평가에서 빠진 지표가 없습니다.",
        "en": "No indicator changed its grade or left the evaluation since the {year} check.",
    },
    "budget_execution": {"ko": "예산 집행", "en": "Budget execution"},
    "budget_execution_caption": {
        "ko": "{year}년 {project}별 예산 집행 ({unit})",
        "en": "{year}: budget execution by {project} ({unit})",
    },
    "budget_execution_year": {"ko": "{year}년 예산 집행 ({unit})", "en": "Budget execution {year} ({unit})"},
    "budget_execution_by_department": {
        "ko": "{year}년 소관부서별 예산 집행 ({unit})",
        "en": "{year}: budget execution by department ({unit})",
    },
    "budget_execution_department": {
        "ko": "{year}년 {plan} 예산 집행 ({unit})",
        "en": "{plan}: budget execution {year} ({unit})",
    },
    "department_names_translated": {
        "ko": "영문 부서명은 원문에 없는 번역입니다.",
        "en": "The English names of the departments are our translations; the sources give them in Korean only.",
    },
    "committed_rate": {"ko": "원인행위율", "en": "Commitment rate"},
    "budget_current": {"ko": "예산현액", "en": "Budget"},
    "committed": {"ko": "원인행위", "en": "Committed"},
    "spent": {"ko": "지출", "en": "Spent"},
    "execution_rate": {"ko": "집행률", "en": "Execution rate"},
    "print_report": {"ko": "보고서 인쇄", "en": "Print this report"},
    "chart_data": {"ko": "차트 자료", "en": "Chart data"},
    "target_vs_actual": {"ko": "연도별 목표와 실적", "en": "Target and actual by year"},
    "target_vs_actual_caption": {
        "ko": "{name}: 연도별 목표와 실적 ({unit})",
        "en": "{name}: target and actual by year ({unit})",
    },
    "department_caption": {
        "ko": "{department} 소관 {project}와 최근 점검 등급",
        "en": "{project_plural} of {department} and their latest grades",
    },
    "departments_caption": {
        "ko": "부서별 {project} 수",
        "en": "Number of {project_plural} by department",
    },
    "latest_grades": {"ko": "최근 등급", "en": "Latest grades"},
    "plan": {"ko": "계획", "en": "Plan"},
    "not_found_title": {"ko": "페이지를 찾을 수 없습니다", "en": "Page not found"},
    "not_found_text": {
        "ko": "요청하신 페이지가 없거나 옮겨졌습니다. 처음 화면에서 다시 찾아 주십시오.",
        "en": "The page you asked for does not exist or has moved. Please start again from the home page.",
    },
    "built_from": {"ko": "자료 기준일", "en": "Data as of"},
    "footer_note": {
        "ko": "이 사이트는 공개된 계획 문서와 점검 보고서를 바탕으로 만들었습니다.",
        "en": "This site is built from the published plan documents and check reports.",
    },
    "scale": {"ko": "등급 기준", "en": "Grade scale"},
    "scale_caption": {"ko": "달성도(반올림한 정수 %)에 따른 등급", "en": "Grades by achievement rate (whole percent)"},
    "range": {"ko": "달성도 범위", "en": "Achievement range"},
    "label": {"ko": "번호", "en": "No."},
    # Why a rate cannot be computed (grading.RateStatus values).
    "rate_status_ok": {"ko": "", "en": ""},
    "rate_status_no_target": {"ko": "목표 없음", "en": "no target"},
    "rate_status_zero_target": {"ko": "목표 0", "en": "target of 0"},
    "rate_status_no_actual": {"ko": "실적 없음", "en": "no actual"},
    "rate_status_zero_actual": {"ko": "실적 0", "en": "actual of 0"},
    "rate_status_qualitative": {"ko": "정성 목표", "en": "qualitative target"},
    "project_generic": {"ko": "사업", "en": "Project"},
    # Grade ranges on the methodology page (describe.grade_ranges).
    "rate_at_least": {"ko": "{rate}% 이상", "en": "{rate}% and above"},
    "rate_below": {"ko": "{rate}% 미만", "en": "below {rate}%"},
    # Audit findings (describe.finding_sentence), on the report page and in `plansite report`.
    "finding_basis_published": {"ko": "공표", "en": "published"},
    "finding_basis_assessed": {"ko": "정성 평가", "en": "assessed"},
    "finding_rate_differs": {
        "ko": "{basis} 달성도 {stated}는 수치로 산출한 {computed}와 다릅니다.",
        "en": "The {basis} rate {stated} differs from the {computed} the figures give.",
    },
    "finding_grade_differs": {
        "ko": "{basis} 등급 {stated}는 산출 달성도 {rate}의 등급 {computed}와 다릅니다.",
        "en": "The {basis} grade {stated} differs from {computed}, the grade of the computed rate {rate}.",
    },
    "finding_unverifiable": {
        "ko": "{basis} 등급 {stated}는 수치로 다시 산출할 수 없습니다({reason}).",
        "en": "The {basis} grade {stated} cannot be recomputed from the figures ({reason}).",
    },
    "finding_assessed": {
        "ko": "정성 평가로 {stated}가 주어졌습니다(산출값 {computed}).",
        "en": "Assessed as {stated} by judgement (computed: {computed}).",
    },
    # The title `plansite new-year` gives a new check (check.yaml), for the office to edit.
    "new_check_title": {"ko": "{year}년 {plan} 이행사항 점검", "en": "{year} implementation check of the {plan}"},
    # The terminal report (`plansite report`).
    "published_vs_computed": {
        "ko": "{category}: 공표 {published}, 산출 {computed}",
        "en": "{category}: published {published}, computed {computed}",
    },
    "no_result_filed": {
        "ko": "결과가 제출되지 않은 지표 {count}개: {ids}",
        "en": "No result filed for {count} indicator(s): {ids}",
    },
    # The page `plansite serve` shows while the data has problems (the preview, never the published site).
    "preview_problems_title": {
        "ko": "데이터에 문제가 있어 미리보기를 다시 만들지 못했습니다",
        "en": "The preview could not be rebuilt: the data has problems",
    },
    "preview_problems_hint": {
        "ko": "아래 위치의 파일을 고쳐 저장하면 이 화면이 저절로 바뀝니다.",
        "en": "Fix the files at the places below and save: this page updates by itself.",
    },
    "open_data_note": {
        "ko": "각 파일과 열의 설명은 아래에 영어로 제공합니다.",
        "en": "Every file and column is described below.",
    },
    # plansite diff: what a change to the data does, for the reviewer of a pull request.
    "diff_title": {"ko": "데이터 변경 검토", "en": "What this change does to the data"},
    "diff_no_change": {
        "ko": "데이터에 변경이 없습니다(공백이나 주석처럼 수치에 영향이 없는 변경만 있습니다).",
        "en": "No change in the data (only changes that affect no figure, such as whitespace or comments).",
    },
    "diff_summary": {"ko": "요약", "en": "Summary"},
    "diff_count_plans": {"ko": "계획", "en": "plans"},
    "diff_count_projects": {"ko": "단위사업", "en": "unit projects"},
    "diff_count_indicators": {"ko": "성과지표", "en": "indicators"},
    "diff_count_targets": {"ko": "목표값", "en": "targets"},
    "diff_count_results": {"ko": "점검 결과", "en": "results"},
    "diff_count_regraded": {"ko": "등급 변경", "en": "grades changed"},
    "diff_count_introduced": {"ko": "새 검증 문제", "en": "problems introduced"},
    "diff_count_fixed": {"ko": "해결된 검증 문제", "en": "problems fixed"},
    "diff_regraded": {"ko": "등급이 바뀐 성과지표", "en": "Indicators whose grade changed"},
    "diff_item": {"ko": "항목", "en": "Item"},
    "diff_before": {"ko": "변경 전", "en": "Before"},
    "diff_after": {"ko": "변경 후", "en": "After"},
    "diff_added": {"ko": "추가", "en": "added"},
    "diff_removed": {"ko": "삭제", "en": "removed"},
    "diff_changed": {"ko": "변경", "en": "changed"},
    "diff_moved": {"ko": "이동: {old} → {new}", "en": "moved: {old} → {new}"},
    "diff_distribution": {"ko": "{year}년 등급 분포", "en": "{year} grade distribution"},
    "diff_distribution_computed": {
        "ko": "{year}년 등급 분포(실적·목표로 산출한 등급)",
        "en": "{year} grade distribution by the figures (computed grades)",
    },
    "diff_counted": {"ko": "집계 등급 {grade}", "en": "counted as {grade}"},
    "diff_field_final": {"ko": "{year}년 집계 등급(공표·평정)", "en": "{year} grade counted (published or assessed)"},
    "diff_discrepancies": {"ko": "원문 불일치 기록", "en": "Recorded discrepancies"},
    "diff_years_added": {"ko": "점검 결과가 추가된 연도", "en": "Results years added"},
    "diff_years_removed": {"ko": "점검 결과가 삭제된 연도", "en": "Results years removed"},
    "diff_introduced": {"ko": "이 변경으로 생긴 검증 문제", "en": "Validation problems this change introduces"},
    "diff_fixed": {"ko": "이 변경으로 해결된 검증 문제", "en": "Validation problems this change fixes"},
    "diff_head_errors": {
        "ko": "변경 후 데이터에 오류 {count}건이 있습니다. plansite validate로 확인하고 고치세요.",
        "en": "The changed data has {count} error(s); run plansite validate to see and fix them.",
    },
    "diff_plan": {"ko": "계획 전체", "en": "The plan as a whole"},
    "diff_field_title": {"ko": "명칭", "en": "Title"},
    "diff_field_short_title": {"ko": "약칭", "en": "Short title"},
    "diff_field_period": {"ko": "계획 기간", "en": "Period"},
    "diff_field_target_years": {"ko": "목표 연도", "en": "Target years"},
    "diff_field_budget_unit": {"ko": "예산 단위", "en": "Budget unit"},
    "diff_field_levels": {"ko": "계획 체계 명칭", "en": "Level names"},
    "diff_field_grade_scale": {"ko": "등급 기준", "en": "Grade scale"},
    "diff_field_strategy": {"ko": "전략 {subject}", "en": "Strategy {subject}"},
    "diff_field_task": {"ko": "과제 {subject}", "en": "Task {subject}"},
    "diff_field_departments": {"ko": "소관부서", "en": "Departments"},
    "diff_field_origin": {"ko": "사업 구분", "en": "Origin"},
    "diff_field_purpose": {"ko": "사업 목적", "en": "Purpose"},
    "diff_field_legal_basis": {"ko": "추진근거", "en": "Legal basis"},
    "diff_field_content": {"ko": "사업 내용", "en": "What the project does"},
    "diff_field_contacts": {"ko": "문의", "en": "Contacts"},
    "diff_field_budget_kind": {"ko": "예산 구분", "en": "Budget kind"},
    "diff_field_budget": {"ko": "{year}년 예산", "en": "{year} budget"},
    "diff_field_budget_total": {"ko": "예산 합계", "en": "Total budget"},
    "diff_field_name": {"ko": "지표명", "en": "Name"},
    "diff_field_unit": {"ko": "단위", "en": "Unit"},
    "diff_field_measures": {"ko": "측정 항목", "en": "Measures"},
    "diff_field_kind": {"ko": "지표 유형", "en": "Kind"},
    "diff_field_direction": {"ko": "방향", "en": "Direction"},
    "diff_field_qualitative": {"ko": "정성 지표", "en": "Qualitative"},
    "diff_field_target": {"ko": "{year}년 목표", "en": "{year} target"},
    "diff_field_total": {"ko": "목표 합계", "en": "Stated total"},
    "diff_field_status": {"ko": "{year}년 평가 구분", "en": "{year} status"},
    "diff_field_actual": {"ko": "{year}년 실적", "en": "{year} actual"},
    "diff_field_reason": {"ko": "{year}년 사유", "en": "{year} reason"},
    "diff_field_narrative": {"ko": "{year}년 추진 실적", "en": "{year} narrative"},
    "diff_field_published": {"ko": "{year}년 공표 달성도·등급", "en": "{year} published rate and grade"},
    "diff_field_assessed": {"ko": "{year}년 정성 평가", "en": "{year} qualitative assessment"},
    "diff_field_committed": {"ko": "{year}년 원인행위", "en": "{year} committed"},
    "diff_field_spent": {"ko": "{year}년 지출", "en": "{year} spent"},
    "diff_field_spent_rate": {"ko": "{year}년 집행률", "en": "{year} execution rate"},
    "diff_field_rate": {"ko": "{year}년 달성도", "en": "{year} rate"},
    "diff_field_grade": {"ko": "{year}년 등급", "en": "{year} grade"},
    "diff_field_execution_budget": {"ko": "{year}년 예산현액", "en": "{year} budget available"},
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


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, with `{placeholders}` filled in."""
    text = UI[key][lang]
    return text.format(**values) if values else text


def in_sentence(name: str, lang: str) -> str:
    """A level name inside an English sentence: "Sub-task" → "sub-task"."""
    return name[0].lower() + name[1:] if lang == "en" and name else name


def plural(name: str, lang: str) -> str:
    """A plan's level name counted in English: "Unit project" → "unit projects"; Korean has no plural."""
    if lang != "en":
        return name
    lower = in_sentence(name, lang)
    return lower if lower.endswith("s") else lower + "s"


def other_language(lang: str) -> str:
    return "en" if lang == "ko" else "ko"

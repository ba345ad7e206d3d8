"""The terminal's words around the data: usage errors, what a command wrote, and its summary lines."""

from __future__ import annotations

USAGE: dict[str, dict[str, str]] = {
    "none": {"ko": "없음", "en": "none"},
    "wrote": {"ko": "작성: {path}", "en": "wrote {path}"},
    "kept_exists": {"ko": "유지: {path} (이미 있음)", "en": "kept {path} (exists)"},
    "errors_then": {"ko": "plansite: 오류 {count}건; {then}", "en": "plansite: {count} error(s); {then}"},
    "then_validate": {
        "ko": "자세한 내용은 plansite validate를 실행하세요",
        "en": "run plansite validate for details",
    },
    "then_import_again": {
        "ko": "아무것도 쓰지 않았습니다 — 위에 적힌 곳을 고친 뒤 다시 가져오세요",
        "en": "nothing was written — correct what is named above and import again",
    },
    "elsewhere_in_plans": {"ko": "같은 계획의 다른 곳:", "en": "elsewhere in the same plans:"},
    "usage_no_such_path": {"ko": "{path}: 그런 파일이나 폴더가 없습니다", "en": "{path}: no such file or folder"},
    "usage_no_config": {"ko": "{path}: 그런 설정 파일이 없습니다", "en": "{path}: no such configuration file"},
    "usage_no_such_folder": {
        "ko": "{path}: 그런 폴더가 없습니다 — 데이터 저장소의 최상위 폴더에서 plansite를 실행하거나, --plans나"
        " --config로 계획이 있는 곳을 알려 주거나, plansite init DIR로 새 저장소를 시작하세요",
        "en": "{path}: no such folder — run plansite from your data repository's root, point to the plans with"
        " --plans or --config, or start a new repository with plansite init DIR",
    },
    "usage_got_a_file": {
        "ko": "{path}: 계획 폴더나 계획들을 담은 폴더를 주어야 하는데 파일입니다",
        "en": "{path}: expected a folder of plans or a plan folder, got a file",
    },
    "usage_no_plan_file": {
        "ko": "{path}: 이 폴더에도 바로 아래 폴더들에도 {file}이 없습니다",
        "en": "{path}: no {file} here or in the folders directly below",
    },
    "usage_folder_or_files": {
        "ko": "계획 폴더 하나(또는 --plans)나 검사할 파일들 중 하나만 주세요. 둘을 함께 줄 수 없습니다",
        "en": "give one folder of plans (or --plans), or files to check, not both",
    },
    "usage_no_plan": {
        "ko": "{folder} 안에 '{plan}' 계획이 없습니다 (있는 계획: {known})",
        "en": "no plan '{plan}' in {folder} (plans: {known})",
    },
    "usage_no_results_year": {
        "ko": "{plan}: {year}년 결과가 없습니다 (결과가 있는 연도: {recorded})",
        "en": "{plan} has no results for {year} (years with results: {recorded})",
    },
    "usage_year_outside_period": {
        "ko": "{year}년은 {plan}의 계획 기간({first}–{last}) 밖입니다",
        "en": "{year} is outside the period of {plan} ({first}–{last})",
    },
    "new_year_summary": {
        "ko": "파일 {written}개 작성, {kept}개 유지",
        "en": "{written} file(s) written, {kept} kept",
    },
    # plansite validate's summary line.
    "validate_summary": {
        "ko": "{counted}; {coverage}; {found} ({seconds}초)",
        "en": "{counted}; {coverage}; {found} ({seconds} s)",
    },
    "en_coverage": {"ko": "영문 작성률 {percent}%", "en": "en coverage {percent}%"},
    "en_missing": {"ko": ": 영문 없는 {fields}", "en": ": {fields} missing"},
    "count_plan_one": {"ko": "계획 {count}개", "en": "{count} plan"},
    "count_plan_many": {"ko": "계획 {count}개", "en": "{count} plans"},
    "count_strategy_one": {"ko": "전략 {count}개", "en": "{count} strategy"},
    "count_strategy_many": {"ko": "전략 {count}개", "en": "{count} strategies"},
    "count_task_one": {"ko": "과제 {count}개", "en": "{count} task"},
    "count_task_many": {"ko": "과제 {count}개", "en": "{count} tasks"},
    "count_project_one": {"ko": "단위사업 {count}개", "en": "{count} project"},
    "count_project_many": {"ko": "단위사업 {count}개", "en": "{count} projects"},
    "count_indicator_one": {"ko": "성과지표 {count}개", "en": "{count} indicator"},
    "count_indicator_many": {"ko": "성과지표 {count}개", "en": "{count} indicators"},
    "count_field_one": {"ko": "항목 {count}개", "en": "{count} field"},
    "count_field_many": {"ko": "항목 {count}개", "en": "{count} fields"},
    "count_error_one": {"ko": "오류 {count}건", "en": "{count} error"},
    "count_error_many": {"ko": "오류 {count}건", "en": "{count} errors"},
    "count_warning_one": {"ko": "경고 {count}건", "en": "{count} warning"},
    "count_warning_many": {"ko": "경고 {count}건", "en": "{count} warnings"},
    "count_notice_one": {"ko": "알림 {count}건", "en": "{count} notice"},
    "count_notice_many": {"ko": "알림 {count}건", "en": "{count} notices"},
    # plansite build and serve.
    "built_summary": {
        "ko": "페이지 {pages}개, 차트 {charts}개{drawn}, 파일 {files}개를 {output}에 만들었습니다 ({seconds}초)",
        "en": "built {pages} pages, {charts} charts{drawn}, {files} files into {output} in {seconds} s",
    },
    "charts_drawn": {"ko": "(새로 그림 {drawn}개)", "en": " ({drawn} drawn)"},
    "no_sitemap": {
        "ko": "sitemap.xml을 만들지 않았습니다: 사이트 주소가 필요합니다. site.yaml에 base_url을 적거나"
        " --base-url을 주세요",
        "en": "no sitemap.xml: it needs the site's address; set base_url in site.yaml or pass --base-url",
    },
    "no_amendments_listed": {"ko": "변경 이력을 싣지 않았습니다: {why}", "en": "no amendments listed: {why}"},
    "charts_not_cached": {
        "ko": "차트를 캐시에 저장하지 못했습니다 ({why}). 다음 빌드에서 다시 그립니다 — 폴더를 쓸 수 있게 하거나"
        " --cache-dir로 다른 폴더를 고르세요",
        "en": "charts were not cached ({why}); the next build draws them again — make the folder writable,"
        " or choose another with --cache-dir",
    },
    "serve_built": {
        "ko": "페이지 {pages}개를 만들었습니다 ({seconds}초, 다시 그린 페이지 {rendered}개)",
        "en": "built {pages} pages in {seconds} s ({rendered} rendered again)",
    },
    "serving": {
        "ko": "{folder}를 {address}에서 보여 줍니다 (멈추려면 Ctrl+C)",
        "en": "serving {folder} on {address} (Ctrl+C to stop)",
    },
    "change_detected": {"ko": "변경을 감지했습니다. 다시 만듭니다", "en": "change detected, rebuilding"},
    "stopped": {"ko": "멈췄습니다", "en": "stopped"},
    # plansite schema and init.
    "schemas_written": {
        "ko": "스키마 {count}개를 {folder}에 썼습니다. 나머지는 이미 최신입니다",
        "en": "{count} schema(s) written into {folder}, the others were up to date",
    },
    "init_next": {
        "ko": "다음 단계: cd {folder} && plansite validate --strict && plansite build",
        "en": "next: cd {folder} && plansite validate --strict && plansite build",
    },
    # plansite collect and import.
    "workbooks_written": {
        "ko": "통합문서 {count}개와 목록을 썼습니다. 작성된 파일이 돌아오면: plansite import {plan} {year} FILE.xlsx…",
        "en": "{count} workbook(s) and an index; when they come back filled in: plansite import {plan} {year}"
        " FILE.xlsx…",
    },
    "would_replace": {"ko": "바뀔 값: {where} {change}", "en": "would replace {where} {change}"},
    "overwrites_need_update": {
        "ko": "plansite: 결과에 이미 있는 값 {count}개가 바뀝니다. 아무것도 쓰지 않았습니다 — 위 내용을 확인한 뒤"
        " --update로 다시 실행하세요",
        "en": "plansite: {count} value(s) the results already hold would change; nothing was written — check them"
        " above, then run again with --update",
    },
    "dry_run_summary": {
        "ko": "파일 {count}개를 쓰게 됩니다 (--dry-run: 아무것도 쓰지 않았습니다)",
        "en": "{count} file(s) would be written (--dry-run: nothing was)",
    },
    "import_summary": {
        "ko": "파일 {count}개를 썼습니다. plansite validate --strict로 확인하세요",
        "en": "{count} file(s) written; check them with plansite validate --strict",
    },
}

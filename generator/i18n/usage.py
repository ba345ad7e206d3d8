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
        "ko": "{path}: 이 폴더에도 바로 아래 폴더들에도 {file:이} 없습니다",
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
        "ko": "{year}년은 {plan}의 계획 기간({period}) 밖입니다",
        "en": "{year} is outside the period of {plan} ({period})",
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
    "site_up_to_date": {
        "ko": "{output}의 사이트가 최신입니다: 지난 빌드 뒤로 바뀐 데이터, 설정, 테마가 없어 그대로 두었습니다 "
        "(페이지 {pages}개, 파일 {files}개, {seconds}초). 모두 새로 만들려면 --no-cache를 주세요",
        "en": "the site in {output} is up to date: no data, configuration or theme changed since the last build, "
        "so it was left as it is ({pages} pages, {files} files, {seconds} s). To build it all again, add --no-cache",
    },
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
    "port_in_use": {
        "ko": "포트 {port}번을 이미 쓰고 있습니다(다른 plansite serve일 수 있습니다). 그것을 멈추거나 다른 포트를"
        " 고르세요(예: plansite serve --port {next})",
        "en": "port {port} is already in use (perhaps by another plansite serve); stop that one, or choose another"
        " port, e.g. plansite serve --port {next}",
    },
    "serve_request_failed": {
        "ko": "요청 하나를 처리하지 못했습니다 ({error}). plansite의 버그이니 알려 주세요",
        "en": "a request could not be answered ({error}); this is a bug in plansite, please report it",
    },
    "cache_entries_rejected": {
        "ko": "캐시 항목 {count}개가 plansite가 저장한 내용과 달라 쓰지 않았습니다. 다시 계산해 바꿔 두었습니다"
        " — 누군가 캐시 폴더를 고쳤다면 살펴보세요",
        "en": "{count} cache entries were not what plansite stored, so they were not used: they were computed again"
        " and replaced — if someone changed the cache folder, look into it",
    },
    "cache_links_left_alone": {
        "ko": "캐시 안의 링크는 따라가지 않고 그대로 두었습니다: {where}. 지워도 됩니다",
        "en": "links inside the cache were not followed and were left as they are: {where}; deleting them is safe",
    },
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
        "ko": "{folder:을} {address}에서 보여 줍니다 (멈추려면 Ctrl+C)",
        "en": "serving {folder} on {address} (Ctrl+C to stop)",
    },
    "change_detected": {"ko": "변경을 감지했습니다. 다시 만듭니다", "en": "change detected, rebuilding"},
    "stopped": {"ko": "멈췄습니다", "en": "stopped"},
    "interrupted": {"ko": "Ctrl+C로 멈췄습니다", "en": "Stopped by Ctrl+C"},
    # plansite schema and init.
    "schemas_all_written": {
        "ko": "스키마 {count}개를 {folder}에 썼습니다",
        "en": "{count} schema(s) written into {folder}",
    },
    "schemas_some_written": {
        "ko": "스키마 {count}개를 {folder}에 썼습니다. 나머지 {kept}개는 이미 최신입니다",
        "en": "{count} schema(s) written into {folder}; the other {kept} were up to date",
    },
    "schemas_none_written": {
        "ko": "{folder}의 스키마 {kept}개가 모두 이미 최신입니다. 쓴 파일이 없습니다",
        "en": "all {kept} schemas in {folder} were up to date; nothing written",
    },
    "schema_not_a_folder": {
        "ko": "{path}: 폴더가 아닌 것이 이미 있습니다. --out으로 다른 폴더를 고르세요",
        "en": "{path}: exists and is not a folder; choose another with --out",
    },
    "schema_taken": {
        "ko": "{path}: plansite가 쓴 스키마가 아닌 파일이 있어 그대로 둡니다. 파일을 옮기거나 --out으로 다른 곳에"
        " 쓰세요",
        "en": "{path}: exists and is not a schema plansite wrote, so it is left as it is; move it away, or write the"
        " schemas elsewhere with --out",
    },
    "init_not_a_folder": {"ko": "{path}: 폴더가 아닌 것이 이미 있습니다", "en": "{path}: exists and is not a folder"},
    "init_not_empty": {
        "ko": "{path}: 비어 있지 않은 폴더입니다. plansite init은 새 폴더나 빈 폴더에만 씁니다",
        "en": "{path}: the folder is not empty; plansite init writes only into a new or empty folder",
    },
    "init_bad_source": {
        "ko": "--plansite-source {source!r}: requirements.txt의 한 줄로 쓸 설치 출처가 필요합니다"
        " (예: plansite @ git+https://github.com/<기관>/plansite@v0.1.0)",
        "en": "--plansite-source {source!r}: give one requirement line to install plansite from"
        " (e.g. plansite @ git+https://github.com/<organisation>/plansite@v0.1.0)",
    },
    "init_source_by_name": {
        "ko": "--plansite-source {source!r}: 이름만으로는 패키지 색인에서 찾게 되는데,"
        " plansite는 공개 색인에 없어 누구든 그 이름을 등록할 수 있습니다. 고정한 출처를 주세요 (예: plansite @ git+https://github.com/<기관>/plansite@v0.1.0"
        " 또는 휠 파일의 경로)",
        "en": "--plansite-source {source!r}: a name alone is looked up in a package index, where plansite is not"
        " published and anyone could register it; give a pinned source (e.g. plansite @"
        " git+https://github.com/<organisation>/plansite@v0.1.0, or the path of a wheel)",
    },
    "init_next": {
        "ko": "다음 단계: cd {folder} && plansite validate --strict && plansite build",
        "en": "next: cd {folder} && plansite validate --strict && plansite build",
    },
    # plansite vendor (and init): the running plansite as a wheel in the data repository.
    "vendor_no_metadata": {
        "ko": "설치된 plansite {version}의 패키지 정보를 찾지 못해 휠을 만들 수 없습니다."
        " pip install로 설치한 plansite로 실행하거나, plansite init --plansite-source로 설치 출처를 주세요",
        "en": "the package metadata of the installed plansite {version} was not found, so it cannot be written as a"
        " wheel; run a plansite installed with pip, or give plansite init --plansite-source",
    },
    "vendor_no_requirements": {
        "ko": "{path}에 vendor/의 plansite 휠을 설치하는 줄이 정확히 하나 있어야 합니다. 아무것도 쓰지 않았습니다 —"
        " plansite를 설치하는 줄을 {line:으로} 바꾼 뒤 다시 실행하세요",
        "en": "{path} must have exactly one line installing a plansite wheel from vendor/; nothing was written —"
        " replace the line that installs plansite with {line} and run this again",
    },
    "vendor_taken": {
        "ko": "{path}: plansite가 쓴 휠이 아니어서 그대로 둡니다. 아무것도 쓰지 않았습니다 — 파일을 옮긴 뒤 다시"
        " 실행하세요",
        "en": "{path}: exists and is not a wheel plansite wrote, so it is left as it is; nothing was written —"
        " move it away and run this again",
    },
    "removed": {"ko": "삭제: {path}", "en": "removed {path}"},
    "vendor_done": {
        "ko": "이제 {requirements:이} plansite {version:을} {wheel}에서 설치합니다. 두 파일을 커밋하세요",
        "en": "{requirements} now installs plansite {version} from {wheel}; commit both",
    },
    "vendor_up_to_date": {
        "ko": "{requirements:은} 이미 plansite {version:을} {wheel}에서 설치합니다. 바꾼 것이 없습니다",
        "en": "{requirements} already installs plansite {version} from {wheel}; nothing changed",
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
    # plansite docs.
    "docs_topics": {
        "ko": "plansite 문서(영어)를 인터넷 연결 없이 읽습니다:",
        "en": "plansite's documentation, readable offline:",
    },
    "docs_about_data_format": {
        "ko": "데이터 형식: site.yaml, 계획, 점검 결과 파일의 모든 키",
        "en": "the data format: every key of site.yaml, the plans and the results",
    },
    "docs_about_publishing": {
        "ko": "사이트 게시: GitHub Pages, 웹 서버의 하위 경로, CI 없는 공유 폴더",
        "en": "publishing the site: GitHub Pages, a web server under a sub-path, a shared folder without CI",
    },
    # plansite pdf: what to install.
    "pdf_needs_playwright": {
        "ko": "plansite pdf에는 Playwright와 pypdf(plansite의 pdf 추가 기능)가 필요합니다:"
        " plansite init으로 만든 데이터 저장소에서는"
        " pip install './vendor/plansite-{version}-py3-none-any.whl[pdf]',"
        " 다른 방법으로 설치한 plansite에는 pip install 'playwright>=1.40' 'pypdf>=4'",
        "en": "plansite pdf needs Playwright and pypdf (plansite's pdf extra): in a data repository made by plansite"
        " init, pip install './vendor/plansite-{version}-py3-none-any.whl[pdf]'; with plansite installed otherwise,"
        " pip install 'playwright>=1.40' 'pypdf>=4'",
    },
    "pdf_install_chromium": {
        "ko": "Chromium이나 Google Chrome을 시스템의 패키지 관리자로 설치하세요 (Debian/Ubuntu: sudo apt-get install"
        " chromium, Fedora: sudo dnf install chromium, macOS: brew install --cask chromium, Windows: winget install"
        " Google.Chrome 또는 choco install chromium). PATH에 없는 브라우저(macOS, Windows에서처럼)는"
        " {variable}에 그 경로를 적어 알려 주세요 (예: {variable}=/path/to/chrome)",
        "en": "install Chromium or Google Chrome with your system's package manager (Debian/Ubuntu: sudo apt-get"
        " install chromium; Fedora: sudo dnf install chromium; macOS: brew install --cask chromium; Windows: winget"
        " install Google.Chrome or choco install chromium); a browser that is not on PATH (as on macOS and Windows)"
        " is named with {variable}=/path/to/chrome",
    },
    "pdf_no_chromium_at": {
        "ko": "{variable}={chosen}에 Chromium이 없습니다: {hint}",
        "en": "no Chromium at {variable}={chosen}: {hint}",
    },
    "pdf_no_chromium": {"ko": "Chromium을 찾지 못했습니다: {hint}", "en": "no Chromium found: {hint}"},
    "pdf_chromium_did_not_start": {
        "ko": "{path}의 Chromium이 시작되지 않았습니다 ({error}). {hint}",
        "en": "Chromium at {path} did not start ({error}); {hint}",
    },
}

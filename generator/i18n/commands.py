"""Why a command refused to run: folders it will not write into, tools it cannot find, revisions git does not know.

Paths and values come first or after a colon, so no Korean particle depends on how they end.
"""

from __future__ import annotations

COMMANDS: dict[str, dict[str, str]] = {
    # Where plansite build, the chart cache, plansite schema, collect and init write (generator/site/publish.py, …).
    "out_holds_data": {
        "ko": "{where}: 데이터 저장소나 홈 폴더를 담은 폴더이므로 바꾸지 않습니다",
        "en": "{where}: refusing to replace a folder that holds the data repository or your home folder",
    },
    "out_would_replace": {
        "ko": "{where}: 그곳에 사이트를 만들면 다른 폴더를 덮어쓰게 되므로 만들지 않습니다 ({place}). --out으로"
        " 새 폴더를 고르세요(예: output)",
        "en": "{where}: refusing to build the site there, it would replace {place}; choose a new folder with --out,"
        " such as output",
    },
    "out_not_folder": {
        "ko": "{where}: 폴더가 아닌 것이 이미 있습니다. --out으로 다른 곳을 고르세요",
        "en": "{where}: exists and is not a folder; choose another --out",
    },
    # Paths every command resolves, walks or writes (generator/data/paths.py).
    "path_link_loop": {
        "ko": "{path}: 심볼릭 링크가 끝없이 자기 자신을 가리킵니다(링크 고리). 링크를 고치거나 지우세요",
        "en": "{path}: a symbolic link loop (the link leads back to itself); fix or remove the link",
    },
    "path_unreadable": {
        "ko": "{path}: 읽을 수 없습니다: {reason}",
        "en": "{path}: cannot be read: {reason}",
    },
    "path_dangling_link": {
        "ko": "{path}: 없는 곳을 가리키는 심볼릭 링크가 있어 아무것도 쓰지 않았습니다. 링크를 고치거나 지우세요",
        "en": "{path}: is a symbolic link to nothing, so nothing was written; fix or remove the link",
    },
    "path_exists": {
        "ko": "{path}: 이미 있으므로 아무것도 쓰지 않았습니다",
        "en": "{path}: already exists, so nothing was written",
    },
    "path_not_folder": {
        "ko": "{path}: 폴더가 아니므로 아무것도 쓰지 않았습니다",
        "en": "{path}: is not a folder, so nothing was written",
    },
    "path_unwritable": {
        "ko": "{path}: 쓸 수 없어 아무것도 쓰지 않았습니다: {reason}",
        "en": "{path}: cannot be written, so nothing was written: {reason}",
    },
    "link_leaves_not_read": {
        "ko": "{name:'은} {root} 밖을 가리키는 심볼릭 링크라서 읽지 않았습니다",
        "en": "'{name}' is a symbolic link leading out of {root}, so it was not read",
    },
    "link_loop_not_read": {
        "ko": "{name:'은} 끝없이 자기 자신을 가리키는 심볼릭 링크(링크 고리)라서 읽지 않았습니다",
        "en": "'{name}' is a symbolic link loop (it leads back to itself), so it was not read",
    },
    "hint_link_itself": {
        "ko": "링크 대신 파일이나 폴더 자체를 두거나 링크를 지우세요",
        "en": "put the file or folder itself there instead of the link, or remove the link",
    },
    "out_inside_data": {
        "ko": "{where}: 데이터 폴더({place}) 안에는 쓰지 않습니다. --out으로 데이터 밖의 곳을 고르세요",
        "en": "{where}: refusing to write inside the data folder {place}; choose a place outside the data with --out",
    },
    "out_not_site": {
        "ko": "{where}: 비어 있지 않고 plansite build가 만든 폴더도 아니어서 그대로 둡니다. --out으로 새 폴더나 빈"
        " 폴더를 고르거나, 예전 사이트라면 직접 지우세요",
        "en": "{where}: is not empty and was not written by plansite build, so it is left as it is; choose a new or"
        " empty folder with --out, or delete this folder yourself if it only holds an old site",
    },
    "cache_would_mix": {
        "ko": "{where}: 차트 캐시를 두면 다른 폴더와 섞이므로 두지 않습니다 ({place}). --cache-dir로 다른 곳을"
        " 고르세요(예: {default})",
        "en": "{where}: refusing to keep the chart cache there, it would mix with {place}; choose another"
        " --cache-dir, such as {default}",
    },
    "cache_not_folder": {
        "ko": "{where}: 폴더가 아닌 것이 이미 있습니다. --cache-dir로 다른 곳을 고르세요",
        "en": "{where}: exists and is not a folder; choose another --cache-dir",
    },
    "cache_not_ours": {
        "ko": "{where}: 비어 있지 않고 plansite 캐시도 아니어서 그대로 둡니다. --cache-dir로 새 폴더나 빈 폴더를"
        " 고르세요",
        "en": "{where}: is not empty and is not a plansite cache, so it is left as it is; choose a new or empty"
        " folder with --cache-dir",
    },
    "folder_is_file_out": {
        "ko": "{where}: 폴더가 아닌 것이 이미 있습니다. --out으로 다른 곳을 고르세요",
        "en": "{where}: exists and is not a folder; choose another with --out",
    },
    "workbook_taken": {
        "ko": "{where}: 파일이 이미 있어 아무것도 쓰지 않았습니다(부서가 작성한 통합문서일 수 있습니다). 예전"
        " 통합문서를 옮기거나 --out으로 다른 폴더를 고르세요",
        "en": "{where}: exists, so nothing was written (it may be a workbook a department filled in); move the old"
        " workbooks away, or choose another folder with --out",
    },
    "search_index_failed": {
        "ko": "검색 색인을 만들지 못했습니다 ({reason})",
        "en": "the search index could not be built: {reason}",
    },
    "pagefind_exit": {"ko": "Pagefind 종료 코드 {code}", "en": "Pagefind stopped with exit code {code}"},
    "pagefind_timeout": {
        "ko": "Pagefind가 {seconds}초 안에 끝나지 않아 멈췄습니다",
        "en": "Pagefind did not finish within {seconds} seconds and was stopped",
    },
    "pagefind_entry": {
        "ko": "Pagefind가 쓸 수 있는 {name} 파일을 만들지 않았습니다 ({error})",
        "en": "Pagefind wrote no usable {name}: {error}",
    },
    "source_date_epoch": {
        "ko": "SOURCE_DATE_EPOCH에는 초 단위 정수를 적어야 합니다. 적힌 값: '{epoch}'",
        "en": "SOURCE_DATE_EPOCH must be a whole number of seconds, got '{epoch}'",
    },
    # plansite pdf (generator/site/printing.py).
    "pdf_out_is_folder": {
        "ko": "{where}: 폴더입니다. PDF 파일 이름을 주세요(예: {example})",
        "en": "{where}: is a folder; give the PDF's file name, such as {example}",
    },
    "pdf_folder_not_folder": {
        "ko": "{where}: 폴더가 아닙니다. 먼저 폴더를 만들거나 --out으로 다른 곳을 고르세요",
        "en": "{where}: is not a folder; make it first or choose another --out",
    },
    "pdf_no_folder": {
        "ko": "{where}: 그런 폴더가 없습니다. 먼저 폴더를 만들거나 --out으로 다른 곳을 고르세요",
        "en": "{where}: no such folder; make it first or choose another --out",
    },
    "pdf_not_pdf": {
        "ko": "{where}: PDF가 아닌 파일이 이미 있어 --force로도 바꾸지 않습니다. --out으로 다른 곳을 고르세요",
        "en": "{where}: exists and is not a PDF, so it is left as it is even with --force; choose another --out",
    },
    "pdf_exists": {
        "ko": "{where}: 파일이 이미 있어 그대로 둡니다. 바꾸려면 --force를 주거나 --out으로 다른 곳을 고르세요",
        "en": "{where}: exists, so it is left as it is; pass --force to replace it, or choose another --out",
    },
    "chromium_print_failed": {
        "ko": "Chromium이 보고서를 인쇄하지 못했습니다 ({error})",
        "en": "Chromium could not print the report: {error}",
    },
    "no_report_page": {
        "ko": "{plan}: {year}년 보고서 페이지가 없습니다",
        "en": "{plan} has no report page for {year}",
    },
    # plansite diff's revisions (generator/review/revisions.py).
    "git_missing": {
        "ko": "git이 설치되어 있지 않습니다. git을 설치하거나 두 폴더를 비교하세요: plansite diff OLD NEW",
        "en": "git is not installed; install git, or compare two folders: plansite diff OLD NEW",
    },
    "not_in_git": {
        "ko": "{where}: git 저장소 안이 아닙니다. 대신 두 폴더를 비교하세요: plansite diff OLD NEW",
        "en": "{where} is not inside a git repository; compare two folders instead: plansite diff OLD NEW",
    },
    "not_a_revision": {
        "ko": "리비전이 아닙니다: '{revision}'. 브랜치, 태그, 커밋 중 하나를 주세요(예: main)",
        "en": "'{revision}' is not a revision; give a branch, a tag or a commit, such as main",
    },
    "diff_name_ambiguous": {
        "ko": "{name:'은} 폴더이면서 git 리비전이기도 합니다. 폴더라면 ./{name}, 리비전이라면 {name}~0으로 쓰세요",
        "en": "'{name}' is both a folder and a git revision; write ./{name} for the folder or {name}~0 for the"
        " revision",
    },
    "revision_link_not_read": {
        "ko": "{name:'은} {revision}에서 절대 경로나 저장소 밖을 가리키는 심볼릭 링크라서 읽지 않았습니다",
        "en": "'{name}' is a symbolic link at {revision} that is absolute or leads out of the repository, so it"
        " was not read",
    },
    "unknown_revision": {
        "ko": "알 수 없는 리비전: '{revision}'. 브랜치, 태그, 커밋 중 하나를 주세요(git log로 볼 수 있습니다)",
        "en": "unknown revision '{revision}'; give a branch, a tag or a commit (git log shows them)",
    },
    "no_main_branch": {
        "ko": "비교할 main 브랜치가 없습니다. 비교할 리비전을 주세요(예: plansite diff HEAD~1)",
        "en": "no main branch to compare with; name the revision to compare with, e.g. plansite diff HEAD~1",
    },
    "git_cannot_read": {
        "ko": "git이 이 리비전의 데이터를 읽지 못했습니다: '{revision}' ({reason})",
        "en": "git could not read the data at '{revision}': {reason}",
    },
    "no_reason_given": {"ko": "이유가 주어지지 않음", "en": "no reason given"},
    # Why a build lists no amendments (generator/review/amendments.py), after "no amendments listed: ".
    "history_not_git": {
        "ko": "{where}: git 저장소 안에 있지 않아 변경 이력이 없습니다",
        "en": "{where} is not in a git repository, so there is no record of amendments",
    },
    "history_shallow": {
        "ko": "git 저장소가 얕은 복제(shallow clone)여서 데이터의 앞선 이력이 없습니다. 이력을 모두 가져오세요"
        " (git fetch --unshallow, GitHub Actions에서는 actions/checkout에 fetch-depth: 0)",
        "en": "the git repository is a shallow clone, so the early history of the data is missing; fetch all "
        "of it (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)",
    },
    "history_no_commits": {
        "ko": "{where}: git 저장소에 아직 커밋이 없어 변경 이력이 없습니다",
        "en": "the git repository of {where} has no commits yet, so there is no record",
    },
    "history_no_git": {
        "ko": "git이 설치되어 있지 않습니다 (변경 이력은 데이터의 git 기록에서 읽습니다)",
        "en": "git is not installed, so the amendments (read from the data's git history) are not listed",
    },
    "history_too_slow": {
        "ko": "git이 데이터의 기록을 읽는 데 너무 오래 걸렸습니다",
        "en": "git took too long to read the data's history",
    },
    "history_unreadable": {
        "ko": "git이 데이터의 기록을 읽지 못했습니다: {reason}",
        "en": "git could not read the data's history: {reason}",
    },
    "history_not_one_repository": {
        "ko": "{plans}, {results}: 한 데이터 저장소의 {plans_dir}/, {results_dir}/ 폴더가 아니어서 git 기록을"
        " 읽지 않습니다",
        "en": "{plans} and {results} are not the {plans_dir}/ and {results_dir}/ folders of one data repository, "
        "so their git history is not read",
    },
    # Progress lines on a terminal (plansite build, serve and pdf without --quiet).
    "progress_checking_data": {"ko": "데이터 검사", "en": "checking data"},
    "progress_history": {"ko": "변경 이력을 위해 데이터 기록 읽기", "en": "reading the data's history for amendments"},
    "progress_building_pages": {"ko": "페이지 만들기", "en": "building pages"},
    "progress_drawing_charts": {"ko": "차트 {count}개 그리기", "en": "drawing {count} charts"},
    "progress_open_data": {"ko": "공공데이터 파일 쓰기", "en": "writing open data"},
    "progress_rendered": {"ko": "페이지 {number}/{total}개 완성", "en": "rendered {number}/{total} pages"},
    "progress_writing_index": {
        "ko": "파일 {count}개와 검색 색인 쓰기",
        "en": "writing {count} files and the search index",
    },
    "progress_writing_files": {"ko": "파일 {count}개 쓰기", "en": "writing {count} files"},
    "progress_printing": {"ko": "인쇄", "en": "printing"},
    "progress_pdf_title": {"ko": "문서 제목과 언어 설정", "en": "setting the document's title and language"},
}

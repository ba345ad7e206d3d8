"""Words of the zip of all the open data: its link on the pages and its README (`generator.site.opendata.bundle`).

What the README says about each file is not here: it is the data package's and the data dictionary's.
"""

from __future__ import annotations

BUNDLE: dict[str, dict[str, str]] = {
    # The link on the home page, the data dictionary and every download block; {size} is "97 KB".
    "all_data_link": {"ko": "모든 자료를 한 파일로 (ZIP, {size})", "en": "All the data in one file (ZIP, {size})"},
    "readme_title": {"ko": "{site}: 전체 공개 데이터", "en": "{site}: all the open data"},
    "readme_intro": {
        "ko": "이 압축 파일에는 {site}에 공개된 모든 계획과 연도별 이행 점검 결과의 자료가 들어 있습니다. "
        "각 파일은 사이트의 계획 페이지에서 내려받는 파일과 바이트 단위까지 같습니다.",
        "en": "This archive holds the open data of every plan and annual implementation check published on "
        "{site}: each file is byte for byte the one its plan's page offers for download.",
    },
    "readme_address": {"ko": "사이트 주소: {url}", "en": "The site: {url}"},
    "readme_files": {"ko": "파일", "en": "Files"},
    "readme_readmes": {
        "ko": "이 안내문: {korean} (한국어), {english} (영어). 계획마다 폴더가 하나씩 있고, 폴더 안의 {package} 파일이 "
        "그 폴더의 다른 파일을 설명합니다.",
        "en": "This guide: {korean} (Korean), {english} (English). There is one folder per plan; the {package} "
        "in each describes the other files of its folder.",
    },
    "readme_licence_url": {"ko": "전문: {url}", "en": "Full terms: {url}"},
    "readme_no_licence": {
        "ko": "이 자료에는 이용 조건(라이선스)이 명시되어 있지 않습니다. 자료를 공개한 곳: {publisher}.",
        "en": "No licence is stated for this data. It is published by {publisher}.",
    },
    "readme_no_licence_no_publisher": {
        "ko": "이 자료에는 이용 조건(라이선스)이 명시되어 있지 않습니다. 자료를 공개한 곳: {site}.",
        "en": "No licence is stated for this data. It is published on {site}.",
    },
    "readme_cite_note": {
        "ko": "인용할 때에는 자료를 열람한 날짜를 덧붙여 주세요. "
        "계획별 인용 방법은 각 폴더의 {package} 파일에 있습니다.",
        "en": "Add the date you accessed the data. How to cite one plan's data is in the {package} of its folder.",
    },
    "readme_dates": {"ko": "날짜", "en": "Dates"},
    # As the footer of every page says it ("built_from"): the newest source document's date, unless the build
    # was given one (SOURCE_DATE_EPOCH).
    "readme_data_date": {"ko": "자료 기준일: {date}", "en": "Data as of: {date}"},
    "readme_no_data_date": {
        "ko": "자료 기준일: 출처 문서에 날짜가 없습니다.",
        "en": "Data as of: none of the source documents is dated.",
    },
    "readme_changed": {"ko": "자료의 마지막 변경: {date}", "en": "Last change to the data: {date}"},
    "readme_no_build_time": {
        "ko": "이 압축 파일에는 만든 시각이 기록되지 않습니다. 같은 자료로 다시 만들면 바이트 단위까지 같은 파일이 "
        "되도록, 빌드 날짜 대신 자료가 마지막으로 바뀐 날짜(자료 저장소의 마지막 커밋 날짜, git 기록이 없으면 빌드한 "
        "날)를 적었고, 압축 파일 안의 모든 파일 시각은 {stamp}입니다.",
        "en": "This archive records no time of its making: so that the same data always gives the same bytes, it "
        "gives the date of the data's last change (the last commit of the data repository; without a git history, "
        "the day it was built) instead of a build date, and every file in it is dated {stamp}.",
    },
}

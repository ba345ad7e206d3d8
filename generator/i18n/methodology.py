"""The words of the methodology page and the data dictionary (issue 26): their contents lists, the dictionary's
title, and the link to it that every download block carries."""

from __future__ import annotations

METHODOLOGY: dict[str, dict[str, str]] = {
    "data_dictionary": {"ko": "데이터 사전", "en": "Data dictionary"},
    "data_dictionary_link": {"ko": "파일 설명 (데이터 사전)", "en": "What the files contain (data dictionary)"},
    "methodology_data_note": {
        "ko": "계획 페이지와 연도별 점검 결과 페이지에서 이 사이트의 모든 수치를 CSV와 JSON 파일로"
        " 내려받을 수 있습니다.",
        "en": "Every figure on this site can be downloaded as CSV and JSON files from each plan's page and each"
        " annual report.",
    },
}

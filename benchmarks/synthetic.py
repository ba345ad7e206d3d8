"""A synthetic plan of any size for benchmarks: made up in a temporary folder, never shipped, named as such."""

from __future__ import annotations

from pathlib import Path

# Made-up pieces of Korean compound names, for a synthetic plan whose titles and departments are written
# together as Korean names are (시민참여활성화), so the search benchmark has compounds to open.
_FIRST_KO = ("시민", "마을", "주민", "청년", "정보", "지역", "공동체", "디지털")
_SECOND_KO = ("참여활성화", "공동체지원", "정보공개", "소통광장", "역량강화", "협력체계", "자치교육")


def _names(number: int, compounds: bool) -> tuple[str, str]:
    """A project's Korean title word and its department's Korean name."""
    if not compounds:
        return "사업", f"부서 {number % 20}"
    first, second = _FIRST_KO[number % len(_FIRST_KO)], _SECOND_KO[number // len(_FIRST_KO) % len(_SECOND_KO)]
    department = number % 20  # the same department, by number, as without compounds
    return f"{first}{second}사업", f"{_FIRST_KO[department % 8]}{_SECOND_KO[department % 7]}담당관 {department}"


def synthetic_plan(root: Path, projects: int, *, compounds: bool = False) -> Path:
    """A synthetic plan of `projects` unit projects under `root/plans`; with `compounds`, Korean titles and
    department names written together (for the search benchmark)."""
    plan = root / "plans" / "synthetic-benchmark"
    (plan / "projects").mkdir(parents=True)
    tasks = max(1, projects // 10)
    strategies = "\n".join(
        f'  - id: "{s}"\n    title: {{ko: 전략 {s}, en: Strategy {s}}}\n    tasks:\n'
        + "\n".join(f"      - id: {s}-{t}\n        title: {{ko: 과제 {t}, en: Task {t}}}" for t in range(1, tasks + 1))
        for s in range(1, 5)
    )
    (plan / "plan.yaml").write_text(
        "id: synthetic-benchmark\ntitle: {ko: 합성 벤치마크 계획, en: Synthetic benchmark plan}\n"
        "period: {first: 2024, last: 2027}\nbudget_unit: {ko: 백만원, en: million won}\n"
        "levels:\n  strategy: {ko: 전략, en: Strategy}\n  task: {ko: 과제, en: Task}\n"
        "  project: {ko: 사업, en: Project}\n  indicator: {ko: 지표, en: Indicator}\n"
        "sources:\n  - id: synthetic\n    title: {ko: 합성 자료, en: Synthetic data}\n"
        f"strategies:\n{strategies}\n",
        encoding="utf-8",
    )
    for number in range(projects):
        s, t, p = number % 4 + 1, number // 4 % tasks + 1, number // (4 * tasks) + 1
        pid = f"{s}-{t}-{p}"
        title_ko, department_ko = _names(number, compounds)
        indicators = "".join(
            f"  - id: {pid}-{i}\n    name: {{ko: 지표 {i}, en: Indicator {i}}}\n    unit: {{ko: 건, en: cases}}\n"
            f"    kind: flow\n    targets: {{2024: 10, 2025: 20, 2026: 30, 2027: 40}}\n    total: 100\n"
            for i in (1, 2)
        )
        (plan / "projects" / f"{pid}.yaml").write_text(
            f"id: {pid}\ntitle: {{ko: {title_ko} {pid}, en: Project {pid}}}\n"
            f"departments: [{{ko: {department_ko}, en: Division {number % 20}}}]\n"
            "content: {ko: '- 내용', en: '- Content'}\n"
            "budget:\n  years: {2024: 1, 2025: 2, 2026: 3, 2027: 4}\n  total: 10\n"
            f"indicators:\n{indicators}",
            encoding="utf-8",
        )
    return root / "plans"

"""A synthetic plan of any size for benchmarks: made up in a temporary folder, never shipped, named as such."""

from __future__ import annotations

from pathlib import Path


def synthetic_plan(root: Path, projects: int) -> Path:
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
        indicators = "".join(
            f"  - id: {pid}-{i}\n    name: {{ko: 지표 {i}, en: Indicator {i}}}\n    unit: {{ko: 건, en: cases}}\n"
            f"    kind: flow\n    targets: {{2024: 10, 2025: 20, 2026: 30, 2027: 40}}\n    total: 100\n"
            for i in (1, 2)
        )
        (plan / "projects" / f"{pid}.yaml").write_text(
            f"id: {pid}\ntitle: {{ko: 사업 {pid}, en: Project {pid}}}\n"
            f"departments: [{{ko: 부서 {number % 20}, en: Division {number % 20}}}]\n"
            "content: {ko: '- 내용', en: '- Content'}\n"
            "budget:\n  years: {2024: 1, 2025: 2, 2026: 3, 2027: 4}\n  total: 10\n"
            f"indicators:\n{indicators}",
            encoding="utf-8",
        )
    return root / "plans"

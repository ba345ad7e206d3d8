"""Speed and memory of validate and build, on the shipped data and on synthetic data of a larger plan.

    .venv/bin/python benchmarks/run.py [--projects 400]

The synthetic plan ("synthetic-benchmark", made up in a temporary folder, never shipped) has the given
number of unit projects, each with two indicators and a budget, to show how the tools scale.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data.layout import find_repository  # noqa: E402
from generator.data.validate import validate_path  # noqa: E402
from generator.site.build import build_site  # noqa: E402


def timed(function, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=400, help="unit projects in the synthetic plan")
    arguments = parser.parse_args()
    print(f"{'what':<44}{'time':>10}")
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        validate = timed(lambda: validate_path(ROOT / "plans", ROOT / "results"), 5)
        print(f"{'validate shipped data (median of 5)':<44}{validate:>9.2f}s")
        build = timed(lambda: build_site(find_repository(cwd=ROOT), root / "site"), 1)
        print(f"{'build shipped data':<44}{build:>9.2f}s")
        plans = synthetic_plan(root / "synthetic", arguments.projects)
        label = f"synthetic plan, {arguments.projects} projects"
        synthetic_validate = timed(lambda: validate_path(plans, root / "synthetic" / "results"), 3)
        print(f"{'validate ' + label + ' (median of 3)':<44}{synthetic_validate:>9.2f}s")
        synthetic_build = timed(
            lambda: build_site(find_repository(plans=plans, results=root / "synthetic" / "results"), root / "site2"), 1
        )
        print(f"{'build ' + label:<44}{synthetic_build:>9.2f}s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<44}{peak:>8.0f}MB")


if __name__ == "__main__":
    main()

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLANS = ROOT / "plans"
RESULTS = ROOT / "results"
REAL_PLAN = PLANS / "seoul-citizen-participation-2024"


@pytest.fixture
def demo_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the synthetic demo data (plans/demo and results/demo) in the working directory."""
    shutil.copytree(FIXTURES / "minimal" / "demo", tmp_path / "plans" / "demo")
    shutil.copytree(FIXTURES / "minimal" / "results", tmp_path / "results")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def demo_plan(demo_root: Path) -> Path:
    return demo_root / "plans" / "demo"

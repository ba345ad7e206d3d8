from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLANS = ROOT / "plans"
REAL_PLAN = PLANS / "seoul-citizen-participation-2024"


@pytest.fixture
def demo_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal synthetic plan in a temporary folder, which is also the working directory."""
    target = tmp_path / "demo"
    shutil.copytree(FIXTURES / "minimal" / "demo", target)
    monkeypatch.chdir(tmp_path)
    return target

"""Where the data lives: the names of a data repository's folders and files, and how a command finds them.

Every command finds the data the same way (as `mkdocs` finds `mkdocs.yml`): run from a data repository's
root it needs no arguments; `--config`, `--plans` and `--results` point elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.data.paths import resolve
from generator.errors import UsageError, display_path
from generator.i18n import msg

SITE_CONFIG = "site.yaml"
PLANS_DIR = "plans"
RESULTS_DIR = "results"
OUTPUT_DIR = "output"
CACHE_DIR = ".plansite-cache"  # the chart cache, at the repository's root (git-ignored)
SCHEMAS_DIR = "schemas"  # the data files' JSON Schemas, beside the folders of data (`plansite schema`)
PLAN_FILE = "plan.yaml"
PROJECTS_DIR = "projects"  # unit project files, in a plan folder and in a results year folder alike
CHECK_FILE = "check.yaml"
DATA_SUFFIX = ".yaml"


@dataclass(frozen=True)
class DataRepository:
    """The folders one run reads: the plans, their results, and the site configuration if there is one."""

    root: Path
    plans: Path
    results: Path
    config: Path | None

    @property
    def output(self) -> Path:
        return self.root / OUTPUT_DIR

    @property
    def cache(self) -> Path:
        return self.root / CACHE_DIR


def find_repository(
    *, plans: Path | None = None, results: Path | None = None, config: Path | None = None, cwd: Path | None = None
) -> DataRepository:
    """The data repository of this run: the folder of `--config`, else the working directory.

    `plans/`, `results/` and `site.yaml` are looked for at its root unless given; results given no place sit
    beside the folder of plans, so `--plans elsewhere/plans` finds `elsewhere/results`.
    """
    if config is not None:
        if not config.is_file():
            raise UsageError(msg("usage_no_config", path=display_path(config)))
        root = config.parent
    else:
        root = cwd if cwd is not None else Path.cwd()
        found = root / SITE_CONFIG
        config = found if found.is_file() else None
    plans = plans if plans is not None else root / PLANS_DIR
    return DataRepository(root, plans, results if results is not None else default_results_root(plans), config)


def default_results_root(plans_path: Path) -> Path:
    """`results/` beside the folder of plans: plans/ → results/, plans/<id>/ → results/."""
    plan_dirs_parent = plans_path if not (plans_path / PLAN_FILE).is_file() else plans_path.parent
    return resolve(plan_dirs_parent).parent / RESULTS_DIR


def results_dir_for(plan_id: str, results_root: Path) -> Path:
    return results_root / plan_id

"""plansite: static report sites for public plans and their annual implementation checks.

The Python API (see `generator.api` and docs/developing.md): `Options`, `build`, `validate`, `load`, `serve`,
`print_report`. They are imported on first use, so that `import generator.data…` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.version import __version__

__all__ = ["Options", "__version__", "build", "load", "print_report", "serve", "validate"]

if TYPE_CHECKING:
    from generator.api import Options, build, load, print_report, serve, validate


def __getattr__(name: str) -> Any:
    if name in __all__:
        from generator import api

        return getattr(api, name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")

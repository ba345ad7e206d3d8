"""User-facing problems and the one exception family for bad input.

Every problem a user can fix is a `Problem` with a file position; code that finds problems collects them
all and raises `DataError` once, so a run reports everything at once. The CLI edge turns `PlansiteError`
into a clean message and an exit code; nothing below the CLI prints or exits.
"""

from __future__ import annotations

import enum
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import render


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


YamlPath = tuple[object, ...]
"""Keys and list indices from the top of a YAML document down to one value."""


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    yaml_path: str = ""
    hint: str = ""
    severity: Severity = Severity.ERROR
    cell: str = ""  # in a workbook: `성과지표!E12`, shown in place of line and column

    def format(self, lang: str = "en") -> str:
        """`file:line:col: message (yaml.path) — hint`, worded in `lang` (the shape and positions are the same)."""
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        where = f"{self.file}:{self.cell}" if self.cell else f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {prefix}{render(self.message, lang)}"
        if self.yaml_path:
            text += f" ({self.yaml_path})"
        if self.hint:
            text += f" — {render(self.hint, lang)}"
        return terminal_safe(text)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """Control characters shown as escapes: a file name or value we quote must not drive the terminal."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


class PlansiteError(Exception):
    """Base of every error caused by the user's input or invocation rather than by a bug."""


class UsageError(PlansiteError):
    """The command was called wrongly (e.g. a path that does not exist)."""


def error_text(error: Exception, lang: str) -> str:
    """An error's message in `lang`: a catalogue message is worded in it, anything else is shown as it is."""
    return render(error_message(error), lang)


def error_message(error: Exception) -> str:
    """An error's message as raised, not yet worded: a catalogue message stays one (`i18n.Message`), so a reason
    that carries it on is said in the language of whoever shows it."""
    return error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else str(error)


class DataError(PlansiteError):
    """The data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it.

    Links are not followed: the user looks for a file by the name they gave it, not where a link leads."""
    absolute = os.path.normpath(os.path.abspath(path))
    for cwd in _working_directories(os.getcwd()):
        if os.path.join(absolute, "") == cwd:
            return "."
        if absolute.startswith(cwd):
            return absolute[len(cwd) :]
    return str(path)


@functools.lru_cache(maxsize=8)
def _working_directories(cwd: str) -> tuple[str, ...]:
    """The working directory as given and with its links resolved, each ending in a separator (a build names
    hundreds of files: resolving the directory for each one was most of the cost of naming them)."""
    return tuple(dict.fromkeys(os.path.join(folder, "") for folder in (cwd, os.path.realpath(cwd))))

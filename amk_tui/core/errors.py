"""The project's own error types: every bad input ends as one of these, never a traceback.

Messages are one line and harmless on a terminal: the parts that come from outside (a file
name, a key, an echoed value) are made visible and cut (`core.text`).
"""

from __future__ import annotations

from amk_tui.core.text import clip, visible

KEY_LIMIT = 80
"""Characters of a key named in a message (an unknown key may be a megabyte long)."""
PROBLEM_LIMIT = 300
"""Characters of the problem part of a message."""


def _safe(text: str, limit: int) -> str:
    return visible(clip(text, limit), multiline=False)


class AmkError(Exception):
    """Base class for errors shown to the facilitator as one line.

    `said` (with `said_values`) names the line in the UI strings (`cli.<said>`) where there
    is one; `str()` is the same line in English.
    """

    said: str = ""
    said_values: dict[str, object] = {}  # replaced per instance by said(), never mutated


def said(key: str, english: str, **values: object) -> AmkError:
    """An AmkError the command line says in the config's language (`cli.<key>`)."""
    error = AmkError(english)
    error.said = key
    error.said_values = values
    return error


class ConfigError(AmkError):
    """A config file (or content file) that cannot be used: names the file, key and problem."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = _safe(key, KEY_LIMIT)
        self.problem = _safe(problem, PROBLEM_LIMIT)
        where = visible(file, multiline=False)
        super().__init__(
            f"{where}: {self.key}: {self.problem}" if key else f"{where}: {self.problem}"
        )


class SessionError(AmkError):
    """A session file that cannot be loaded: names the file and what is wrong."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = _safe(problem, PROBLEM_LIMIT)
        super().__init__(f"{visible(file, multiline=False)}: {self.problem}")

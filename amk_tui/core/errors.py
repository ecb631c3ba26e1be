"""The project's own error types: every bad input ends as one of these, never a traceback."""

from __future__ import annotations


class AmkError(Exception):
    """Base class for errors shown to the facilitator as one line."""


class ConfigError(AmkError):
    """A config file (or content file) that cannot be used: names the file, key and problem."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        super().__init__(f"{file}: {key}: {problem}" if key else f"{file}: {problem}")


class SessionError(AmkError):
    """A session file that cannot be loaded: names the file and what is wrong."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")

"""The full-screen commands need a terminal: without one (cron, a script, `ssh -T`) they
would never end and keep a core busy. `require_terminal()` says so in one line instead."""

from __future__ import annotations

import sys

from amk_tui.core.errors import said


def require_terminal(command: str = "amk") -> None:
    """Raise AmkError (`needs_terminal`, exit 2) unless standard input and output are a
    terminal. Called after the arguments are checked and before anything is written."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        key = "needs_terminal_room" if command == "amk room" else "needs_terminal"
        raise said(key, f"{command} must run in a terminal", command=command)

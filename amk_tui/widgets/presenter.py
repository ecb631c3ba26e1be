"""The presenter's panel, beside the workshop while a room window follows it: that the room
follows, what comes next, and the slide's notes (which the room never sees)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static


class PresenterPanel(Static):
    """Drawn from plain strings the screen gives it (never markup)."""

    DEFAULT_CSS = """
    PresenterPanel { width: 36; height: 1fr; padding: 1 2; }
    """

    def show(
        self,
        following: str,
        next_label: str,
        upcoming: str,
        notes_label: str,
        notes: str,
        web: str = "",
    ) -> None:
        text = Text()
        text.append(following + "\n", Style(bold=True, reverse=True))
        text.append((web + "\n" if web else "") + "\n", Style(dim=True))
        text.append(next_label + "\n", Style(dim=True))
        text.append(upcoming + "\n\n", Style(bold=True))
        if notes:
            text.append(notes_label + "\n", Style(dim=True))
            text.append(notes)
        self.update(text)

"""A question shown big, with its position (`Spørgsmål 2 / 5`)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class PromptCard(Static, can_focus=True):
    """The question the room is talking about."""

    DEFAULT_CSS = """
    PromptCard { height: auto; }
    """

    def show(self, position: str, question: str) -> None:
        text = Text()
        text.append(position + "\n", style="dim")
        text.append(question, style="bold")
        self.update(text)

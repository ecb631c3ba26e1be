"""The action plan as a table: what, owner, deadline, follow-up, status.

The "what" column takes the width the others leave and wraps, so nothing is cut at 80×24.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from amk_tui.core.session import Action
from amk_tui.core.text import visible

FIXED = (16, 10, 10, 11)
"""Widths of owner, deadline, follow-up and status."""


class ActionTable(DataTable[Text]):
    """One row per action; the screen edits through forms and calls `show()`."""

    COMPONENT_CLASSES = {
        "action-table--open",
        "action-table--in-progress",
        "action-table--done",
        "action-table--dropped",
    }
    """A status's look, from the theme (so the light projector theme stays readable)."""

    DEFAULT_CSS = """
    ActionTable > .action-table--open { text-style: bold; }
    ActionTable > .action-table--in-progress { color: $text-warning; text-style: bold; }
    ActionTable > .action-table--done { color: $text-success; }
    ActionTable > .action-table--dropped { color: $text-muted; }
    """

    def __init__(
        self, headers: Sequence[str], status_label: Callable[[str], str], **kwargs: object
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.headers = tuple(headers)
        self.status_label = status_label
        self.date_label: Callable[[dt.date | None], str] = lambda d: d.isoformat() if d else "–"
        """How a date is shown (the session's language: `15.12.2026` in Danish)."""
        self._actions: tuple[Action, ...] = ()
        self._width = 0

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self.show(self._actions)

    def _columns(self) -> None:
        self._width = self.size.width
        if not self.headers:
            return
        padding = 2 * self.cell_padding * len(self.headers)
        what = max(16, self._width - sum(FIXED) - padding - 2)
        self.clear(columns=True)
        for header, width in zip(self.headers, (what, *FIXED), strict=True):
            self.add_column(Text(header, style="bold"), width=width)

    def show(self, actions: Sequence[Action]) -> None:
        self._actions = tuple(actions)
        row = self.cursor_row
        self._columns()
        if not self.headers:
            return
        for a in actions:
            self.add_row(
                Text(visible(a.what)),
                Text(visible(a.owner)),  # wraps, as "what" does: a name is never cut
                Text(self.date_label(a.deadline)),
                Text(self.date_label(a.followup)),
                Text(self.status_label(a.status), style=self.status_style(a.status)),
                height=None,
            )
        self.move_cursor(row=min(row, max(0, len(actions) - 1)), animate=False)

    def status_style(self, status: str) -> Style:
        return self.get_component_rich_style(f"action-table--{status}", partial=True)

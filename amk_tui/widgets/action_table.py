"""The action plan as a table: what, owner, deadline, follow-up, status."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import DataTable

from amk_tui.core.session import Action

STATUS_STYLE = {"open": "bold", "in-progress": "bold yellow", "done": "green", "dropped": "dim"}


class ActionTable(DataTable[Text]):
    """One row per action; the screen edits through forms and calls `show()`."""

    def __init__(
        self, headers: Sequence[str], status_label: Callable[[str], str], **kwargs: object
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.headers = tuple(headers)
        self.status_label = status_label

    def on_mount(self) -> None:
        for header in self.headers:
            self.add_column(Text(header, style="bold"))

    def show(self, actions: Sequence[Action], empty: str) -> None:
        row = self.cursor_row
        self.clear()
        for a in actions:
            self.add_row(
                Text(a.what),
                Text(a.owner),
                Text(a.deadline.isoformat() if a.deadline else "–"),
                Text(a.followup.isoformat() if a.followup else "–"),
                Text(self.status_label(a.status), style=STATUS_STYLE.get(a.status, "")),
            )
        if not actions:
            self.add_row(Text(empty, style="dim"), Text(""), Text(""), Text(""), Text(""))
        self.move_cursor(row=min(row, max(0, len(actions) - 1)), animate=False)

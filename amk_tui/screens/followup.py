"""Follow-up on last time's open actions, before a new workshop of the same AMG starts.

Each open action is marked done, in progress (carried on), dropped or carried on as it
was; the follow-up is recorded in the new workshop, the actions in progress or carried on
join its plan, and last time's file — a record — is never written.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from amk_tui.core.change import CARRY
from amk_tui.core.text import visible
from amk_tui.screens.base import AmkScreen
from amk_tui.widgets.key_footer import KeyFooter


class FollowupScreen(AmkScreen[None]):
    """Last time's open actions, one row each."""

    OFFERS_AGENDA = False  # the program starts once last time's actions are followed up

    BINDINGS = [
        Binding("d", "mark('done')", "key.mark_done"),
        Binding("i", "mark('in-progress')", "key.mark_progress"),
        Binding("x", "mark('dropped')", "key.mark_dropped"),
        Binding("c", "mark('carry')", "key.mark_carry"),
        Binding("enter,n,pagedown", "continue", "key.continue", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        previous = self.amk.previous
        assert previous is not None
        self.open_actions = [a for a in previous.actions if a.status in ("open", "in-progress")]
        self.marks: list[str] = [
            "in-progress" if a.status == "in-progress" else CARRY for a in self.open_actions
        ]
        """Each starts as carried on (in progress, or as it was): nothing is let go unless
        the facilitator marks it done or dropped."""

    def compose(self) -> ComposeResult:
        previous = self.amk.previous
        assert previous is not None
        yield Label(
            Text(self.t("followup.title", date=self.content.date(previous.date)), style="bold"),
            id="followup-title",
        )
        yield Label(self.t("followup.hint"), classes="hint", id="followup-hint")
        yield DataTable(id="followup-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    FIXED = {"owner": 14, "deadline": 11, "status": 12}
    """Columns that keep their width; "what" takes the rest and is cut (the status never)."""

    def on_mount(self) -> None:
        self.fill()
        self.query_one(DataTable).focus()
        self._show_room()

    def _show_room(self) -> None:
        """The room shows the list and the marks as they are made (the AMG reviews its plan)."""
        workshop = self.amk.workshop
        if workshop is not None:
            workshop.review_followup(self.marks)

    def on_resize(self) -> None:
        self.fill()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        padding = 2 * table.cell_padding * 4
        what = max(12, (self.size.width or 80) - sum(self.FIXED.values()) - padding - 6)
        for key in ("what", "owner", "deadline", "status"):
            table.add_column(self.t(f"actions.{key}"), key=key, width=self.FIXED.get(key, what))
        for i, a in enumerate(self.open_actions):
            table.add_row(
                Text(visible(a.what), no_wrap=True, overflow="ellipsis"),
                Text(visible(a.owner), no_wrap=True, overflow="ellipsis"),
                self.content.date(a.deadline),
                self.label(self.marks[i]),
                key=str(i),
            )
        table.move_cursor(row=max(0, row))

    def label(self, mark: str) -> Text:
        if mark == CARRY:
            return Text(self.t("followup.carry"), style="bold")
        return Text(self.t(f"action_status.{mark}"))

    def action_mark(self, mark: str) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        if 0 <= row < len(self.marks):
            self.marks[row] = mark
            table.update_cell(str(row), "status", self.label(mark))
            self._show_room()
            if row + 1 < len(self.marks):
                table.move_cursor(row=row + 1)

    def action_continue(self) -> None:
        from amk_tui.screens.dialogs import follow_up

        follow_up(self.amk, self.open_actions, self.marks)

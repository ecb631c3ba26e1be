"""Follow-up on last time's open actions, before a new workshop of the same AMG starts.

Each open action is marked done, in progress, dropped or carried over; the statuses are
saved in the old session's file and carried-over actions are copied into the new one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label

from amk_tui.core.errors import SessionError
from amk_tui.screens.base import AmkScreen
from amk_tui.store import StoreError

CARRY = "carry"


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
        self.marks: list[str] = [a.status for a in self.open_actions]

    def compose(self) -> ComposeResult:
        previous = self.amk.previous
        assert previous is not None
        yield Label(
            Text(self.t("followup.title", date=previous.date.isoformat()), style="bold"),
            id="followup-title",
        )
        yield Label(self.t("followup.hint"), classes="hint")
        yield DataTable(id="followup-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("what", "owner", "deadline", "status"):
            table.add_column(self.t(f"actions.{key}"), key=key)
        for i, a in enumerate(self.open_actions):
            table.add_row(
                a.what,
                a.owner,
                a.deadline.isoformat() if a.deadline else "–",
                self.label(self.marks[i]),
                key=str(i),
            )
        table.focus()

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
            if row + 1 < len(self.marks):
                table.move_cursor(row=row + 1)

    def action_continue(self) -> None:
        app = self.amk
        session, previous, path = app.session, app.previous, app.previous_path
        assert session is not None and previous is not None and path is not None
        for action, mark in zip(self.open_actions, self.marks, strict=True):
            if mark == CARRY:
                session.actions.append(
                    dataclasses.replace(action, status="open", origin=previous.id, extra={})
                )
        lock = app.store.lock(path)
        if lock is None:  # last time's workshop is open in another amk: don't write under it
            self.notify(self.t("followup.locked"), severity="warning", timeout=10)
        else:
            try:
                self.write_marks(path, session.id)
            finally:
                lock.release()
        session.previous = previous.id
        app.changed()
        app.show_current()

    def write_marks(self, path: Path, session_id: str) -> None:
        """Under the lock, the old file as it is now (not as first read) gets the statuses."""
        app = self.amk
        try:
            current = app.store.load(path)
        except SessionError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        for action, mark in zip(self.open_actions, self.marks, strict=True):
            same = (action.what, action.owner, action.deadline, action.origin)
            match = next(
                (
                    a
                    for a in current.actions
                    if (a.what, a.owner, a.deadline, a.origin) == same
                    and a.status in ("open", "in-progress")
                    and "carried_to" not in a.extra
                ),
                None,
            )
            if match is None:  # changed or closed there meanwhile: that edit wins
                continue
            if mark == CARRY:
                match.extra["carried_to"] = session_id
            else:
                match.status = mark  # type: ignore[assignment]
        try:
            app.store.save(current, path)
        except StoreError as exc:
            self.notify(app.store_problem(exc), severity="error")
            return
        app.previous = current

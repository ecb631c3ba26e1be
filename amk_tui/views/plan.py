"""amk's action plan: what, owner (a role), deadline, follow-up, status — one row each."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from amk_tui.views.context import ViewContext
from amk_tui.widgets.action_table import ActionTable

COLUMNS = ("what", "owner", "deadline", "followup", "status")


class PlanView(Vertical):
    """The action plan; the console adds, edits and deletes through forms (the screen's keys)."""

    def __init__(self, *, room: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.room = room

    def compose(self) -> ComposeResult:
        yield Label(id="plan-heading", classes="section")
        yield Label(id="actions-empty", classes="hint")
        yield ActionTable((), lambda s: s, id="actions")
        yield Label(id="actions-hint", classes="hint")

    def show(self, ctx: ViewContext) -> None:
        table = self.query_one(ActionTable)
        table.headers = tuple(ctx.t(f"actions.{k}") for k in COLUMNS)
        table.status_label = lambda s: ctx.t(f"action_status.{s}")
        table.date_label = ctx.content.date
        table.show_cursor = not self.room
        heading = Text(ctx.t("question.amk") + " · ", Style(dim=True))
        heading.append(ctx.t("actions.title"), Style(bold=True))
        self.query_one("#plan-heading", Label).update(heading)
        actions = [a for a in ctx.session.actions]
        table.show(actions)
        empty = self.query_one("#actions-empty", Label)
        empty.display = not actions
        suffix = "_readonly" if ctx.readonly or self.room else ""
        empty.update(ctx.t(f"actions.none{suffix}"))
        hint = self.query_one("#actions-hint", Label)
        hint.display = not self.room
        hint.update(ctx.t(f"actions.hint{suffix}"))

"""The room while last time's open actions are followed up, before the program starts: the
AMG reviews its plan together (point 1 of any AMG meeting). Each action with its owner and
deadline, and the mark the facilitator gives it on the console, as it is given."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from amk_tui.core.change import CARRY
from amk_tui.core.text import visible
from amk_tui.views.context import ViewContext


def reviewed(ctx: ViewContext) -> list[tuple[str, str, str, str]]:
    """Last time's open actions with their marks so far: what, owner, deadline, mark label."""
    previous = ctx.previous
    if previous is None:
        return []
    marks = ctx.session.view.followup
    rows = []
    for i, a in enumerate(x for x in previous.actions if x.status in ("open", "in-progress")):
        mark = marks[i] if i < len(marks) else CARRY
        label = ctx.t("followup.carry") if mark == CARRY else ctx.t(f"action_status.{mark}")
        rows.append((a.what, a.owner, ctx.content.date(a.deadline, ""), label))
    return rows


class FollowupView(VerticalScroll):
    """Last time's open actions, large, one after the other."""

    DEFAULT_CSS = """
    FollowupView { padding: 1 4; }
    FollowupView > #followup-heading { padding-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="followup-heading")
        yield Static(id="followup-list")

    def show(self, ctx: ViewContext) -> None:
        previous = ctx.previous
        date = ctx.content.date(previous.date) if previous is not None else ""
        heading = ctx.t("followup.room_hint", date=date)
        self.query_one("#followup-heading", Static).update(Text(heading, Style(dim=True)))
        text = Text()
        for n, (what, owner, deadline, mark) in enumerate(reviewed(ctx), 1):
            text.append(f"{n}. ", Style(bold=True))
            text.append(visible(what), Style(bold=True))
            details = " · ".join(visible(x) for x in (owner, deadline) if x)
            text.append(f"\n   {details}  " if details else "\n   ", Style(dim=True))
            text.append(f"▸ {mark}\n\n", Style(bold=True, color="cyan"))
        self.query_one("#followup-list", Static).update(text)

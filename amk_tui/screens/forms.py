"""Small forms: one line of text; an action of the action plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from amk_tui.core.dates import parse_date
from amk_tui.core.session import ACTION_STATUSES, Action
from amk_tui.core.text import visible
from amk_tui.screens.base import AmkModal
from amk_tui.widgets.fields import Field


class TextPrompt(AmkModal[str | None]):
    """Ask for one line of text; Enter accepts, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, value: str = "", ask_id: str = "") -> None:
        super().__init__(classes="modal")
        self.question = question
        self.value = value
        self.ask_id = ask_id
        """What is being asked (the app recognises its own "where to save" question)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(visible(self.question)), id="question")
            yield Field(self.value, id="answer")

    def on_mount(self) -> None:
        answer = self.query_one("#answer", Input)
        answer.focus()
        answer.select_all()  # typing replaces the old name

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ActionForm(AmkModal[Action | None]):
    """What, owner (a role), deadline, follow-up date, status. Dates are checked on save."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "save", "key.save"),
    ]

    def __init__(
        self,
        action: Action | None,
        today: dt.date,
        draft: dict[str, str] | None = None,
        on_draft: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        """`draft`: fields as typed before a crash; `on_draft` hears every change."""
        super().__init__(classes="modal")
        self.action_ = action
        self.today = today
        self.draft = draft or {}
        self.on_draft = on_draft

    def compose(self) -> ComposeResult:
        a = self.action_ or Action(what="")  # no owner prefilled: "AMG" meant nobody
        with Vertical(id="dialog", classes="form"):
            yield Label(self.t("actions.edit" if self.action_ else "actions.new"), id="question")
            yield Label(self.t("actions.what"))
            yield Field(a.what, id="what")
            yield Label(self.t("actions.owner"))
            yield Field(a.owner, id="owner", placeholder=self.t("actions.owner_hint"))
            with Horizontal(classes="dates"):
                with Vertical():
                    yield Label(self.t("actions.deadline"))
                    yield Field(
                        self.content.date(a.deadline, ""),
                        id="deadline",
                        placeholder=self.t("actions.date_hint"),
                    )
                with Vertical():
                    yield Label(self.t("actions.followup"))
                    yield Field(
                        self.content.date(a.followup, ""),
                        id="followup",
                        placeholder=self.t("actions.date_hint"),
                    )
            yield Label(self.t("actions.status"))
            yield Select(
                [(self.t(f"action_status.{s}"), s) for s in ACTION_STATUSES],
                value=a.status,
                allow_blank=False,
                id="status",
            )
            yield Label("", id="form-error")
            with Horizontal(id="buttons"):
                yield Button(self.t("button.save"), variant="primary", id="save")
                yield Button(self.t("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.compact_fields()
        for name, value in self.draft.items():
            if name in ("what", "owner", "deadline", "followup"):
                self.query_one(f"#{name}", Input).value = value
            elif name == "status" and value in ACTION_STATUSES:
                self.query_one("#status", Select).value = value
        self.query_one("#what", Input).focus()

    def fields(self) -> dict[str, str]:
        """The form as typed."""
        out = {
            n: self.query_one(f"#{n}", Input).value
            for n in ("what", "owner", "deadline", "followup")
        }
        out["status"] = str(self.query_one("#status", Select).value)
        return out

    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self) -> None:
        if self.on_draft is not None and self.is_mounted:
            self.on_draft(self.fields())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        error = self.query_one("#form-error", Label)
        what = self.query_one("#what", Input).value.strip()
        if not what:
            error.update(self.t("actions.need_what"))
            self.query_one("#what", Input).focus()
            return
        if not self.query_one("#owner", Input).value.strip():  # an action needs somebody
            error.update(self.t("actions.need_owner"))
            self.query_one("#owner", Input).focus()
            return
        dates: dict[str, dt.date | None] = {}
        for field in ("deadline", "followup"):
            field_input = self.query_one(f"#{field}", Input)
            try:
                dates[field] = parse_date(field_input.value, self.today)
            except ValueError:
                error.update(
                    Text(self.t("actions.bad_date", value=visible(field_input.value.strip())))
                )
                field_input.focus()
                return
        status = self.query_one("#status", Select).value
        base = self.action_ or Action(what="")
        self.dismiss(
            Action(
                what=what,
                owner=self.query_one("#owner", Input).value.strip(),
                deadline=dates["deadline"],
                followup=dates["followup"],
                status=status if status in ACTION_STATUSES else "open",
                origin=base.origin,
                extra=base.extra,
            )
        )

"""The referat's own lines, asked at finish: time, agenda item and purpose, names, the next
AMG meeting and how the referat is approved. Every field may be left empty; Esc skips the
form and keeps what was there (the workshop finishes all the same)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label

from amk_tui.core.dates import parse_date
from amk_tui.core.records import Minutes
from amk_tui.core.text import visible
from amk_tui.screens.base import AmkModal
from amk_tui.widgets.fields import Field

FIELDS = ("time", "agenda_item", "purpose", "attendees", "absent", "next_meeting", "approval")
"""The form's fields, in the order a referat tells them."""


class MinutesForm(AmkModal[Minutes | None]):
    """Enter moves to the next field and saves from the last; Ctrl+S saves; Esc skips."""

    BINDINGS = [
        Binding("escape", "skip", "key.skip"),
        Binding("ctrl+s", "save", "key.save"),
    ]

    def __init__(self, minutes: Minutes, today: dt.date) -> None:
        super().__init__(classes="modal")
        self.minutes = minutes
        self.today = today

    def compose(self) -> ComposeResult:
        m = self.minutes
        proposed = {  # what most AMGs write; the facilitator changes or clears it
            "purpose": m.purpose or self.t("minutes.purpose_default"),
            "approval": m.approval or self.t("minutes.approval_default"),
            "next_meeting": self.content.date(m.next_meeting, ""),
        }
        with Vertical(id="dialog", classes="form wide"):
            yield Label(self.t("minutes.title"), id="question")
            yield Label(self.t("minutes.keys"), classes="hint", id="minutes-keys")
            with Grid(id="minutes-grid"):  # a label beside each field: it fits 80×24
                for name in FIELDS:
                    yield Label(self.t(f"minutes.{name}"), classes="form-label")
                    value = proposed.get(name, getattr(m, name, ""))
                    hint = self.t(f"minutes.{name}_hint")
                    yield Field(
                        value, id=f"minutes-{name}", placeholder=hint, max_length=300, compact=True
                    )
            yield Label("", id="form-error")
            with Horizontal(id="buttons"):
                yield Button(self.t("button.save"), variant="primary", id="save")
                yield Button(self.t("minutes.skip"), id="skip")

    def on_mount(self) -> None:
        self.query_one(f"#minutes-{FIELDS[0]}", Input).focus(scroll_visible=False)

    def value(self, name: str) -> str:
        return self.query_one(f"#minutes-{name}", Input).value.strip()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        """Enter: on to the next field; on the last one, save."""
        names = [f"minutes-{n}" for n in FIELDS]
        here = names.index(event.input.id or "") if event.input.id in names else len(names) - 1
        if here == len(names) - 1:
            self.action_save()
        else:
            self.query_one(f"#{names[here + 1]}", Input).focus()

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        typed = self.value("next_meeting")
        try:
            meeting = parse_date(typed, self.today)
        except ValueError:
            problem = self.t("actions.bad_date", value=visible(typed))
            self.query_one("#form-error", Label).update(Text(problem))
            self.query_one("#minutes-next_meeting", Input).focus()
            return

        def text(name: str) -> str:
            return " ".join(self.value(name).split())

        self.dismiss(
            dataclasses.replace(
                self.minutes,
                time=text("time"),
                agenda_item=text("agenda_item"),
                purpose=text("purpose"),
                attendees=text("attendees"),
                absent=text("absent"),
                approval=text("approval"),
                next_meeting=meeting,
            )
        )

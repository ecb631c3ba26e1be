"""The start screen: a new workshop, go on with an unfinished one, or open a past one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from amk_tui.core.setup import new_session, parse_groups
from amk_tui.screens.base import AmkScreen
from amk_tui.widgets.fields import Field


class StartScreen(AmkScreen[None]):
    """New workshop (left), earlier workshops (right, or below when narrow)."""

    def compose(self) -> ComposeResult:
        yield Label(Text(self.content.title, style="bold"), id="start-title")
        with Horizontal(id="start-columns"):
            with VerticalScroll(id="new-form"):
                yield Label(Text(self.t("start.new"), style="bold"), classes="section")
                yield Label(self.t("start.amg"))
                yield Field(placeholder=self.t("start.amg_hint"), id="amg")
                yield Label(self.t("start.unit"))
                yield Field(id="unit")
                yield Label(self.t("start.facilitator"))
                yield Field(id="facilitator")
                yield Label(self.t("start.date"))
                yield Field(self.amk.today.isoformat(), id="date")
                yield Label(self.t("start.groups"))
                yield Field("3", placeholder=self.t("start.groups_hint"), id="groups")
                yield Label(self.t("start.variant"))
                with RadioSet(id="variant"):
                    yield RadioButton(self.t("start.variant1"), value=True, id="variant-1")
                    yield RadioButton(self.t("start.variant2"), id="variant-2")
                yield Label("", id="form-error")
                yield Button(self.t("start.begin"), variant="primary", id="begin")
            with Vertical(id="past"):
                yield Label(Text(self.t("start.past"), style="bold"), classes="section")
                yield Button(self.t("start.resume"), id="resume", disabled=True)
                yield OptionList(id="sessions")
        yield Footer()

    def on_mount(self) -> None:
        self.compact_fields()
        self.load_sessions()
        self.query_one("#amg", Input).focus()

    def load_sessions(self) -> None:
        entries, bad = self.amk.list_sessions()
        options = self.query_one("#sessions", OptionList)
        options.clear_options()
        for s in entries:
            status = self.t(f"status.{s.status}")
            options.add_option(Option(f"{s.date}  {s.amg}  ({status})", id=str(s.path)))
        for item in bad:
            label = Text(f"{item.path.name}  ({self.t('list.unreadable')})", style="dim")
            options.add_option(Option(label, id=f"bad:{item.path}", disabled=True))
        if not entries and not bad:
            options.add_option(Option(self.t("start.none"), disabled=True))
        unfinished = next((e for e in entries if not e.finished), None)
        resume = self.query_one("#resume", Button)
        resume.disabled = unfinished is None
        if unfinished is not None:
            resume.label = self.t(
                "start.resume_named",
                amg=unfinished.amg,
                date=unfinished.date.isoformat(),
            )
            self._unfinished = unfinished.path

    @on(Button.Pressed, "#resume")
    def resume(self) -> None:
        self.open(self._unfinished)

    @on(OptionList.OptionSelected, "#sessions")
    def pick(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and not event.option.id.startswith("bad:"):
            self.open(Path(event.option.id))

    def open(self, path: Path) -> None:
        if (problem := self.amk.open_path(path)) is not None:
            self.notify(problem, severity="error")

    @on(Input.Submitted)
    @on(Button.Pressed, "#begin")
    def begin(self) -> None:
        error = self.query_one("#form-error", Label)
        amg = self.query_one("#amg", Input).value.strip()
        if not amg:
            error.update(self.t("start.need_amg"))
            self.query_one("#amg", Input).focus()
            return
        try:
            date = dt.date.fromisoformat(self.query_one("#date", Input).value.strip())
        except ValueError:
            error.update(self.t("start.bad_date"))
            self.query_one("#date", Input).focus()
            return
        try:
            groups = parse_groups(self.query_one("#groups", Input).value)
        except ValueError as exc:
            error.update(self.t("start.bad_groups", range=str(exc)))
            self.query_one("#groups", Input).focus()
            return
        app = self.amk
        variant = 2 if self.query_one("#variant-2", RadioButton).value else 1
        session = new_session(
            amg,
            app.config.program,
            groups=groups,
            unit=self.query_one("#unit", Input).value,
            facilitator=self.query_one("#facilitator", Input).value,
            date=date,
            language=app.content.language,
            variant=variant,
            revealed=not app.config.hide_until_reveal,
            clock=app.clock,
            default_name=self.t("group.default"),
        )
        if (problem := app.start_new(session)) is not None:
            error.update(problem)

"""The agenda: the program with planned and actual minutes; any step can be entered from it.

Before the program starts it is the home screen (n / PageDown / Enter starts the first
step); later `a` opens it over the workshop and Escape goes back.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label, Static

from amk_tui import keys
from amk_tui.core.countdown import format_clock, format_elapsed
from amk_tui.screens.base import AmkScreen


class AgendaScreen(AmkScreen[None]):
    """The program as a table; Enter or a phase's number jumps there."""

    BINDINGS = [
        *keys.bindings(keys.NEXT, keys.NEXT_REMOTE),
        Binding("enter", "enter_row", "key.enter_step"),
        Binding("escape", "close", "key.back"),
        *[
            Binding(str(n), f"phase({n})", "key.phase_n", show=False, key_display="1–9")
            for n in range(1, 10)
        ],
    ]

    def __init__(self, home: bool) -> None:
        super().__init__(classes="" if home else "overlay")
        self.home = home

    def compose(self) -> ComposeResult:
        session = self.session
        heading = f"{session.amg}"
        if session.unit:
            heading += f" · {session.unit}"
        yield Label(Text(heading, style="bold"), id="agenda-title")
        yield Label(self.subheading(), id="agenda-sub")
        yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield Static(self.t("agenda.hint_home" if self.home else "agenda.hint"), id="agenda-hint")
        yield Footer()

    def subheading(self) -> str:
        session = self.session
        agenda = session.agenda
        return self.t(
            "agenda.sub",
            date=session.date.isoformat(),
            groups=len(session.groups),
            variant=session.variant,
            actual=format_elapsed(agenda.total_actual),
            planned=format_elapsed(agenda.total_planned),
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in (
            ("n", "#"),
            ("step", "agenda.step"),
            ("planned", "agenda.planned"),
            ("actual", "agenda.actual"),
            ("left", "agenda.left"),
            ("state", "agenda.state"),
        ):
            table.add_column(self.t(label) if label.startswith("agenda.") else label, key=key)
        agenda = self.session.agenda
        for i, step in enumerate(agenda.steps):
            countdown = agenda.countdowns[step.key]
            if agenda.index == i:
                state = Text(self.t("agenda.now"), style="bold reverse")
            elif countdown.elapsed > 0:
                state = Text(self.t("agenda.visited"))
            else:
                state = Text("")
            number = str(step.phase_index + 1)
            if step.round_index is not None:
                number += "abcdefghij"[step.round_index]
            table.add_row(
                number,
                self.amk.step_title(step),
                f"{step.minutes:g} min",
                format_elapsed(countdown.elapsed) if countdown.elapsed else "–",
                format_clock(countdown.remaining),
                state,
                key=str(i),
            )
        table.move_cursor(row=agenda.index or 0)
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.enter(int(str(event.row_key.value)))

    def action_enter_row(self) -> None:
        self.enter(self.query_one(DataTable).cursor_row)

    def action_phase(self, number: int) -> None:
        program = self.session.program
        if 1 <= number <= len(program.phases):
            self.enter(program.first_step_of(number - 1))

    def action_next(self) -> None:
        agenda = self.session.agenda
        self.enter(0 if agenda.index is None else min(agenda.index + 1, len(agenda.steps) - 1))

    def enter(self, index: int) -> None:
        app = self.amk
        if self.home:
            app.go_step(index)
        else:
            self.dismiss()
            app.call_later(app.go_step, index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return not self.home
        return True

    def action_close(self) -> None:
        if not self.home:
            self.dismiss()

"""The agenda: the program with planned and actual minutes; any step can be entered from it.

Before the program starts it is the home screen (n / PageDown / Enter starts the first
step); later `a` opens it as a dialog over the workshop (opaque, its own keys only) and
Escape goes back. Both show one `AgendaPanel`, whose times tick while it is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from amk_tui import keys
from amk_tui.core.countdown import format_clock, format_elapsed
from amk_tui.screens.base import AmkModal, AmkScreen
from amk_tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from amk_tui.app import AmkApp

TICK = 1.0
"""Seconds between two redraws of the times."""


class AgendaPanel(Vertical):
    """Title, the program as a table and a hint; Enter or a phase's number jumps there."""

    BINDINGS = [
        *keys.bindings(keys.NEXT, keys.NEXT_REMOTE),
        Binding("enter", "enter_row", "key.enter_step"),
        *[
            Binding(str(n), f"phase({n})", "key.phase_n", show=False, key_display="1–9")
            for n in range(1, 10)
        ],
    ]

    def __init__(self, home: bool) -> None:
        super().__init__(id="agenda-panel")
        self.home = home

    @property
    def amk(self) -> AmkApp:
        return cast("AmkApp", self.app)

    def compose(self) -> ComposeResult:
        t = self.amk.content.t
        yield Label(id="agenda-title")
        yield Label(id="agenda-sub")
        yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield Static(t("agenda.hint_home" if self.home else "agenda.hint"), id="agenda-hint")

    def on_mount(self) -> None:
        t = self.amk.content.t
        table = self.query_one(DataTable)
        for key, label in (
            ("n", "#"),
            ("step", t("agenda.step")),
            ("planned", t("agenda.planned")),
            ("actual", t("agenda.actual")),
            ("left", t("agenda.left")),
            ("state", t("agenda.state")),
        ):
            table.add_column(label, key=key)
        self.refresh_times()
        session = self.amk.session
        assert session is not None
        table.move_cursor(row=session.agenda.index or 0)
        table.focus()
        self.set_interval(TICK, self.refresh_times)

    def refresh_times(self) -> None:
        """Fill (or update) the rows from the session: the times tick while it is open."""
        app = self.amk
        session = app.session
        if session is None:
            return
        t = app.content.t
        agenda = session.agenda
        heading = session.amg + (f" · {session.unit}" if session.unit else "")
        self.query_one("#agenda-title", Label).update(Text(heading, style="bold"))
        sub = t(
            "agenda.sub",
            date=app.content.date(session.date),
            groups=len(session.groups),
            variant=session.variant,
            actual=format_elapsed(agenda.total_actual),
            planned=format_elapsed(agenda.total_planned),
        )
        self.query_one("#agenda-sub", Label).update(Text(sub))
        table = self.query_one(DataTable)
        for i, step in enumerate(agenda.steps):
            countdown = agenda.countdowns[step.key]
            if agenda.index == i:
                state = Text(t("agenda.now"), style="bold reverse")
            elif countdown.used > 0:
                state = Text(t("agenda.visited"))
            else:
                state = Text("")
            number = str(step.phase_index + 1)
            if step.round_index is not None:
                number += _round_letter(step.round_index)
            row = (
                number,
                Text(app.step_title(step)),
                _minutes(agenda.step_planned(step.key)),
                format_elapsed(countdown.used) if countdown.used else "–",
                format_clock(countdown.remaining),
                state,
            )
            if str(i) in table.rows:
                columns = ("planned", "actual", "left", "state")
                for column, value in zip(columns, row[2:], strict=True):
                    table.update_cell(str(i), column, value)
            else:
                table.add_row(*row, key=str(i))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.enter(int(str(event.row_key.value)))

    def action_enter_row(self) -> None:
        self.enter(self.query_one(DataTable).cursor_row)

    def action_phase(self, number: int) -> None:
        session = self.amk.session
        assert session is not None
        if 1 <= number <= len(session.program.phases):
            self.enter(session.program.first_step_of(number - 1))

    def action_next(self) -> None:
        session = self.amk.session
        assert session is not None
        agenda = session.agenda
        self.enter(0 if agenda.index is None else min(agenda.index + 1, len(agenda.steps) - 1))

    def enter(self, index: int) -> None:
        screen = self.screen
        if isinstance(screen, AgendaOverlay):
            screen.dismiss()
            self.amk.call_later(self.amk.go_step, index)
        else:
            self.amk.go_step(index)


def _round_letter(index: int) -> str:
    """a, b, c … z, then aa, ab …: a program may have any number of rounds."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = letters[rest] + out
    return out


class AgendaScreen(AmkScreen[None]):
    """The home screen of a workshop whose program has not started yet."""

    def compose(self) -> ComposeResult:
        yield AgendaPanel(home=True)
        yield KeyFooter()


class AgendaOverlay(AmkModal[None]):
    """`a` over the workshop: the program, where it stands; Escape goes back."""

    BINDINGS = [Binding("escape", "close", "key.back")]

    def compose(self) -> ComposeResult:
        yield AgendaPanel(home=False)
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss()


def _minutes(seconds: float) -> str:
    """A step's planned time in the agenda: `25 min`, `27 min` after two `+`, `2:30 min`."""
    whole, rest = divmod(round(seconds), 60)
    return f"{whole} min" if not rest else f"{whole}:{rest:02d} min"

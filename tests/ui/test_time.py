"""Time that adds up (issue 17.3), as the facilitator sees it: `+` grows the planned total,
a paused countdown adds nothing, and after `r` the agenda keeps the time used — the same
figures as the phase bar and the referat."""

from __future__ import annotations

from textual.widgets import DataTable, Label

from amk_tui.app import AmkApp
from amk_tui.core.clock import FakeClock
from amk_tui.widgets.phase_bar import PhaseBar
from tests.ui.conftest import MakeApp


def agenda_row(app: AmkApp, row: int) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(cell) for cell in table.get_row_at(row)]


async def test_extend_pause_and_reset_add_up_everywhere(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown")  # Oplæg starts
        clock.advance(125)
        await pilot.press("plus", "plus")  # two more minutes
        await pilot.press("space")  # paused …
        clock.advance(300)  # … through a long discussion
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("j")  # reset: the countdown starts again from 10:00
        await pilot.pause()
        await pilot.press("space")
        clock.advance(20)
        phase_bar = app.screen.query_one(PhaseBar)
        phase_bar.refresh_bar()  # what its tick does
        bar = str(phase_bar.render())
        assert "02:25 / 45:00" in bar  # used over the reset; the reset took the + away
        await pilot.press("a")
        await pilot.pause()
        assert agenda_row(app, 0)[2:5] == ["10 min", "02:25", "09:40"]
        sub = str(app.screen.query_one("#agenda-sub", Label).render())
        assert "02:25 / 45:00" in sub
        await pilot.press("escape", "plus")
        await pilot.press("a")
        await pilot.pause()
        assert agenda_row(app, 0)[2] == "11 min"  # planned grows with `+`
        assert "02:25 / 46:00" in str(app.screen.query_one("#agenda-sub", Label).render())
        session = app.session
        assert session is not None
        assert round(session.agenda.actual_seconds("oplaeg")) == 145

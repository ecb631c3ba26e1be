"""Keys typed in one burst keep their order (a paste, a barcode reader, a presenter remote)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from amk_tui.app import AmkApp
from amk_tui.screens.forms import ActionForm
from tests.ui.conftest import MakeApp

WRAPUP = 3


def burst(app: AmkApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal delivers a fast burst (no wait in between)."""
    for key in keys:
        character = key if len(key) == 1 else {"tab": "\t", "space": " "}.get(key)
        app.post_message(events.Key(key, character))


async def test_tab_backspaces_and_a_word_at_once_lose_nothing(make_app: MakeApp) -> None:
    app = make_app(step=WRAPUP, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("escape", "end", "i")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        for attempt in range(5):
            form = app.screen
            assert isinstance(form, ActionForm)
            what, owner = form.query_one("#what", Input), form.query_one("#owner", Input)
            what.value, owner.value = "", "AMR"
            what.focus()
            await pilot.pause()
            burst(app, [*"Ny APV", "tab", "backspace", "backspace", "backspace", *"Formand"])
            await pilot.pause(0.2)
            assert (what.value, owner.value) == ("Ny APV", "Formand"), attempt


async def test_shift_tab_and_arrows_at_once_stay_in_order(make_app: MakeApp) -> None:
    app = make_app(step=WRAPUP, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("escape", "end", "i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        owner = form.query_one("#owner", Input)
        owner.value = "AMR"
        owner.focus()
        await pilot.pause()
        burst(app, ["end", *"X", "left", "left", *"Y", "shift+tab", *"abc"])
        await pilot.pause(0.2)
        assert owner.value == "AMYRX"
        assert form.query_one("#what", Input).value.endswith("abc")

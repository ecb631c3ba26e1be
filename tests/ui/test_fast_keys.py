"""Keys typed in one burst keep their order (a paste, a barcode reader, a presenter remote)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from amk_tui.app import AmkApp
from amk_tui.screens.forms import ActionForm
from tests.ui.conftest import DIALOG, OPSAMLING, MakeApp, saved


def burst(app: AmkApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal delivers a fast burst (no wait in between)."""
    for key in keys:
        character = key if len(key) == 1 else {"tab": "\t", "space": " "}.get(key)
        app.post_message(events.Key(key, character))


async def test_tab_backspaces_and_a_word_at_once_lose_nothing(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end", "i")
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
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end", "i")
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


async def test_letters_right_after_enter_go_into_the_notes(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, each=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown")  # the first answer: keys are keys here
        await pilot.pause()
        burst(app, ["enter", *"Tillid og åbenhed"])  # "a" would open the agenda, "i" …
        await pilot.pause(0.2)
        assert saved(app).notes == {"hvorfor": "Tillid og åbenhed"}
        assert app.screen is not None and type(app.screen).__name__ == "WorkshopScreen"


async def test_pagedown_enter_and_letters_at_once_write_under_the_next_question(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPSAMLING, each=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown", "enter", *"Tillid")
        await pilot.pause()
        burst(app, ["pagedown", "enter", *"Faste møder"])  # stepped while writing
        await pilot.pause(0.2)
        notes = saved(app).notes
        assert (notes.get("hvorfor"), notes.get("faelles")) == ("Tillid", "Faste møder")


async def test_escape_and_keys_at_once_are_keys_again(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown", "pagedown", "enter")  # writing under the second answer
        await pilot.pause()
        burst(app, ["escape", *"nnp", "space"])
        await pilot.pause(0.2)
        await pilot.pause()
        assert saved(app).notes == {}
        assert app.workshop is not None and app.workshop.item == 3  # n, n, p: one on
        assert app.countdown is not None and app.countdown.state == "paused"


async def test_digits_then_escape_then_pagedown_at_once(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        burst(app, [*"3241", "escape", "pagedown"])
        await pilot.pause(0.2)
        await pilot.pause()
        scores = saved(app).groups[0].scores
        assert scores == {"aabenhed": 3, "innovation": 2, "motivation": 4, "ressourcer": 1}
        assert app.workshop is not None and app.workshop.current is not None
        assert app.workshop.current.kind == "comparison"


async def test_a_redraw_while_typing_keeps_the_letters_not_yet_reported(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPSAMLING, each=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown", "enter", *"Til")
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):  # typed, its report still in the queue …
            notes.insert("lid")
        assert app.workshop is not None
        app.workshop.toggle_timer()  # … when another change redraws the question
        await pilot.pause()
        assert notes.text == "Tillid"
        await pilot.press("pagedown")
        await pilot.pause()
        assert saved(app).notes["hvorfor"] == "Tillid"


async def test_items_typed_in_one_burst_with_enters_stay_whole() -> None:
    """Found on a walk: "Faste punkter⏎Fejre⏎" pasted at once gave "Faste punkterF" and
    "ejre": the Enter's item was taken from the field after the next letter was in."""
    from textual.app import App, ComposeResult

    from amk_tui.widgets.item_list import ItemList

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ItemList("…")

    app = One()
    async with app.run_test() as pilot:
        items = app.query_one(ItemList)
        items.focus()
        await pilot.pause()
        for _ in range(3):
            burst(app, [*"Faste punkter", "enter", *"Fejre det", "enter", *"Mere"])  # type: ignore[arg-type]
            await pilot.pause(0.2)
            assert items.items[-2:] == ["Faste punkter", "Fejre det"]
            assert items.query_one(Input).value == "Mere"
            items.query_one(Input).value = ""

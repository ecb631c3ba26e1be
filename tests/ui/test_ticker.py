"""Every clock widget of an app looks at the clock on one shared tick (one frame a second)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label

from amk_tui.widgets import ticker


class Clocks(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("a", id="a")
        yield Label("b", id="b")


async def test_two_widgets_are_called_in_the_same_tick() -> None:
    app = Clocks()
    seen: list[tuple[str, int]] = []
    async with app.run_test() as pilot:
        count = {"n": 0}

        def first() -> None:
            count["n"] += 1
            seen.append(("a", count["n"]))

        def second() -> None:
            seen.append(("b", count["n"]))  # the same tick as `first` just counted

        ticker.on_tick(app.query_one("#a"), first)
        ticker.on_tick(app.query_one("#b"), second)
        await pilot.pause(ticker.TICK * 2.5)
    ticks = [n for who, n in seen if who == "a"]
    assert len(ticks) >= 2
    assert [n for who, n in seen if who == "b"] == ticks  # each tick reached both at once


async def test_one_tick_per_app() -> None:
    app = Clocks()
    async with app.run_test():
        before = len(app._timers)
        ticker.on_tick(app.query_one("#a"), lambda: None)
        ticker.on_tick(app.query_one("#b"), lambda: None)
        assert len(app._timers) == before + 1

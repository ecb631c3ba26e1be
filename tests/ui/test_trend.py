"""Udvikling over tid in the app: from Opsamling's comparison and from the start screen."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Action
from amk_tui.screens.followup import FollowupScreen
from amk_tui.screens.start import StartScreen
from amk_tui.screens.trend import TrendScreen
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.store import SessionStore
from amk_tui.widgets.trend_chart import TrendChart
from tests.ui.conftest import OPSAMLING, MakeApp
from tests.ui.history_support import earlier_workshops
from tests.unit.history_support import DATES, tendens_folder


def footer_keys(app: object) -> set[str]:
    from amk_tui.app import AmkApp

    assert isinstance(app, AmkApp)
    return {b.action for (_, b, enabled, _) in app.screen.active_bindings.values() if enabled}


async def test_t_on_the_comparison_shows_the_amg_over_time(
    make_app: MakeApp, store: SessionStore, config: Config, clock: FakeClock
) -> None:
    earlier_workshops(store, config, clock)
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "trend" in footer_keys(app)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrendScreen)
        trend = screen.trend
        assert [v.date.year for v in trend.visits] == [2025, 2025, 2026, 2026]
        assert trend.visits[-1].session_id == app.session.id if app.session else False
        assert trend.visits[0].means[0] == 1.5  # Åbenhed at the first: groups 1 and 2
        assert screen.query_one(TrendChart).size.height >= 10
        table = str(screen.query_one("#trend-table").render())
        assert "20.05.2025" in table and "26.11.2026" in table and "(4 workshops)" in table
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)


async def test_no_trend_key_with_fewer_than_two_earlier_workshops(
    make_app: MakeApp, store: SessionStore, config: Config, clock: FakeClock
) -> None:
    earlier_workshops(store, config, clock, n=1)
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "trend" not in footer_keys(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)


async def test_the_start_screen_offers_known_amgs_and_links_the_new_workshop(
    make_app: MakeApp, store: SessionStore, config: Config, clock: FakeClock
) -> None:
    tendens_folder(store, config, clock)
    last = sorted(store.folder.glob("2025-09-04-*.toml"))[0]
    session = store.load(last)
    session.actions = [Action(what="Trivselsmåling", deadline=dt.date(2025, 12, 1))]
    store.save(session, last)
    app = make_app(start=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, StartScreen)
        amgs = screen.query_one("#amgs", OptionList)
        labels = [str(amgs.get_option_at_index(i).prompt) for i in range(amgs.option_count)]
        assert len(labels) == 3 and "AMG Tendens" in labels[1] and "4 workshops" in labels[1]
        await pilot.press("down")  # from the AMG field into the list
        assert screen.focused is amgs
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrendScreen)
        assert app.screen.trend.dates == DATES
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert screen.query_one("#amg", Input).value == "AMG Tendens"
        assert screen.focused is screen.query_one("#unit", Input)
        await pilot.press("enter")  # Enter in a field starts the workshop
        await pilot.pause()
        assert isinstance(app.screen, FollowupScreen)  # last time's open action, as today
        assert app.workshop is not None and app.workshop.previous is not None
        assert app.workshop.previous.date == DATES[-1]


async def test_the_start_button_stays_in_sight_at_80x24_with_known_amgs(
    make_app: MakeApp, store: SessionStore, config: Config, clock: FakeClock
) -> None:
    tendens_folder(store, config, clock)
    app = make_app(start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        begin = app.screen.query_one("#begin")
        assert begin.region.height > 0 and begin.region.bottom <= 23
        assert app.screen.query_one("#amgs").region.height > 0

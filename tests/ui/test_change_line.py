"""The change since last time, where the room reads it: factor names and signed changes,
not bare numbers ("Siden sidst: 1↑ 2↑ …" told the room nothing)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.setup import new_session
from amk_tui.store import SessionStore
from tests.ui.conftest import OPSAMLING, TODAY, MakeApp


async def test_the_comparison_names_each_change(
    make_app: MakeApp, config: Config, store: SessionStore, clock: FakeClock
) -> None:
    before = new_session("Test AMG", config.program, groups=["A"], clock=clock,
                         date=TODAY - dt.timedelta(days=180))  # fmt: skip
    for factor in FACTOR_IDS:
        before.groups[0].set_score(factor, 2)
    before.finish()
    store.create(before)
    now = new_session("Test AMG", config.program, groups=["A"], date=TODAY, clock=clock)
    for factor, value in zip(FACTOR_IDS, (3, 2, 1, 2, 2, 2), strict=True):
        now.groups[0].set_score(factor, value)
    app = make_app(session=now, step=OPSAMLING)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#comparison-insights", Static).render())
        assert "Siden sidst: Åbenhed ↑ +1,0 · Innovation ±0,0 · Motivation ↓ −1,0" in text

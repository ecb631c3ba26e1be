"""The record an AMG files: a finished workshop's minutes stay as filed."""

from __future__ import annotations

import datetime as dt

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Action
from amk_tui.core.setup import new_session
from amk_tui.report import build_report
from amk_tui.screens.followup import FollowupScreen
from amk_tui.store import SessionStore
from tests.ui.conftest import TODAY


async def test_a_later_follow_up_leaves_the_filed_minutes_as_they_were(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """Issue acceptance: the finished workshop's file is byte-for-byte unchanged after a
    later workshop follows up its actions (done / i gang / opgivet), and so is its referat;
    the new referat shows the follow-up and carries the "i gang" action."""
    old = new_session(
        "AMG Lager", config.program, groups=["A"], date=dt.date(2026, 5, 1), clock=clock
    )
    old.actions = [
        Action("Fast punkt om psykisk arbejdsmiljø", owner="AMR", deadline=dt.date(2026, 6, 1)),
        Action("Trivselsmåling", owner="Leder", deadline=dt.date(2026, 9, 1)),
        Action("Ny APV-runde", owner="AMG"),
    ]
    old.finish()
    old_path = store.create(old)
    filed = old_path.read_bytes()
    minutes = build_report(store, old_path, fmt="md")
    new = new_session("AMG Lager", config.program, groups=["A"], date=TODAY, clock=clock)
    new_path = store.create(new)
    app = AmkApp(config, store, session=new, path=new_path, clock=clock, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, FollowupScreen)
        await pilot.press("d", "i", "x", "enter")
        await pilot.pause()
    assert old_path.read_bytes() == filed
    assert build_report(store, old_path, fmt="md") == minutes
    referat = build_report(store, new_path, fmt="md")
    follow = referat.split("Opfølgning på handlinger fra sidst", 1)[1].split("\n## ", 1)[0]
    assert "Fast punkt om psykisk arbejdsmiljø" in follow and "udført" in follow
    assert "Trivselsmåling" in follow and "i gang · videreført" in follow
    assert "Ny APV-runde" in follow and "opgivet" in follow
    plan = referat.split("Handlingsplan", 1)[1]
    assert "Trivselsmåling" in plan and "Ny APV-runde" not in plan.split("\n## ", 1)[0]
    assert [a.what for a in store.load(new_path).actions] == ["Trivselsmåling"]

"""The acceptance folder of issue 16: one AMG typed four ways, and another AMG."""

from __future__ import annotations

import datetime as dt

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Session
from amk_tui.store import SessionStore

SPELLINGS = ("AMG Tendens", "amg tendens", "AMG  Tendens ", "AMG Tendens")
DATES = (dt.date(2024, 3, 1), dt.date(2024, 9, 2), dt.date(2025, 3, 3), dt.date(2025, 9, 4))
AABENHED = ((1, 1, 2), (2, 3, 3), (3, 3, 4), (4, 5, 5))
"""Three groups' Åbenhed at each workshop: means 1,3 · 2,7 · 3,3 · 4,7."""


def workshop(
    config: Config, clock: FakeClock, amg: str, date: dt.date, scores: tuple[int, ...]
) -> Session:
    session = Session(amg=amg, program=config.program, clock=clock, date=date)
    for value in scores:
        group = session.add_group()
        group.scores["aabenhed"] = value
        group.scores["viden"] = 3
    session.status = "finished"
    return session


def tendens_folder(store: SessionStore, config: Config, clock: FakeClock) -> None:
    """Written in a shuffled order, so date order is the store's doing."""
    for i in (2, 0, 3, 1):
        store.create(workshop(config, clock, SPELLINGS[i], DATES[i], AABENHED[i]))
    store.create(workshop(config, clock, "AMG Kontor", dt.date(2025, 1, 1), (5, 5, 5)))

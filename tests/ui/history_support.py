"""Earlier workshops of the demo's AMG, for the trend view's Pilot and snapshot tests."""

from __future__ import annotations

import datetime as dt

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.session import Session
from amk_tui.store import SessionStore

EARLIER = (
    (dt.date(2025, 5, 20), (1, 3, 2, 1, 2, 3)),
    (dt.date(2025, 11, 18), (2, 3, 3, 2, 2, 3)),
    (dt.date(2026, 5, 19), (3, 4, 3, 2, 3, 4)),
)
"""Three workshops before the demo's (26.11.2026): the factors rising, one group each."""


def earlier_workshops(
    store: SessionStore, config: Config, clock: FakeClock, amg: str = "demo-amg", n: int = 3
) -> None:
    """`n` finished workshops of the AMG (typed another way than the demo types it)."""
    for date, scores in EARLIER[:n]:
        session = Session(amg=amg, program=config.program, clock=clock, date=date)
        for offset in (0, 1):
            group = session.add_group()
            for factor, value in zip(FACTOR_IDS, scores, strict=True):
                group.scores[factor] = min(value + offset, 5)
        session.status = "finished"
        store.create(session)

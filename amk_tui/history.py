"""An AMG's history from a sessions folder: its workshops as `core.trend` visits.

Read from the listing index (`store_index`), so an AMG with 200 workshops costs no parse of
its files when the index is up to date; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from amk_tui.core.session import amg_key
from amk_tui.core.trend import KnownAmg, Trend, Visit, known_amgs, trend_of
from amk_tui.store import SessionStore, Summary


def visits(store: SessionStore, listed: Sequence[Summary] | None = None) -> list[Visit]:
    """Every readable session of the folder as a visit (files that don't load are left out);
    from `listed` if a listing was just made."""
    summaries = store.summaries()[0] if listed is None else listed
    return [s.visit() for s in summaries]


def trend_for(store: SessionStore, amg: str) -> Trend | None:
    """The workshops of the AMG named `amg` (however typed), oldest first; None if none."""
    return trend_of(visits(store), amg_key(amg))


def known(store: SessionStore, today: dt.date) -> list[KnownAmg]:
    """The folder's AMGs, the one met most recently first."""
    return known_amgs(visits(store), today)

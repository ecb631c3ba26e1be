"""One truth for the room, through the real console: random sequences of the facilitator's
keys on the running app (Pilot), and after every key the scene the room derives from the
saved file equals the one the console shows (its countdown to the second).

The core's state machine (`tests/unit/test_room_truth.py`) explores many more sequences
quickly; this one proves that the keys reach the same rules through the screens.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amk_tui.app import AmkApp
from amk_tui.config import load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.setup import new_session
from amk_tui.room.watch import RoomWatch
from amk_tui.screens.workshop_base import WorkshopBase
from amk_tui.store import SessionStore
from tests.unit.test_room_truth import CONFIGS, same_picture

KEYS = [
    "n", "p", "pagedown", "pageup", "home", "end",
    "space", "plus", "minus", "greater_than_sign", "r,y",
    "h", "c", "v", "o", "b", "m",
    "a,1", "a,2", "a,3", "3", "escape",
    "tick", "minute",
]  # fmt: skip
"""A key, keys pressed together (a dialog answered), or time passing (`tick`, `minute`)."""


@settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    keys=st.lists(st.sampled_from(KEYS), min_size=8, max_size=30),
    program=st.sampled_from(sorted(CONFIGS)),
)
async def test_every_key_leaves_the_room_showing_what_the_console_shows(
    keys: list[str], program: str
) -> None:
    config = load_config(CONFIGS[program])
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "s", clock=clock)
        session = new_session(
            "AMG Taster", config.program, groups=["", ""], date=dt.date(2026, 12, 7), clock=clock
        )
        path = store.create(session)
        app = AmkApp(config, store, session=session, path=path, clock=clock, today=session.date)
        room = RoomWatch(config, store.folder, path, clock=clock)
        room.start()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("n")
            for key in keys:
                if key == "tick":
                    clock.advance(0.75)
                elif key == "minute":
                    clock.advance(61)
                else:
                    await pilot.press(*key.split(","))
                await pilot.pause()
                app.check_alert()
                screen = next(s for s in app.screen_stack if isinstance(s, WorkshopBase))
                room.look()
                if app.session is None or app.session.agenda.current is None:
                    continue
                console = screen.scene()
                shown = room.scene()
                same_picture(shown, console, clock.now)
        room.release()

"""SVG snapshots of the room's window (`amk room`) for each view kind, at a terminal moved to
the projector (120×36) and a large one (160×45), with the clock frozen.

The room is opened on a saved session file, as it follows the console's: what it shows is
the scene derived from that file. Re-record after a deliberate change: `make snapshots`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.core.session import Session
from amk_tui.room.app import RoomApp
from amk_tui.store import SessionStore
from tests.ui.conftest import DIALOG, OPLAEG, OPSAMLING, TODAY

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((160, 45), id="160x45")]
Snap = Callable[..., bool]
Arrange = Callable[[Session], None]


async def drawn(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, RoomApp)
    await app.drawn()
    await pilot.pause()
    await app.drawn()
    await pilot.pause()


def at(step: int, item: int = 0, **view: object) -> Arrange:
    def arrange(session: Session) -> None:
        session.agenda.go(step)
        session.cursor[session.agenda.steps[step].key] = item
        for key, value in view.items():
            setattr(session.view, key, value)

    return arrange


def room_on(config: Config, store: SessionStore, clock: FakeClock, arrange: Arrange) -> RoomApp:
    session = demo_session(config.program, clock=clock, date=TODAY)
    session.agenda.go(0)
    arrange(session)
    clock.advance(75)  # the countdown has run 1:15
    path = store.create(session)
    return RoomApp(config, path, clock=clock)


KINDS: dict[str, Arrange] = {
    "start": lambda session: setattr(session.agenda, "index", None),
    "slide-title": at(OPLAEG, 0),
    "slide-model": at(OPLAEG, 5),
    "slide-example": at(OPLAEG, 6),
    "groupwork": at(DIALOG),
    "comparison": at(OPSAMLING, 0),
    "comparison-bars-mean": at(OPSAMLING, 0, chart="bars", series="mean"),
    "share": at(OPSAMLING, 1),
    "discuss": at(OPSAMLING, 2),
    "plan": at(OPSAMLING, -1),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_room_view(
    snap_compare: Snap,
    config: Config,
    store: SessionStore,
    clock: FakeClock,
    kind: str,
    size: tuple[int, int],
) -> None:
    app = room_on(config, store, clock, KINDS[kind])
    assert snap_compare(app, terminal_size=size, run_before=drawn)


@pytest.mark.parametrize("size", SIZES)
def test_room_summary_of_a_finished_workshop(
    snap_compare: Snap, config: Config, store: SessionStore, clock: FakeClock, size: tuple[int, int]
) -> None:
    def finished(session: Session) -> None:
        session.agenda.go(OPSAMLING)
        session.finish()

    assert snap_compare(
        room_on(config, store, clock, finished), terminal_size=size, run_before=drawn
    )


@pytest.mark.parametrize("size", SIZES)
def test_room_waiting_for_a_workshop(
    snap_compare: Snap, config: Config, tmp_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = RoomApp(config, folder=folder, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=drawn)

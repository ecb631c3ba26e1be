"""Helpers for tests with a room window: one look at the file, and what the room shows."""

from __future__ import annotations

from textual.widgets import Static

from amk_tui.room.app import RoomApp
from amk_tui.room.screen import RoomScreen


async def looked(room: RoomApp) -> None:
    """One look at the file, and the redraw it asked for done (no real time passes)."""
    room.look()
    await room.drawn()


def shown(room: RoomApp) -> str:
    """Every text the room's screen shows now, as one string."""
    screen = room.screen
    assert isinstance(screen, RoomScreen)
    parts = [str(w.render()) for w in screen.query(Static) if w.display]
    return "\n".join(parts)

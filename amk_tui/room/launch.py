"""Starting the room's window: which workshop it follows, checked before anything runs."""

from __future__ import annotations

from pathlib import Path

from amk_tui.config import Config
from amk_tui.core.errors import AmkError, SessionError
from amk_tui.store import SessionStore


def room(config: Config, store: SessionStore, path: Path | None) -> int:
    """Follow `path`, or (without one) the newest unfinished workshop of the sessions folder
    and then whichever starts next. With nothing to follow yet the room waits: it is often
    opened on the projector before the console."""
    from amk_tui.room.app import RoomApp

    if path is not None and path.exists():
        try:  # a file that is there but does not load is said now, not shown as waiting
            SessionStore(path.parent, clock=store.clock).load(path)
        except SessionError as exc:
            raise AmkError(str(exc)) from None
    app = RoomApp(config, path, folder=store.folder)
    app.run()
    return app.return_code or 0

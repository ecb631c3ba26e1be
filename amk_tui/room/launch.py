"""Starting the room's window: which workshop it follows, checked before anything runs."""

from __future__ import annotations

from pathlib import Path

from amk_tui.config import Config
from amk_tui.core.errors import AmkError, SessionError, said
from amk_tui.core.text import visible
from amk_tui.store import SessionStore


def room(config: Config, store: SessionStore, path: Path | None) -> int:
    """Follow `path`, or the unfinished workshop saved most recently in the sessions folder."""
    from amk_tui.room.app import RoomApp

    moves_on = path is None
    if path is None:
        entry = store.newest_unfinished()
        if entry is None:
            folder = visible(str(store.folder), multiline=False)
            english = f"{folder}: no unfinished workshop to follow (amk room FILE)"
            raise said("no_live_workshop", english, folder=folder)
        path = entry.path
    else:
        try:
            SessionStore(path.parent, clock=store.clock).load(path)
        except SessionError as exc:
            raise AmkError(str(exc)) from None
    app = RoomApp(config, path, moves_on=moves_on)
    app.run()
    return app.return_code or 0

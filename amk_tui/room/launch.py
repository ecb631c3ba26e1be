"""Starting the room's window: which workshop it follows, checked before anything runs."""

from __future__ import annotations

from pathlib import Path

from amk_tui.config import Config
from amk_tui.core.errors import AmkError, SessionError
from amk_tui.store import SessionStore
from amk_tui.terminal import require_terminal


def _check(store: SessionStore, path: Path | None) -> None:
    """A file that is there but does not load is said now, not shown as waiting."""
    if path is not None and path.exists():
        try:
            SessionStore(path.parent, clock=store.clock).load(path)
        except SessionError as exc:
            raise AmkError(str(exc)) from None


def web_room(
    config: Config, store: SessionStore, path: Path | None, *, port: int | None, lan: bool
) -> int:
    """`amk room --web`: the room as a web page (no terminal needed)."""
    from amk_tui.room.web import serve

    _check(store, path)
    return serve(config, store.folder, path, port=port, lan=lan)


def room(config: Config, store: SessionStore, path: Path | None) -> int:
    """Follow `path`, or (without one) the newest unfinished workshop of the sessions folder
    and then whichever starts next. With nothing to follow yet the room waits: it is often
    opened on the projector before the console."""
    from amk_tui.room.app import RoomApp

    _check(store, path)
    require_terminal("amk room")
    app = RoomApp(config, path, folder=store.folder)
    app.run()
    return app.return_code or 0

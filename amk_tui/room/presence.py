"""Who is there, told with `flock` and no writes to the session: the console holds its edit
lock (exclusive); every room window holds a shared lock on `.<session>.room`.

- `console_alive(path)`: the room asks whether the facilitator's amk still has the file.
- `RoomMark`: the room's shared lock, held while the room window runs.
- `room_following(path)`: the console asks whether a room window follows it.
"""

from __future__ import annotations

import os
from pathlib import Path

from amk_tui.oslock import NOFOLLOW, NONBLOCK, try_lock, unlock


def console_lock_path(session: Path) -> Path:
    return session.with_name(f".{session.name}.lock")


def room_lock_path(session: Path) -> Path:
    return session.with_name(f".{session.name}.room")


def web_note_path(session: Path) -> Path:
    """Where a browser room leaves its address for the console (`.<session>.web`)."""
    return session.with_name(f".{session.name}.web")


def web_room_url(session: Path) -> str:
    """The address of a browser room following this workshop, if one said so (else "")."""
    try:
        fd = os.open(web_note_path(session), os.O_RDONLY | NOFOLLOW)
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as handle:
        line = handle.read(512).decode("utf-8", "replace").strip()
    return line if line.startswith("http://") and "\n" not in line else ""


def _held(path: Path, *, shared: bool) -> bool:
    """True if another process holds a lock on `path` that keeps us from taking one now:
    ask for a shared lock to see an exclusive one, an exclusive to see any."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK)
    except OSError:
        return False  # no lock file: nobody ever locked it
    try:
        if not try_lock(fd, shared=shared):
            return True
        unlock(fd)
        return False
    finally:
        os.close(fd)


def console_alive(session: Path) -> bool:
    """Does a facilitator's amk have this workshop open (its edit lock is held)?"""
    return _held(console_lock_path(session), shared=True)


def room_following(session: Path) -> bool:
    """Does a room window follow this workshop (its shared lock is held)?"""
    return _held(room_lock_path(session), shared=False)


class RoomMark:
    """The room window's shared lock, held while it runs (released on exit or death)."""

    def __init__(self, session: Path) -> None:
        self._fd: int | None = None
        path = room_lock_path(session)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CREAT | NOFOLLOW | NONBLOCK, 0o600)
        except OSError:
            return  # a read-only folder: the console simply won't see the room
        if not try_lock(fd, shared=True):
            os.close(fd)  # the console is asking right now: try again at the next look
            return
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            unlock(self._fd)
            os.close(self._fd)
            self._fd = None

"""Who is there, told with `flock` and no writes to the session: the console holds its edit
lock (exclusive); every room window holds a shared lock on `.<session>.room`.

- `console_alive(path)`: the room asks whether the facilitator's amk still has the file.
- `RoomMark`: the room's shared lock, held while the room window runs.
- `room_following(path)`: the console asks whether a room window follows it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


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
        fd = os.open(web_note_path(session), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as handle:
        line = handle.read(512).decode("utf-8", "replace").strip()
    return line if line.startswith("http://") and "\n" not in line else ""


def _held(path: Path, mode: int) -> bool:
    """True if another process holds a lock on `path` that keeps us from taking one of
    `mode` now: ask for a shared lock to see an exclusive one, an exclusive to see any."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False  # no lock file: nobody ever locked it
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def console_alive(session: Path) -> bool:
    """Does a facilitator's amk have this workshop open (its edit lock is held)?"""
    return _held(console_lock_path(session), fcntl.LOCK_SH)


def room_following(session: Path) -> bool:
    """Does a room window follow this workshop (its shared lock is held)?"""
    return _held(room_lock_path(session), fcntl.LOCK_EX)


class RoomMark:
    """The room window's shared lock, held while it runs (released on exit or death)."""

    def __init__(self, session: Path) -> None:
        self._fd: int | None = None
        path = room_lock_path(session)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
        except OSError:
            return  # a read-only folder: the console simply won't see the room
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # the console is asking right now: try again at the next look
            return
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

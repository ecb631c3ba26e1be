"""Following the session file: a cheap `stat` a few times a second, a read when it changed.

The store writes atomically (`os.replace`), so a read sees the old file or the new one, never
half of one. A file that is briefly missing or does not load keeps the last picture: the
follower reports it and goes on looking.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.errors import SessionError
from amk_tui.core.session import Session
from amk_tui.store import SessionStore


@dataclass(frozen=True)
class Stamp:
    """What `stat` says about the file: it changed if any of this changed."""

    inode: int
    size: int
    mtime_ns: int


def stamp(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Stamp(st.st_ino, st.st_size, st.st_mtime_ns)


class Follower:
    """Reads the session again whenever its file changed."""

    def __init__(self, path: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.path = path
        self.store = SessionStore(path.parent, clock=clock)
        self.session: Session | None = None
        """The last session that loaded (the room keeps showing it)."""
        self.problem = ""
        """Why the last look found nothing new to show (missing, does not load), else empty."""
        self._stamp: Stamp | None = None

    def poll(self) -> bool:
        """Look at the file; True if a new session was read."""
        now = stamp(self.path)
        if now is None:
            self.problem = "missing"
            return False
        if now == self._stamp and self.session is not None:
            return False
        try:
            session = self.store.load(self.path)
        except SessionError as exc:
            self.problem = exc.problem
            self._stamp = now  # don't read a bad file again until it changes
            return False
        self._stamp, self.session, self.problem = now, session, ""
        return True

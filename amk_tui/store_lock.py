"""The edit lock of a session: a lock (`oslock`: flock, or msvcrt on Windows) on
`.NAME.toml.lock` beside it, held while one amk edits the workshop; the system frees it when
the process dies. `SessionLock.current` tells
whether the lock file is still the one held (a sessions folder deleted and made again under
a running amk takes its lock files with it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from amk_tui.oslock import CLOEXEC, NOFOLLOW, private, try_lock, unlock


class SessionLock:
    """Held while this process edits a session; the kernel frees it when the process dies."""

    def __init__(self, handle: IO[bytes], path: Path | None = None) -> None:
        self._handle = handle
        self.path = path
        """The lock file (None: no lock file could be made, a read-only folder)."""

    @property
    def current(self) -> bool:
        """The lock file is still the one held: not deleted or replaced (a sessions folder
        deleted and made again under a running amk takes the lock files with it)."""
        if self.path is None:
            return True
        try:
            held, there = os.fstat(self._handle.fileno()), os.stat(self.path)
        except (OSError, ValueError):
            return False
        return (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)

    def release(self) -> None:
        if not self._handle.closed:
            unlock(self._handle.fileno())
        self._handle.close()


def lock_session(lock_path: Path) -> SessionLock | None:
    """Lock a session for editing through its lock file; None if another process holds it.

    Where no lock file can be made (a read-only folder) the lock is granted: saving
    will report that folder problem itself.
    """
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | CLOEXEC | NOFOLLOW
        fd = os.open(lock_path, flags, 0o600)
    except OSError:
        return SessionLock(open(os.devnull, "ab"))
    private(fd)  # the mode passes through the umask; an old lock was 0644
    handle = os.fdopen(fd, "ab")
    if not try_lock(handle.fileno()):
        handle.close()
        return None
    return SessionLock(handle, lock_path)

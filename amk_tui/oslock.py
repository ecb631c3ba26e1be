"""File locks and open flags on every platform: one small switch, no POSIX-only import at
module level anywhere else in amk.

- POSIX (Linux, macOS): `fcntl.flock`, shared and exclusive, never blocking; the kernel
  frees a lock when its process dies.
- Windows: `msvcrt.locking` on the first byte, which is exclusive only: a shared request
  takes an exclusive lock (so a second room window on Windows does not mark itself; the
  console still sees that a room follows, and the room that its console is there).
- Neither (an unusual Python): every lock is granted; amk runs, without the guard against
  a second console.

Why a switch and not a library: the locks amk needs are three calls (try, release, and a
look whether someone else holds one); `portalocker` would do it too but brings pywin32 on
Windows, and `filelock` has no shared locks. The fallback path is tested on Linux by a test
that imports every module with `fcntl` and `termios` unavailable (tests/unit/test_portable.py).
"""

from __future__ import annotations

import contextlib
import os
from types import ModuleType

_fcntl: ModuleType | None
_msvcrt: ModuleType | None
try:
    import fcntl as _fcntl
except ImportError:  # Windows
    _fcntl = None
try:
    import msvcrt as _msvcrt  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # POSIX
    _msvcrt = None

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Open flag: never through a symbolic link (0 where the platform has none)."""
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
"""Open flag: a FIFO never blocks the open (0 where the platform has none)."""
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
KIND = "flock" if _fcntl is not None else "msvcrt" if _msvcrt is not None else "none"
"""Which locks this platform gives (for the tests and `amk --version`'s diagnostics)."""


def try_lock(fd: int, *, shared: bool = False) -> bool:
    """Take a lock on the open file `fd` without waiting; False if someone else holds one
    that keeps us from it."""
    if _fcntl is not None:
        mode = _fcntl.LOCK_SH if shared else _fcntl.LOCK_EX
        try:
            _fcntl.flock(fd, mode | _fcntl.LOCK_NB)
        except OSError:
            return False
        return True
    if _msvcrt is not None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            _msvcrt.locking(fd, _msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    return True


def unlock(fd: int) -> None:
    """Release the lock on `fd` (closing the file releases it too)."""
    with contextlib.suppress(OSError):
        if _fcntl is not None:
            _fcntl.flock(fd, _fcntl.LOCK_UN)
        elif _msvcrt is not None:
            os.lseek(fd, 0, os.SEEK_SET)
            _msvcrt.locking(fd, _msvcrt.LK_UNLCK, 1)


def private(fd: int) -> None:
    """Mode 0600 on an open file where the platform has modes (not on Windows)."""
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, 0o600)

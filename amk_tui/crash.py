"""When amk itself fails: the traceback goes to a log file, the facilitator gets one line.

A traceback on the room's screen helps nobody and can hold a workshop's notes; a log file
in the (0700) sessions folder keeps it for whoever fixes amk. `write_crash_log()` appends to
`amk-crash.log` there (0600, never through a symbolic link) or, when that folder can't be
written, to a new private file in the system's temporary folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import traceback
from pathlib import Path
from typing import Protocol

from amk_tui import __version__
from amk_tui.oslock import CLOEXEC, NOFOLLOW, private


class Words(Protocol):
    def t(self, key: str, /, **values: object) -> str: ...


CRASH_LOG = "amk-crash.log"


def crash_report(error: BaseException) -> str:
    """What the log gets for one failure: when, which amk, and the whole traceback."""
    when = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    return f"--- {when} amk {__version__}\n{''.join(lines)}\n"


def write_crash_log(error: BaseException, folder: Path | None) -> Path | None:
    """Append `error`'s traceback to `folder/amk-crash.log`, else to a temp file.

    Returns the log's path, or None if it could be written nowhere.
    """
    text = crash_report(error).encode("utf-8", "backslashreplace")
    if folder is not None and folder.is_dir():
        path = folder / CRASH_LOG
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | NOFOLLOW | CLOEXEC
        try:
            fd = os.open(path, flags, 0o600)
        except OSError:
            pass
        else:
            with contextlib.suppress(OSError), os.fdopen(fd, "ab") as handle:
                private(handle.fileno())
                handle.write(text)
                return path
    try:
        fd, name = tempfile.mkstemp(prefix="amk-crash-", suffix=".log")
    except OSError:
        return None
    with os.fdopen(fd, "wb") as handle:
        handle.write(text)
    return Path(name)


def crash_line(content: Words, error: Exception, folder: Path | None) -> str:
    """The traceback into the crash log (beside the sessions), and one line for the person."""
    log = write_crash_log(error, folder)
    where = f" – {content.t('crash.log', path=str(log))}" if log else ""
    return f"amk: {content.t('crash.line')}: {type(error).__name__}{where}"

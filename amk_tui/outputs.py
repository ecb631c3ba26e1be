"""Where a report may be written: the one check every `-o` goes through."""

from __future__ import annotations

import contextlib
import os
import stat
import tomllib
from collections.abc import Iterable
from pathlib import Path

from amk_tui.core.errors import AmkError
from amk_tui.files import SESSION_LIMIT, FileProblem, not_regular, read_regular
from amk_tui.store_index import INDEX, SUFFIX


class OutputRefused(AmkError):
    """`-o` names something a report must not replace: a session, a folder, a device …"""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def refuse_output(target: Path, sources: Iterable[Path] = (), paper: str = "report") -> None:
    """Raise OutputRefused unless a report may be written to `target` (`amk report -o`).

    Every command that writes a report where the facilitator says calls this first.
    Refused, links followed:
    - anything that is not a regular file: a folder, FIFO, device node or socket;
    - a `.toml` name: sessions and config.toml are TOML, a report never is;
    - one of `sources` (the session being reported), also through another name;
    - an existing file that holds an amk session (`schema` and `amg` keys), whatever its name;
    - amk's own lock and index files.
    A name that does not exist yet is fine (a missing folder fails when writing).
    """
    info = _regular_or_new(target, f": give a file name for the {paper}")
    real = Path(os.path.realpath(target))
    if SUFFIX in (target.suffix.lower(), real.suffix.lower()):
        raise OutputRefused(
            target,
            "a .toml file is a session or a config; name the report .md, .html, .csv or .xlsx",
        )
    _not_bookkeeping(target, real)
    if info is None:
        return
    for source in sources:
        with contextlib.suppress(OSError):
            if os.path.samefile(source, target):
                raise OutputRefused(target, "is the session the report is made from")
    if _holds_session(real):
        raise OutputRefused(target, "holds an amk session; it would be overwritten")


def refuse_copy(target: Path, own: Path, sessions: Path | None = None) -> None:
    """Raise OutputRefused unless a copy of the workshop may be written to `target` (Ctrl+S).

    A copy is a session file, so `.toml` is its name; refused are what is not a regular
    file (a copy would replace a device node or FIFO with a file), amk's own lock and index
    files, the file of *another* workshop (its notes would be lost), and any name in the
    sessions folder itself (a copy there would be a second workshop, counted twice and
    opened as a fork).
    """
    info = _regular_or_new(target)
    real = Path(os.path.realpath(target))
    _not_bookkeeping(target, real)
    if info is not None:
        with contextlib.suppress(OSError):
            if os.path.samefile(own, target):
                return
        if _holds_session(real):
            raise OutputRefused(target, "holds another workshop; choose another name")
    if sessions is not None:
        with contextlib.suppress(OSError):
            if os.path.samefile(real.parent, sessions):
                raise OutputRefused(
                    target, "is in the sessions folder; save the copy elsewhere (a USB stick)"
                )


def _regular_or_new(target: Path, advice: str = "") -> os.stat_result | None:
    """`target`'s stat (links followed), None if it does not exist yet; OutputRefused if it
    is no regular file (a folder, FIFO, device, socket) or can't be checked."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputRefused(target, f"cannot check it ({exc.strerror or exc})") from None
    except ValueError:  # a NUL in the name
        raise OutputRefused(target, "is not a usable file name") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(target, f"{not_regular(info.st_mode)}{advice}")
    return info


def _not_bookkeeping(target: Path, real: Path) -> None:
    if real.name == INDEX or (real.name.startswith(".") and real.name.endswith(".lock")):
        raise OutputRefused(target, "is amk's own bookkeeping file")


def _holds_session(path: Path) -> bool:
    try:
        data = tomllib.loads(read_regular(path, SESSION_LIMIT).decode("utf-8-sig"))
    except (FileProblem, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False
    return "schema" in data and "amg" in data

"""Reading a file from outside: only a regular file, never blocking, never unbounded.

A FIFO given as a config, session or slide would block a plain `open()` forever; a device
such as `/dev/zero` never ends; a folder named `x.md` can't be read at all. `read_regular()`
checks what the path is before opening it, opens without blocking, checks again what it
opened (the path may have changed in between) and reads at most `limit` bytes. A symbolic
link to a regular file is fine. Every problem is one `FileProblem` whose text says what the
path is instead.

| what | limit |
|---|---|
| config.toml, a slide | `CONFIG_LIMIT`, `SLIDE_LIMIT` (1 MB) |
| a session file | `SESSION_LIMIT` (5 MB) |
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from amk_tui.oslock import CLOEXEC, NONBLOCK

MB = 1024 * 1024
CONFIG_LIMIT = 1 * MB
SLIDE_LIMIT = 1 * MB
SESSION_LIMIT = 5 * MB


class FileProblem(Exception):
    """A path that can't be read as a file; `problem` says why in a few words."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words: `a folder`, `a FIFO (named pipe)` …"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(mode: int) -> str:
    """The problem text for a path that is not a regular file."""
    return f"is {kind_of(mode)}, not a file"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (links followed); at most `limit` of them.

    Raises FileProblem: no such file, a folder, FIFO, device or socket, larger than `limit`,
    or unreadable (the system's words).
    """
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise FileProblem(path, not_regular(before.st_mode))
        flags = os.O_RDONLY | NONBLOCK | getattr(os, "O_NOCTTY", 0) | CLOEXEC
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot read ({exc.strerror or exc})") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else after the check
            raise FileProblem(path, not_regular(opened.st_mode))
        if opened.st_size > limit:
            raise FileProblem(path, f"larger than {_size(limit)}")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, MB))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # grew while being read
            raise FileProblem(path, f"larger than {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(path, f"cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _size(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit} bytes"

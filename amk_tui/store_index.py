"""The listing cache of a sessions folder: what `amk list`, the start screen and purge need
of each session, without reading every file again.

The cache maps each file name to its size and mtime and its summary or problem; a file whose
size or mtime changed is read again. It lives in the user's cache folder (`platformdirs`:
`~/.cache/amk` on Linux, `~/Library/Caches/amk` on macOS, `%LOCALAPPDATA%\\amk\\Cache` on
Windows; `AMK_CACHE_DIR` overrides it), one file per sessions folder, keyed by the folder's
path, 0600 in a 0700 folder. Every command that had to read files writes it — read-only ones
too, since the sessions folder itself is never written by listing it. An index an earlier
amk left in the sessions folder (`.amk-index.json`) is read when there is no cache yet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.session import Session
from amk_tui.core.trend import Visit, visit_of
from amk_tui.files import FileProblem, read_regular

if TYPE_CHECKING:
    from amk_tui.store import SessionStore

SUFFIX = ".toml"
INDEX = ".amk-index.json"
"""The index earlier versions kept in the sessions folder (read, never written now)."""
Progress = Callable[[int, int], None]
"""Told (files read so far, files to read) while a listing reads files it had no cache for."""


def cache_folder() -> Path:
    """The user's cache folder for amk (`AMK_CACHE_DIR` overrides it: tests, benchmarks)."""
    chosen = os.environ.get("AMK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("amk", appauthor=False))


def cache_path(folder: Path) -> Path:
    """The listing cache of one sessions folder (keyed by its absolute, resolved path)."""
    try:
        where = str(folder.resolve())
    except (OSError, RuntimeError):
        where = str(folder.absolute())
    key = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_folder() / f"index-{key}.json"


@dataclass(frozen=True)
class Unreadable:
    """A file in the sessions folder that did not load, and why."""

    path: Path
    problem: str


@dataclass(frozen=True)
class Entry:
    path: Path
    session: Session


@dataclass(frozen=True)
class Summary:
    """What a list needs of a session, without parsing its notes again."""

    path: Path
    date: dt.date
    amg: str
    status: str
    groups: int
    means: tuple[float | None, ...]
    """Mean over groups per factor, in FACTOR_IDS order."""
    amg_id: str = ""
    """The AMG's stable identity: what links its workshops (`amk trend`, follow-up)."""
    next_assessment: dt.date | None = None
    open_deadlines: tuple[dt.date, ...] = ()
    """Deadlines of the actions still open or in progress (not carried to a later one)."""
    followed: tuple[str, ...] = ()
    """The earlier workshops whose open actions this one followed up."""

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @classmethod
    def of(cls, path: Path, session: Session) -> Summary:
        v = visit_of(session)
        return cls(path, v.date, v.amg, session.status, v.groups, v.means, v.amg_id,
                   v.next_assessment, v.open_deadlines, v.followed)  # fmt: skip

    def visit(self) -> Visit:
        """This session as a point of its AMG's history (`core.trend`)."""
        return Visit(self.path.stem, self.date, self.amg, self.amg_id, self.groups, self.means,
                     self.finished, self.next_assessment, self.open_deadlines,
                     self.followed)  # fmt: skip

    def to_json(self) -> dict[str, object]:
        nxt = None if self.next_assessment is None else self.next_assessment.isoformat()
        return {"date": self.date.isoformat(), "amg": self.amg, "status": self.status,
                "groups": self.groups, "means": list(self.means), "amg_id": self.amg_id,
                "next": nxt, "open": [d.isoformat() for d in self.open_deadlines],
                "followed": list(self.followed)}  # fmt: skip

    @classmethod
    def from_json(cls, path: Path, data: dict[str, Any]) -> Summary:
        """Raises KeyError/TypeError/ValueError for an entry an older amk wrote (no `amg_id`):
        the file is read again, and `refresh_index()` writes the entry anew."""
        nxt = data["next"]
        return cls(path, dt.date.fromisoformat(data["date"]), str(data["amg"]),
                   str(data["status"]), int(data["groups"]),
                   tuple(None if m is None else float(m) for m in data["means"]),
                   str(data["amg_id"]), None if nxt is None else dt.date.fromisoformat(nxt),
                   tuple(dt.date.fromisoformat(d) for d in data["open"]),
                   tuple(str(f) for f in data["followed"]))  # fmt: skip


def summaries(
    store: SessionStore, progress: Progress | None = None
) -> tuple[list[Summary], list[Unreadable]]:
    """Like `scan()`, but from the cache of unchanged files: listing stays fast.

    A file whose size or mtime changed is read again, and the cache is written when anything
    was (`progress` hears how far a long read is). A cache that can't be read is ignored,
    one that can't be written is skipped.
    """
    index = _read_index(store)
    fresh: dict[str, dict[str, Any]] = {}
    summaries: list[Summary] = []
    bad: list[Unreadable] = []
    touched: dict[Path, int] = {}
    stale: list[tuple[Path, list[int]]] = []
    for path in store.files():
        try:
            info = path.stat()
        except OSError:
            continue
        key = [info.st_mtime_ns, info.st_size]
        touched[path] = info.st_mtime_ns
        item: Any = index.get(path.name)
        if _indexed(path, item, key) is None:  # new, changed, or a damaged entry: read it
            stale.append((path, key))
        else:
            fresh[path.name] = item
    for n, (path, key) in enumerate(stale, 1):
        fresh[path.name] = _index_item(store, path, key)
        if progress is not None:
            progress(n, len(stale))
    for name, item in fresh.items():
        path = store.folder / name
        entry = _indexed(path, item, item["key"]) or Unreadable(path, "cannot be listed")
        if isinstance(entry, Summary):
            summaries.append(entry)
        else:
            bad.append(entry)
    if fresh != index:
        _write_index(store, fresh)
    # Newest first: by workshop date, and on the same day the one worked on last.
    summaries.sort(key=lambda s: (s.date, touched[s.path], s.path.name), reverse=True)
    bad.sort(key=lambda u: u.path.name)
    return summaries, bad


def note_saved(store: SessionStore, path: Path, session: Session) -> None:
    """The index told of a file just written from `session`, so no listing reads it again."""
    try:
        info = path.stat()
        index = _read_index(store)
    except (OSError, AmkError):
        return
    index[path.name] = {
        "key": [info.st_mtime_ns, info.st_size],
        "summary": Summary.of(path, session).to_json(),
    }
    with contextlib.suppress(OSError, AmkError):
        _write_index(store, index)


def _index_item(store: SessionStore, path: Path, key: list[int]) -> dict[str, Any]:
    """What the index keeps of one file: its summary, or why it did not load."""
    try:
        return {"key": key, "summary": Summary.of(path, store.load(path)).to_json()}
    except SessionError as exc:
        return {"key": key, "problem": exc.problem}


INDEX_LIMIT = 64 * 1024 * 1024
"""Largest cache read (5,000 sessions take about 2 MB)."""


def _read_index(store: SessionStore) -> dict[str, Any]:
    """The folder's cache; without one, the index an earlier amk left in the folder."""
    for where in (cache_path(store.folder), store.folder / INDEX):
        try:
            data = json.loads(read_regular(where, INDEX_LIMIT).decode("utf-8"))
        except FileProblem:
            continue
        except (ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def _write_index(store: SessionStore, index: dict[str, Any]) -> None:
    path = cache_path(store.folder)
    with contextlib.suppress(AmkError, OSError):  # StoreError: the cache is optional
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        store.write_text(path, json.dumps(index))


def _indexed(path: Path, item: object, key: list[int]) -> Summary | Unreadable | None:
    """A file's listing from its index entry; None unless the entry is for this very file
    (same mtime and size) and can be read."""
    if not (isinstance(item, dict) and item.get("key") == key):
        return None
    if "summary" not in item:
        return Unreadable(path, str(item.get("problem", "")))
    try:
        return Summary.from_json(path, item["summary"])
    except (KeyError, TypeError, ValueError):
        return None

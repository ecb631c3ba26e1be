"""The listing index of a sessions folder: what `amk list`, the start screen and purge need
of each session, without reading every file again.

The index (`.amk-index.json`, 0600) maps each file name to its size and mtime and its summary
or problem; a file whose size or mtime changed is read again. Only `SessionStore.create()`
and `refresh_index()` write it; a read-only command never does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.session import Session
from amk_tui.core.trend import Visit, visit_of
from amk_tui.files import SESSION_LIMIT, FileProblem, read_regular

if TYPE_CHECKING:
    from amk_tui.store import SessionStore

SUFFIX = ".toml"
INDEX = ".amk-index.json"


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

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @classmethod
    def of(cls, path: Path, session: Session) -> Summary:
        v = visit_of(session)
        return cls(path, v.date, v.amg, session.status, v.groups, v.means, v.amg_id,
                   v.next_assessment, v.open_deadlines)  # fmt: skip

    def visit(self) -> Visit:
        """This session as a point of its AMG's history (`core.trend`)."""
        return Visit(self.path.stem, self.date, self.amg, self.amg_id, self.groups, self.means,
                     self.finished, self.next_assessment, self.open_deadlines)  # fmt: skip

    def to_json(self) -> dict[str, object]:
        nxt = None if self.next_assessment is None else self.next_assessment.isoformat()
        return {"date": self.date.isoformat(), "amg": self.amg, "status": self.status,
                "groups": self.groups, "means": list(self.means), "amg_id": self.amg_id,
                "next": nxt, "open": [d.isoformat() for d in self.open_deadlines]}  # fmt: skip

    @classmethod
    def from_json(cls, path: Path, data: dict[str, Any]) -> Summary:
        """Raises KeyError/TypeError/ValueError for an entry an older amk wrote (no `amg_id`):
        the file is read again, and `refresh_index()` writes the entry anew."""
        nxt = data["next"]
        return cls(path, dt.date.fromisoformat(data["date"]), str(data["amg"]),
                   str(data["status"]), int(data["groups"]),
                   tuple(None if m is None else float(m) for m in data["means"]),
                   str(data["amg_id"]), None if nxt is None else dt.date.fromisoformat(nxt),
                   tuple(dt.date.fromisoformat(d) for d in data["open"]))  # fmt: skip


def summaries(
    store: SessionStore, write_index: bool = False
) -> tuple[list[Summary], list[Unreadable]]:
    """Like `scan()`, but from an index of unchanged files: listing stays fast.

    The index (`.amk-index.json`, 0600) maps each file name to its size and mtime and its
    summary or problem; a file whose size or mtime changed is read again. Listing only
    reads it: it is written with `write_index` (what `refresh_index()` does), never by a
    read-only command. An index that can't be read is ignored, one that can't be written
    is skipped.
    """
    index = _read_index(store)
    fresh: dict[str, dict[str, Any]] = {}
    summaries: list[Summary] = []
    bad: list[Unreadable] = []
    touched: dict[Path, int] = {}
    for path in store.files():
        try:
            info = path.stat()
        except OSError:
            continue
        key = [info.st_mtime_ns, info.st_size]
        touched[path] = info.st_mtime_ns
        item: Any = index.get(path.name)
        entry = _indexed(path, item, key)
        if entry is None:  # new, changed, or a damaged index entry: read the file
            item = _index_item(store, path, key)
            entry = _indexed(path, item, key) or Unreadable(path, "cannot be listed")
        fresh[path.name] = item
        if isinstance(entry, Summary):
            summaries.append(entry)
        else:
            bad.append(entry)
    if write_index and fresh != index:
        _write_index(store, fresh)
    # Newest first: by workshop date, and on the same day the one worked on last.
    summaries.sort(key=lambda s: (s.date, touched[s.path], s.path.name), reverse=True)
    bad.sort(key=lambda u: u.path.name)
    return summaries, bad


def _index_item(store: SessionStore, path: Path, key: list[int]) -> dict[str, Any]:
    """What the index keeps of one file: its summary, or why it did not load."""
    try:
        return {"key": key, "summary": Summary.of(path, store.load(path)).to_json()}
    except SessionError as exc:
        return {"key": key, "problem": exc.problem}


def _read_index(store: SessionStore) -> dict[str, Any]:
    try:
        data = json.loads(read_regular(store.folder / INDEX, SESSION_LIMIT).decode("utf-8"))
    except (FileProblem, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_index(store: SessionStore, index: dict[str, Any]) -> None:
    with contextlib.suppress(AmkError, OSError):  # StoreError: the index is optional
        store.write_text(store.folder / INDEX, json.dumps(index))


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

"""Renaming an AMG across its session files, and merging two spellings into one.

Every file of the AMG gets the new name and `amg_id`; its file name stays (other sessions
name it as their `previous`). All or nothing, as far as a folder allows: each file is locked
(a workshop open in amk refuses the whole change), read and written to a temp file beside it
(fsynced, 0600) first; only when every temp file is on disk are they moved into place, one
`os.replace` each. A failure while writing leaves every file as it was; a failure between
two moves leaves each file whole, old or new, and running the command again finishes it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import tomli_w

from amk_tui.core.errors import AmkError
from amk_tui.core.session import amg_key
from amk_tui.store import SessionLock, SessionStore, Summary


class AmgFilesError(AmkError):
    """A rename or merge that was refused or failed; `reason` is a content key
    (`amg.<reason>`), `values` fill it in. Which files changed, if any, is in `done`."""

    def __init__(self, reason: str, done: int = 0, **values: str) -> None:
        self.reason = reason
        self.values = values
        self.done = done
        detail = ", ".join(f"{k}={v}" for k, v in values.items())
        super().__init__(f"{reason}" + (f" ({detail})" if detail else ""))


def rename_amg(store: SessionStore, old: str, new: str) -> list[Path]:
    """Every workshop of the AMG `old` (however typed) is named `new`. Refused when `new`
    is another AMG already (that is a merge)."""
    old_id, new_id, name = amg_key(old), amg_key(new), " ".join(new.split())
    if not new_id:
        raise AmgFilesError("empty")
    summaries = _summaries(store)
    paths = [s.path for s in summaries if s.amg_id == old_id]
    if not paths:
        raise AmgFilesError("unknown", amg=old)
    if new_id != old_id and any(s.amg_id == new_id for s in summaries):
        raise AmgFilesError("exists", amg=new)
    return relabel(store, paths, name, new_id)


def merge_amgs(store: SessionStore, source: str, target: str) -> list[Path]:
    """The workshops of `source` join the AMG `target`, under the name its newest workshop
    has (its files written otherwise get that name too): two spellings become one."""
    source_id, target_id = amg_key(source), amg_key(target)
    if source_id == target_id:
        raise AmgFilesError("same", amg=source)
    summaries = _summaries(store)  # newest first
    paths = [s.path for s in summaries if s.amg_id == source_id]
    targets = [s for s in summaries if s.amg_id == target_id]
    if not paths:
        raise AmgFilesError("unknown", amg=source)
    if not targets:
        raise AmgFilesError("unknown", amg=target)
    name = targets[0].amg
    paths += [s.path for s in targets if s.amg != name]  # its other spellings too
    return relabel(store, paths, name, target_id)


def _summaries(store: SessionStore) -> list[Summary]:
    summaries, _ = store.summaries()
    return summaries


def relabel(store: SessionStore, paths: Sequence[Path], name: str, amg_id: str) -> list[Path]:
    """Give each session in `paths` the AMG `name` and `amg_id`: all files or none."""
    locks: list[SessionLock] = []
    try:
        for path in paths:
            lock = store.lock(path)
            if lock is None:
                raise AmgFilesError("open", file=path.name)
            locks.append(lock)
        texts = []
        for path in paths:
            session = store.load(path)  # SessionError: nothing written yet
            session.amg, session.amg_id = name, amg_id
            texts.append((_real(path), tomli_w.dumps(session.to_dict())))
        _replace_all(_stage_all(texts))
    finally:
        for lock in locks:
            lock.release()
    store.refresh_index()
    return list(paths)


def _stage_all(texts: Sequence[tuple[Path, str]]) -> list[tuple[str, Path]]:
    """Every new text in a temp file beside its session; on any failure none is left."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in texts:
            staged.append((write_temp(target, text), target))
    except OSError as exc:
        _discard(staged)
        raise AmgFilesError("not_written", file=target.name, detail=_why(exc)) from None
    return staged


def write_temp(target: Path, text: str) -> str:
    """`text` in a new temp file beside `target`: written, fsynced, 0600. Returns its name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _replace_all(staged: Sequence[tuple[str, Path]]) -> None:
    done = 0
    try:
        for tmp, target in staged:
            os.replace(tmp, target)
            done += 1
    except OSError as exc:
        _discard(staged[done:])
        name = staged[done][1].name
        raise AmgFilesError("halfway", done=done, file=name, detail=_why(exc)) from None
    for folder in {target.parent for _, target in staged}:
        _fsync_folder(folder)


def _discard(staged: Sequence[tuple[str, Path]]) -> None:
    for tmp, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _real(path: Path) -> Path:
    """A session that is a symbolic link stays one: the file it points to is replaced."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

"""Renaming an AMG across its session files, and merging two spellings into one.

Every file of the AMG gets the new name and `amg_id`; its file name stays (other sessions
name it as their `previous`). A rename is a **journaled operation** that always finishes:

1. Every file is found once (symbolic links resolved: an alias is the same file), read
   (a file that cannot be read refuses the whole change before anything moves) and locked
   (a workshop open in amk refuses it too).
2. A journal (`.amk-amg-journal`, TOML: the new name and identity, the identities it
   replaces, every file) is written atomically into the sessions folder.
3. Each file is rewritten through a temp file of a fixed name beside it (`.NAME.amg-tmp`,
   fsynced, 0600) and moved into place (`os.replace`): each file is always whole.
4. The journal is removed.

Killed anywhere, the journal stays: the next `amk` command in the folder (`finish_pending`)
finishes it — every listed file that still carries another name is rewritten, every temp
file of the operation removed — so a re-run, `amk list` or `amk purge` always leaves every
file renamed and no copy of the notes behind.
"""

from __future__ import annotations

import contextlib
import os
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.session import amg_key
from amk_tui.oslock import NOFOLLOW
from amk_tui.store import SessionStore, Summary
from amk_tui.store_lock import SessionLock

JOURNAL = ".amk-amg-journal"
"""The rename or merge under way in a sessions folder (absent when none is)."""
TEMP_SUFFIX = ".amg-tmp"


class AmgFilesError(AmkError):
    """A rename or merge that was refused or failed; `reason` is a content key
    (`amg.<reason>`), `values` fill it in. Which files changed, if any, is in `done`."""

    def __init__(self, reason: str, done: int = 0, **values: str) -> None:
        self.reason = reason
        self.values = values
        self.done = done
        detail = ", ".join(f"{k}={v}" for k, v in values.items())
        super().__init__(f"{reason}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class Journal:
    """What a rename or merge under way changes."""

    name: str
    """The AMG's new name, as every file gets it."""
    amg_id: str
    replaces: tuple[str, ...]
    """The identities that become `amg_id` (the old one, or the merged spelling's)."""
    files: tuple[str, ...]
    """The sessions' files, absolute, links resolved (a session may live elsewhere)."""


def rename_amg(store: SessionStore, old: str, new: str) -> list[Path]:
    """Every workshop of the AMG `old` (however typed) is named `new`. Refused when `new`
    is another AMG already (that is a merge). Asked again when it is done (a re-run after a
    kill, which first finishes what was stopped), it says `already` (not a failure)."""
    finish_pending(store)
    old_id, new_id, name = amg_key(old), amg_key(new), " ".join(new.split())
    if not new_id:
        raise AmgFilesError("empty")
    summaries = _summaries(store)
    paths = [s.path for s in summaries if s.amg_id == old_id]
    if not paths:
        _already(summaries, new_id, name)
        raise AmgFilesError("unknown", amg=old)
    if new_id != old_id and any(s.amg_id == new_id for s in summaries):
        raise AmgFilesError("exists", amg=new)
    return relabel(store, paths, name, new_id, replaces=(old_id,))


def merge_amgs(store: SessionStore, source: str, target: str) -> list[Path]:
    """The workshops of `source` join the AMG `target`, under the name its newest workshop
    has (its files written otherwise get that name too): two spellings become one."""
    finish_pending(store)
    source_id, target_id = amg_key(source), amg_key(target)
    if source_id == target_id:
        raise AmgFilesError("same", amg=source)
    summaries = _summaries(store)  # newest first
    paths = [s.path for s in summaries if s.amg_id == source_id]
    targets = [s for s in summaries if s.amg_id == target_id]
    if not paths and targets:
        _already(summaries, target_id, targets[0].amg)
    if not paths:
        raise AmgFilesError("unknown", amg=source)
    if not targets:
        raise AmgFilesError("unknown", amg=target)
    name = targets[0].amg
    paths += [s.path for s in targets if s.amg != name]  # its other spellings too
    return relabel(store, paths, name, target_id, replaces=(source_id, target_id))


def _already(summaries: Sequence[Summary], amg_id: str, name: str) -> None:
    """Nothing is called the old name, and the new one is all there: the change is done
    (`already`, which the command says as a success)."""
    mine = [s for s in summaries if s.amg_id == amg_id]
    if mine and all(s.amg == name for s in mine):
        raise AmgFilesError("already", n=str(len(mine)), amg=name)


def _summaries(store: SessionStore) -> list[Summary]:
    summaries, unreadable = store.summaries()
    for bad in unreadable:  # whose AMG it is cannot be told: refuse before anything moves
        try:
            bad.path.read_bytes()
        except PermissionError:
            raise AmgFilesError("unreadable", file=bad.path.name) from None
        except OSError:
            continue  # gone, a folder, a device: no workshop of anyone's
    return summaries


def relabel(
    store: SessionStore,
    paths: Sequence[Path],
    name: str,
    amg_id: str,
    replaces: Sequence[str] = (),
) -> list[Path]:
    """Give each session in `paths` the AMG `name` and `amg_id`: journaled, so that it
    always finishes (see the module's docstring)."""
    real = _unique(store, paths)
    locks: list[SessionLock] = []
    try:
        for path in real:
            lock = store.lock(path)
            if lock is None:
                raise AmgFilesError("open", file=path.name)
            locks.append(lock)
        for path in real:  # every file readable before anything is written
            try:
                store.load(path)
            except SessionError:
                raise AmgFilesError("unreadable", file=path.name) from None
        journal = Journal(name, amg_id, tuple(replaces), tuple(str(p) for p in real))
        _write_journal(store, journal)
        _apply(store, journal)
    finally:
        for lock in locks:
            lock.release()
    with contextlib.suppress(AmkError, OSError):
        store.refresh_index()
    return list(real)


def finish_pending(store: SessionStore) -> Journal | None:
    """Finish a rename or merge that was stopped (killed, the power gone): every listed
    file gets the new name, every temp file goes, then the journal. Returns what it
    finished (None: nothing was pending). A file open in amk now waits for a later run."""
    journal_path = store.folder / JOURNAL
    try:
        data = tomllib.loads(journal_path.read_text("utf-8"))
        journal = Journal(
            str(data["name"]),
            str(data["amg_id"]),
            tuple(str(x) for x in data.get("replaces", [])),
            tuple(str(f) for f in data["files"] if _session_path(str(f))),
        )
    except FileNotFoundError:
        _sweep(store)
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        _drop_journal(store)  # written atomically, so never half: not a journal of amk's
        _sweep(store)
        return None
    locks: list[SessionLock] = []
    try:
        for file in journal.files:
            lock = store.lock(Path(file))
            if lock is None:
                raise AmgFilesError("open", file=file)
            locks.append(lock)
        _apply(store, journal)
    finally:
        for lock in locks:
            lock.release()
    with contextlib.suppress(AmkError, OSError):
        store.refresh_index()
    return journal


def _apply(store: SessionStore, journal: Journal) -> None:
    """Rewrite every listed file that does not carry the new name yet; then the journal
    goes. Each file is written to its temp file and moved into place: always whole."""
    done = 0
    for file in journal.files:
        path = Path(file)
        tmp = _temp_of(path)
        try:
            session = store.load(path)
        except SessionError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            continue  # gone meanwhile (purged, renamed by hand): nothing to finish
        if session.amg == journal.name and session.amg_id == journal.amg_id:
            with contextlib.suppress(OSError):
                tmp.unlink()
            done += 1
            continue
        session.amg, session.amg_id = journal.name, journal.amg_id
        try:
            _write_temp(tmp, tomli_w.dumps(session.to_dict()))
            os.replace(tmp, path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise AmgFilesError("halfway", done=done, file=path.name, detail=_why(exc)) from None
        done += 1
    for folder in {Path(f).parent for f in journal.files}:
        _fsync_folder(folder)
    _drop_journal(store)
    _sweep(store)


def _unique(store: SessionStore, paths: Sequence[Path]) -> list[Path]:
    """Each file once, by the file it is: a link and what it points to are one session."""
    seen: dict[Path, None] = {}
    for path in paths:
        seen.setdefault(path.resolve(), None)
    return list(seen)


def _session_path(name: str) -> bool:
    return os.path.isabs(name) and name.endswith(".toml")


def _temp_of(path: Path) -> Path:
    return path.with_name(f".{path.name}{TEMP_SUFFIX}")


def _write_journal(store: SessionStore, journal: Journal) -> None:
    data = {
        "name": journal.name,
        "amg_id": journal.amg_id,
        "replaces": list(journal.replaces),
        "files": list(journal.files),
    }
    try:
        store.write_text(store.folder / JOURNAL, tomli_w.dumps(data))
    except AmkError:
        raise AmgFilesError("not_written", file=JOURNAL, detail="journal") from None


def _drop_journal(store: SessionStore) -> None:
    with contextlib.suppress(FileNotFoundError):
        (store.folder / JOURNAL).unlink()


STALE = 600.0
"""Seconds after which a save's temp file is a leftover (a save takes milliseconds)."""


def _sweep(store: SessionStore) -> None:
    """Remove what stopped renames and saves left in the folder: the rename's temp files
    (no rename is under way when this runs) and, older than `STALE`, the hidden temp copies
    `.NAME.toml.*.tmp` of a killed save or of an earlier version's rename (they hold notes)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(store.folder):
            name = entry.name
            if not name.startswith(".") or not entry.is_file(follow_symlinks=False):
                continue
            old_save = ".toml." in name and name.endswith(".tmp")
            with contextlib.suppress(OSError):
                if name.endswith(TEMP_SUFFIX) or (
                    old_save and now - entry.stat(follow_symlinks=False).st_mtime > STALE
                ):
                    os.unlink(entry.path)


def _write_temp(tmp: Path, text: str) -> None:
    """`text` in `tmp` (replaced if a stopped run left one): written, fsynced, 0600."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | NOFOLLOW
    fd = os.open(tmp, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

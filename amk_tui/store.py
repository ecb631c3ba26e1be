"""The session store: one TOML file per workshop in the sessions folder.

Writes are atomic (temp file in the same folder, fsync, `os.replace`), files are 0600 and
the folder 0700 (each folder it creates, whatever the umask). A file that does not load is
reported by name and never rewritten. A lock file (`flock`, released by the kernel even on
SIGKILL, 0600) makes a second `amk` read-only. A session file that is a symbolic link stays
one: saving replaces the file it points to.

Reading never writes in the sessions folder: listing keeps its cache in the user's cache
folder (`store_index`). `refuse_output()` is the one check every `-o` goes through before a
report is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import tempfile
import tomllib
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import tomli_w

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.errors import SessionError
from amk_tui.core.session import Session
from amk_tui.files import SESSION_LIMIT, FileProblem, read_regular
from amk_tui.outputs import OutputRefused, refuse_output
from amk_tui.store_errors import StoreError
from amk_tui.store_index import (
    INDEX,
    SUFFIX,
    Entry,
    Progress,
    Summary,
    Unreadable,
    cache_path,
    summaries,
)
from amk_tui.store_lock import SessionLock, lock_session

__all__ = [
    "INDEX",
    "SUFFIX",
    "Entry",
    "OutputRefused",
    "SessionStore",
    "StoreError",
    "Summary",
    "Unreadable",
    "refuse_output",
    "slugify",
]

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slugify(name: str, limit: int = 40) -> str:
    """A safe, readable file-name part: `Lager & Logistik/Ålborg` → `lager-logistik-aalborg`."""
    text = unicodedata.normalize("NFKD", name.translate(_DANISH))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].strip("-") or "amg"


class SessionStore:
    """Lists, loads, saves, locks and purges sessions in one folder."""

    def __init__(self, folder: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.folder = Path(folder)
        self.clock = clock

    # -- paths ---------------------------------------------------------------------------
    def ensure_folder(self) -> None:
        """The sessions folder, made if missing: every folder made here is 0700 whatever the
        umask; the sessions folder itself is set to 0700 even if it existed."""
        missing: list[Path] = []
        folder = self.folder.absolute()
        while not folder.exists() and folder.parent != folder:
            missing.append(folder)
            folder = folder.parent
        try:
            for level in reversed(missing):
                with contextlib.suppress(FileExistsError):  # made meanwhile by another amk
                    level.mkdir(mode=0o700)
                    level.chmod(0o700)  # mkdir's mode passes through the umask
            if not self.folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(self.folder))
        except OSError as exc:
            raise StoreError(self.folder, "create_folder", exc) from None
        with contextlib.suppress(OSError):
            self.folder.chmod(0o700)  # an existing folder too: the notes are sensitive

    def new_path(self, date: dt.date, amg: str) -> Path:
        stem = f"{date.isoformat()}-{slugify(amg)}"
        path = self.folder / f"{stem}{SUFFIX}"
        n = 2
        while path.exists():
            path = self.folder / f"{stem}-{n}{SUFFIX}"
            n += 1
        return path

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [
            p
            for p in self.folder.iterdir()
            if p.suffix == SUFFIX and p.is_file() and not p.name.startswith(".")
        ]

    def resolve(self, name: str | Path) -> Path:
        """A session file as the facilitator names it: a path, or a file in this folder.

        `amk report 2026-11-26-lager.toml --sessions DIR` (the name `amk list` shows) and the
        same without `.toml` both find the file in DIR; a path that exists wins.
        """
        path = Path(name)
        if path.exists() or path.is_absolute():
            return path
        for candidate in (self.folder / path, self.folder / f"{path}{SUFFIX}"):
            if candidate.is_file():
                return candidate
        return path

    # -- read ----------------------------------------------------------------------------
    def load(self, path: Path) -> Session:
        """Read one session. Raises SessionError naming the file."""
        name = path.name
        try:
            raw = read_regular(path, SESSION_LIMIT)
        except FileProblem as exc:
            raise SessionError(name, exc.problem) from None
        try:
            data = tomllib.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise SessionError(name, f"not UTF-8 text (byte {exc.start})") from None
        except tomllib.TOMLDecodeError as exc:
            raise SessionError(name, f"not valid TOML ({exc})") from None
        except RecursionError:
            raise SessionError(name, "not valid TOML (nested too deeply)") from None
        session = Session.from_dict(data, clock=self.clock, source=name)
        session.id = path.stem
        return session

    def scan(self) -> tuple[list[Entry], list[Unreadable]]:
        """Every session, newest first, and the files that did not load."""
        entries: list[Entry] = []
        bad: list[Unreadable] = []
        for path in self.files():
            try:
                entries.append(Entry(path, self.load(path)))
            except SessionError as exc:
                bad.append(Unreadable(path, exc.problem))
        entries.sort(key=lambda e: (e.session.date, e.path.name), reverse=True)
        bad.sort(key=lambda u: u.path.name)
        return entries, bad

    def summaries(self, progress: Progress | None = None) -> tuple[list[Summary], list[Unreadable]]:
        """Like `scan()`, but from the listing cache of unchanged files (`store_index`)."""
        return summaries(self, progress)

    @property
    def index_path(self) -> Path:
        """Where this folder's listing cache is (in the user's cache folder)."""
        return cache_path(self.folder)

    def refresh_index(self) -> None:
        """Bring the listing cache up to date (what any listing does by itself).

        `create()` calls it; the app calls it after finishing a workshop and on quitting,
        so the next `amk list` reads no file again that did not change.
        """
        self.summaries()

    def previous(self, session: Session, listed: Sequence[Summary] | None = None) -> Entry | None:
        """The newest earlier session of the same AMG (by `amg_id`, however it is typed).

        Found through the listing index (or `listed`, a listing just made): only that one
        file is read again.
        """
        mine = (session.date, session.id)
        earlier = [
            s
            for s in (self.summaries()[0] if listed is None else listed)
            if s.amg_id == session.amg_id and (s.date, s.path.stem) < mine
        ]
        for s in sorted(earlier, key=lambda s: (s.date, s.path.stem), reverse=True):
            try:
                return Entry(s.path, self.load(s.path))
            except SessionError:
                continue
        return None

    def newest_unfinished(self) -> Entry | None:
        summaries, _ = self.summaries()
        for summary in summaries:
            if not summary.finished:
                try:
                    return Entry(summary.path, self.load(summary.path))
                except SessionError:
                    continue
        return None

    # -- write ---------------------------------------------------------------------------
    def create(self, session: Session) -> Path:
        """Give the session a file name of its own and write it.

        The finished file is hard-linked into place, which fails if the name exists: two amk
        starting the same AMG's workshop at once get two files, and no empty placeholder is
        ever visible.
        """
        self.ensure_folder()
        while True:
            path = self.new_path(session.date, session.amg)
            session.id = path.stem
            try:
                self._write(path, tomli_w.dumps(session.to_dict()), exclusive=True)
            except FileExistsError:
                continue
            self.refresh_index()  # this folder is amk's now: listing it may use an index
            return path

    def save(self, session: Session, path: Path) -> None:
        """Write atomically with mode 0600. Raises StoreError; the old file stays intact.

        A `path` that is a symbolic link stays one: the file it points to is replaced.
        """
        text = tomli_w.dumps(session.to_dict())
        self.write_text(path, text)

    def save_guarded(self, session: Session, path: Path) -> None:
        """The live workshop's autosave: `path` (its file, links resolved when it was opened)
        must still be a regular file, or gone; a symbolic link or a special file put in its
        place is refused (`replaced`), never followed. Raises StoreError."""
        text = tomli_w.dumps(session.to_dict())
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise StoreError(path, "save", exc) from None
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise StoreError(path, "save", OSError(errno.EEXIST, "replaced"), "replaced")
        self.write_text(path, text)  # a regular file (or none): there is no link to follow

    def write_text(self, path: Path, text: str) -> None:
        self._write(path, text)

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Like write_text, for a binary report (xlsx)."""
        self._write(path, data)

    def probe(self, path: Path) -> None:
        """Check that `path` could be saved, without writing it: a temp file is made beside
        the file (the link's target for a symbolic link) and removed. Raises StoreError.

        Opening a session calls this instead of saving it: a folder that can't be written is
        reported at once, and a file nobody changed is not rewritten.
        """
        folder = _real(path).parent
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=folder)
        except OSError as exc:
            raise StoreError(path, "save", exc) from None
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)

    def _write(self, path: Path, text: str | bytes, exclusive: bool = False) -> None:
        """Temp file in the same folder, fsync, 0600, then into place; the old file stays
        intact on any failure. `exclusive` raises FileExistsError instead of replacing.
        A symbolic link is followed: its target is replaced and the link stays."""
        path = path if exclusive else _real(path)
        folder = path.parent
        tmp_name = ""
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, 0o600)
            if exclusive:
                _link_new(tmp_name, path)
            else:
                os.replace(tmp_name, path)
                tmp_name = ""
            _fsync_folder(folder)
        except FileExistsError:
            raise
        except OSError as exc:
            raise StoreError(path, "save", exc) from None
        finally:
            if tmp_name:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)

    # -- lock ----------------------------------------------------------------------------
    def lock(self, path: Path) -> SessionLock | None:
        """Lock a session for editing; None if another process holds it (`store_lock`)."""
        return lock_session(_lock_path(path))

    # -- purge ---------------------------------------------------------------------------
    def purgeable(self, older_than_days: int, today: dt.date) -> list[Summary]:
        """Sessions dated more than `older_than_days` before today (unreadable files kept)."""
        try:
            cutoff = today - dt.timedelta(days=older_than_days)
        except OverflowError:  # before the year 1: nothing is that old
            return []
        summaries, _ = self.summaries()
        return [s for s in summaries if s.date < cutoff]

    def delete(self, summary: Summary) -> bool:
        """Delete a session with its report and lock file; False (kept) while one is open."""
        path = summary.path
        link = path.is_symlink()  # only the link goes: what it points to is not ours to delete
        lock_path = path.with_name(f".{path.name}.lock") if link else _lock_path(path)
        lock = self.lock(path)
        if lock is None:
            return False
        try:
            path.unlink(missing_ok=True)
            path.with_suffix(".md").unlink(missing_ok=True)  # the report holds the notes too
            lock_path.unlink(missing_ok=True)
        finally:
            lock.release()
        return True


def resolved(path: Path) -> Path:
    """The file a session path is: a symbolic link's target (the path as it is otherwise).
    The console and the room resolve a session's path once, when they open it."""
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError:
        return path


def _real(path: Path) -> Path:
    """The file a symbolic link points to (the path itself if it is none)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _lock_path(path: Path) -> Path:
    """`.name.toml.lock` beside the session (beside the link's target for a link)."""
    real = _real(path)
    return real.with_name(f".{real.name}.lock")


def _link_new(tmp_name: str, path: Path) -> None:
    """Put a written temp file at `path` only if that name is free (FileExistsError if not)."""
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError:  # a filesystem without hard links: claim the name, then replace it
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp_name, path)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

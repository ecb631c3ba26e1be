"""The session store: one TOML file per workshop in the sessions folder.

Writes are atomic (temp file in the same folder, fsync, `os.replace`), files are 0600 and
the folder 0700. A file that does not load is reported by name and never rewritten. A lock
file (`flock`, released by the kernel even on SIGKILL) makes a second `amk` read-only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import re
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import tomli_w

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.errors import AmkError, SessionError
from amk_tui.core.scores import FACTOR_IDS, stats_by_factor
from amk_tui.core.session import Session

SUFFIX = ".toml"
INDEX = ".amk-index.json"
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


class StoreError(AmkError):
    """Saving failed (read-only folder, disk full …); the file on disk is unchanged.

    `reason` is a short code the UI translates (`disk_full`, `no_access`, `read_only`,
    `other`); `detail` is the system's own words.
    """

    REASONS = {
        errno.ENOSPC: "disk_full",
        errno.EDQUOT: "disk_full",
        errno.EACCES: "no_access",
        errno.EPERM: "no_access",
        errno.EROFS: "read_only",
    }

    def __init__(self, path: Path, action: str, error: OSError) -> None:
        self.path = path
        self.action = action
        """`save` or `create_folder`."""
        self.reason = self.REASONS.get(error.errno or 0, "other")
        self.detail = error.strerror or str(error)
        english = {"disk_full": "the disk is full"}.get(self.reason, self.detail)
        verb = "not saved" if action == "save" else "cannot create the folder"
        super().__init__(f"{path}: {verb} ({english})")


def slugify(name: str, limit: int = 40) -> str:
    """A safe, readable file-name part: `Lager & Logistik/Ålborg` → `lager-logistik-aalborg`."""
    text = unicodedata.normalize("NFKD", name.translate(_DANISH))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].strip("-") or "amg"


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

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @classmethod
    def of(cls, path: Path, session: Session) -> Summary:
        stats = stats_by_factor(session.groups)
        return cls(path, session.date, session.amg, session.status, len(session.groups),
                   tuple(stats[f].mean for f in FACTOR_IDS))  # fmt: skip

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "amg": self.amg, "status": self.status,
                "groups": self.groups, "means": list(self.means)}  # fmt: skip

    @classmethod
    def from_json(cls, path: Path, data: dict[str, Any]) -> Summary:
        return cls(path, dt.date.fromisoformat(data["date"]), str(data["amg"]),
                   str(data["status"]), int(data["groups"]),
                   tuple(None if m is None else float(m) for m in data["means"]))  # fmt: skip


class SessionLock:
    """Held while this process edits a session; the kernel frees it when the process dies."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle

    def release(self) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()


class SessionStore:
    """Lists, loads, saves, locks and purges sessions in one folder."""

    def __init__(self, folder: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.folder = Path(folder)
        self.clock = clock

    # -- paths ---------------------------------------------------------------------------
    def ensure_folder(self) -> None:
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
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
            raw = path.read_bytes()
        except OSError as exc:
            raise SessionError(name, f"cannot read ({exc.strerror})") from None
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

    def summaries(self) -> tuple[list[Summary], list[Unreadable]]:
        """Like `scan()`, but from an index of unchanged files: listing stays fast.

        The index (`.amk-index.json`, 0600) maps each file name to its size and mtime and its
        summary or problem; a file whose size or mtime changed is read again. An index that
        can't be read or written is simply rebuilt or skipped.
        """
        index = self._read_index()
        fresh: dict[str, dict[str, Any]] = {}
        summaries: list[Summary] = []
        bad: list[Unreadable] = []
        touched: dict[Path, int] = {}
        for path in self.files():
            try:
                stat = path.stat()
            except OSError:
                continue
            key = [stat.st_mtime_ns, stat.st_size]
            touched[path] = stat.st_mtime_ns
            item = index.get(path.name)
            if not (isinstance(item, dict) and item.get("key") == key):
                try:
                    item = {"key": key, "summary": Summary.of(path, self.load(path)).to_json()}
                except SessionError as exc:
                    item = {"key": key, "problem": exc.problem}
            fresh[path.name] = item
            if "summary" in item:
                try:
                    summaries.append(Summary.from_json(path, item["summary"]))
                    continue
                except (KeyError, TypeError, ValueError):
                    fresh.pop(path.name)  # a damaged index entry: read the file next time
                    continue
            bad.append(Unreadable(path, str(item.get("problem", ""))))
        if fresh != index:
            self._write_index(fresh)
        # Newest first: by workshop date, and on the same day the one worked on last.
        summaries.sort(key=lambda s: (s.date, touched.get(s.path, 0), s.path.name), reverse=True)
        bad.sort(key=lambda u: u.path.name)
        return summaries, bad

    def _read_index(self) -> dict[str, Any]:
        try:
            data = json.loads((self.folder / INDEX).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_index(self, index: dict[str, Any]) -> None:
        with contextlib.suppress(StoreError, OSError):
            self.write_text(self.folder / INDEX, json.dumps(index, ensure_ascii=False))

    def previous(self, session: Session) -> Entry | None:
        """The newest earlier session of the same AMG (matched by slug), if any.

        Only files named for that AMG are read (`<date>-<slug>[-n].toml`).
        """
        key = slugify(session.amg)
        pattern = re.compile(rf"^\d{{4}}-\d{{2}}-\d{{2}}-{re.escape(key)}(-\d+)?$")
        candidates = []
        for path in self.files():
            if path.stem == session.id or not pattern.match(path.stem):
                continue
            try:
                other = self.load(path)
            except SessionError:
                continue
            if slugify(other.amg) == key and (other.date, other.id) < (session.date, session.id):
                candidates.append(Entry(path, other))
        return max(candidates, key=lambda e: (e.session.date, e.session.id), default=None)

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
            return path

    def save(self, session: Session, path: Path) -> None:
        """Write atomically with mode 0600. Raises StoreError; the old file stays intact."""
        text = tomli_w.dumps(session.to_dict())
        self.write_text(path, text)

    def write_text(self, path: Path, text: str) -> None:
        self._write(path, text)

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Like write_text, for a binary report (xlsx)."""
        self._write(path, data)

    def _write(self, path: Path, text: str | bytes, exclusive: bool = False) -> None:
        """Temp file in the same folder, fsync, 0600, then into place; the old file stays
        intact on any failure. `exclusive` raises FileExistsError instead of replacing."""
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
        """Lock a session for editing; None if another process holds it.

        Where no lock file can be made (a read-only folder) the lock is granted: saving
        will report that folder problem itself.
        """
        lock_path = path.with_name(f".{path.name}.lock")
        try:
            handle = open(lock_path, "ab")  # noqa: SIM115 (held open for the app's lifetime)
        except OSError:
            return SessionLock(open(os.devnull, "ab"))
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return None
        return SessionLock(handle)

    # -- purge ---------------------------------------------------------------------------
    def purgeable(self, older_than_days: int, today: dt.date) -> list[Summary]:
        """Sessions dated more than `older_than_days` before today (unreadable files kept)."""
        cutoff = today - dt.timedelta(days=older_than_days)
        summaries, _ = self.summaries()
        return [s for s in summaries if s.date < cutoff]

    def delete(self, summary: Summary) -> bool:
        """Delete a session with its report and lock file; False (kept) while one is open."""
        path = summary.path
        lock = self.lock(path)
        if lock is None:
            return False
        try:
            path.unlink(missing_ok=True)
            path.with_suffix(".md").unlink(missing_ok=True)  # the report holds the notes too
            path.with_name(f".{path.name}.lock").unlink(missing_ok=True)
        finally:
            lock.release()
        return True


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

"""The keeper of the open workshop's file: its path, its lock, saving, a copy elsewhere.

The app holds one `Keeper` per open workshop and is the only part of the UI that talks to the
store through it; screens and widgets never do. Every method reports a failure as a
`StoreError` (the file on disk unchanged) for the app to put in words.

Saving a copy (Ctrl+S) never moves the workshop: it goes on being saved to its own file in the
sessions folder, and while that folder fails, every change is written to the copy as well.
"""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path

from amk_tui.config.content import Content
from amk_tui.core.clock import Clock
from amk_tui.core.closing import Finishing, finish_session
from amk_tui.core.errors import AmkError
from amk_tui.core.session import Session
from amk_tui.core.trend import Trend, trend_of
from amk_tui.outputs import OutputRefused, refuse_copy
from amk_tui.store import SessionStore, StoreError, resolved
from amk_tui.store_lock import SessionLock


def describe(content: Content, exc: Exception) -> str:
    """A failed load or save in one line in the content's language: the file and why."""
    if not isinstance(exc, StoreError):
        from amk_tui.cli_words import CliWords

        return CliWords(content).problem(str(exc))
    reason = content.t(f"store.{exc.reason}", detail=exc.detail)
    return content.t(f"store.{exc.action}", path=str(exc.path), reason=reason)


class Keeper:
    """The file of one open workshop."""

    def __init__(
        self, store: SessionStore, path: Path, lock: SessionLock | None, view_only: bool
    ) -> None:
        self.store = store
        self.path = path
        self._lock = lock
        self.view_only = view_only
        """Nothing is written: another amk holds the file, or it was opened to look at."""
        self.unsaved = False
        """True while the last save failed; the next change (or quit) tries again."""
        self.copy: Path | None = None
        """Where Ctrl+S last saved a copy: written too while the sessions folder fails."""
        self.copy_current = False
        """The copy holds everything (the last save went there when the folder failed)."""

    @classmethod
    def open(cls, store: SessionStore, path: Path, force_readonly: bool = False) -> Keeper:
        """Take the file's lock; without it (another amk has it) the keeper writes nothing.

        A symbolic link is resolved here, once: the lock, a room's presence and every save
        are the file it points to now (a link swapped in later is never followed)."""
        real = resolved(path)
        lock = None if force_readonly else store.lock(real)
        return cls(store, real, lock, view_only=lock is None)

    @property
    def locked_elsewhere(self) -> bool:
        return self._lock is None

    def release(self) -> None:
        """Let the file go; the folder's listing index is brought up to date on the way out
        (only by the amk that edited it)."""
        if self._lock is not None:
            with contextlib.suppress(AmkError, OSError):
                self.store.refresh_index()
            self._lock.release()
            self._lock = None

    # -- saving --------------------------------------------------------------------------
    def probe(self) -> StoreError | None:
        """Can the file be saved? Asked at opening, without rewriting the file (the folder of
        a symbolic link's target is the one tried)."""
        if self.view_only:
            return None
        try:
            self.store.probe(self.path)
        except StoreError as exc:
            self.unsaved = True
            return exc
        return None

    def save(self, session: Session) -> StoreError | None:
        """Write the workshop to its file (and to the copy while that fails) — only while
        this amk still holds it, and only into the regular file it opened."""
        if self.view_only:
            return None
        try:
            self._still_ours()
            self.store.save_guarded(session, self.path)
        except StoreError as exc:
            self.unsaved = True
            self.copy_current = False
            if self.copy is not None:
                with contextlib.suppress(StoreError):
                    self.store.save(session, self.copy)
                    self.copy_current = True
            return exc
        self.unsaved = False
        return None

    def _still_ours(self) -> None:
        """The lock file still the one held (else take the new one); another amk holding
        it now raises StoreError `taken`: two consoles never overwrite each other."""
        lock = self._lock
        if lock is None or lock.current:
            return
        again = self.store.lock(self.path)
        if again is None:
            raise StoreError(self.path, "save", OSError(errno.EBUSY, "taken"), "taken")
        lock.release()
        self._lock = again

    def save_copy(self, session: Session, target: Path) -> StoreError | OutputRefused | None:
        """A copy of the workshop at `target`; the workshop stays where it is. Never onto a
        device, a FIFO or another workshop's file (`refuse_copy`)."""
        try:
            refuse_copy(target, self.path, self.store.folder)
            self.store.save(session, target)
        except (StoreError, OutputRefused) as exc:
            return exc
        except (OSError, RuntimeError, ValueError) as exc:  # a path not even looked at
            return self.problem_at(target, exc)
        self.copy = target
        self.copy_current = True
        return None

    def is_own_file(self, target: Path) -> bool:
        """Raises OSError (or RuntimeError for a link loop) for a path it cannot look at."""
        return target.resolve() == self.path.resolve()

    @staticmethod
    def problem_at(target: Path, exc: Exception) -> StoreError:
        """Any failure to look at or write `target`, as the store's error (one line)."""
        if isinstance(exc, OSError):
            return StoreError(target, "save", exc)
        return StoreError(target, "save", OSError(0, "not a usable path"))

    def try_finish(
        self, session: Session, clock: Clock, how: Finishing | None = None
    ) -> StoreError | None:
        """Save a finished copy first (finished `how`): if that fails, the live workshop is
        untouched; if it works, it is the one write of finishing (`Workshop.finish(saved=
        True)` marks the live workshop alike without writing again)."""
        trial = Session.from_dict(session.to_dict(), clock=clock)
        trial.id = session.id
        finish_session(trial, how or Finishing(session.next_assessment))
        try:
            self.store.save(trial, self.path)
        except StoreError as exc:
            self.unsaved = True
            return exc
        from amk_tui.store_index import note_saved

        note_saved(self.store, self.path, trial)  # `amk list` shows it finished, unread again
        return None

    def write_report(
        self, session: Session | None = None, previous: Session | None = None
    ) -> Path | StoreError:
        """The Markdown report next to the session file (0600, like the session): of
        `session` as it is in memory (with its `previous`), else as read from the file."""
        from amk_tui.report import build_report, markdown_of

        target = self.path.with_suffix(".md")
        try:
            if session is not None:
                text = markdown_of(session, previous)
            else:
                text = build_report(self.store, self.path, fmt="md")
            self.store.write_text(target, text)
        except StoreError as exc:
            return exc
        return target

    # -- last time's workshop --------------------------------------------------------------
    def links(self, session: Session) -> tuple[tuple[Session, Path] | None, Trend | None]:
        """Last time's workshop of this AMG and all its workshops in the folder, oldest
        first: both from one reading of the listing index."""
        from amk_tui.history import visits

        listed, _ = self.store.summaries()
        entry = self.store.previous(session, listed)
        previous = None if entry is None else (entry.session, entry.path)
        return previous, trend_of(visits(self.store, listed), session.amg_id)

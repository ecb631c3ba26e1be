"""Which workshop the room follows, and what it last read: one watch for every room window.

The terminal room (`amk room`) and the browser room (`amk room --web`) both look through a
`RoomWatch` a few times a second and render `watch.scene()`: the core scene derived from the
session the console last saved, the same function the console's own heading is drawn from.

- **Following**: a cheap `stat` per look, a read when the file changed (`Follower`).
- **Presence**: every `PRESENCE_EVERY` looks, whether the console still holds the file
  (`console_alive`); the room's own shared lock (`RoomMark`) tells the console a room follows.
- **Waiting**: opened before any workshop (with no file, or a file not there yet) it waits
  and follows the first workshop that starts; it never gives up.
- **Moving on**: opened without a file, once its workshop is over (finished, or its console
  gone for `WAIT_AFTER` checks) it follows a newer live workshop of the same folder.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from amk_tui.config import Config, Content, content_for
from amk_tui.config.flow import outline
from amk_tui.core import anonymity
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.errors import AmkError
from amk_tui.core.scene import Scene, derive
from amk_tui.core.session import Session
from amk_tui.room.follow import Follower
from amk_tui.room.presence import RoomMark, console_alive
from amk_tui.store import SessionStore, resolved

WAIT_AFTER = 3
"""Presence checks without the console before the room says that it waits."""
PRESENCE_EVERY = 5
"""Looks at the file per look for the console (and renewal of the room's own mark)."""


class RoomWatch:
    """The room's view of the sessions folder: the workshop it follows, read-only."""

    def __init__(
        self,
        config: Config,
        folder: Path,
        path: Path | None = None,
        *,
        moves_on: bool | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.config = config
        anonymity.use(config.anonymity)
        self.clock = clock
        self.store = SessionStore(folder, clock=clock)
        self.moves_on = path is None if moves_on is None else moves_on
        """Opened without a file: when this workshop is over and a newer one is live in the
        same folder, the room follows that one."""
        path = None if path is None else resolved(path)  # a link: the file it is, once
        self.path: Path | None = path
        self.follower: Follower | None = None if path is None else Follower(path, clock=clock)
        self.previous: Session | None = None
        """This AMG's previous workshop (the change since last time on the comparison)."""
        self.console_gone = False
        """The facilitator's amk has not held the file for a while (said discreetly)."""
        self._words: dict[str, Content] = {}
        self._previous_of = ""
        self._missed = 0
        self._looks = 0
        self._mark: RoomMark | None = None

    # -- what it shows -------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return None if self.follower is None else self.follower.session

    @property
    def content(self) -> Content:
        """The words of the session's language (the config's until a session is read), with
        the config's slides and factor labels."""
        session = self.session
        language = self.config.language if session is None else session.language
        if language not in self._words:
            try:
                self._words[language] = content_for(self.config, language)
            except (AmkError, ValueError, OSError):
                self._words[language] = content_for(self.config)
        return self._words[language]

    def scene(self) -> Scene:
        """What the room shows now (the same derivation as the console's)."""
        content = self.content
        return derive(
            self.session,
            deck=outline(content),
            words=content,
            warn_seconds=self.config.warn_minutes * 60,
        )

    # -- looking -------------------------------------------------------------------------------
    def start(self) -> None:
        """The first look: the file named, else the newest unfinished workshop (if any)."""
        if self.follower is None:
            entry = self.store.newest_unfinished()
            if entry is not None:
                self._follow(entry.path)
        self._read()
        self._renew_mark()

    def look(self) -> bool:
        """One look at the file (and every few looks at who is there); True when what the
        room shows changed."""
        changed = self._read()
        self._looks += 1
        if self._looks % PRESENCE_EVERY == 0:
            changed = self._presence() or changed
        return changed

    def _read(self) -> bool:
        if self.follower is None or not self.follower.poll():
            return False
        session = self.follower.session
        if session is not None and session.id != self._previous_of:
            self._previous_of = session.id
            with contextlib.suppress(OSError):
                entry = self.store.previous(session)
                self.previous = entry.session if entry else None
        return True

    def _presence(self) -> bool:
        self._renew_mark()
        if self.session is None:  # no workshop yet: wait for the file, or the first one live
            live = self._live() if self.moves_on else None
            return live is not None and self._follow(live)
        alive = self.path is not None and console_alive(self.path)
        self._missed = 0 if alive else self._missed + 1
        finished = self.session.finished
        if self.moves_on and (finished or self._missed >= WAIT_AFTER):
            live = self._live()
            if live is not None and live != self.path:
                return self._follow(live)
        gone = self._missed >= WAIT_AFTER and not finished
        if gone != self.console_gone:
            self.console_gone = gone
            return True
        return False

    def _live(self) -> Path | None:
        """The newest workshop of the folder whose console is open, if any."""
        with contextlib.suppress(OSError):
            listed, _ = self.store.summaries()
            for summary in listed:
                if not summary.finished and console_alive(resolved(summary.path)):
                    return resolved(summary.path)
        return None

    def _follow(self, path: Path) -> bool:
        """Follow another file from now on (its first read is the next look's)."""
        self.release()
        self.path, self.follower = path, Follower(path, clock=self.clock)
        self._missed, self._previous_of, self.previous = 0, "", None
        self.console_gone = False
        self._read()
        self._renew_mark()
        return True

    def _renew_mark(self) -> None:
        if self.path is not None and (self._mark is None or not self._mark.held):
            self._mark = RoomMark(self.path)

    def release(self) -> None:
        """Let go of the room's mark (the console stops showing that a room follows)."""
        if self._mark is not None:
            self._mark.release()
            self._mark = None

"""RoomApp: the room's window of a live workshop, read-only, following the console's file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from amk_tui import gc_pause
from amk_tui.config import Config, Content, load_content
from amk_tui.config.flow import step_items
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.session import Session
from amk_tui.room.follow import Follower
from amk_tui.room.presence import RoomMark, console_alive
from amk_tui.room.screen import RoomScreen
from amk_tui.themes import DARK, LIGHT, start_with

WAIT_AFTER = 3
"""Presence checks without the console before the room says that it waits."""
PRESENCE_EVERY = 5
"""Looks at the file per look for the console (and renewal of the room's own mark)."""


class RoomApp(App[int]):
    """The room's window: no keys but quit (and light/dark), no footer, no toasts."""

    CSS_PATH = "../app.tcss"
    TITLE = "amk"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("q,ctrl+q", "quit", "", show=False),
        Binding("ctrl+l", "toggle_theme", "", show=False),
    ]
    POLL = 0.2
    """Seconds between two looks at the session file (a change shows within half a second)."""

    def __init__(
        self, config: Config, path: Path, *, clock: Clock = SYSTEM_CLOCK, moves_on: bool = False
    ) -> None:
        super().__init__()
        start_with(self)
        self.config = config
        self.path = path
        self.clock = clock
        self.moves_on = moves_on
        """Opened without a file: when this workshop is over (finished, or its console gone)
        and a newer one is live in the same folder, the room follows that one."""
        self.follower = Follower(path, clock=clock)
        self.content: Content = load_content(
            config.language,
            slides_dir=config.slides_dir,
            factor_overrides=config.factor_overrides,
            source=config.source,
        )
        self.previous: Session | None = None
        self._previous_of = ""
        self._missed = 0
        self._looks = 0
        self._mark: RoomMark | None = None

    @property
    def session(self) -> Session | None:
        return self.follower.session

    def items(self, step: Step, session: Session) -> tuple[Item, ...]:
        return step_items(self.content, step, session.variant)

    def phase_title(self, index: int) -> str:
        session = self.session
        if session is None:
            return ""
        phase = session.program.phases[index]
        return self.content.phase_title(phase.id, phase.title)

    def on_mount(self) -> None:
        self.title = self.content.t("room.title")
        self.follower.poll()
        self._adopt_language()
        self.push_screen(RoomScreen())
        self._mark = RoomMark(self.path)
        self.call_after_refresh(self.redraw)
        self.call_after_refresh(gc_pause.resume)  # the first screen is drawn: collect again
        self.set_interval(self.POLL, self.look)

    def _adopt_language(self) -> None:
        """The session's language, if the config's is another (the words follow the session)."""
        session = self.session
        if session is not None and session.language != self.content.language:
            with contextlib.suppress(OSError, ValueError):
                self.content = load_content(session.language, slides_dir=self.config.slides_dir)

    async def look(self) -> None:
        """One look at the file: redraw when it changed; every fifth look, whether the
        console is still there (it is said only after a few looks without it)."""
        if self.follower.poll():
            self._adopt_language()
            await self.redraw()
        self._looks += 1
        if self._looks % PRESENCE_EVERY:
            return
        if self._mark is None or not self._mark.held:
            self._mark = RoomMark(self.path)
        alive = console_alive(self.path)
        self._missed = 0 if alive else self._missed + 1
        over = self.session is not None and self.session.finished
        if self.moves_on and (over or self._missed >= WAIT_AFTER) and self._move_on():
            return
        screen = self.screen
        if isinstance(screen, RoomScreen):
            finished = self.session is not None and self.session.finished
            waiting = self._missed >= WAIT_AFTER and not finished
            screen.waiting(self.content.t("room.waiting") if waiting else "")

    def _move_on(self) -> bool:
        """Follow the newest live workshop of the folder if it is another one (True)."""
        listed, _ = self.follower.store.summaries()
        live = next(
            (s.path for s in listed if not s.finished and console_alive(s.path)),
            None,
        )
        if live is None or live == self.path:
            return False
        if self._mark is not None:
            self._mark.release()
        self.path, self.follower = live, Follower(live, clock=self.clock)
        self._mark, self._missed, self._previous_of = RoomMark(live), 0, ""
        self.follower.poll()
        self._adopt_language()
        self.call_next(self.redraw)
        return True

    async def redraw(self) -> None:
        session = self.session
        screen = self.screen
        if session is None or not isinstance(screen, RoomScreen):
            return
        if session.id != self._previous_of:
            self._previous_of = session.id
            entry = self.follower.store.previous(session)
            self.previous = entry.session if entry else None
        await screen.draw(session)

    async def on_resize(self) -> None:
        await self.redraw()

    def notify(self, *args: object, **kwargs: object) -> None:
        """The room shows no toasts: they are meant for the facilitator."""

    def _handle_exception(self, error: Exception) -> None:
        """As the console: a log file and one line, never a traceback on the projector."""
        if self.is_headless:
            super()._handle_exception(error)
            return
        from amk_tui.app_keys import crash_line

        self.exit(return_code=70, message=crash_line(self.content, error, self.path.parent))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT.name if self.theme == DARK.name else DARK.name

    def on_unmount(self) -> None:
        if self._mark is not None:
            self._mark.release()

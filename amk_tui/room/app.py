"""RoomApp: the room's window of a live workshop, read-only, following the console's file.

The app only looks (`RoomWatch`, on every `CLOCK_TICK`) and asks its screen to redraw when
what the room shows changed; the screen draws the scene the watch derives. It never writes
the session and never exits by itself.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from amk_tui import gc_pause
from amk_tui.config import Config, Content
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.session import Session
from amk_tui.room.follow import Follower
from amk_tui.room.screen import RoomScreen
from amk_tui.room.watch import PRESENCE_EVERY, WAIT_AFTER, RoomWatch
from amk_tui.themes import DARK, LIGHT, start_with
from amk_tui.widgets.ticker import on_tick

__all__ = ["PRESENCE_EVERY", "WAIT_AFTER", "RoomApp"]


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
    CLOCK_TICK = 0.2
    """Seconds between two looks at the session file, which are also the clocks' ticks (one
    wake-up for both; a change shows within a quarter second)."""

    def __init__(
        self,
        config: Config,
        path: Path | None = None,
        *,
        folder: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
        moves_on: bool | None = None,
    ) -> None:
        """Follow `path`, or (without one) the newest live workshop of `folder`."""
        super().__init__()
        start_with(self)
        self.config = config
        self.clock = clock
        where = folder if folder is not None else path.parent if path is not None else None
        if where is None:
            raise ValueError("a room follows a file or a sessions folder")
        self.watcher = RoomWatch(config, where, path, moves_on=moves_on, clock=clock)

    # -- what tests and the console's side read ------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self.watcher.session

    @property
    def path(self) -> Path | None:
        return self.watcher.path

    @property
    def follower(self) -> Follower | None:
        return self.watcher.follower

    @property
    def content(self) -> Content:
        return self.watcher.content

    @property
    def previous(self) -> Session | None:
        return self.watcher.previous

    # -- running -------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.watcher.start()
        self.title = self.content.t("room.title")
        self.push_screen(RoomScreen())
        self.call_after_refresh(gc_pause.resume)  # the first screen is drawn: collect again
        on_tick(self, self.look)

    def look(self) -> None:
        """One look at the file (and now and then at who is there); a redraw if it changed."""
        if self.watcher.look():
            self.redraw()

    def redraw(self) -> None:
        screen = self.screen
        if isinstance(screen, RoomScreen):
            screen.redraw.request()

    async def drawn(self) -> None:
        """Wait until the picture is drawn from the newest look (tests, benchmarks)."""
        screen = self.screen
        if isinstance(screen, RoomScreen):
            await screen.redraw.settled()

    def notify(self, *args: object, **kwargs: object) -> None:
        """The room shows no toasts: they are meant for the facilitator."""

    def _handle_exception(self, error: Exception) -> None:
        """As the console: a log file and one line, never a traceback on the projector."""
        if self.is_headless:
            super()._handle_exception(error)
            return
        from amk_tui.crash import crash_line

        folder = self.watcher.store.folder
        self.exit(return_code=70, message=crash_line(self.content, error, folder))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT.name if self.theme == DARK.name else DARK.name

    def on_unmount(self) -> None:
        self.watcher.release()

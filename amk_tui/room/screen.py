"""What the room sees: the scene, large; nothing else.

No cursor, no forms, no keys footer, no toasts: the views in their room form, drawn from the
scene the watch derives from the file the console saved (`core.scene`) — the same heading,
item, countdown, reveal and chart as the console's. Black while the facilitator blanks the
room (`b`); the summary once the workshop is finished; a quiet picture while it waits; a
discreet line when the facilitator's amk is gone (the picture stays).

Redraws go through one `Redraw`: a new read, a resize, moving on and the first showing
coalesce into one draw at a time, which reads the newest scene when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Label, Static

from amk_tui.core.scene import Scene, Timer
from amk_tui.core.text import visible
from amk_tui.views.context import ViewContext
from amk_tui.views.text_once import show_text
from amk_tui.widgets.countdown import CountdownDigits
from amk_tui.widgets.phase_bar import PhaseBar
from amk_tui.widgets.redraw import Redraw

if TYPE_CHECKING:
    from amk_tui.room.app import RoomApp
    from amk_tui.room.watch import RoomWatch


class RoomScreen(Screen[None]):
    """The room's window."""

    def __init__(self) -> None:
        super().__init__()
        self.redraw = Redraw(self, self._draw)
        self.shown: Scene | None = None
        """The scene drawn last (its timer is what the countdowns show)."""

    def compose(self) -> ComposeResult:
        app = self.room
        watch = app.watcher
        yield PhaseBar(
            lambda: watch.session.agenda if watch.session else None,
            self._phase_title,
            lambda key, **values: watch.content.t(key, **values),
            self.timer,
            app.clock.monotonic,
            id="phase-bar",
        )
        with Horizontal(id="phase-header"):
            with Vertical(id="phase-heading"):
                yield Label(id="phase-title")
                yield Label(id="phase-sub")
            yield CountdownDigits(self.timer, app.clock.monotonic, id="countdown")
        yield ContentSwitcher(id="views")
        yield Static(id="room-idle")
        yield Static(id="room-waiting")
        yield Static(id="room-blank")

    @property
    def room(self) -> RoomApp:
        return cast("RoomApp", self.app)

    def timer(self) -> Timer | None:
        """The countdown of the scene on the screen now."""
        return None if self.shown is None else self.shown.timer

    def _phase_title(self, index: int) -> str:
        watch = self.room.watcher
        if watch.session is None:
            return ""
        phase = watch.session.program.phases[index]
        return watch.content.phase_title(phase.id, phase.title)

    def on_mount(self) -> None:
        self.redraw.request(here=True)

    def on_resize(self) -> None:
        self.redraw.request(here=True)

    async def _draw(self) -> None:
        """Draw the scene as it stands now (the newest read, whatever asked for the draw)."""
        if not self.is_attached:
            return
        watch = self.room.watcher
        scene = watch.scene()
        self.shown = scene
        self.set_class(scene.blank, "-blank")
        self.set_class(scene.timer is None, "-no-timer")
        self._title(scene.title, scene.subtitle)
        self._waiting(watch)
        switcher = self.query_one("#views", ContentSwitcher)
        session = watch.session
        idle = scene.kind in ("waiting", "start") or session is None
        self.set_class(idle, "-idle")
        if idle:
            switcher.current = None
            self.set_class(False, "-groupwork")
            text = Text(visible(scene.title))
            if scene.subtitle:
                text.append("\n\n" + visible(scene.subtitle, multiline=False), "not bold")
            show_text(self.query_one("#room-idle", Static), text)
            return
        view = await self._view(scene.kind)
        if not self.is_attached:
            return
        session = watch.session
        if session is None or watch.scene().kind != scene.kind:  # it moved on meanwhile
            self.redraw.request()
            return
        scene = self.shown = watch.scene()
        ctx = ViewContext(
            scene,
            session,
            watch.content,
            readonly=True,
            room=True,
            previous=watch.previous,
            values_visible=scene.revealed,
        )
        switcher.current = view.id
        self.set_class(scene.kind in ("groupwork", "discuss"), "-groupwork")
        from amk_tui.views.make import draw

        draw(view, ctx)
        self.query_one(CountdownDigits).refresh_time()
        self.query_one(PhaseBar).refresh_bar()

    async def _view(self, kind: str) -> Widget:
        """The view of this kind, mounted the first time it is needed."""
        found = self.query(f"#view-{kind}")
        if found:
            return found.first()
        from amk_tui.views.make import make_view

        view = make_view(kind, self.timer, self.room.clock.monotonic, room=True)
        await self.query_one("#views", ContentSwitcher).mount(view)
        return view

    def _title(self, title: str, sub: str) -> None:
        show_text(self.query_one("#phase-title", Label), Text(visible(title)))
        show_text(self.query_one("#phase-sub", Label), Text(visible(sub)))

    def _waiting(self, watch: RoomWatch) -> None:
        """A discreet line at the bottom while the facilitator's amk is gone (else hidden)."""
        text = ""
        if watch.session is None or watch.console_gone:
            text = watch.content.t("room.waiting")
        line = self.query_one("#room-waiting", Static)
        show_text(line, Text(text))
        line.display = bool(text)

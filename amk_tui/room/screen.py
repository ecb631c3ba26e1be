"""What the room sees: where the program stands and the current item, large; nothing else.

No cursor, no forms, no keys footer, no toasts: the views in their room form, drawn from the
session the follower last read. Black while the facilitator blanks the room (`b`); the summary
(comparison and action plan) once the workshop is finished; a discreet line when the
facilitator's amk is gone (the picture stays).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Label, Static

from amk_tui.core.flow import Item
from amk_tui.core.session import Session
from amk_tui.core.text import visible
from amk_tui.views.scene import ChartChoice, Scene
from amk_tui.widgets.countdown import CountdownDigits
from amk_tui.widgets.phase_bar import PhaseBar

if TYPE_CHECKING:
    from amk_tui.room.app import RoomApp


def room_kind(item: Item, finished: bool) -> str:
    """The room's view of an item: the grid is the console's; the room sees the group work."""
    if finished:
        return "summary"
    if item.kind in ("groupwork", "scoring"):
        return "groupwork"
    if item.kind in ("question", "answer", "wrapup", "priorities", "decisions"):
        return "question"
    return item.kind


class RoomScreen(Screen[None]):
    """The room's window."""

    def compose(self) -> ComposeResult:
        app = self.room
        yield PhaseBar(
            lambda: app.session.agenda if app.session else None,
            app.phase_title,
            app.content.t,
            app.config.warn_minutes * 60,
            id="phase-bar",
        )
        with Horizontal(id="phase-header"):
            with Vertical(id="phase-heading"):
                yield Label(id="phase-title")
                yield Label(id="phase-sub")
            yield CountdownDigits(
                lambda: app.session.agenda.countdown if app.session else None,
                app.config.warn_minutes * 60,
                id="countdown",
            )
        yield ContentSwitcher(id="views")
        yield Static(id="room-waiting")
        yield Static(id="room-blank")

    @property
    def room(self) -> RoomApp:
        return cast("RoomApp", self.app)

    async def draw(self, session: Session) -> None:
        """Draw the session as it stands (called on every new read and on resize)."""
        app = self.room
        self.set_class(session.view.blank, "-blank")
        step = session.agenda.current
        if step is None:
            self._title(app.content.t("room.waiting_start"), "")
            self.query_one("#views", ContentSwitcher).current = None
            return
        items = app.items(step, session)
        index = session.cursor.get(step.key, 0)
        index = len(items) - 1 if index < 0 else max(0, min(index, len(items) - 1))
        item = items[index]
        scene = Scene(
            session=session,
            content=app.content,
            step=step,
            item=item,
            readonly=True,
            room=True,
            previous=app.previous,
            values_visible=session.revealed,
        )
        kind = room_kind(item, session.finished)
        view = await self._view(kind, scene)
        self.query_one("#views", ContentSwitcher).current = f"view-{kind}"
        self.set_class(kind == "groupwork", "-groupwork")
        self._header(scene, kind)
        self._draw(view, kind, scene)

    async def _view(self, kind: str, scene: Scene) -> Widget:
        found = self.query(f"#view-{kind}")
        if found:
            return found.first()
        from amk_tui.screens.views import make_view

        if kind == "summary":
            from amk_tui.views.summary import SummaryView

            view: Widget = SummaryView(id="view-summary")
        else:
            view = make_view(kind, self.room.config.warn_minutes * 60, scene, room=True)
        await self.query_one("#views", ContentSwitcher).mount(view)
        return view

    def _draw(self, view: Widget, kind: str, scene: Scene) -> None:
        from amk_tui.screens.views import draw

        draw(view, kind, scene, ChartChoice())

    def _header(self, scene: Scene, kind: str) -> None:
        content, step = scene.content, scene.step
        title = self.room.phase_title(step.phase_index)
        sub = ""
        if kind == "groupwork":
            title = content.exercise.get(f"title{scene.session.variant}", title)
        elif kind == "summary":
            title = content.t("room.summary")
        elif scene.item.kind == "slide":
            sub = f"{scene.item.index + 1} / {scene.item.of}"
        self._title(title, sub)

    def _title(self, title: str, sub: str) -> None:
        self.query_one("#phase-title", Label).update(Text(visible(title)))
        self.query_one("#phase-sub", Label).update(Text(visible(sub)))

    def waiting(self, text: str) -> None:
        """A discreet line at the bottom (empty: hidden); drawn only when it changes."""
        if text == self._waiting:
            return
        self._waiting = text
        line = self.query_one("#room-waiting", Static)
        line.update(Text(text))
        line.display = bool(text)

    _waiting = ""

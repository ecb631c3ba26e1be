"""What the facilitator's screen shows: where the program stands, and the view of it.

One screen for the whole program: the phase bar, the step's title and countdown, and the
view of the current item (a slide, the group work, the grid, the comparison, a question, the
action plan), drawn on every change. The heading and the countdowns show the scene
(`core.scene.derive`), the same value the room's windows derive from the saved file; the
views are the room's too. The keys are added by `WorkshopScreen` (screens/workshop.py).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Label, Static

from amk_tui import keys
from amk_tui.config.flow import outline
from amk_tui.core.change import Change
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.scene import QUESTION_ITEMS, Scene, Timer, derive
from amk_tui.core.text import visible
from amk_tui.screens.base import AmkScreen
from amk_tui.views.context import ViewContext
from amk_tui.views.text_once import show_text
from amk_tui.widgets.countdown import CountdownDigits
from amk_tui.widgets.key_footer import KeyFooter
from amk_tui.widgets.phase_bar import PhaseBar
from amk_tui.widgets.presenter import PresenterPanel
from amk_tui.widgets.redraw import Redraw


def view_kind(item: Item, scoring: bool) -> str:
    """Which view shows an item (the group work turns into the grid while scores come in)."""
    if item.kind == "groupwork":
        return "scoring" if scoring else "groupwork"
    if item.kind in QUESTION_ITEMS:
        return "question"
    return item.kind


class WorkshopBase(AmkScreen[None]):
    """Phase bar, title and countdown, the current item's view."""

    HEARS_AT_ONCE = True

    scoring: reactive[bool] = reactive(False, init=False)
    """The grid is open over the group work (a digit opened it; Esc closes it)."""

    def __init__(self) -> None:
        super().__init__()
        self.redraw = Redraw(self, self._redraw)
        """Draws that mount a view go through it: one at a time, the newest state wins."""

    def compose(self) -> ComposeResult:
        app = self.amk
        yield PhaseBar(
            lambda: app.session.agenda if app.session else None,
            app.phase_title,
            app.content.t,
            self.timer,
            app.clock.monotonic,
            flags=app.status_flags,
            id="phase-bar",
        )
        with Horizontal(id="phase-header"):
            with Vertical(id="phase-heading"):
                yield Label(id="phase-title")
                yield Label(id="phase-sub")
            yield CountdownDigits(self.timer, app.clock.monotonic, id="countdown")
        with Horizontal(id="stage"):
            yield ContentSwitcher(id="views")
            yield PresenterPanel(id="presenter")
        yield Static(id="slide-notes")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#slide-notes").display = False
        self.redraw.request(here=True)

    # -- the scene ---------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        step = self.session.agenda.current
        assert step is not None
        return step

    @property
    def item(self) -> Item:
        item = self.workshop.current
        assert item is not None
        return item

    def scene(self) -> Scene:
        """What the room sees now: derived from the live session as the room derives it from
        the saved file (`core.scene.derive`); the console's heading and countdown show it."""
        content = self.content
        return derive(
            self.session,
            deck=outline(content),
            words=content,
            warn_seconds=self.amk.config.warn_minutes * 60,
        )

    def timer(self) -> Timer | None:
        """The countdown as the scene has it now (the countdowns show it on every tick)."""
        if self.amk.session is None or self.amk.session.agenda.current is None:
            return None
        return self.scene().timer

    def context(self, scene: Scene) -> ViewContext:
        """The scene with what the console's views draw it from."""
        session = self.session
        return ViewContext(
            scene,
            session,
            self.content,
            readonly=self.readonly,
            previous=self.workshop.previous,
            values_visible=session.revealed or self.amk.room_following,
        )

    _here: tuple[str, Item, str] | None = None
    """The step, item and view drawn last: a different one is an arrival (the focus moves)."""

    def workshop_changed(self, change: Change) -> None:
        if self.session.agenda.current is None:
            return  # the app is switching to the agenda
        if change.what == "position":
            self.scoring = False
        # Drawn at once when its view is there: the next key, however fast it comes, meets
        # the new item (its notes, its focus), not the one before.
        ctx = self.context(self.scene())
        kind = view_kind(ctx.item, self.scoring)
        view = self.open_view(kind)
        if view is not None and self.is_attached and not self.redraw.busy:
            self._show_scene(view, kind, ctx)
        else:  # the key that made the change is being handled here: start the draw now
            self.redraw.request(here=True)

    def refresh_scene(self) -> None:
        """Draw the current item again soon (its view is made the first time)."""
        self.redraw.request()

    async def _redraw(self) -> None:
        """Draw the current item from the session as it is now."""
        if self.amk.session is None or self.session.agenda.current is None:
            return
        if not self.is_attached or not self.query("#views"):  # a screen being replaced
            return
        while True:  # the scene is read after the view is there: the newest state is drawn
            kind = view_kind(self.item, self.scoring)
            view = await self._view(kind)
            if not self.is_attached or self.session.agenda.current is None:
                return
            ctx = self.context(self.scene())
            if view_kind(ctx.item, self.scoring) == kind:
                break
        self._show_scene(view, kind, ctx)

    def _show_scene(self, view: Widget, kind: str, ctx: ViewContext) -> None:
        switcher = self.query_one("#views", ContentSwitcher)
        scene = ctx.scene
        here = (scene.step_key, ctx.item, kind)
        arrived = here != self._here
        self._here = here
        switcher.current = f"view-{kind}"
        if arrived:  # what depends on the item only (each update costs a layout pass)
            self.set_class(kind in ("groupwork", "discuss"), "-groupwork")
            self._notes(ctx)
        self._header(scene)
        self.set_class(scene.timer is None, "-no-timer")
        self._draw(view, ctx)
        self._presenter(ctx)
        if arrived:  # the keys depend on the item; writing and the status refresh them
            self._focus(view, kind, arrived)
            self.refresh_bindings()
        self.refresh_timers()

    async def _view(self, kind: str) -> Widget:
        """The view of this kind, mounted the first time it is needed (start-up only builds
        what it shows)."""
        found = self.query(f"#view-{kind}")
        if found:
            return found.first()
        from amk_tui.views.make import make_view

        view = make_view(kind, self.timer, self.amk.clock.monotonic)
        await self.query_one("#views", ContentSwitcher).mount(view)
        for node in (view, *view.walk_children()):
            keys.localize(node, self.content.t)
        return view

    def _draw(self, view: Widget, ctx: ViewContext) -> None:
        from amk_tui.views.make import draw

        draw(view, ctx)

    def _header(self, scene: Scene) -> None:
        """The item's heading, as the scene has it (the room shows the same words)."""
        title = Text(visible(scene.item_title))
        show_text(self.query_one("#phase-title", Label), title)
        show_text(self.query_one("#phase-sub", Label), Text(visible(scene.item_subtitle)))

    def _notes(self, ctx: ViewContext) -> None:
        """The facilitator's notes (`s`): a slide's, or the comparison's follow-up questions;
        on the console only."""
        notes = self.query_one("#slide-notes", Static)
        text = self._facilitator_notes(ctx)
        if text is None:
            notes.display = False
            return
        show_text(notes, Text(text or self.t("slides.no_notes")))

    def _facilitator_notes(self, ctx: ViewContext) -> str | None:
        """What the facilitator has for this item (None: the item has no notes at all)."""
        from amk_tui.views.insights import probe_lines

        slides = self.content.slides
        if ctx.item.kind == "slide" and slides:
            return visible(slides[min(ctx.item.index, len(slides) - 1)].notes)
        if ctx.item.kind == "comparison":
            lines = probe_lines(ctx) if ctx.revealed else []
            return visible("\n".join([self.t("insights.probe_heading"), *lines])) if lines else ""
        return None

    def _presenter(self, ctx: ViewContext) -> None:
        """While a room window follows: the mark, what comes next, the slide's notes."""
        from amk_tui.views.labels import item_label

        following = self.amk.room_following
        self.set_class(following, "-presenter")
        if not following:
            return
        upcoming = self.workshop.following()
        if upcoming is None:
            label = self.t("presenter.end")
        else:
            label = item_label(self.content, ctx.session, *upcoming)
        notes = self._facilitator_notes(ctx) or ""
        web = self.amk.web_room
        self.query_one(PresenterPanel).show(
            self.t("room.following"),
            self.t("presenter.next"),
            label,
            self.t("presenter.notes"),
            notes,
            web=self.t("presenter.web", url=web) if web else "",
        )

    def _focus(self, view: Widget, kind: str, arrived: bool) -> None:
        """The item's keys take the keyboard now (not after the keys already typed)."""
        from amk_tui.views.make import focus_target

        self.set_focus(focus_target(view, kind))
        if arrived and kind == "plan" and self.session.draft and not self.readonly:
            self.call_after_refresh(self.resume_draft)

    def resume_draft(self) -> None:
        """An action was being typed when amk stopped: the screen opens its form again."""

    def flush_edits(self) -> None:
        """What the question's field shows goes into the session before the item changes."""
        from amk_tui.views.question import QuestionView

        view = self.open_view("question")
        if isinstance(view, QuestionView) and (pending := view.pending()) is not None:
            self.on_question_view_edited(pending)

    def on_question_view_edited(self, event: Any) -> None:
        """Hand what the room said to the workshop (a change only if it changed)."""
        q = event.question
        self.workshop.answer(q.id, q.kind, event.text, event.values)

    def refresh_timers(self) -> None:
        """Redraw the time at once (not only at the next tick)."""
        self.query_one(CountdownDigits).refresh_time()
        self.query_one(PhaseBar).refresh_bar()

    def watch_scoring(self) -> None:
        self.redraw.request(here=True)

    def open_view(self, kind: str) -> Any:
        """The mounted view of a kind, if it is there."""
        found = self.query(f"#view-{kind}")
        return found.first() if found else None

"""What the facilitator's screen shows: where the program stands, and the view of it.

One screen for the whole program: the phase bar, the step's title and countdown, and the
view of the current item (a slide, the group work, the grid, the comparison, a question, the
action plan), drawn from the session on every change. The views are the room's too. The keys
are added by `WorkshopScreen` (screens/workshop.py).
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
from amk_tui.core.change import Change
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.text import visible
from amk_tui.screens.base import AmkScreen
from amk_tui.views.scene import ChartChoice, Scene
from amk_tui.views.text_once import show_text
from amk_tui.widgets.countdown import CountdownDigits
from amk_tui.widgets.key_footer import KeyFooter
from amk_tui.widgets.phase_bar import PhaseBar
from amk_tui.widgets.presenter import PresenterPanel


def view_kind(item: Item, scoring: bool) -> str:
    """Which view shows an item (the group work turns into the grid while scores come in)."""
    if item.kind == "groupwork":
        return "scoring" if scoring else "groupwork"
    if item.kind in ("question", "answer", "wrapup", "priorities", "decisions"):
        return "question"
    return item.kind


class WorkshopBase(AmkScreen[None]):
    """Phase bar, title and countdown, the current item's view."""

    HEARS_AT_ONCE = True

    scoring: reactive[bool] = reactive(False, init=False)
    """The grid is open over the group work (a digit opened it; Esc closes it)."""
    choice: reactive[ChartChoice] = reactive(ChartChoice(), init=False)
    """How the chart is looked at: all groups / mean / one group, last time on or off."""

    def compose(self) -> ComposeResult:
        app = self.amk
        yield PhaseBar(
            lambda: app.session.agenda if app.session else None,
            app.phase_title,
            app.content.t,
            app.config.warn_minutes * 60,
            flags=app.status_flags,
            id="phase-bar",
        )
        with Horizontal(id="phase-header"):
            with Vertical(id="phase-heading"):
                yield Label(id="phase-title")
                yield Label(id="phase-sub")
            yield CountdownDigits(
                lambda: app.countdown, app.config.warn_minutes * 60, id="countdown"
            )
        with Horizontal(id="stage"):
            yield ContentSwitcher(id="views")
            yield PresenterPanel(id="presenter")
        yield Static(id="slide-notes")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#slide-notes").display = False
        self.call_next(self.refresh_scene)

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
        amk = self.amk
        session = self.session
        return Scene(
            session=session,
            content=self.content,
            step=self.step,
            item=self.item,
            readonly=self.readonly,
            previous=self.workshop.previous,
            values_visible=session.revealed or amk.room_following,
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
        scene = self.scene()
        kind = view_kind(scene.item, self.scoring)
        view = self.open_view(kind)
        if view is not None and self.is_attached:
            self._show_scene(view, kind, scene)
        else:
            self.call_next(self.refresh_scene)

    async def refresh_scene(self) -> None:
        """Draw the current item from the session (the view is made the first time)."""
        if self.session.agenda.current is None or not self.is_attached:
            return
        if not self.query("#views"):  # a screen being replaced: its widgets are already gone
            return
        scene = self.scene()
        kind = view_kind(scene.item, self.scoring)
        view = await self._view(kind, scene)
        self._show_scene(view, kind, scene)

    def _show_scene(self, view: Widget, kind: str, scene: Scene) -> None:
        switcher = self.query_one("#views", ContentSwitcher)
        here = (scene.step.key, scene.item, kind)
        arrived = here != self._here
        self._here = here
        switcher.current = f"view-{kind}"
        if arrived:  # what depends on the item only (each update costs a layout pass)
            self.set_class(kind == "groupwork", "-groupwork")
            self._header(scene)
            self._notes(scene)
        self._draw(view, kind, scene)
        self._presenter(scene)
        if arrived:  # the keys depend on the item; writing and the status refresh them
            self._focus(view, kind, arrived)
            self.refresh_bindings()
        self.refresh_timers()

    async def _view(self, kind: str, scene: Scene) -> Widget:
        """The view of this kind, mounted the first time it is needed (start-up only builds
        what it shows)."""
        found = self.query(f"#view-{kind}")
        if found:
            return found.first()
        from amk_tui.screens.views import make_view

        view = make_view(kind, self.amk.config.warn_minutes * 60, scene)
        await self.query_one("#views", ContentSwitcher).mount(view)
        for node in (view, *view.walk_children()):
            keys.localize(node, self.content.t)
        return view

    def _draw(self, view: Widget, kind: str, scene: Scene) -> None:
        from amk_tui.screens.views import draw

        draw(view, kind, scene, self.choice)

    def _header(self, scene: Scene) -> None:
        step = scene.step
        sub = ""
        if step.round is not None:
            assert step.round_index is not None
            title = self.content.round_title(step.round.id, step.round.title)
            sub = self.t(
                "phase.round", n=step.round_index + 1, of=len(step.phase.rounds), title=title
            )
        elif scene.item.kind == "slide":
            sub = f"{scene.item.index + 1} / {scene.item.of}"
        title = self.amk.phase_title(step.phase_index)
        if scene.item.kind == "groupwork":  # the deck's slide title: "Dialogøvelse 2" …
            title = self.content.exercise.get(f"title{scene.session.variant}", title)
        show_text(self.query_one("#phase-title", Label), Text(visible(title)))
        show_text(self.query_one("#phase-sub", Label), Text(visible(sub)))

    def _notes(self, scene: Scene) -> None:
        """The slide's facilitator notes (`s`): on the console only."""
        notes = self.query_one("#slide-notes", Static)
        slides = self.content.slides
        if scene.item.kind != "slide" or not slides:
            notes.display = False
            return
        slide = slides[min(scene.item.index, len(slides) - 1)]
        show_text(notes, Text(visible(slide.notes) or self.t("slides.no_notes")))

    def _presenter(self, scene: Scene) -> None:
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
            label = item_label(self.content, scene.session, *upcoming)
        notes = ""
        if scene.item.kind == "slide" and self.content.slides:
            slide = self.content.slides[min(scene.item.index, len(self.content.slides) - 1)]
            notes = visible(slide.notes)
        self.query_one(PresenterPanel).show(
            self.t("room.following"),
            self.t("presenter.next"),
            label,
            self.t("presenter.notes"),
            notes,
        )

    def _focus(self, view: Widget, kind: str, arrived: bool) -> None:
        """The item's keys take the keyboard now (not after the keys already typed)."""
        from amk_tui.screens.views import focus_target

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
        self.call_next(self.refresh_scene)

    def watch_choice(self) -> None:
        self.call_next(self.refresh_scene)

    def open_view(self, kind: str) -> Any:
        """The mounted view of a kind, if it is there."""
        found = self.query(f"#view-{kind}")
        return found.first() if found else None

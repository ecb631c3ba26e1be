"""The frame of every phase screen: phase bar, title and round, big countdown, footer.

A phase screen steps through the items of its steps (slides, questions) with n/p/PageDown/
PageUp; the workshop moves on to the next or previous step at either end. Subclasses provide
the body and redraw it from the session when the workshop changes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label

from amk_tui import keys
from amk_tui.core.program import Step
from amk_tui.core.workshop import Change
from amk_tui.screens.base import AmkScreen
from amk_tui.widgets.countdown import CountdownDigits
from amk_tui.widgets.phase_bar import PhaseBar


class PhaseScreen(AmkScreen[None]):
    """Base of the presentation, exercise and wrap-up screens."""

    BINDINGS = keys.bindings(*keys.STEP_COMMANDS, keys.FIRST, keys.LAST)

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.phase_index = step.phase_index

    # -- layout ----------------------------------------------------------------------------
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
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.step_changed()

    # -- state --------------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        step = self.session.agenda.current
        assert step is not None
        return step

    def item_count(self) -> int:
        """How many items (slides, questions …) the current step has."""
        return self.workshop.item_count()

    @property
    def cursor(self) -> int:
        return self.workshop.item

    def workshop_changed(self, change: Change) -> None:
        step = self.session.agenda.current
        if step is None or step.phase_index != self.phase_index:
            return  # the app is switching to another phase's screen
        if change.what == "position":
            self.step_changed()
        else:
            self.redraw(change)

    def redraw(self, change: Change) -> None:
        """Something other than the position changed; subclasses redraw what depends on it."""
        if change.what == "timer":
            self.refresh_timers()
        self.refresh_bindings()

    def step_changed(self) -> None:
        """The app entered a step of this phase (or this screen just opened)."""
        step = self.step
        self.query_one("#phase-title", Label).update(self.amk.phase_title(step.phase_index))
        self.query_one("#phase-sub", Label).update(self.subtitle())
        self.show_item()
        self.refresh_timers()

    def refresh_timers(self) -> None:
        """Redraw the time at once (not only at the next tick)."""
        self.query_one(CountdownDigits).refresh_time()
        self.query_one(PhaseBar).refresh_bar()

    def subtitle(self) -> str:
        step = self.step
        if step.round is None:
            return ""
        rounds = step.phase.rounds
        assert step.round_index is not None
        title = self.content.round_title(step.round.id, step.round.title)
        return self.t("phase.round", n=step.round_index + 1, of=len(rounds), title=title)

    def show_item(self) -> None:
        """Show the item at the cursor; subclasses redraw their body."""

    # -- stepping ---------------------------------------------------------------------------
    def action_next(self) -> None:
        self.flush_edits()
        self.workshop.next()

    def action_prev(self) -> None:
        self.flush_edits()
        self.workshop.prev()

    def action_first(self) -> None:
        self.flush_edits()
        self.workshop.set_item(0)

    def action_last(self) -> None:
        self.flush_edits()
        self.workshop.set_item(self.item_count() - 1)


def screen_for(step: Step) -> PhaseScreen:
    """The screen that shows a step of this kind of phase."""
    # Imported on demand: start-up only pays for the screen it shows first.
    if step.phase.kind == "presentation":
        from amk_tui.screens.presentation import PresentationScreen

        return PresentationScreen(step)
    if step.phase.kind == "exercise":
        from amk_tui.screens.exercise import ExerciseScreen

        return ExerciseScreen(step)
    from amk_tui.screens.wrapup import WrapupScreen

    return WrapupScreen(step)

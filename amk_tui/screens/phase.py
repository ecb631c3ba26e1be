"""The frame of every phase screen: phase bar, title and round, big countdown, footer.

A phase screen steps through its own items (slides, questions) with n/p/PageDown/PageUp and
hands over to the app at either end, which enters the next or previous step of the program.
Subclasses provide the body and the items.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label

from amk_tui import keys
from amk_tui.core.program import Step
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
        return 1

    @property
    def cursor(self) -> int:
        count = self.item_count()
        value = self.session.cursor.get(self.step.key, 0)
        if value < 0:
            value = count - 1
        return max(0, min(value, count - 1))

    def set_cursor(self, value: int) -> None:
        self.flush_edits()
        self.session.cursor[self.step.key] = value
        self.amk.changed()
        self.show_item()

    def step_changed(self) -> None:
        """The app entered a step of this phase (or this screen just opened)."""
        step = self.step
        self.query_one("#phase-title", Label).update(self.amk.phase_title(step.phase_index))
        self.query_one("#phase-sub", Label).update(self.subtitle())
        self.show_item()
        self.amk.refresh_timers()

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
        if self.cursor < self.item_count() - 1:
            self.set_cursor(self.cursor + 1)
        else:
            self.amk.advance()

    def action_prev(self) -> None:
        if self.cursor > 0:
            self.set_cursor(self.cursor - 1)
        else:
            self.amk.retreat()

    def action_first(self) -> None:
        self.set_cursor(0)

    def action_last(self) -> None:
        self.set_cursor(self.item_count() - 1)


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

"""AmkApp: the screens, the global keys, and the one path every change takes.

Data flows one way: a key → a screen handler → a `Workshop` method (core) changes the session
→ the app hears the `Change`, saves through its `Keeper` and publishes it on `changes` →
every screen subscribed redraws from the session. Screens and widgets never change the
session or touch the store themselves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen
from textual.signal import Signal

from amk_tui import gc_pause, keys
from amk_tui.app_keys import AppKeys
from amk_tui.config import Config, Content, content_for
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.session import Session
from amk_tui.core.trend import KnownAmg, Visit, known_amgs
from amk_tui.store import SessionStore, StoreError, Summary, Unreadable
from amk_tui.themes import start_with

if TYPE_CHECKING:  # the workshop's machinery is imported when a workshop opens (below)
    from amk_tui.core.change import Change
    from amk_tui.core.program import Step
    from amk_tui.core.workshop import Workshop
    from amk_tui.keeper import Keeper


class AmkApp(AppKeys):
    """The workshop on a shared screen."""

    CSS_PATH = "app.tcss"
    TITLE = "amk"
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    ALERT_TICK = 0.25
    """Seconds between looks at the current countdown for the time-is-up alert."""
    ROOM_LOOK = 1.0
    """Seconds between looks for a room window following this workshop (`amk room`)."""

    def __init__(
        self,
        config: Config,
        store: SessionStore,
        *,
        session: Session | None = None,
        path: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
        content: Content | None = None,
        today: dt.date | None = None,
        throwaway: bool = False,
    ) -> None:
        super().__init__()
        start_with(self)
        self.throwaway = throwaway
        """`amk --demo`: the sessions folder is temporary and goes when amk quits."""
        self.today = today or dt.date.today()
        """The date new workshops and typed dates start from (fixed in tests)."""
        self.config = config
        self.store = store
        self.clock = clock
        self.content = content or self._content_for(config.language)
        self.workshop: Workshop | None = None
        self.keeper: Keeper | None = None
        self.opening_notice = ""
        """Said once the workshop is open (a known AMG's own spelling was used)."""
        self.room_following = False
        """A room window follows this workshop (then the console may show typed values)."""
        self.web_room = ""
        """The address of a browser room that follows this workshop (`amk room --web`)."""
        self.changes: Signal[Change] = Signal(self, "workshop-changed")
        """Every change of the workshop, after it was saved: screens redraw on it."""
        self._initial = (session, path)
        keys.localize(self, self.content.t)

    def _content_for(self, language: str) -> Content:
        return content_for(self.config, language)

    # -- what is open ------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return None if self.keeper is None else self.keeper.path

    @property
    def unsaved(self) -> bool:
        return self.keeper is not None and self.keeper.unsaved

    @property
    def previous(self) -> Session | None:
        return None if self.workshop is None else self.workshop.previous

    # -- start --------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.title = self.content.t("app_title")
        session, path = self._initial
        if session is not None and path is not None:
            self.open_session(session, path)
        else:
            from amk_tui.screens.start import StartScreen

            self.push_screen(StartScreen())
        self.set_interval(self.ALERT_TICK, self.check_alert)
        self.set_interval(self.ROOM_LOOK, self.look_for_room)
        self._check_size(self.size.width, self.size.height)
        if self.opening_notice:
            self.notify(self.opening_notice, timeout=10)
        self.call_after_refresh(gc_pause.resume)  # the first screen is drawn: collect again

    def list_sessions(self) -> tuple[list[Summary], list[Unreadable]]:
        return self.store.summaries()

    def amgs(self, listed: list[Summary] | None = None) -> tuple[list[KnownAmg], list[Visit]]:
        """The folder's AMGs (newest first) and every workshop: the start screen's list
        (from `listed`, a listing just made, if given)."""
        from amk_tui.history import visits

        found = visits(self.store, listed)
        return known_amgs(found, self.today), found

    def open_path(self, path: Path) -> str | None:
        """Open a workshop from its file; a problem comes back as one line."""
        from amk_tui.core.errors import SessionError

        try:
            session = self.store.load(path)
        except SessionError as exc:
            return str(exc)
        self.open_session(session, path)
        return None

    def start_new(self, session: Session) -> str | None:
        """Give a new workshop its file and open it; a problem comes back as one line."""
        try:
            path = self.store.create(session)
        except StoreError as exc:
            return self.describe_problem(exc)
        self.open_session(session, path)
        return None

    def open_session(self, session: Session, path: Path, force_readonly: bool = False) -> None:
        """Take a session into the app: lock it, then show where it stands."""
        # Imported here, not at the top: the start screen needs none of it (~4 ms a start).
        from amk_tui.config.flow import step_items
        from amk_tui.core.workshop import Workshop
        from amk_tui.keeper import Keeper

        if self.keeper is not None:
            self.keeper.release()
        if session.language != self.content.language:
            self.content = self._content_for(session.language)
            keys.localize(self, self.content.t)
            self.title = self.content.t("app_title")
        self.keeper = keeper = Keeper.open(self.store, path, force_readonly)
        found, history = keeper.links(session)
        self.workshop = Workshop(
            session,
            view_only=keeper.view_only,
            previous=found[0] if found else None,
            history=history,
            items=lambda step: step_items(self.content, step, session.variant),
            listener=self,
        )
        if (problem := keeper.probe()) is not None:  # reported now, not at the first edit
            self.say_store_problem(problem)
        self.say_what_was_assumed(session)
        if keeper.locked_elsewhere and not force_readonly:
            self.notify(self.content.t("notify.locked"), severity="warning", timeout=10)
        elif session.finished and not force_readonly:
            self.notify(self.content.t("notify.finished_readonly"), timeout=8)
        if session.view.blank:  # blanked when amk stopped: the room stays black until `b`
            self.call_after_refresh(self.show_blank, True)
        if self.workshop.needs_followup:
            from amk_tui.screens.followup import FollowupScreen

            self._show(FollowupScreen())
            return
        self.show_current()

    def _show(self, target: Screen[Any]) -> None:
        """Replace the base screen; anything open on top of it (a form, the help) closes."""
        while isinstance(self.screen, ModalScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(target)
        else:
            self.push_screen(target)

    def show_current(self) -> None:
        """The screen of the current step (the agenda before the program starts)."""
        assert self.session is not None
        base = self.screen_stack[1] if len(self.screen_stack) > 1 else None
        if self.session.agenda.current is None:
            from amk_tui.screens.agenda import AgendaScreen

            if not isinstance(base, AgendaScreen):
                self._show(AgendaScreen())
            return
        from amk_tui.screens.workshop import WorkshopScreen  # made when first needed

        if not isinstance(base, WorkshopScreen):
            self._show(WorkshopScreen())

    def look_for_room(self) -> None:
        """A room window follows (its lock is held): the console becomes a presenter view."""
        from amk_tui.room.presence import room_following, web_room_url
        from amk_tui.screens.workshop_base import WorkshopBase

        following = self.path is not None and room_following(self.path)
        url = web_room_url(self.path) if following and self.path is not None else ""
        if following != self.room_following or url != self.web_room:
            self.room_following, self.web_room = following, url
            for screen in self.screen_stack:
                if isinstance(screen, WorkshopBase):
                    screen.refresh_scene()

    # -- the workshop changes -------------------------------------------------------------------
    def workshop_changed(self, change: Change) -> None:
        """Save first (a person would be upset to lose it; a killed amk loses at most the
        last keystroke), then let every view redraw."""
        if change.save:
            self.save()
        if change.what in ("position", "status", "followup"):
            self.show_current()
        if change.what == "status":
            self.refresh_bindings()
        if change.what == "view" and self.session is not None:
            self.show_blank(self.session.view.blank)
        self.changes.publish(change)

    def flush_edits(self) -> None:
        """Every open screen hands over what its fields show but have not reported yet."""
        from amk_tui.screens.base import AmkNode

        for screen in self.screen_stack:
            if isinstance(screen, AmkNode):
                screen.flush_edits()

    def save(self) -> bool:
        if self.workshop is None or self.keeper is None:
            return False
        was_unsaved = self.keeper.unsaved
        problem = self.keeper.save(self.workshop.session)
        if problem is not None:
            if not was_unsaved:
                self.say_store_problem(problem)
            return False
        if was_unsaved:
            self.notify(self.content.t("notify.saved_again"))
        return True

    def say_store_problem(self, exc: StoreError) -> None:
        title = self.content.t("notify.not_saved")
        self.notify(self.describe_problem(exc), title=title, severity="error", timeout=15)

    def describe_problem(self, exc: Exception) -> str:
        """A failed load or save in one line, in the session's language where it can be."""
        from amk_tui.keeper import describe

        return describe(self.content, exc)

    def status_flags(self) -> str:
        """What the phase bar must warn about: not saved, or read-only."""
        if self.unsaved:
            copy = self.keeper.copy if self.keeper and self.keeper.copy_current else None
            return self.content.t("bar.unsaved") + (f" → {copy.name}" if copy else "")
        return self.content.t("bar.readonly") if self.readonly else ""

    # -- stepping -------------------------------------------------------------------------------
    def go_step(self, index: int) -> None:
        """Enter a step of the program (its countdown starts by itself). What is open over the
        workshop closes: a dialog asked about the step that is left (reset its timer …)."""
        assert self.workshop is not None
        self.flush_edits()
        while isinstance(self.screen, ModalScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        self.workshop.go(index)

    def step_title(self, step: Step) -> str:
        from amk_tui.config.flow import step_title

        return step_title(self.content, step)

    def phase_title(self, index: int) -> str:
        assert self.session is not None
        phase = self.session.program.phases[index]
        return self.content.phase_title(phase.id, phase.title)

    def on_unmount(self) -> None:
        if self.keeper is not None:
            self.keeper.release()

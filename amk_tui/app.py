"""AmkApp: the screens, the global keys, autosave and the one ticker that rings the bell.

Data flows one way: key → screen handler → a core method changes the session → `changed()`
saves through the store → widgets redraw from the session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from amk_tui import keys
from amk_tui.config import Config, Content, load_content
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.countdown import Countdown
from amk_tui.core.program import Step
from amk_tui.core.session import Session
from amk_tui.store import SessionLock, SessionStore, StoreError
from amk_tui.themes import DARK, LIGHT, THEMES

MIN_WIDTH, MIN_HEIGHT = 60, 20


class AmkApp(App[int]):
    """The workshop on a shared screen."""

    CSS_PATH = "app.tcss"
    TITLE = "amk"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = keys.bindings(*keys.APP_COMMANDS, *keys.TIMER_COMMANDS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    ALERT_TICK = 0.25
    """Seconds between looks at the current countdown for the time-is-up alert."""

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
        self.throwaway = throwaway
        """`amk --demo`: the sessions folder is temporary and goes when amk quits."""
        self.today = today or dt.date.today()
        """The date new workshops and typed dates start from (fixed in tests)."""
        self.config = config
        self.store = store
        self.clock = clock
        self.content = content or self._content_for(config.language)
        self.session: Session | None = None
        self.path: Path | None = None
        self.readonly = False
        self.unsaved = False
        """True while the last save failed; the next change (or quit) tries again."""
        self._lock: SessionLock | None = None
        self._save_as_prompt: Screen[str | None] | None = None
        self.previous: Session | None = None
        """This AMG's previous session, for the change per factor and the follow-up."""
        self.previous_path: Path | None = None
        self._initial = (session, path)
        keys.localize(self, self.content.t)

    def _content_for(self, language: str) -> Content:
        return load_content(
            language,
            slides_dir=self.config.slides_dir,
            factor_overrides=self.config.factor_overrides,
            source=self.config.source,
        )

    # -- start --------------------------------------------------------------------------------
    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DARK.name
        self.title = self.content.t("app_title")
        session, path = self._initial
        if session is not None and path is not None:
            self.open_session(session, path)
        else:
            from amk_tui.screens.start import StartScreen

            self.push_screen(StartScreen())
        self.set_interval(self.ALERT_TICK, self.check_alert)
        self._check_size(self.size.width, self.size.height)

    def open_session(self, session: Session, path: Path, force_readonly: bool = False) -> None:
        """Take a session into the app: lock it, then show where it stands."""
        if self._lock is not None:
            self._lock.release()
        self.session, self.path = session, path
        if session.language != self.content.language:
            self.content = self._content_for(session.language)
            keys.localize(self, self.content.t)
            self.title = self.content.t("app_title")
        self._lock = None if force_readonly else self.store.lock(path)
        self.readonly = force_readonly or self._lock is None or session.finished
        self.save()  # a folder that can't be written is reported now, not at the first edit
        if self._lock is None and not force_readonly:
            self.notify(self.content.t("notify.locked"), severity="warning", timeout=10)
        elif session.finished and not force_readonly:
            self.notify(self.content.t("notify.finished_readonly"), timeout=8)
        entry = self.store.previous(session)
        self.previous = entry.session if entry else None
        self.previous_path = entry.path if entry else None
        if self.needs_followup():
            from amk_tui.screens.followup import FollowupScreen

            self._show(FollowupScreen())
            return
        self.show_current()

    def needs_followup(self) -> bool:
        """A new workshop whose AMG left open actions last time, not yet followed up."""
        session, previous = self.session, self.previous
        if session is None or previous is None or self.readonly:
            return False
        if session.agenda.index is not None or session.previous == previous.id:
            return False
        return any(a.status in ("open", "in-progress") for a in previous.actions)

    def _show(self, target: Screen[Any]) -> None:
        """Replace the base screen (keeping Textual's default screen underneath).

        Anything open on top of it (a form, the help) is closed first, so the stack is always
        Textual's default screen plus the one screen of where the workshop stands.
        """
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(target)
        else:
            self.push_screen(target)

    def show_current(self) -> None:
        """Switch to the screen of the current step (the agenda before the program starts)."""
        from amk_tui.screens.agenda import AgendaScreen
        from amk_tui.screens.phase import PhaseScreen, screen_for

        assert self.session is not None
        step = self.session.agenda.current
        target: Screen[Any]
        if step is None:
            target = AgendaScreen(home=True)
        elif isinstance(self.screen, PhaseScreen) and self.screen.phase_index == step.phase_index:
            self.screen.step_changed()
            return
        else:
            target = screen_for(step)
        self._show(target)

    # -- the session changes ----------------------------------------------------------------
    def changed(self) -> None:
        """Something a person would be upset to lose changed: save it now."""
        self.save()

    def flush_edits(self) -> None:
        """Every open screen hands over what its fields show but have not reported yet."""
        from amk_tui.screens.base import AmkScreen

        for screen in self.screen_stack:
            if isinstance(screen, AmkScreen):
                screen.flush_edits()

    def save(self) -> bool:
        if self.session is None or self.path is None or self.readonly:
            return False
        try:
            self.store.save(self.session, self.path)
        except StoreError as exc:
            if not self.unsaved:
                self.notify(
                    self.store_problem(exc),
                    title=self.content.t("notify.not_saved"),
                    severity="error",
                    timeout=15,
                )
            self.unsaved = True
            return False
        if self.unsaved:
            self.notify(self.content.t("notify.saved_again"))
        self.unsaved = False
        return True

    def finish_workshop(self) -> None:
        """Ask, then mark the session finished, save it and write the report beside it."""
        from amk_tui.screens.modals import ConfirmScreen

        def finish(yes: bool | None) -> None:
            if not yes or self.session is None or self.path is None:
                return
            # Finish a copy first: if it cannot be saved, the live workshop is untouched
            # (timers, status) and can still be saved with Ctrl+S or q.
            trial = Session.from_dict(self.session.to_dict(), clock=self.clock)
            trial.finish()
            try:
                self.store.save(trial, self.path)
            except StoreError as exc:
                self.unsaved = True
                self.notify(self.store_problem(exc), severity="error", timeout=15)
                self.notify(self.content.t("notify.not_finished"), severity="error", timeout=15)
                return
            self.session.finish()
            self.save()
            report = self.write_report()
            self.readonly = True
            self.refresh_bindings()
            self.show_current()  # fields lock, hints stop offering edit keys
            from amk_tui.screens.modals import FinishedScreen

            self.push_screen(FinishedScreen(self.path, report, throwaway=self.throwaway))

        self.push_screen(ConfirmScreen(self.content.t("confirm.finish"), default=True), finish)

    def write_report(self) -> Path | None:
        """The Markdown report next to the session file (0600, like the session)."""
        from amk_tui.report import build_report

        assert self.path is not None
        target = self.path.with_suffix(".md")
        try:
            self.store.write_text(target, build_report(self.store, self.path, fmt="md"))
        except StoreError as exc:
            self.notify(self.store_problem(exc), severity="error")
            return None
        return target

    def store_problem(self, exc: StoreError) -> str:
        """A failed save in the session's language: the file and why."""
        reason = self.content.t(f"store.{exc.reason}", detail=exc.detail)
        return self.content.t(f"store.{exc.action}", path=str(exc.path), reason=reason)

    def status_flags(self) -> str:
        """What the phase bar must warn about: not saved, or read-only."""
        if self.unsaved:
            return self.content.t("bar.unsaved")
        if self.readonly:
            return self.content.t("bar.readonly")
        return ""

    def action_reopen(self) -> None:
        """A finished workshop opens read-only; this makes it editable again, on purpose."""
        from amk_tui.screens.modals import ConfirmScreen

        def reopen(yes: bool | None) -> None:
            if yes and self.session is not None:
                self.session.reopen()
                self.readonly = False
                self.changed()
                self.refresh_bindings()
                self.show_current()  # fields that were locked take input again
                self.notify(self.content.t("notify.reopened"))

        self.push_screen(ConfirmScreen(self.content.t("confirm.reopen"), default=True), reopen)

    def action_save_as(self) -> None:
        """Save a copy where the facilitator chooses (when the sessions folder fails)."""
        from amk_tui.screens.forms import TextPrompt

        if self.session is None or self.path is None:
            return
        default = str(Path.home() / self.path.name)

        def save_to(answer: str | None) -> None:
            if not answer or self.session is None:
                return
            target = Path(answer).expanduser()
            if target.exists() and target.resolve() != self.path_resolved():
                from amk_tui.screens.modals import ConfirmScreen

                question = self.content.t("save_as.overwrite", path=str(target))
                self.push_screen(
                    ConfirmScreen(question), lambda yes: self.save_copy(target) if yes else None
                )
            else:
                self.save_copy(target)

        self._save_as_prompt = TextPrompt(self.content.t("save_as.question"), default)
        self.push_screen(self._save_as_prompt, save_to)

    def path_resolved(self) -> Path | None:
        return None if self.path is None else self.path.resolve()

    def save_copy(self, target: Path) -> None:
        """Save to `target` and go on editing there (its lock taken, the old one let go)."""
        if self.session is None:
            return
        # The file this amk already holds needs no new lock; any other (this session's own
        # file included, when another amk has it) must be locked first.
        keep = target.resolve() == self.path_resolved() and self._lock is not None
        lock = None if keep else self.store.lock(target)
        if lock is None and not keep:
            self.notify(self.content.t("notify.target_locked", path=str(target)), severity="error")
            return
        try:
            self.store.save(self.session, target)
        except StoreError as exc:
            if lock is not None:
                lock.release()
            self.notify(self.store_problem(exc), severity="error", timeout=15)
            return
        if lock is not None:
            if self._lock is not None:
                self._lock.release()
            self._lock = lock
        self.path, self.unsaved, self.readonly = target, False, self.session.finished
        self.refresh_bindings()
        self.notify(self.content.t("notify.saved_to", path=str(target)), timeout=10)

    @property
    def countdown(self) -> Countdown | None:
        return None if self.session is None else self.session.agenda.countdown

    def go_step(self, index: int, at_end: bool = False) -> None:
        """Enter a step of the program (its countdown starts by itself)."""
        assert self.session is not None
        self.flush_edits()
        step = self.session.agenda.go(index, run=not self.readonly)
        if at_end:
            self.session.cursor[step.key] = -1
        self.changed()
        self.show_current()

    def advance(self) -> None:
        """Past the end of the current step: into the next one (or stay at the very end)."""
        assert self.session is not None
        agenda = self.session.agenda
        nxt = 0 if agenda.index is None else agenda.index + 1
        if nxt < len(agenda.steps):
            self.go_step(nxt)
        else:
            self.notify(self.content.t("notify.end_of_program"))

    def retreat(self) -> None:
        """Before the start of the current step: into the previous one, at its last item."""
        assert self.session is not None
        agenda = self.session.agenda
        if agenda.index:
            self.go_step(agenda.index - 1, at_end=True)

    def step_title(self, step: Step) -> str:
        phase = self.content.phase_title(step.phase.id, step.phase.title)
        if step.round is None:
            return phase
        return f"{phase}: {self.content.round_title(step.round.id, step.round.title)}"

    def phase_title(self, index: int) -> str:
        assert self.session is not None
        phase = self.session.program.phases[index]
        return self.content.phase_title(phase.id, phase.title)

    # -- timer keys -------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from amk_tui.screens.agenda import AgendaScreen

        if action in {"toggle_timer", "extend", "reset_timer"}:
            return self.countdown is not None and not self.readonly
        if action == "agenda":
            # The command palette asks with itself on top; it does not count as a screen.
            stack = [s for s in self.screen_stack if not isinstance(s, CommandPalette)]
            screen = stack[-1]
            return (
                self.session is not None
                and len(stack) <= 2
                and getattr(screen, "OFFERS_AGENDA", False)
                and not isinstance(screen, AgendaScreen)
            )
        if action == "reopen":
            return self.session is not None and self.session.finished and self._lock is not None
        return True

    def action_toggle_timer(self) -> None:
        if (countdown := self.countdown) is not None:
            countdown.toggle()
            self.changed()
            self.refresh_timers()

    def action_extend(self, minutes: int) -> None:
        if (countdown := self.countdown) is not None:
            countdown.extend(minutes)
            self.changed()
            self.refresh_timers()

    def action_reset_timer(self) -> None:
        from amk_tui.screens.modals import ConfirmScreen

        def reset(yes: bool | None) -> None:
            if yes and (countdown := self.countdown) is not None:
                countdown.reset()
                self.changed()
                self.refresh_timers()

        self.push_screen(ConfirmScreen(self.content.t("confirm.reset")), reset)

    def refresh_timers(self) -> None:
        """Redraw the time at once after a timer key (not only at the next tick)."""
        from amk_tui.widgets.countdown import CountdownDigits
        from amk_tui.widgets.phase_bar import PhaseBar

        for digits in self.screen.query(CountdownDigits):
            digits.refresh_time()
        for bar in self.screen.query(PhaseBar):
            bar.refresh_bar()

    def check_alert(self) -> None:
        """Ring the bell once and say so when the current countdown reaches zero."""
        countdown = self.countdown
        if countdown is None or self.readonly or not countdown.take_alert():
            return
        if self.config.bell:
            self.bell()
        self.notify(self.content.t("notify.time_up"), severity="warning", timeout=8)
        self.changed()

    # -- app keys ----------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Textual's own Ctrl+Q must not skip the save."""
        self.action_save_quit()

    def action_save_quit(self) -> None:
        """Save and quit; if saving fails, nothing is lost: ask where to save instead."""
        from amk_tui.screens.modals import ConfirmScreen

        self.flush_edits()
        if self.session is None or self.readonly or self.save():
            self.exit()
            return
        if isinstance(self.screen, ConfirmScreen):
            return
        if self.screen is self._save_as_prompt:  # asked where to save already: a way out
            question = self.content.t("confirm.quit_unsaved")
            self.push_screen(
                ConfirmScreen(question), lambda yes: self.exit(return_code=1) if yes else None
            )
            return
        self.action_save_as()

    def action_help(self) -> None:
        from amk_tui.screens.modals import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_agenda(self) -> None:
        from amk_tui.screens.agenda import AgendaScreen

        if self.check_action("agenda", ()):
            self.push_screen(AgendaScreen(home=False))

    def action_blank(self) -> None:
        from amk_tui.screens.modals import BlankScreen

        if isinstance(self.screen, BlankScreen):
            self.pop_screen()
        else:
            self.push_screen(BlankScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT.name if self.theme == DARK.name else DARK.name

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette lists the same actions as the keys, with the same labels."""
        ours = self.content.key_labels()
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.action in seen or not active.enabled or binding.description not in ours:
                continue  # Textual's own (English) widget and system commands stay out
            seen.add(binding.action)
            node = active.node
            key = self.get_key_display(binding)
            yield SystemCommand(
                binding.description or binding.action,
                self.content.t("palette.key", key=key),
                lambda node=node, action=binding.action: self.call_later(
                    self.run_action, action, node
                ),
            )

    def action_command_palette(self) -> None:
        """Textual's palette, with its search prompt in the session's language."""
        app: App[Any] = self  # is_open() is typed for App[object]
        if self.use_command_palette and not CommandPalette.is_open(app):
            placeholder = self.content.t("palette.placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    # -- size ---------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        from amk_tui.screens.modals import TooSmallScreen

        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.content.t("too_small", w=MIN_WIDTH, h=MIN_HEIGHT)))
        elif showing and not small:
            self.pop_screen()

    def on_unmount(self) -> None:
        if self._lock is not None:
            self._lock.release()

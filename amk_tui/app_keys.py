"""The keys every amk screen has: timer, agenda, help, blank, theme, quit, palette.

`AppKeys` is the layer of `AmkApp` that answers keys; `AmkApp` (app.py) adds the open
workshop and its file. Dialogs (confirm, where to save) live in `screens/dialogs.py`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from amk_tui import keys
from amk_tui.themes import DARK, LIGHT

if TYPE_CHECKING:
    from amk_tui.app import AmkApp
    from amk_tui.config import Config, Content
    from amk_tui.core.change import Refusal
    from amk_tui.core.countdown import Countdown
    from amk_tui.core.session import Session
    from amk_tui.core.workshop import Workshop
    from amk_tui.keeper import Keeper
    from amk_tui.store import SessionStore

MIN_WIDTH, MIN_HEIGHT = 60, 20
READABLE_KEYS = {
    "pgdn": "PgDn",
    "pgup": "PgUp",
    "esc": "Esc",
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Del",
    "del": "Del",
    "home": "Home",
    "end": "End",
    "insert": "Ins",
    "ins": "Ins",
    "tab": "Tab",
}
"""Textual's short key names, as the keys are printed on a keyboard."""


class AppKeys(App[int]):
    """amk's global keys; the state they act on comes from `AmkApp`."""

    BINDINGS = keys.bindings(*keys.APP_COMMANDS, *keys.TIMER_COMMANDS)

    config: Config
    content: Content
    store: SessionStore
    workshop: Workshop | None
    keeper: Keeper | None

    @property
    def session(self) -> Session | None:
        return None if self.workshop is None else self.workshop.session

    @property
    def readonly(self) -> bool:
        return self.workshop is not None and self.workshop.readonly

    @property
    def countdown(self) -> Countdown | None:
        return None if self.session is None else self.session.agenda.countdown

    def _handle_exception(self, error: Exception) -> None:
        """A failure of amk itself: the traceback goes to a log file, the facilitator gets
        one line (a traceback on the room's screen helps nobody and can show notes).

        Under a test (headless) Textual's own handling stays, so a test sees the error.
        """
        if self.is_headless:
            super()._handle_exception(error)
            return
        from amk_tui.crash import crash_line  # (its imports cost start-up; only a crash needs it)

        with contextlib.suppress(Exception):
            self.save()  # what the last keystroke changed, if it can be saved at all
        self.exit(return_code=70, message=crash_line(self.content, error, self.store.folder))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast; its text is text (a path or a name with `[/]` is shown as typed)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- what the workshop model and the file could not do, in words ------------------------
    def workshop_refused(self, reason: Refusal) -> None:
        """The workshop model said no (`core.change.Refusal`): a toast says why."""
        from amk_tui.core.scores import MAX_GROUPS

        t = self.amk.content.t
        if reason == "readonly":
            self.notify(t("notify.readonly"), severity="warning")
        elif reason == "max_groups":
            self.notify(t("group.max", n=MAX_GROUPS), severity="warning")
        elif reason == "end":
            self.clear_notifications()  # PageDown again: one notice, not a stack over the footer
            self.notify(t("notify.end_of_program"))
        elif reason == "full":
            self.notify(t("notify.full"), severity="warning")
        elif reason == "no_previous":
            self.notify(t("chart.no_previous"), timeout=3)

    def say_what_was_assumed(self, session: Session) -> None:
        """On opening: a clock that jumped while amk was closed, texts cut on loading."""
        t = self.amk.content.t
        if session.agenda.clock_jumped:
            self.notify(t("notify.clock_jumped"), severity="warning", timeout=12)
        if session.trimmed:
            cut = ", ".join(session.trimmed[:3]) + (" …" if len(session.trimmed) > 3 else "")
            self.notify(t("notify.trimmed", keys=cut), severity="warning", timeout=12)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as a keyboard names them: PgDn, not Textual's `pgdn`."""
        shown = super().get_key_display(binding)
        return READABLE_KEYS.get(shown, shown)

    @property
    def amk(self) -> AmkApp:
        """This app as the whole `AmkApp` (what the dialogs work with)."""
        return cast("AmkApp", self)

    def save(self) -> bool:
        raise NotImplementedError

    def flush_edits(self) -> None:
        raise NotImplementedError

    # -- keys -----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_timer", "extend", "reset_timer"}:
            return self.countdown is not None and not self.readonly
        if action == "agenda":
            # The command palette asks with itself on top; it does not count as a screen.
            stack = [s for s in self.screen_stack if not isinstance(s, CommandPalette)]
            top = stack[-1]
            return (
                self.session is not None
                and not isinstance(top, ModalScreen)
                and getattr(top, "OFFERS_AGENDA", False)
            )
        if action == "reopen":
            keeper = self.keeper
            return self.readonly and keeper is not None and not keeper.view_only
        return True

    def action_toggle_timer(self) -> None:
        if self.workshop is not None:
            self.workshop.toggle_timer()

    def action_extend(self, minutes: int) -> None:
        if self.workshop is not None:
            self.workshop.extend(minutes)

    def action_reset_timer(self) -> None:
        from amk_tui.screens import dialogs

        dialogs.confirm_reset(self.amk)

    def check_alert(self) -> None:
        """Ring the bell once and say so when the current countdown reaches zero."""
        if self.workshop is None or not self.workshop.take_alert():
            return
        if self.config.bell:
            self.bell()
        self.notify(self.content.t("notify.time_up"), severity="warning", timeout=8)

    def action_reopen(self) -> None:
        from amk_tui.screens import dialogs

        dialogs.confirm_reopen(self.amk)

    def action_save_as(self) -> None:
        from amk_tui.screens import dialogs

        dialogs.ask_save_as(self.amk)

    def finish_workshop(self) -> None:
        from amk_tui.screens import dialogs

        dialogs.confirm_finish(self.amk)

    async def action_quit(self) -> None:
        """Textual's own Ctrl+Q must not skip the save."""
        self.action_save_quit()

    def action_save_quit(self) -> None:
        """Save and quit; if saving fails, nothing is lost: ask where to save instead."""
        from amk_tui.screens import dialogs

        self.flush_edits()
        keeper = self.keeper
        if keeper is None or keeper.view_only or self.save() or keeper.copy_current:
            self.exit()
            return
        dialogs.ask_before_losing(self.amk)

    def action_help(self) -> None:
        from amk_tui.screens.modals import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_agenda(self) -> None:
        from amk_tui.screens.agenda import AgendaOverlay

        if self.check_action("agenda", ()):
            self.push_screen(AgendaOverlay())

    def action_blank(self) -> None:
        """Black out the screen (and a following room window), or bring it back."""
        if self.workshop is not None:
            self.workshop.toggle_blank()  # the app shows it when it hears the change
        else:
            self.show_blank(not self.is_blank)

    @property
    def is_blank(self) -> bool:
        from amk_tui.screens.modals import BlankScreen

        return any(isinstance(s, BlankScreen) for s in self.screen_stack)

    def show_blank(self, blank: bool) -> None:
        from amk_tui.screens.modals import BlankScreen

        if blank and not self.is_blank:
            self.push_screen(BlankScreen())
        elif not blank and isinstance(self.screen, BlankScreen):
            self.pop_screen()

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT.name if self.theme == DARK.name else DARK.name

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette lists the same actions as the keys, with the same labels."""
        from amk_tui.screens.palette import system_commands

        return system_commands(self.amk, screen)

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
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if not small and not isinstance(self.screen, ModalScreen):
            return  # the usual case: no notice to show or to close (its module is not loaded)
        from amk_tui.screens.modals import TooSmallScreen

        shown = self.screen
        showing = isinstance(shown, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.content.t("too_small", w=MIN_WIDTH, h=MIN_HEIGHT)))
        elif isinstance(shown, TooSmallScreen) and not small:
            self.pop_screen()
            for key, character in shown.kept:  # the keys typed meanwhile, in order
                self.post_message(events.Key(key, character))

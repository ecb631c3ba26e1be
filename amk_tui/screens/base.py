"""What every amk screen and dialog shares: typed access to the app, the workshop and the
words, translated key labels, and a redraw whenever the workshop changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual import events, on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from amk_tui import keys
from amk_tui.screens import sizing

if TYPE_CHECKING:
    from amk_tui.app import AmkApp
    from amk_tui.config import Content
    from amk_tui.core.change import Change
    from amk_tui.core.session import Session
    from amk_tui.core.workshop import Workshop

ResultType = TypeVar("ResultType")


FOCUS_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", show=False, priority=True),
]
"""Tab moves the focus before the next key is routed: Textual hands a key to the focused
widget's queue at once, so keys typed right after a Tab (a paste, a barcode reader, a fast
typist) reached the old field when the focus moved only after Tab had bubbled back up."""


class AmkNode:
    """Mixed into amk's screens: the app, the workshop, the words."""

    HEARS_AT_ONCE: ClassVar[bool] = False
    """Hear a change while the key that made it is still being handled (not after the keys
    queued behind it): what the next key does may depend on the redraw (focus, item)."""

    def flush_edits(self) -> None:
        """Take into the session what a field shows but has not reported yet (before leaving)."""

    def workshop_changed(self, change: Change) -> None:
        """The workshop changed (and was saved): redraw what depends on it."""

    @property
    def amk(self) -> AmkApp:
        return cast("AmkApp", self.app)  # type: ignore[attr-defined]

    @property
    def content(self) -> Content:
        return self.amk.content

    def t(self, key: str, /, **values: object) -> str:
        return self.amk.content.t(key, **values)

    @property
    def workshop(self) -> Workshop:
        workshop = self.amk.workshop
        assert workshop is not None
        return workshop

    @property
    def session(self) -> Session:
        return self.workshop.session

    @property
    def readonly(self) -> bool:
        return self.amk.readonly


class _AmkBaseScreen(AmkNode, Screen[ResultType], Generic[ResultType]):
    """What amk's full screens and dialogs do alike: words and keys, the workshop's changes,
    size classes from the start (see `sizing`)."""

    BINDINGS = FOCUS_KEYS

    _shown = False
    """The screen was shown (resumed) once."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        keys.localize(self, self.amk.content.t)
        sizing.preset(self)

    @on(events.Mount)
    def _on_amk_mount(self) -> None:
        _localize_and_listen(self)

    @on(events.Resize)
    def _skip_unchanged_resize(self, event: events.Resize) -> None:
        if sizing.unchanged(self, event.size):
            event.prevent_default()  # Screen's own handler would lay it all out again

    @on(events.ScreenResume)
    def _styled_when_mounted(self, event: events.ScreenResume) -> None:
        """Textual styles each widget when it is mounted, and every widget of a screen again
        whenever the screen is shown, for a screen coming back from under another (the theme
        may have changed meanwhile). The first time, nothing has changed since the widgets
        were styled a moment ago (the size classes were set before): that second restyle of
        the whole screen, before its first frame, is skipped."""
        if not self._shown:
            self._shown = True
            event.refresh_styles = False

    def compact_fields(self, below_rows: int = 34) -> None:
        _compact_fields(self, below_rows)


class AmkScreen(_AmkBaseScreen[ResultType]):
    """A full screen of the amk app."""

    OFFERS_AGENDA: ClassVar[bool] = True
    """`a` may open the agenda over this screen (when nothing else is open on top of it)."""


class AmkModal(_AmkBaseScreen[ResultType], ModalScreen[ResultType]):
    """A dialog over the workshop (the workshop underneath stays as it is)."""

    OFFERS_AGENDA: ClassVar[bool] = False


def _localize_and_listen(screen: _AmkBaseScreen[Any]) -> None:
    """Widgets declare their keys with label keys too: translate them once mounted; and
    hear every change of the workshop."""
    for node in screen.walk_children():
        keys.localize(node, screen.amk.content.t)
    if not screen.HEARS_AT_ONCE:
        screen.amk.changes.subscribe(screen, screen.workshop_changed)
        return

    def at_once(change: Change) -> None:
        try:
            screen.workshop_changed(change)
        except Exception as error:  # the signal would log and swallow it: crash visibly
            screen.call_next(_reraise, error)

    screen.amk.changes.subscribe(screen, at_once, immediate=True)


def _reraise(error: Exception) -> None:
    raise error


def _compact_fields(screen: Screen[Any], below_rows: int) -> None:
    """On a short window, inputs and selects lose their borders so a form fits."""
    from textual.widgets import Input, Select

    if screen.app.size.height < below_rows:
        for field in screen.query(Input):
            field.compact = True
        for select in screen.query(Select):
            select.compact = True

"""The footer: Textual's `Footer`, with the keys in the screen's first frame, composed again
only when the keys it shows change.

Textual's `Footer` composes nothing until its screen first reports its bindings, and then
recomposes after the next refresh: every screen was first drawn with an empty footer, and the
keys came a frame later (~30 ms on the start screen, a whole repaint of it). And it composes
itself anew on every report — each focus change — even when the same keys show (Tab through
the start screen's ten fields: ten new footers). `KeyFooter` takes the screen's bindings when
it is composed, and recomposes only when what it shows has changed (a key switched on or off
by the focus, a new screen's keys).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer


class KeyFooter(Footer):
    """A `Footer` whose first composition already shows the keys."""

    def __init__(self, *children: Widget, compact: bool = False) -> None:
        super().__init__(*children, compact=compact)
        # The flag Textual's Footer sets on the first bindings report (private in Textual 8:
        # tests/ui/test_key_footer.py fails if it stops doing what this relies on).
        self.set_reactive(Footer._bindings_ready, True)
        self._shown_keys: Hashable = None

    def _keys(self) -> Hashable:
        """What the footer would show now: per action (as `Footer.compose` groups them), the
        first shown binding's key as displayed, its text, state and group."""
        shown: dict[str, Hashable] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                group = None if binding.group is None else binding.group.description
                key = self.app.get_key_display(binding)
                shown[binding.action] = (key, binding.description, enabled, tooltip, group)
        return tuple(shown.items())

    def compose(self) -> ComposeResult:
        self._shown_keys = self._keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._keys() == self._shown_keys:
            return  # the same keys: no new footer
        super().bindings_changed(screen)

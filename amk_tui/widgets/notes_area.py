"""The notes field: a `TextArea` whose editing keys keep their order (see `fields`)."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from amk_tui.widgets.fields import run_own_binding


class NotesArea(TextArea):
    """A `TextArea` whose editing keys keep their order."""

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable or not await run_own_binding(self, event):
            await super()._on_key(event)

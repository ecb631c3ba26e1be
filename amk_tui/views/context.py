"""`ViewContext`: everything a view draws from — the scene, the session it was derived from,
and the words of the session's language.

The scene (`core.scene.Scene`) says what is shown now (the item, the reveal, the chart's
kind and series, what is hidden); the session holds what is drawn (scores, notes, actions).
The console and the room make a context from the same scene and the views draw it alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from amk_tui.config.content import Content
from amk_tui.core.flow import Item
from amk_tui.core.scene import Scene
from amk_tui.core.session import Session


@dataclass(frozen=True)
class ViewContext:
    """A scene to draw, with the session and the words it needs."""

    scene: Scene
    session: Session
    content: Content
    readonly: bool = False
    """Nothing may be changed (finished, another amk has the file, or the room's window)."""
    room: bool = False
    """Drawn for the room's window: no cursor, no keys, nothing meant for the facilitator."""
    previous: Session | None = None
    """This AMG's previous workshop (the change since last time)."""
    values_visible: bool = True
    """Typed scores may be shown: revealed, or the room watches a window of its own."""

    def t(self, key: str, /, **values: object) -> str:
        return self.content.t(key, **values)

    @property
    def item(self) -> Item:
        item = self.scene.item
        assert item is not None, "a view draws an item of a started program"
        return item

    @property
    def revealed(self) -> bool:
        return self.scene.revealed

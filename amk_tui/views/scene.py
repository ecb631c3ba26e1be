"""`Scene`: everything a view needs to draw what the program shows now."""

from __future__ import annotations

from dataclasses import dataclass

from amk_tui.config.content import Content
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.series import ALL
from amk_tui.core.session import Session


@dataclass(frozen=True)
class Scene:
    """The session, its words, and where the program stands."""

    session: Session
    content: Content
    step: Step
    item: Item
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
    def revealed(self) -> bool:
        return self.session.revealed


@dataclass(frozen=True)
class ChartChoice:
    """How the facilitator chose to look at the chart (console state, not saved)."""

    view: str = ALL
    """All groups, the mean, or one group's letter (`v`)."""
    overlay: bool = True
    """Last time's mean under the groups (`o`)."""

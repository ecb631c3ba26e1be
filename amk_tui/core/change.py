"""What a change of the workshop is, and who hears about it (see `core.workshop`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

What = Literal[
    "scores",
    "groups",
    "rows",
    "reveal",
    "answers",
    "actions",
    "draft",
    "position",
    "timer",
    "status",
    "followup",
    "view",
    "meta",
]
CARRY = "carry"
"""A follow-up mark beside the action statuses: carried over into the new workshop."""
Refusal = Literal[
    "readonly", "max_groups", "no_group", "no_timer", "not_finished", "end", "full", "no_previous"
]
"""Why a change was refused; `full`: a list at its limit (MAX_ROWS, MAX_ITEMS)."""


@dataclass(frozen=True)
class Change:
    """One change of the session, as the listener hears it."""

    what: What
    """Which part changed (views redraw what depends on it)."""
    revision: int
    """Counts every change of this workshop: a view can tell whether it is behind."""
    save: bool = True
    """False when nothing needs writing (browsing a read-only workshop)."""


class Listener(Protocol):
    """Who hears about changes: the app (saves, then tells the views)."""

    def workshop_changed(self, change: Change) -> None: ...

    def workshop_refused(self, reason: Refusal) -> None: ...


class Nobody:
    """The listener of a workshop nobody watches (tests, scripts)."""

    def workshop_changed(self, change: Change) -> None:
        pass

    def workshop_refused(self, reason: Refusal) -> None:
        pass


__all__ = ["CARRY", "Change", "Listener", "Nobody", "Refusal", "What"]

"""Where a workshop stands in its program: the step, its items, the item at the cursor.

`Stepping` is the part of `Workshop` (core/workshop.py) that only reads: what is on the
screen now and what `n` shows next. The cursor is resolved as the scene resolves it
(`core.flow.resolve`), so the console and the room agree on the item.
"""

from __future__ import annotations

from collections.abc import Callable

from amk_tui.core.countdown import Countdown
from amk_tui.core.flow import Item, resolve
from amk_tui.core.program import Step
from amk_tui.core.session import Session

ItemsOf = Callable[[Step], tuple[Item, ...]]
"""The items (slides, questions …) a step shows: `core.flow.items_for` with the content."""


class Stepping:
    """The position of a session in its program (read only)."""

    session: Session
    _items: ItemsOf

    @property
    def step(self) -> Step | None:
        return self.session.agenda.current

    def items(self, step: Step | None = None) -> tuple[Item, ...]:
        """The items of a step (the current one by default)."""
        step = step or self.step
        return () if step is None else self._items(step)

    def item_count(self, step: Step | None = None) -> int:
        return max(1, len(self.items(step)))

    @property
    def current(self) -> Item | None:
        """What is on the screen now (None before the program starts)."""
        items = self.items()
        return items[self.item] if items else None

    def following(self) -> tuple[Step, Item] | None:
        """What `n` shows next: the next item, else the next step's first (for a preview)."""
        agenda = self.session.agenda
        if agenda.index is not None and self.item < self.item_count() - 1:
            return agenda.steps[agenda.index], self.items()[self.item + 1]
        index = 0 if agenda.index is None else agenda.index + 1
        if index >= len(agenda.steps):
            return None
        step = agenda.steps[index]
        items = self.items(step)
        return (step, items[0]) if items else None

    @property
    def item(self) -> int:
        """The position inside the current step (slide, question …), within its items."""
        step = self.step
        if step is None:
            return 0
        return resolve(self.session.cursor.get(step.key, 0), self.item_count(step))

    @property
    def countdown(self) -> Countdown | None:
        """The countdown of what is on the screen now (the timer keys act on it)."""
        step, item = self.step, self.current
        if step is None or item is None:
            return None
        return self.session.agenda.countdown_for(step, item.kind)

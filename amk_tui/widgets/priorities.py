"""Pick up to three factors to act on, in order (the deck's "Hvilke faktorer …?").

Each factor is one line; Space or Enter ticks it. A ticked factor shows ✓ and its rank
("✓ 1."), an unticked one nothing — told apart by a mark, not only by colour, because a
projector washes colours out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from amk_tui.config.content import Factor
from amk_tui.core.session import MAX_PRIORITIES


class PriorityPicker(Vertical):
    """Space/Enter ticks a factor; the order of ticking is the priority."""

    DEFAULT_CSS = """
    PriorityPicker { height: auto; }
    PriorityPicker OptionList { height: auto; }
    """

    BINDINGS = [
        Binding("space", "tick", "key.toggle_priority", show=False),
        *[Binding(str(n), f"tick_number({n})", show=False) for n in range(1, 7)],
    ]

    @dataclass
    class Changed(Message):
        picker: PriorityPicker
        factors: tuple[str, ...]

        @property
        def control(self) -> PriorityPicker:
            return self.picker

    def __init__(
        self, factors: Sequence[Factor], hint: str, too_many: str = "1–3", **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.factors = tuple(factors)
        self.hint = hint
        self.too_many = too_many
        """Said when a fourth factor is ticked."""
        self.chosen: list[str] = []
        self.read_only = False
        self.typing_hint = ""
        """Said when a letter is typed on the list (it picks with Space, Enter or 1–6)."""

    def compose(self) -> ComposeResult:
        yield Label(self.hint, classes="hint", id="priorities-hint")
        yield OptionList(id="factor-list")

    def prepare(
        self, factors: Sequence[Factor], hint: str, too_many: str, typing_hint: str = ""
    ) -> None:
        """The factors and the words (set once the content is known)."""
        self.factors, self.hint, self.too_many = tuple(factors), hint, too_many
        self.typing_hint = typing_hint or hint
        self.query_one("#priorities-hint", Label).update(hint)

    def show(self, chosen: Sequence[str], read_only: bool = False) -> None:
        self.chosen = [c for c in chosen if c in {f.id for f in self.factors}]
        self.read_only = read_only
        self._relabel()

    def _relabel(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for f in self.factors:
            rank = self.chosen.index(f.id) + 1 if f.id in self.chosen else 0
            mark = Text(f"✓ {rank}. ", style="bold") if rank else Text("      ")
            options.add_option(Option(mark + Text(f"{f.number} {f.name}"), id=f.id))
        if self.factors:
            options.highlighted = highlighted if highlighted is not None else 0

    def focus(self, scroll_visible: bool = True) -> PriorityPicker:
        self.query_one(OptionList).focus(scroll_visible)
        return self

    def action_tick_number(self, number: int) -> None:
        """A factor's number (1–6) ticks it, as on the slide."""
        if 1 <= number <= len(self.factors):
            self.query_one(OptionList).highlighted = number - 1
            self.toggle(self.factors[number - 1].id)

    def on_key(self, event: events.Key) -> None:
        """A letter does nothing here: say what does, instead of swallowing it."""
        if event.is_printable and (event.character or "") not in "123456 ":
            event.stop()
            self.notify(self.typing_hint, timeout=4)

    def action_tick(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.toggle(self.factors[options.highlighted].id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.toggle(event.option.id)

    def toggle(self, factor_id: str) -> None:
        if self.read_only:
            return
        if factor_id in self.chosen:
            self.chosen.remove(factor_id)
        elif len(self.chosen) >= MAX_PRIORITIES:
            self.notify(self.too_many, severity="warning", timeout=4)
            return
        else:
            self.chosen.append(factor_id)
        self._relabel()
        self.post_message(self.Changed(self, tuple(self.chosen)))

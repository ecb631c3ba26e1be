"""Pick up to three factors to act on, in order (the deck's "Hvilke faktorer …?")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from amk_tui.config.content import Factor
from amk_tui.core.session import MAX_PRIORITIES


class PriorityPicker(Vertical):
    """Space/Enter toggles a factor; the order of choosing is the priority."""

    DEFAULT_CSS = """
    PriorityPicker { height: auto; }
    PriorityPicker SelectionList { height: auto; }
    """

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
        """Said when a fourth factor is picked."""
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label(self.hint, classes="hint")
        yield SelectionList[str](
            *[Selection(f"{f.number} {f.name}", f.id) for f in self.factors], id="factor-list"
        )
        yield Label("", id="ranking")

    def show(self, chosen: Sequence[str], read_only: bool = False) -> None:
        self.chosen = list(chosen)
        selection = self.query_one(SelectionList)
        selection.disabled = read_only
        with selection.prevent(SelectionList.SelectedChanged):
            selection.deselect_all()
            for fid in self.chosen:
                selection.select(fid)
        self._relabel()

    def _relabel(self) -> None:
        names = {f.id: f"{f.number} {f.short}" for f in self.factors}
        ranking = "   ".join(f"{i + 1}. {names[fid]}" for i, fid in enumerate(self.chosen))
        self.query_one("#ranking", Label).update(ranking)

    def focus(self, scroll_visible: bool = True) -> PriorityPicker:
        self.query_one(SelectionList).focus(scroll_visible)
        return self

    @on(SelectionList.SelectedChanged)
    def changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        kept = [fid for fid in self.chosen if fid in selected]
        added = [fid for fid in selected if fid not in kept]
        order = [f.id for f in self.factors]
        chosen = kept + sorted(added, key=order.index)
        if len(chosen) > MAX_PRIORITIES:
            chosen = chosen[:MAX_PRIORITIES]
            self.show(chosen)
            self.notify(self.too_many, severity="warning", timeout=4)
        self.chosen = chosen
        self._relabel()
        self.post_message(self.Changed(self, tuple(chosen)))

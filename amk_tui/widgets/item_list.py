"""A short list of things to do more of (or less of): type, Enter adds; Delete removes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, ListItem, ListView

from amk_tui.core.text import visible
from amk_tui.widgets.fields import Field


class ItemList(Vertical):
    """Items typed into an Input and listed below it."""

    DEFAULT_CSS = """
    ItemList { height: auto; }
    ItemList ListView { height: auto; max-height: 16; }
    """

    BINDINGS = [Binding("delete", "delete_item", "key.delete_item")]

    @dataclass
    class Changed(Message):
        items_list: ItemList
        items: tuple[str, ...]

        @property
        def control(self) -> ItemList:
            return self.items_list

    def __init__(self, placeholder: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.placeholder = placeholder
        self.items: list[str] = []
        self.read_only = False

    def compose(self) -> ComposeResult:
        field = Field(placeholder=self.placeholder, id="item-input")
        field.clear_on_submit = True  # a burst "a⏎b⏎" gives the items a and b
        yield field
        yield ListView(id="item-view")

    def show(self, items: Sequence[str], read_only: bool = False) -> None:
        self.items = list(items)
        self.read_only = read_only
        field = self.query_one(Input)
        field.placeholder = self.placeholder
        field.disabled = read_only
        view = self.query_one(ListView)
        view.clear()
        for item in self.items:
            view.append(ListItem(Label(Text(f"• {visible(item)}"))))

    def focus(self, scroll_visible: bool = True) -> ItemList:
        self.query_one(Input).focus(scroll_visible)
        return self

    @on(Input.Submitted, "#item-input")
    def add(self, event: Input.Submitted) -> None:
        event.stop()
        if self._add(event.value):
            self.post_message(self.Changed(self, tuple(self.items)))

    def take_typed(self) -> tuple[str, ...] | None:
        """The items with what is typed but not yet added (the question is being left)."""
        field = self.query_one(Input)
        if not self._add(field.value):
            return None
        field.clear()
        return tuple(self.items)

    def _add(self, typed: str) -> bool:
        text = typed.strip()
        if not text or self.read_only:
            return False
        self.items.append(text)
        self.query_one(ListView).append(ListItem(Label(Text(f"• {visible(text)}"))))
        return True

    def action_delete_item(self) -> None:
        view = self.query_one(ListView)
        index = view.index
        if self.read_only or not view.has_focus:
            return
        if index is not None and 0 <= index < len(self.items):
            del self.items[index]
            self.show(self.items)
            self.post_message(self.Changed(self, tuple(self.items)))

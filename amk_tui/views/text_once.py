"""Update a label only when its text changed: a Label update asks Textual for a new layout,
and a score typed every second must not lay the whole screen out again for the same words."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.widgets import Static

_SHOWN: WeakKeyDictionary[Static, str] = WeakKeyDictionary()


def show_text(widget: Static, text: Text | str) -> None:
    """`widget.update(text)` unless it already shows exactly that (text and styles)."""
    key = repr(text) if isinstance(text, Text) else f"str:{text}"
    if _SHOWN.get(widget) == key:
        return
    _SHOWN[widget] = key
    widget.update(text)

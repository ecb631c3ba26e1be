"""Reading a session file's tables with clear messages, and writing them back in their order.

`Fields` gives typed access to one TOML table: every problem is a `SessionError` naming the
file and the key (`groups[2].letter: …`), values are echoed cut and harmless; a text longer
than its limit is cut (with "…") and its key noted, so one absurd name never makes a whole
workshop unreadable. `depth()`
guards against tables nested so deep that they could be read but never written back.
`follow_layout()` orders a table's keys as the file had them, so a file that is loaded and
saved without a change comes back byte for byte.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from amk_tui.core.errors import SessionError
from amk_tui.core.text import clip, echo

MAX_DEPTH = 32
"""Tables and lists nested deeper than this are refused on load."""
_MISSING: Any = object()


class Fields:
    """Typed access to a table; every problem is a SessionError naming the key."""

    def __init__(
        self, data: object, source: str, prefix: str = "", cut: list[str] | None = None
    ) -> None:
        if not isinstance(data, dict):
            raise SessionError(source, f"{prefix.rstrip('.') or 'file'}: must be a table")
        self.data: dict[str, Any] = data
        self.source = source
        self.prefix = prefix
        self.cut: list[str] = [] if cut is None else cut
        """Keys whose text was cut to its limit, shared with every `child()`."""

    def child(self, data: object, prefix: str) -> Fields:
        """The same access to a table inside this one (`groups[0].`)."""
        return Fields(data, self.source, prefix, self.cut)

    def fail(self, key: str, problem: str) -> SessionError:
        return SessionError(self.source, f"{self.prefix}{key}: {problem}")

    def get(self, key: str, kind: type, default: Any = _MISSING) -> Any:
        if key not in self.data:
            if default is _MISSING:
                raise self.fail(key, "missing")
            return default
        value = self.data[key]
        ok = isinstance(value, kind)
        if kind is int and isinstance(value, bool):
            ok = False  # `schema = true` is not schema 1
        if kind is dt.date and isinstance(value, dt.datetime):
            value = value.date()
        if not ok:
            raise self.fail(key, f"expected {_kind_name(kind)}")
        return value

    def text(self, key: str, limit: int, default: Any = _MISSING) -> str:
        """A text value, cut to `limit` characters (and the key noted in `cut`)."""
        value: str = self.get(key, str, default)
        return self.cut_to(value, f"{self.prefix}{key}", limit)

    def cut_to(self, value: str, name: str, limit: int) -> str:
        if len(value) <= limit:
            return value
        self.cut.append(name)
        return clip(value, limit)

    def choice(self, key: str, choices: tuple[Any, ...], default: Any = _MISSING) -> Any:
        """A value that must be one of `choices` (text or whole numbers)."""
        value = self.get(key, type(choices[0]), default)
        if value not in choices:
            raise self.fail(key, f"{echo(value)} is not one of {', '.join(map(str, choices))}")
        return value

    def table_list(self, key: str, limit: int) -> list[Any]:
        """A list (of tables, checked by the caller) of at most `limit` items."""
        items: list[Any] = self.get(key, list, [])
        if len(items) > limit:
            raise self.fail(key, f"{len(items)} items, at most {limit}")
        return items

    def unknown(self, known: frozenset[str] | set[str]) -> dict[str, Any]:
        """The keys this amk does not know, to be written back unchanged."""
        return {k: v for k, v in self.data.items() if k not in known}


def _kind_name(kind: type) -> str:
    names = {
        str: "text",
        int: "a whole number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
        dt.date: "a date (YYYY-MM-DD)",
        float: "a number",
    }
    return names.get(kind, kind.__name__)


def depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deep tables and lists nest in `value`, counting no further than `limit + 1`.

    Iterative, so a document nested a thousand levels deep is measured, not a RecursionError.
    """
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > limit:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def follow_layout(data: Any, layout: Any) -> Any:
    """`data` with each table's keys in the order `layout` (the file as read) had them.

    Keys the layout lacks come after, in `data`'s order; lists follow item by item.
    """
    if isinstance(data, dict) and isinstance(layout, dict):
        keys = [k for k in layout if k in data] + [k for k in data if k not in layout]
        return {k: follow_layout(data[k], layout.get(k)) for k in keys}
    if isinstance(data, list) and isinstance(layout, list):
        return [
            follow_layout(item, layout[i] if i < len(layout) else None)
            for i, item in enumerate(data)
        ]
    return data

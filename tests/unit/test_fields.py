"""core.fields: typed access with clear messages, nesting depth, the file's key order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from amk_tui.core.errors import SessionError
from amk_tui.core.fields import Fields, depth, follow_layout


def test_a_table_that_is_none_is_named() -> None:
    with pytest.raises(SessionError, match=r"^x\.toml: file: must be a table$"):
        Fields([], "x.toml")
    with pytest.raises(SessionError, match=r"^x\.toml: groups\[0\]: must be a table$"):
        Fields(3, "x.toml", "groups[0].")


def test_get_text_choice_and_lists() -> None:
    r = Fields(
        {"n": 3, "b": True, "t": "abc", "d": dt.datetime(2026, 1, 2, 3, 4), "l": [1, 2]},
        "x.toml",
        "p.",
    )
    assert r.get("n", int) == 3 and r.get("d", dt.date) == dt.date(2026, 1, 2)
    assert r.get("missing", int, 7) == 7
    for key, kind, word in (
        ("b", int, "a whole number"),
        ("n", str, "text"),
        ("t", list, "a list"),
    ):
        with pytest.raises(SessionError, match=rf"^x\.toml: p\.{key}: expected {word}$"):
            r.get(key, kind)
    with pytest.raises(SessionError, match=r"p\.missing: missing"):
        r.get("missing", int)
    assert r.text("t", 3) == "abc" and r.cut == []  # exactly the limit
    assert r.text("t", 2) == "a…" and r.cut == ["p.t"]
    child = r.child({"u": "uvw"}, "q.")
    assert child.text("u", 1) == "…" and r.cut == ["p.t", "q.u"]  # one list for the file
    assert r.choice("n", (1, 2, 3)) == 3
    with pytest.raises(SessionError, match=r"p\.n: 3 is not one of 1, 2"):
        r.choice("n", (1, 2))
    assert r.table_list("l", 2) == [1, 2]
    with pytest.raises(SessionError, match=r"p\.l: 2 items, at most 1"):
        r.table_list("l", 1)
    assert r.unknown({"n", "b", "t", "d"}) == {"l": [1, 2]}


@pytest.mark.parametrize(
    ("value", "levels"),
    [
        (1, 0),
        ({}, 0),
        ({"a": 1}, 1),
        ({"a": {"b": [1]}}, 3),
        ([[[]]], 2),
        ({"a": [1, {"b": {}}], "c": 2}, 3),
    ],
)
def test_depth(value: Any, levels: int) -> None:
    assert depth(value) == levels


def test_depth_stops_counting_past_the_limit() -> None:
    deep: dict[str, Any] = {}
    top = deep
    for _ in range(10_000):
        deep["x"] = {}
        deep = deep["x"]
    assert depth(top, limit=32) == 33
    assert depth(top, limit=5) == 6


def test_follow_layout_orders_keys_as_the_file_had_them() -> None:
    data = {"b": 1, "a": {"y": 1, "x": 2}, "new": 3, "list": [{"q": 1, "p": 2}, {"s": 1, "r": 2}]}
    layout = {"a": {"x": 0, "y": 0}, "b": 0, "gone": 0, "list": [{"p": 0, "q": 0}]}
    out = follow_layout(data, layout)
    assert out == data
    assert list(out) == ["a", "b", "list", "new"] and list(out["a"]) == ["x", "y"]
    assert list(out["list"][0]) == ["p", "q"] and list(out["list"][1]) == ["s", "r"]


@pytest.mark.parametrize(
    ("data", "layout"),
    [({"a": 1}, None), ({"a": 1}, [1]), ([{"a": 1}], None), ([{"a": 1}], {"a": 1}), (3, {})],
)
def test_follow_layout_of_mismatched_shapes_keeps_the_data(data: Any, layout: Any) -> None:
    assert follow_layout(data, layout) == data

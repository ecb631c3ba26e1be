"""Slips reduced to a tally: what every paper shows per factor stays; which values stood on
one slip together is gone; the file keeps only the counts, and old files with rows load."""

from __future__ import annotations

import copy
import tomllib

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from amk_tui.core.clock import FakeClock
from amk_tui.core.errors import SessionError
from amk_tui.core.scores import FACTOR_IDS, Group, row_stats
from amk_tui.core.session import Session
from amk_tui.core.tally import has_slips, reduce_slips, rows_from, tally_of
from tests.unit.report_support import DATA

value = st.one_of(st.none(), st.integers(1, 5))
slips = st.lists(st.tuples(*([value] * 6)), min_size=1, max_size=30)


@given(slips)
def test_every_factors_count_mean_lowest_and_highest_stay(
    rows: list[tuple[int | None, ...]],
) -> None:
    group = Group("A", "A", rows=list(rows))
    before = row_stats(group)
    assert reduce_slips([group]) == 1 and group.tallied and not has_slips([group])
    assert len(group.rows) == len(rows)  # as many slips as were typed
    assert row_stats(group) == before
    assert reduce_slips([group]) == 0  # once is enough


def test_which_values_stood_together_on_one_slip_is_gone() -> None:
    # Two slips: one says low on everything, the other high — except Innovation, the
    # other way round. The tally cannot tell the slips apart any more.
    rows = [(1, 5, 1, 1, 1, 1), (5, 1, 5, 5, 5, 5)]
    rebuilt = rows_from(tally_of(rows), 2)
    assert rebuilt == [(1, 1, 1, 1, 1, 1), (5, 5, 5, 5, 5, 5)]
    assert sorted(rebuilt) != sorted(rows)


def test_blanks_stay_blank_and_count_as_no_answer() -> None:
    rows = [(3, None, None, None, None, None), (None, None, None, None, None, 2)]
    assert tally_of(rows) == {"aabenhed": [0, 0, 1, 0, 0], "viden": [0, 1, 0, 0, 0]}
    rebuilt = rows_from(tally_of(rows), 2)
    assert [r[0] for r in rebuilt] == [3, None] and [r[5] for r in rebuilt] == [2, None]


def load(text: str) -> Session:
    return Session.from_dict(tomllib.loads(text), clock=FakeClock(), source="s.toml")


def test_the_file_keeps_only_the_counts_and_reads_back_the_same() -> None:
    session = load((DATA / "session-v2.toml").read_text("utf-8"))
    before = {g.letter: row_stats(g) for g in session.groups}
    assert has_slips(session.groups)
    reduce_slips(session.groups)
    data = session.to_dict()
    written = [g for g in data["groups"] if "tally" in g]
    assert written and all("rows" not in g for g in data["groups"])
    # A tally as a file holds it: counts of 1–5 per factor, and how many slips there were.
    first = written[0]
    assert isinstance(first["slips"], int)
    assert all(len(c) == 5 and sum(c) <= first["slips"] for c in first["tally"].values())
    again = load(tomli_w.dumps(data))
    assert {g.letter: row_stats(g) for g in again.groups} == before
    assert all(g.tallied for g in again.groups if g.rows)


def test_a_file_written_before_tallies_still_loads_its_rows() -> None:
    session = load((DATA / "session-v2.toml").read_text("utf-8"))
    assert any(g.rows for g in session.groups) and not any(g.tallied for g in session.groups)


@pytest.mark.parametrize(
    ("group", "key"),
    [
        ({"slips": 2, "tally": {"aabenhed": [1, 1, 1, 0, 0]}}, "tally.aabenhed"),
        ({"slips": 2, "tally": {"aabenhed": [1, 1]}}, "tally.aabenhed"),
        ({"slips": 2, "tally": {"aabenhed": [1, -1, 0, 0, 0]}}, "tally.aabenhed"),
        ({"slips": 2, "tally": {"ukendt": [1, 0, 0, 0, 0]}}, "tally.ukendt"),
        ({"slips": -1, "tally": {}}, "slips"),
        ({"slips": 1, "tally": {}, "rows": ["333333"]}, "tally"),
    ],
)
def test_a_broken_tally_is_named(group: dict[str, object], key: str) -> None:
    data = tomllib.loads((DATA / "session-v2.toml").read_text("utf-8"))
    broken = copy.deepcopy(data)
    base = {"name": "X", "letter": "A", "scores": {}}
    broken["groups"] = [{**base, **group}]
    with pytest.raises(SessionError, match=rf"groups\[0\]\.{key}\b"):
        Session.from_dict(broken, clock=FakeClock(), source="s.toml")


def test_factor_order_is_the_decks() -> None:
    assert list(tally_of([(1, 2, 3, 4, 5, 1)])) == list(FACTOR_IDS)


FILED = """
schema = 2
amg = "AMG Lager"
date = 2026-11-26
status = "finished"
variant = 2
program = [{ id = "dialog", kind = "exercise", minutes = 25 }]

[[groups]]
name = "Gruppe A"
letter = "A"
slips = 3

[groups.scores]

[groups.tally]
aabenhed = [1, 0, 1, 0, 1]
viden = [0, 2, 0, 0, 0]
"""
"""A tally as a finished workshop files it (written by hand: the keys, not the writer)."""


def test_a_filed_tally_reads_as_its_counts() -> None:
    group = load(FILED).groups[0]
    stats = row_stats(group)
    assert group.tallied and len(group.rows) == 3
    assert (stats["aabenhed"].n, stats["aabenhed"].mean) == (3, 3.0)
    assert (stats["aabenhed"].low, stats["aabenhed"].high) == (1, 5)
    assert (stats["viden"].n, stats["viden"].mean) == (2, 2.0)
    assert stats["innovation"].n == 0

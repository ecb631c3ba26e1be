"""The session record: TOML round trip (Hypothesis), unknown keys kept, bad data named."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from amk_tui.config import Config, load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.errors import SessionError
from amk_tui.core.scores import FACTOR_IDS, parse_row
from amk_tui.core.session import ACTION_STATUSES, Action, Session

PROGRAM = load_config(Path(__file__).resolve().parents[2] / "config.toml").program
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60) | st.sampled_from(
    ['say "hi"', '"""', "a\nb\tc", "æøå ÆØÅ", "🙂 emoji", "\\n", "'''"]
)


def roundtrip(session: Session, clock: FakeClock) -> Session:
    text = tomli_w.dumps(session.to_dict())
    return Session.from_dict(tomllib.loads(text), clock=clock)


@settings(max_examples=60, deadline=None)
@given(
    amg=TEXT.filter(lambda s: s.strip() != ""),
    notes=st.dictionaries(st.sampled_from(["hvorfor", "mere", "tager_med"]), TEXT),
    more=st.lists(TEXT, max_size=3),
    scores=st.lists(st.dictionaries(st.sampled_from(FACTOR_IDS), st.integers(1, 5)), max_size=4),
    rows=st.lists(st.text(alphabet="12345-", min_size=6, max_size=6), max_size=3),
    actions=st.lists(
        st.tuples(TEXT, TEXT, st.sampled_from(ACTION_STATUSES), st.none() | st.dates()),
        max_size=3,
    ),
    priorities=st.lists(st.sampled_from(FACTOR_IDS), max_size=3, unique=True),
)
def test_any_session_survives_toml(
    amg: str,
    notes: dict[str, str],
    more: list[str],
    scores: list[dict[str, int]],
    rows: list[str],
    actions: list[tuple[str, str, Any, dt.date | None]],
    priorities: list[str],
) -> None:
    clock = FakeClock()
    s = Session(amg=amg, program=PROGRAM, clock=clock, date=dt.date(2026, 11, 26))
    for values in scores:
        g = s.add_group()
        g.scores.update(values)
    if s.groups:
        s.groups[0].rows = [parse_row(r) for r in rows]
    s.notes = notes
    s.more_of = more
    s.priorities = priorities
    s.actions = [Action(w, o, deadline=d, status=st_) for w, o, st_, d in actions]
    s.agenda.go(1)
    clock.advance(42)
    again = roundtrip(s, clock)
    assert again.to_dict() == s.to_dict()
    assert again.amg == amg and again.notes == notes


def test_unknown_keys_survive(config: Config, clock: FakeClock) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    data = s.to_dict()
    data["future_feature"] = {"x": [1, 2]}
    data["actions"] = [{"what": "x", "owner": "AMR", "status": "open", "colour": "blue"}]
    data["groups"] = [{"name": "Lager", "letter": "A", "scores": {"viden": 3}, "table": 4}]
    again = Session.from_dict(tomllib.loads(tomli_w.dumps(data)), clock=clock)
    out = again.to_dict()
    assert out["future_feature"] == {"x": [1, 2]}
    assert out["actions"][0]["colour"] == "blue"
    assert out["groups"][0] == {"name": "Lager", "letter": "A", "scores": {"viden": 3}, "table": 4}


def test_groups_get_letters_in_order_and_reuse_gaps(config: Config, clock: FakeClock) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    for _ in range(3):
        s.add_group()
    del s.groups[1]
    g = s.add_group("Lager")
    assert [x.letter for x in s.groups] == ["A", "C", "B"] and g.name == "Lager"
    assert s.groups[0].name == "A"


def _base(config: Config, clock: FakeClock) -> dict[str, Any]:
    s = Session(amg="AMG", program=config.program, clock=clock)
    s.add_group().scores["aabenhed"] = 3
    return tomllib.loads(tomli_w.dumps(s.to_dict()))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["groups"][0]["scores"].update(aabenhed=7), "groups[0].scores.aabenhed"),
        (lambda d: d.pop("amg"), "amg: missing"),
        (lambda d: d.update(schema=3), "schema"),
        (lambda d: d.update(participants=[{"role": "amr", "count": -1}]), "participants[0].count"),
        (lambda d: d.update(next_assessment="soon"), "next_assessment"),
        (lambda d: d.update(status="done"), "status"),
        (lambda d: d.update(date="yesterday"), "date: expected a date"),
        (lambda d: d.update(variant=3), "variant"),
        (lambda d: d.update(priorities=["tillid"]), "priorities[0]"),
        (lambda d: d["groups"][0].update(rows=["12"]), "groups[0].rows[0]"),
        (lambda d: d.update(program=[]), "program: empty"),
        (lambda d: d["program"][0].update(minutes=-1), "program[0].minutes"),
        (lambda d: d.update(actions=[{"what": "x", "status": "later"}]), "actions[0].status"),
        (lambda d: d.update(notes={"a": 3}), "notes.a"),
        (lambda d: d["groups"][0]["scores"].update(aabenhed=True), "not a score"),
    ],
)
def test_bad_data_is_named(config: Config, clock: FakeClock, change: Any, message: str) -> None:
    data = _base(config, clock)
    change(data)
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert str(info.value).startswith("x.toml: ") and message in str(info.value)


def test_schema_2_fields_survive_toml(config: Config, clock: FakeClock) -> None:
    from amk_tui.core.session import Participants, RoomView

    s = Session(amg="AMG Nord", program=config.program, clock=clock, place="Mødelokale 2")
    s.referent = "AMR"
    s.participants = [Participants("leder", 1), Participants("amr", 2, "Eva, Ali")]
    s.decisions = ["Fast punkt på dagsordenen"]
    s.next_assessment = dt.date(2027, 6, 1)
    s.view = RoomView(blank=True, notes_hidden=True, chart="bars")
    back = roundtrip(s, clock)
    assert back.amg_id == "amg-nord"
    assert (back.place, back.referent, back.decisions) == (s.place, "AMR", s.decisions)
    assert back.participants == s.participants
    assert back.next_assessment == dt.date(2027, 6, 1)
    assert back.view == s.view

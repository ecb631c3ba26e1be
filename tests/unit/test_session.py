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

ALT = Path(__file__).resolve().parents[1] / "data" / "config" / "vurder-droeft.toml"
"""The alternative program with rounds: unknown keys and sums inside rounds are tested on it."""


@pytest.fixture
def alt_config() -> Config:
    return load_config(ALT)


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


# -- unknown keys at every level survive load → save byte for byte ----------------------------
def written_by_today(config: Config, clock: FakeClock) -> dict[str, Any]:
    """A session as today's amk writes it mid-workshop, with every kind of table filled."""
    from amk_tui.core.session import Participants

    s = Session(amg="AMG Nord", program=config.program, clock=clock, date=dt.date(2026, 11, 26))
    s.add_group("Lager").scores["viden"] = 3
    s.groups[0].rows.append((1, 2, 3, 4, 5, None))
    s.add_group()
    s.actions = [Action("Fast punkt", "AMR", deadline=dt.date(2027, 1, 1))]
    s.participants = [Participants("amr", 2, "Eva")]
    s.decisions = ["Beslutning"]
    s.draft = {"what": "halvt"}
    s.cursor = {"oplaeg": 3}
    s.next_assessment = dt.date(2027, 6, 1)
    s.agenda.go(1)
    clock.advance(42)
    return tomllib.loads(tomli_w.dumps(s.to_dict()))


def add_unknown_keys_everywhere(data: dict[str, Any]) -> None:
    data["future"] = {"nested": {"deeper": [1, {"x": "y"}]}}
    data["future_flag"] = True
    data["program"][1]["colour"] = "teal"
    data["program"][1]["rounds"][0]["hint"] = "kort"
    data["timing"]["clock_source"] = "ntp"
    data["timing"]["countdowns"]["oplaeg"]["bell"] = "soft"
    data["timing"]["countdowns"]["gone/step"] = {"planned": 60.0, "state": "paused"}
    data["timing"]["actual"]["dialog"]["lap"] = [1, 2]
    data["timing"]["actual"]["gone"] = {"elapsed": 5.0, "running": False}
    data["cursor"]["odd"] = "not a position"
    data["cursor"]["flag"] = True
    data["draft"]["attachments"] = [1, 2]
    data["view"]["zoom"] = 2
    data["participants"][0]["badge"] = "blue"
    data["groups"][0]["table"] = 4
    data["actions"][0]["colour"] = "red"


def test_unknown_keys_at_every_level_survive_byte_for_byte(
    alt_config: Config, clock: FakeClock, tmp_path: Path
) -> None:
    from amk_tui.store import SessionStore

    data = written_by_today(alt_config, clock)
    data["id"] = "2026-11-26-amg-nord"  # the store names a session after its file
    add_unknown_keys_everywhere(data)
    text = tomli_w.dumps(data)
    path = tmp_path / "2026-11-26-amg-nord.toml"
    path.write_text(text, encoding="utf-8")
    store = SessionStore(tmp_path, clock=clock)
    store.save(store.load(path), path)
    again = path.read_text("utf-8")
    assert tomllib.loads(again) == tomllib.loads(text)
    assert again == text


def test_keys_added_by_hand_in_odd_places_keep_their_data(
    alt_config: Config, clock: FakeClock
) -> None:
    data = written_by_today(alt_config, clock)
    add_unknown_keys_everywhere(data)
    reordered = {"zzz": 1, **dict(reversed(list(data.items())))}  # a hand-edited order
    session = Session.from_dict(tomllib.loads(tomli_w.dumps(reordered)), clock=clock)
    out = tomllib.loads(tomli_w.dumps(session.to_dict()))
    assert out == tomllib.loads(tomli_w.dumps(reordered))
    assert list(session.to_dict())[:2] == list(reordered)[:2]  # the file's order is kept


def test_a_changed_session_still_keeps_what_it_did_not_know(
    alt_config: Config, clock: FakeClock
) -> None:
    data = written_by_today(alt_config, clock)
    add_unknown_keys_everywhere(data)
    session = Session.from_dict(data, clock=clock)
    session.cursor["oplaeg"] = 4
    session.cursor["odd"] = 1  # now a real position: it wins over the odd value
    session.draft["what"] = "færdig"
    session.groups[0].scores["innovation"] = 2
    out = session.to_dict()
    assert out["cursor"] == {"oplaeg": 4, "odd": 1, "flag": True}
    assert out["draft"] == {"what": "færdig", "attachments": [1, 2]}
    assert out["groups"][0]["table"] == 4 and out["program"][1]["colour"] == "teal"
    assert out["timing"]["countdowns"]["gone/step"] == {"planned": 60.0, "state": "paused"}


# -- what a session file may hold ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(language="fr"), "language: 'fr' is not one of da, en"),
        (lambda d: d.update(language="../en"), "language: '../en' is not one of da, en"),
        (lambda d: d.update(language=1), "language: expected text"),
        (lambda d: d.update(schema=True), "schema: expected a whole number"),
        (lambda d: d.update(variant=True), "variant: expected a whole number"),
        (lambda d: d.update(variant=2.0), "variant: expected a whole number"),
        (lambda d: d.update(revealed=1), "revealed: expected true or false"),
        (
            lambda d: d["groups"][0].update(letter="AB"),
            "groups[0].letter: 'AB': must be one letter A–Z",
        ),
        (lambda d: d["groups"][0].update(letter="a"), "groups[0].letter: 'a': must be one letter"),
        (lambda d: d["groups"][0].update(letter="|"), "groups[0].letter: '|': must be one letter"),
        (lambda d: d["groups"][0].update(letter="Æ"), "groups[0].letter"),
        (lambda d: d["groups"][1].update(letter="A"), "groups[1].letter: A is used twice"),
        (lambda d: d["groups"][0].update(rows=[3]), "groups[0].rows[0]: expected text"),
        (lambda d: d["groups"][0].update(rows=["123451"] * 201), "201 rows, at most 200"),
        (lambda d: d.update(groups=[{"name": f"G{i}"} for i in range(9)]), "9 items, at most 8"),
        (lambda d: d.update(actions=[{"what": "w"}] * 501), "actions: 501 items, at most 500"),
        (lambda d: d.update(decisions=["d"] * 501), "decisions: 501 items, at most 500"),
        (lambda d: d.update(decisions=[1]), "decisions[0]: must be text"),
        (lambda d: d.update(notes={str(i): "x" for i in range(501)}), "notes: 501 entries"),
        (lambda d: d.update(cursor={str(i): 1 for i in range(501)}), "cursor: 501 entries"),
        (lambda d: d.update(view=[]), "view: expected a table"),
        (lambda d: d.update(timing=[]), "timing: expected a table"),
        (lambda d: d["program"][0].update(minutes=float("nan")), "program[0].minutes: nan"),
        (lambda d: d["program"][0].update(minutes=float("inf")), "program[0].minutes: inf"),
        (lambda d: d["program"][0].update(id="../x"), "program[0].id"),
        (lambda d: d["program"][1].update(minutes=24), "is not the sum of its rounds"),
    ],
)
def test_more_bad_data_is_named(
    alt_config: Config, clock: FakeClock, change: Any, message: str
) -> None:
    data = _base(alt_config, clock)
    data["groups"].append({"name": "B", "letter": "B", "scores": {}})
    change(data)
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert str(info.value).startswith("x.toml: ") and message in str(info.value)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("elapsed", float("inf"), "timing: countdowns.oplaeg.elapsed: inf is not a finite number"),
        ("elapsed", float("nan"), "countdowns.oplaeg.elapsed: nan is not a finite number"),
        ("elapsed", -1.0, "countdowns.oplaeg.elapsed: must not be negative"),
        ("elapsed", 1e12, "countdowns.oplaeg.elapsed: 1e+12 is more than"),
        ("duration", float("inf"), "countdowns.oplaeg.duration: inf is not a finite number"),
        ("duration", -5.0, "countdowns.oplaeg.duration: must not be negative"),
        ("planned", float("nan"), "countdowns.oplaeg.planned: nan"),
        ("planned", 10**400, "countdowns.oplaeg.planned: out of range"),
        ("saved_at", float("inf"), "countdowns.oplaeg.saved_at: inf is not a finite number"),
        ("saved_at", "yesterday", "countdowns.oplaeg.saved_at: must be a number"),
        ("state", "sleeping", "countdowns.oplaeg.state: must be one of running, paused, done"),
        ("alerted", "yes", "countdowns.oplaeg.alerted: expected true or false"),
    ],
)
def test_timing_numbers_are_finite_and_bounded(
    config: Config, clock: FakeClock, key: str, value: Any, message: str
) -> None:
    data = _base(config, clock)
    data["timing"]["countdowns"]["oplaeg"][key] = value
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert message in str(info.value)


def test_a_running_timer_with_a_bad_saved_at_is_refused_too(
    config: Config, clock: FakeClock
) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    s.agenda.go(0)
    data = tomllib.loads(tomli_w.dumps(s.to_dict()))
    data["timing"]["actual"]["oplaeg"]["saved_at"] = float("-inf")
    with pytest.raises(SessionError, match=r"actual\.oplaeg\.saved_at: -inf"):
        Session.from_dict(data, clock=clock, source="x.toml")


def test_ten_thousand_groups_are_refused_at_once(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["groups"] = [{"name": "G", "letter": "A"}] * 10_000
    with pytest.raises(SessionError, match=r"groups: 10000 items, at most 8"):
        Session.from_dict(data, clock=clock, source="x.toml")


def test_eight_groups_with_letters_a_to_z_load(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["groups"] = [{"name": f"G{i}", "letter": "ZYXWVUTS"[i]} for i in range(8)]
    session = Session.from_dict(data, clock=clock)
    assert [g.letter for g in session.groups] == list("ZYXWVUTS")
    del data["groups"][0]["letter"]
    data["groups"] = data["groups"][:2]
    assert [g.letter for g in Session.from_dict(data, clock=clock).groups] == ["A", "Y"]


def test_a_table_nested_a_thousand_deep_is_refused_on_load(
    config: Config, clock: FakeClock
) -> None:
    data = _base(config, clock)
    deep: dict[str, Any] = {}
    data["future"] = deep
    for _ in range(1000):
        deep["x"] = {}
        deep = deep["x"]
    with pytest.raises(SessionError, match="nested more than 32 levels"):
        Session.from_dict(data, clock=clock, source="x.toml")


def test_thirty_levels_load_and_can_be_written_back(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    deep: dict[str, Any] = {}
    data["future"] = deep
    for _ in range(30):
        deep["x"] = {}
        deep = deep["x"]
    session = Session.from_dict(data, clock=clock)
    assert tomllib.loads(tomli_w.dumps(session.to_dict()))["future"] == data["future"]


def test_a_session_resumed_after_a_clock_jump_says_so(config: Config, clock: FakeClock) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    s.agenda.go(0)
    clock.advance(120)
    data = tomllib.loads(tomli_w.dumps(s.to_dict()))
    stepped_back = FakeClock(now=5.0, wall_now=clock.wall_now - 5 * 24 * 3600)
    again = Session.from_dict(data, clock=stepped_back)
    assert again.agenda.clock_jumped
    assert again.agenda.actual_seconds("oplaeg") == 120  # nothing added, nothing taken
    on_time = Session.from_dict(data, clock=FakeClock(now=5.0, wall_now=clock.wall_now + 60))
    assert not on_time.agenda.clock_jumped and on_time.agenda.actual_seconds("oplaeg") == 180


# -- the room's answers and the end of the workshop --------------------------------------------
def test_answer_records_notes_priorities_and_lists(config: Config, clock: FakeClock) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    assert s.answer("hvorfor", "notes", text="Fordi") is True
    assert s.notes == {"hvorfor": "Fordi"}
    assert s.answer("hvorfor", "notes", text="Fordi") is False
    assert s.answer("hvorfor", "notes", text="") is True and s.notes == {}
    assert s.answer("hvorfor", "notes", text="") is False
    chosen = ["viden", "tillid", "aabenhed", "motivation", "ressourcer"]
    assert s.answer("prioritet", "priorities", values=chosen) is True
    assert s.priorities == ["viden", "aabenhed", "motivation"]  # known ids, at most three
    assert s.answer("prioritet", "priorities", values=chosen) is False
    assert s.answer("mere", "more", values=["Møder"]) is True
    assert s.answer("mindre", "less", values=["Brand"]) is True
    assert (s.more_of, s.less_of) == (["Møder"], ["Brand"])
    assert s.answer("mere", "more", values=["Møder"]) is False
    assert s.answer("mindre", "less", values=[]) is True and s.less_of == []
    assert s.notes == {}  # lists and priorities are not notes


def test_finish_stops_every_timer_and_marks_the_session(config: Config, clock: FakeClock) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    s.agenda.go(1)
    clock.advance(60)
    s.finish()
    assert s.finished and s.status == "finished"
    countdown = s.agenda.countdown
    assert countdown is not None and countdown.state == "done"
    clock.advance(600)
    assert countdown.elapsed == 60 and s.agenda.actual_seconds("dialog") == 60
    assert s.agenda.countdowns["oplaeg"].state == "paused"
    s.reopen()
    assert not s.finished and s.status == "in-progress"


def test_finish_before_the_program_started(config: Config, clock: FakeClock) -> None:
    s = Session(amg="AMG", program=config.program, clock=clock)
    s.finish()
    assert s.finished and s.agenda.total_actual == 0


def test_the_ninth_group_is_refused_and_names_are_cut(config: Config, clock: FakeClock) -> None:
    from amk_tui.core.scores import MAX_GROUPS
    from amk_tui.core.session import MAX_NAME

    s = Session(amg="AMG", program=config.program, clock=clock)
    for _ in range(MAX_GROUPS):
        s.add_group("n" * 500)
    assert len(s.groups[0].name) == MAX_NAME == 120 and s.groups[0].name.endswith("…")
    assert [g.letter for g in s.groups] == list("ABCDEFGH")
    with pytest.raises(ValueError, match="at most 8"):
        s.add_group()
    assert len(s.groups) == MAX_GROUPS


def test_a_datetime_date_is_read_as_its_day(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["date"] = dt.datetime(2026, 11, 26, 9, 30)
    data["next_assessment"] = dt.datetime(2027, 1, 2, 8, 0)
    session = Session.from_dict(data, clock=clock)
    assert session.date == dt.date(2026, 11, 26)
    assert session.next_assessment == dt.date(2027, 1, 2)


# -- the limits themselves load; one more does not -------------------------------------------
def limit_cases() -> list[tuple[str, Any, Any]]:
    """(what, the most a file may hold, one too many)."""
    return [
        ("rows", ["12345-"] * 200, ["12345-"] * 201),
        ("cursor", {f"s{i}": 1 for i in range(500)}, {f"s{i}": 1 for i in range(501)}),
        ("notes", {f"q{i}": "x" for i in range(500)}, {f"q{i}": "x" for i in range(501)}),
        ("decisions", ["d"] * 500, ["d"] * 501),
        (
            "participants",
            [{"role": "amr", "count": 1}] * 16,
            [{"role": "amr", "count": 1}] * 17,
        ),
        ("count", 999, 1000),
    ]


@pytest.mark.parametrize(("what", "most", "too_many"), limit_cases(), ids=lambda v: str(v)[:8])
def test_the_most_a_file_may_hold(
    config: Config, clock: FakeClock, what: str, most: Any, too_many: Any
) -> None:
    def with_value(value: Any) -> dict[str, Any]:
        data = _base(config, clock)
        if what == "rows":
            data["groups"][0]["rows"] = value
        elif what == "count":
            data["participants"] = [{"role": "amr", "count": value}]
        else:
            data[what] = value
        return data

    Session.from_dict(with_value(most), clock=clock)
    with pytest.raises(SessionError):
        Session.from_dict(with_value(too_many), clock=clock)


def test_nesting_of_32_levels_loads_33_does_not(config: Config, clock: FakeClock) -> None:
    def nested(levels: int) -> dict[str, Any]:
        data = _base(config, clock)
        inner: dict[str, Any] = {}
        data["future"] = inner  # the file itself is level 0, `future` level 1
        for _ in range(levels - 1):
            inner["x"] = {}
            inner = inner["x"]
        return data

    Session.from_dict(nested(32), clock=clock)
    with pytest.raises(SessionError, match="nested more than 32"):
        Session.from_dict(nested(33), clock=clock)


def test_what_a_file_may_leave_out(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    for key in ("variant", "revealed", "view", "participants", "language", "cursor", "draft"):
        data.pop(key, None)
    data["participants"] = [{"role": "leder"}]
    data["view"] = {}
    s = Session.from_dict(data, clock=clock)
    assert (s.variant, s.revealed, s.language, s.cursor, s.draft) == (1, True, "da", {}, {})
    assert s.participants[0].count == 0 and s.participants[0].names == ""
    assert (s.view.blank, s.view.notes_hidden, s.view.chart) == (False, False, "radar")


def test_a_new_session_starts_with_the_defaults(config: Config, clock: FakeClock) -> None:
    from amk_tui.core.session import Participants, RoomView

    s = Session(amg="AMG", program=config.program, clock=clock)
    assert (s.variant, s.revealed, s.status, s.language) == (1, True, "in-progress", "da")
    assert RoomView() == RoomView(blank=False, notes_hidden=False, chart="radar")
    assert Participants("amr").count == 0


def test_cursor_positions_and_what_is_no_position(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["cursor"] = {"a": 0, "b": 500, "c": 501, "d": -2, "e": True, "f": "x", "g": 2.0, "h": -1}
    s = Session.from_dict(data, clock=clock)
    assert s.cursor == {"a": 0, "b": 500, "h": -1}  # -1 (before 2026-12): the step's last item
    assert s.kept["cursor"] == {"c": 501, "d": -2, "e": True, "f": "x", "g": 2.0}
    assert s.to_dict()["cursor"] == data["cursor"]


def test_unknown_factor_and_note_keys_are_named(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["groups"][0]["scores"]["tillid"] = 3
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert str(info.value) == "x.toml: groups[0].scores.tillid: unknown factor"
    data = _base(config, clock)
    data["notes"]["a\x1bb"] = 3
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert str(info.value) == "x.toml: notes.a␛b: must be text"


def test_groups_without_a_letter_get_the_first_free_ones(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["groups"] = [{"name": "x"}, {"name": "y", "letter": "A"}, {"name": "z"}]
    assert [g.letter for g in Session.from_dict(data, clock=clock).groups] == ["B", "A", "C"]
    data["groups"][1]["letter"] = "="
    with pytest.raises(SessionError, match=r"groups\[1\]\.letter: '=': must be one letter A–Z"):
        Session.from_dict(data, clock=clock)


def test_text_longer_than_a_file_may_hold_is_cut_and_noted(
    config: Config, clock: FakeClock
) -> None:
    data = _base(config, clock)
    data["amg"] = "a" * 1001
    data["groups"][0]["name"] = "n" * 5000
    data["actions"] = [{"what": "w" * 4001, "owner": "o" * 1000}]
    data["decisions"] = ["d" * 4000, "e" * 4001]
    data["participants"] = [{"role": "amr", "names": "p" * 4001}]
    s = Session.from_dict(data, clock=clock)
    assert s.amg == "a" * 999 + "…" and len(s.groups[0].name) == 1000
    assert len(s.actions[0].what) == 4000 and s.actions[0].owner == "o" * 1000
    assert s.decisions[0] == "d" * 4000 and s.decisions[1].endswith("…")
    assert s.trimmed == [
        "amg",
        "participants[0].names",
        "decisions[1]",
        "groups[0].name",
        "actions[0].what",
    ]
    again = Session.from_dict(tomllib.loads(tomli_w.dumps(s.to_dict())), clock=clock)
    assert again.trimmed == [] and again.amg == s.amg
    assert Session.from_dict(_base(config, clock), clock=clock).trimmed == []


def test_a_long_unknown_key_is_named_cut(config: Config, clock: FakeClock) -> None:
    data = _base(config, clock)
    data["groups"][0]["scores"]["f" * 100] = 3
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert str(info.value) == f"x.toml: groups[0].scores.{'f' * 39}…: unknown factor"
    data = _base(config, clock)
    data["notes"]["n" * 100] = 3
    with pytest.raises(SessionError) as info:
        Session.from_dict(data, clock=clock, source="x.toml")
    assert str(info.value) == f"x.toml: notes.{'n' * 39}…: must be text"

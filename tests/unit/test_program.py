"""The agenda: stepping through phases and rounds, planned vs actual time; the deck's program
by default and the alternative ("Vurdér + Drøft") that config.toml carries as a comment."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest

from amk_tui.config import Config, load_config
from amk_tui.config.loader import parse_config
from amk_tui.core.agenda import Agenda
from amk_tui.core.clock import FakeClock
from amk_tui.core.countdown import MAX_RESUME_GAP
from amk_tui.core.program import (
    MAX_PHASES,
    MAX_ROUNDS,
    ProgramError,
    parse_program,
    program_to_list,
)

REPO = Path(__file__).resolve().parents[2]
ALT = REPO / "tests" / "data" / "config" / "vurder-droeft.toml"
ALT_MARK = "# -- An alternative"
DA_ALT_MARK = "# -- Et alternativ"


@pytest.fixture
def alt_config() -> Config:
    return load_config(ALT)


def test_default_program_is_the_deck_s_45_minutes_in_three_steps(config: Config) -> None:
    program = config.program
    assert [p.id for p in program.phases] == ["oplaeg", "dialog", "opsamling"]
    assert [p.minutes for p in program.phases] == [10, 25, 10]
    assert [p.kind for p in program.phases] == ["presentation", "exercise", "wrapup"]
    assert program.planned_minutes == 45
    assert [s.key for s in program.steps] == ["oplaeg", "dialog", "opsamling"]


def uncommented_alternative(text: str, mark: str = ALT_MARK) -> str:
    """config.toml as a facilitator switches the alternative on: its commented phase
    uncommented in place of the "dialog" phase above it, as the comment says."""
    head, found, tail = text.partition(mark)
    assert found, "config.toml has no commented alternative program"
    lines = tail.splitlines()[1:]
    start = next(i for i, line in enumerate(lines) if line.strip() == "# [[phases]]")
    block = "\n".join(line[2:] if line.startswith("# ") else "" for line in lines[start:])
    replaced, n = re.subn(
        r'\[\[phases\]\]\nid = "dialog"\n.*?(?=\n\[\[phases\]\])', block.strip(), head, flags=re.S
    )
    assert n == 1, "the active dialog phase was not found"
    return replaced


def test_the_commented_alternative_is_the_tested_alternative(alt_config: Config) -> None:
    text = uncommented_alternative((REPO / "config.en.toml").read_text("utf-8"))
    switched = parse_config(text, "config.toml (alternative)", REPO)
    danish = uncommented_alternative((REPO / "config.toml").read_text("utf-8"), DA_ALT_MARK)
    assert parse_config(danish, "config.toml (alternativ)", REPO).program == alt_config.program
    assert switched.program == alt_config.program
    assert [s.key for s in switched.program.steps] == [
        "oplaeg",
        "dialog/vurder",
        "dialog/droeft",
        "opsamling",
    ]
    assert switched.program.planned_minutes == 45
    # The rest of the test file is config.toml as it is: only the program differs.
    rest = ALT.read_text("utf-8").split("\n", 1)[1]
    assert ("en", switched.warn_minutes, switched.bell) == (
        "en",
        alt_config.warn_minutes,
        alt_config.bell,
    )
    english = text.replace('language = "en"', 'language = "da"', 1)
    assert rest.split("[[phases]]")[0] == english.split("[[phases]]")[0]


def test_stepping_starts_the_new_countdown_and_pauses_the_old(
    alt_config: Config, clock: FakeClock
) -> None:
    agenda = Agenda(alt_config.program, clock=clock)
    assert agenda.current is None
    step = agenda.next()
    assert step is not None and step.key == "oplaeg"
    clock.advance(300)
    agenda.next()
    assert agenda.countdowns["oplaeg"].state == "paused"
    assert agenda.countdowns["oplaeg"].remaining == 300
    assert agenda.countdowns["dialog/vurder"].state == "running"
    clock.advance(60)
    assert agenda.previous() is not None
    assert agenda.countdowns["oplaeg"].state == "running"
    assert agenda.countdowns["dialog/vurder"].remaining == 540


def test_the_group_work_has_one_countdown_of_25_minutes(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go_phase(1)
    clock.advance(60)
    assert agenda.current is not None and agenda.current.key == "dialog"
    assert agenda.countdown is not None and agenda.countdown.remaining == 24 * 60


def test_actual_time_per_phase_and_total(alt_config: Config, clock: FakeClock) -> None:
    agenda = Agenda(alt_config.program, clock=clock)
    agenda.go_phase(0)
    clock.advance(12 * 60)
    agenda.go_phase(1)
    clock.advance(10 * 60)
    agenda.next()  # round 2 of the same phase: the phase's stopwatch keeps running
    clock.advance(15 * 60)
    agenda.go_phase(2)
    clock.advance(5 * 60)
    agenda.stop()
    clock.advance(999)
    assert agenda.actual_seconds("oplaeg") == 12 * 60
    assert agenda.actual_seconds("dialog") == 25 * 60
    assert agenda.total_actual == 42 * 60
    assert agenda.total_planned == 45 * 60


def test_ends_are_ends(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    assert agenda.previous() is None
    agenda.go(len(agenda.steps) - 1)
    assert agenda.next() is None
    assert agenda.current is not None and agenda.current.key == "opsamling"


@pytest.mark.parametrize("alternative", [False, True], ids=["deck", "alternative"])
def test_round_trip_keeps_position_and_running_time(
    config: Config, alt_config: Config, clock: FakeClock, alternative: bool
) -> None:
    program = (alt_config if alternative else config).program
    agenda = Agenda(program, clock=clock)
    agenda.go(1)
    clock.advance(90)
    data = agenda.to_dict()
    later = FakeClock(now=3.0, wall_now=clock.wall_now + 60)
    again = Agenda.from_dict(program, data, later)
    key = "dialog/vurder" if alternative else "dialog"
    assert again.current is not None and again.current.key == key
    countdown = again.countdown
    planned = 600 if alternative else 1500
    assert countdown is not None and countdown.remaining == planned - 150
    assert again.actual_seconds("dialog") == 150


# -- the one program parser ---------------------------------------------------------------


def phases() -> list[dict[str, Any]]:
    return [
        {"id": "oplaeg", "kind": "presentation", "minutes": 10},
        {
            "id": "dialog",
            "kind": "exercise",
            "minutes": 25,
            "rounds": [
                {"id": "vurder", "kind": "score", "minutes": 10},
                {"id": "droeft", "kind": "discuss", "minutes": 15},
            ],
        },
        {
            "id": "opsamling",
            "kind": "wrapup",
            "minutes": 10,
            "dialogue": "share",
            "discuss_minutes": 4,
        },
    ]


def test_parse_program_reads_the_alternative_program(alt_config: Config) -> None:
    program = parse_program(phases())
    assert program == alt_config.program
    titled = parse_program(change((2, "title"), "Opsamling"))
    assert titled.phases[2].title == "Opsamling" and program_to_list(titled)[2]["title"] == (
        "Opsamling"
    )
    assert program_to_list(program) == [
        {**p, "minutes": float(p["minutes"])}
        | ({"discuss_minutes": 4.0} if "discuss_minutes" in p else {})
        | (
            {"rounds": [{**r, "minutes": float(r["minutes"])} for r in p["rounds"]]}
            if "rounds" in p
            else {}
        )
        for p in phases()
    ]


def change(path: tuple[Any, ...], value: Any) -> list[dict[str, Any]]:
    data = phases()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "key", "problem"),
    [
        ((0, "minutes"), math.nan, "phases[0].minutes", "nan is not a finite number"),
        ((0, "minutes"), math.inf, "phases[0].minutes", "inf is not a finite number"),
        ((0, "minutes"), -math.inf, "phases[0].minutes", "-inf is not a finite number"),
        ((0, "minutes"), 0, "phases[0].minutes", "0 must be more than 0"),
        ((0, "minutes"), 600.5, "phases[0].minutes", "600.5 is more than 10 hours"),
        ((0, "minutes"), True, "phases[0].minutes", "must be a number"),
        ((0, "minutes"), 10**400, "phases[0].minutes", "out of range"),
        ((0, "minutes"), KeyError, "phases[0].minutes", "missing"),
        ((1, "rounds", 0, "minutes"), math.nan, "phases[1].rounds[0].minutes", "nan is"),
        ((1, "minutes"), 24, "phases[1].minutes", "24 is not the sum of its rounds (25)"),
        ((0, "id"), "æble", "phases[0].id", "'æble': use ASCII letters"),
        ((0, "id"), "a/b", "phases[0].id", "use ASCII letters"),
        ((0, "id"), "x" * 41, "phases[0].id", "(at most 40)"),
        ((0, "id"), 3, "phases[0].id", "must be text"),
        ((0, "id"), "", "phases[0].id", "missing"),
        ((2, "id"), "oplaeg", "phases[2].id", "duplicate id 'oplaeg'"),
        ((1, "rounds", 1, "id"), "vurder", "phases[1].rounds[1].id", "duplicate id"),
        ((0, "kind"), "lecture", "phases[0].kind", "'lecture' is not one of presentation"),
        ((0, "kind"), ["x"], "phases[0].kind", "must be text"),
        ((1, "rounds", 0, "kind"), "vote", "phases[1].rounds[0].kind", "'vote' is not one"),
        ((0, "rounds"), [{"id": "r"}], "phases[0].rounds", "only an exercise phase"),
        ((1, "rounds"), {"a": 1}, "phases[1].rounds", "must be a list of [[phases.rounds]]"),
        ((1, "rounds"), [1], "phases[1].rounds", "must be a list of [[phases.rounds]]"),
        ((0, "title"), "x" * 121, "phases[0].title", "121 characters, at most 120"),
        ((0, "title"), 5, "phases[0].title", "must be text"),
    ],
)
def test_program_problems_name_the_key(
    path: tuple[Any, ...], value: Any, key: str, problem: str
) -> None:
    with pytest.raises(ProgramError) as info:
        parse_program(change(path, value))
    assert info.value.key == key and problem in info.value.problem
    assert str(info.value) == f"{key}: {info.value.problem}"


@pytest.mark.parametrize(
    ("items", "problem"),
    [
        (None, "missing"),
        ([], "empty"),
        ({"id": "x"}, "must be a list of [[phases]] tables"),
        ([1], "must be a list of [[phases]] tables"),
        ([{"id": f"p{i}", "kind": "wrapup", "minutes": 1} for i in range(MAX_PHASES + 1)], "21"),
    ],
)
def test_the_list_itself(items: object, problem: str) -> None:
    with pytest.raises(ProgramError) as info:
        parse_program(items)
    assert info.value.key == "phases" and problem in info.value.problem


def test_at_most_ten_rounds_and_ten_is_fine() -> None:
    def rounds(n: int) -> list[dict[str, Any]]:
        return [{"id": f"r{i}", "kind": "score", "minutes": 1} for i in range(n)]

    ten = parse_program([{"id": "x", "kind": "exercise", "rounds": rounds(MAX_ROUNDS)}])
    assert len(ten.steps) == MAX_ROUNDS and ten.phases[0].minutes == MAX_ROUNDS
    with pytest.raises(ProgramError, match=r"11 rounds, at most 10"):
        parse_program([{"id": "x", "kind": "exercise", "rounds": rounds(MAX_ROUNDS + 1)}])


def test_unknown_keys_refused_in_a_config_and_kept_in_a_session() -> None:
    data = phases()
    data[1]["colour"] = "teal"
    data[1]["rounds"][0]["hint"] = {"deep": [1, 2]}
    with pytest.raises(ProgramError) as info:
        parse_program(data, "phases", strict=True)
    assert info.value.key == "phases[1].colour" and "unknown setting" in info.value.problem
    program = parse_program(data, "program", strict=False)
    assert program.phases[1].extra == {"colour": "teal"}
    assert program.phases[1].rounds[0].extra == {"hint": {"deep": [1, 2]}}
    assert program_to_list(program)[1]["colour"] == "teal"
    assert program_to_list(program)[1]["rounds"][0]["hint"] == {"deep": [1, 2]}


def test_a_session_program_is_named_program() -> None:
    with pytest.raises(ProgramError) as info:
        parse_program(change((0, "minutes"), math.nan), "program", strict=False)
    assert info.value.key == "program[0].minutes"
    with pytest.raises(ProgramError, match=r"\[\[program\]\] tables"):
        parse_program([3], "program", strict=False)


def test_phase_minutes_default_to_the_sum_of_the_rounds() -> None:
    data = change((1, "minutes"), KeyError)
    assert parse_program(data).phases[1].minutes == 25


# -- the agenda's edges ------------------------------------------------------------------------
def test_next_walks_every_step_to_the_very_last(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    keys = []
    while (step := agenda.next()) is not None:
        keys.append(step.key)
    assert keys == [s.key for s in config.program.steps]
    assert agenda.index == len(agenda.steps) - 1


def test_go_outside_the_program_is_an_index_error(alt_config: Config, clock: FakeClock) -> None:
    config = alt_config  # rounds: a phase's first step is not its index
    agenda = Agenda(config.program, clock=clock)
    for index in (-1, len(agenda.steps)):
        with pytest.raises(IndexError):
            agenda.go(index)
    assert agenda.go(0).key == "oplaeg"
    with pytest.raises(IndexError):
        config.program.first_step_of(3)
    assert config.program.first_step_of(2) == 3


def test_browsing_without_running_adds_no_time(alt_config: Config, clock: FakeClock) -> None:
    agenda = Agenda(alt_config.program, clock=clock)
    agenda.go(1, run=False)
    clock.advance(100)
    assert agenda.current is not None and agenda.current.key == "dialog/vurder"
    assert agenda.total_actual == 0 and agenda.countdowns["dialog/vurder"].state == "paused"


def test_stop_pauses_only_the_running_and_keeps_done(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go(0)
    agenda.countdowns["opsamling"].finish()
    agenda.stop()
    assert agenda.countdowns["oplaeg"].state == "paused"
    assert agenda.countdowns["opsamling"].state == "done"
    assert not agenda.actual["oplaeg"].running


def test_timing_is_checked_and_names_the_key(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go(0)
    data = agenda.to_dict()
    data["countdowns"]["oplaeg"]["elapsed"] = math.inf
    with pytest.raises(ValueError, match=r"^countdowns\.oplaeg\.elapsed: inf is not a finite"):
        Agenda.from_dict(config.program, data, clock)
    data = agenda.to_dict()
    data["actual"]["oplaeg"] = 3
    with pytest.raises(ValueError, match=r"^actual\.oplaeg: must be a table"):
        Agenda.from_dict(config.program, data, clock)
    for bad, message in (
        ({"countdowns": []}, "countdowns: must be a table"),
        ({"step": 1}, "step"),
    ):
        with pytest.raises(ValueError, match=message):
            Agenda.from_dict(config.program, bad, clock)


def test_timing_keeps_what_the_program_lacks(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    data = agenda.to_dict()
    data["countdowns"]["gone"] = {"planned": 60, "future": 1}
    data["actual"]["old"] = {"elapsed": 5}
    data["note"] = "kept"
    data["step"] = "nowhere"
    again = Agenda.from_dict(config.program, data, clock)
    assert again.index is None
    out = again.to_dict()
    assert out["countdowns"]["gone"] == {"planned": 60, "future": 1}
    assert out["actual"]["old"] == {"elapsed": 5} and out["note"] == "kept"
    assert "step" not in out


def test_a_jumping_wall_clock_is_capped_and_flagged(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go(0)
    clock.advance(60)
    saved = agenda.to_dict()
    for jump, added, flagged in (
        (30.0, 30.0, False),
        (MAX_RESUME_GAP, MAX_RESUME_GAP, False),
        (5 * 24 * 3600.0, MAX_RESUME_GAP, True),
        (-5 * 24 * 3600.0, 0.0, True),
    ):
        later = FakeClock(now=1.0, wall_now=clock.wall_now + jump)
        again = Agenda.from_dict(config.program, saved, later)
        assert again.actual_seconds("oplaeg") == 60 + added
        assert again.countdowns["oplaeg"].elapsed == 60 + added
        assert again.clock_jumped is flagged
    assert not agenda.clock_jumped


def test_the_limits_themselves_are_fine() -> None:
    twenty = [{"id": f"p{i}", "kind": "wrapup", "minutes": 1} for i in range(20)]
    assert len(parse_program(twenty).phases) == 20
    edge = change((0, "id"), "x" * 40)
    edge[0]["title"] = "t" * 120
    edge[0]["minutes"] = 600
    program = parse_program(edge)
    assert program.phases[0].id == "x" * 40 and len(program.phases[0].title) == 120
    with pytest.raises(
        ProgramError, match=r"'y{59}…': use ASCII letters, digits, - and _ \(at most 40\)"
    ):
        parse_program(change((0, "id"), "y" * 100))


def test_strict_is_the_default() -> None:
    data = phases()
    data[0]["colour"] = "teal"
    with pytest.raises(ProgramError, match="unknown setting"):
        parse_program(data)


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("discuss_minutes", 11, "11 is more than 10"),
        ("discuss_minutes", 0, "must be more than"),
        ("dialogue", "alle", "'alle' is not one of each, share, none"),
    ],
)
def test_a_wrapup_s_discussion_slide_and_dialogue_are_checked(
    key: str, value: object, problem: str
) -> None:
    with pytest.raises(ProgramError) as bad:
        parse_program(change((2, key), value))
    assert bad.value.key == f"phases[2].{key}" and problem in bad.value.problem
    with pytest.raises(ProgramError) as elsewhere:
        parse_program(change((0, "dialogue"), "share"))
    assert elsewhere.value.problem == "only a wrapup phase has it"

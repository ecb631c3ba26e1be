"""The agenda: stepping through phases and rounds, planned vs actual time."""

from __future__ import annotations

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.program import Agenda


def test_default_program_is_45_minutes_in_four_steps(config: Config) -> None:
    program = config.program
    assert [p.id for p in program.phases] == ["oplaeg", "dialog", "opsamling"]
    assert program.planned_minutes == 45
    assert [s.key for s in program.steps] == [
        "oplaeg",
        "dialog/vurder",
        "dialog/droeft",
        "opsamling",
    ]


def test_stepping_starts_the_new_countdown_and_pauses_the_old(
    config: Config, clock: FakeClock
) -> None:
    agenda = Agenda(config.program, clock=clock)
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


def test_actual_time_per_phase_and_total(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
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


def test_round_trip_keeps_position_and_running_time(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go(1)
    clock.advance(90)
    data = agenda.to_dict()
    later = FakeClock(now=3.0, wall_now=clock.wall_now + 60)
    again = Agenda.from_dict(config.program, data, later)
    assert again.current is not None and again.current.key == "dialog/vurder"
    countdown = again.countdown
    assert countdown is not None and countdown.remaining == 600 - 150
    assert again.actual_seconds("dialog") == 150

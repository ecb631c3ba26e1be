"""One definition of time (issue 17.3): planned is what the countdowns allow now (with every
`+`/`-`), actual is what they ran (over resets, never while paused); the agenda, the phase
bar and the referat take their figures from the same two functions."""

from __future__ import annotations

import datetime as dt

import tomli_w

from amk_tui.config import Config
from amk_tui.core.agenda import Agenda
from amk_tui.core.clock import FakeClock
from amk_tui.core.countdown import Countdown
from amk_tui.core.setup import new_session
from tests.unit.report_support import referat


def test_extensions_grow_the_planned_total(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    assert agenda.total_planned == 45 * 60
    agenda.go(0)
    agenda.countdowns["oplaeg"].extend(1)
    agenda.countdowns["oplaeg"].extend(1)
    assert agenda.total_planned == 47 * 60
    assert agenda.step_planned("oplaeg") == agenda.phase_planned("oplaeg") == 12 * 60
    agenda.countdowns["dialog"].extend(-5)
    assert agenda.total_planned == 42 * 60


def test_a_paused_countdown_adds_no_time(config: Config, clock: FakeClock) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go(0)
    clock.advance(30)
    agenda.countdowns["oplaeg"].pause()
    clock.advance(600)  # a long discussion with the countdown paused
    assert agenda.total_actual == 30
    agenda.countdowns["oplaeg"].resume()
    clock.advance(5)
    assert agenda.total_actual == agenda.actual_seconds("oplaeg") == 35


def test_reset_restarts_the_countdown_but_keeps_the_time_used(
    config: Config, clock: FakeClock
) -> None:
    agenda = Agenda(config.program, clock=clock)
    agenda.go(0)
    clock.advance(54)
    countdown = agenda.countdowns["oplaeg"]
    countdown.extend(2)
    countdown.reset()
    clock.advance(12)
    assert countdown.remaining == 600 - 12  # the countdown starts again …
    assert countdown.used == agenda.step_actual("oplaeg") == 66  # … the time used stays
    assert agenda.step_planned("oplaeg") == 600  # and the extension is gone with the reset


def test_the_time_used_survives_a_save_and_an_old_file_has_none(clock: FakeClock) -> None:
    countdown = Countdown(600.0, clock=clock)
    countdown.start()
    clock.advance(40)
    countdown.reset()
    clock.advance(10)
    countdown.pause()
    data = countdown.to_dict()
    assert data["spent"] == 40 and data["elapsed"] == 10
    again = Countdown.from_dict(data, clock)
    assert again.used == 50 and again.remaining == 590
    old = {k: v for k, v in data.items() if k != "spent"}  # written before issue 17.3
    assert Countdown.from_dict(old, clock).used == 10
    assert "spent" not in Countdown(600.0, clock=clock).to_dict()  # nothing new written


def test_report_and_agenda_agree_after_reset_and_extension(
    config: Config, clock: FakeClock
) -> None:
    session = new_session("AMG", config.program, groups=["A"], date=dt.date(2026, 12, 2),
                          clock=clock)  # fmt: skip
    agenda = session.agenda
    agenda.go(0)
    clock.advance(54)
    agenda.countdowns["oplaeg"].reset()
    clock.advance(12)
    agenda.countdowns["oplaeg"].extend(3)
    agenda.go(1)
    clock.advance(100)
    tomli_w.dumps(session.to_dict())  # writable as it is
    report = referat(session, timing=True)
    rows = {t.title: t for t in report.timing}
    oplaeg = rows["Oplæg"]
    assert oplaeg.actual == int(agenda.actual_seconds("oplaeg")) == 66
    assert oplaeg.planned == round(agenda.phase_planned("oplaeg")) == 13 * 60
    assert sum(t.planned for t in report.timing) == round(agenda.total_planned)
    assert sum(t.actual for t in report.timing) == int(agenda.total_actual) == 166


def test_a_file_with_only_phase_stopwatches_keeps_its_times(
    config: Config, clock: FakeClock
) -> None:
    """Written by hand or an early version: no countdowns, the phases' own stopwatches."""
    data = {"actual": {"oplaeg": {"elapsed": 652.4, "running": False}}}
    agenda = Agenda.from_dict(config.program, data, clock)
    assert agenda.actual_seconds("oplaeg") == 652.4
    assert agenda.actual_seconds("dialog") == 0 and agenda.total_actual == 652.4
    agenda.go(0)  # once its countdown runs, the countdown is the measure
    clock.advance(5)
    assert agenda.actual_seconds("oplaeg") == 5

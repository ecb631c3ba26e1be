"""Countdown and Stopwatch with an injected clock: no sleeping, no drift."""

from __future__ import annotations

import pytest

from amk_tui.core.clock import FakeClock
from amk_tui.core.countdown import Countdown, Stopwatch, format_clock, format_elapsed


def test_runs_pauses_and_resumes(clock: FakeClock) -> None:
    c = Countdown(600, clock=clock)
    assert c.state == "paused"
    assert c.remaining == 600
    c.start()
    clock.advance(100)
    assert c.state == "running" and c.remaining == 500
    c.pause()
    clock.advance(1000)
    assert c.state == "paused" and c.remaining == 500
    c.toggle()
    clock.advance(50)
    assert c.remaining == 450


def test_extend_shorten_and_reset(clock: FakeClock) -> None:
    c = Countdown(600, clock=clock)
    c.start()
    clock.advance(60)
    c.extend(5)
    assert c.remaining == 840
    c.extend(-1)
    assert c.remaining == 780
    c.extend(-100)
    assert c.duration == 0 and c.remaining == -60
    c.reset()
    assert c.remaining == 600 and c.state == "running"


def test_overtime_levels_and_a_single_alert(clock: FakeClock) -> None:
    c = Countdown(300, clock=clock)
    c.start()
    assert c.level(120) == "normal"
    clock.advance(181)
    assert c.level(120) == "warn"
    assert not c.take_alert()
    clock.advance(119)
    assert c.remaining == 0 and c.level(120) == "over"
    assert c.take_alert()
    clock.advance(75)
    assert not c.take_alert()
    assert c.overtime == 75 and format_clock(c.remaining) == "+01:15"


def test_extending_past_zero_rearms_the_alert(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(61)
    assert c.take_alert()
    c.extend(1)
    assert c.level(0) == "normal"
    clock.advance(60)
    assert c.take_alert()


def test_no_drift_after_45_simulated_minutes(clock: FakeClock) -> None:
    c = Countdown(45 * 60, clock=clock)
    c.start()
    for _ in range(45 * 60 * 4):  # a tick every 0.25 s, as a widget would read it
        clock.advance(0.25)
        _ = c.remaining
    assert c.remaining == 0.0


def test_a_running_timer_survives_a_restart(clock: FakeClock) -> None:
    c = Countdown(600, clock=clock)
    c.start()
    clock.advance(100)
    saved = c.to_dict()
    later = FakeClock(now=5.0, wall_now=clock.wall_now + 30)  # new process, new monotonic
    restored = Countdown.from_dict(saved, clock=later)
    assert restored.state == "running"
    assert restored.remaining == pytest.approx(470)
    later.advance(10)
    assert restored.remaining == pytest.approx(460)


def test_a_paused_timer_restores_paused(clock: FakeClock) -> None:
    c = Countdown(600, clock=clock)
    c.start()
    clock.advance(100)
    c.pause()
    c.extend(2)
    later = FakeClock(now=1.0, wall_now=clock.wall_now + 999)
    restored = Countdown.from_dict(c.to_dict(), clock=later)
    assert restored.state == "paused" and restored.remaining == 620
    assert restored.planned == 600


def test_a_clock_that_went_backwards_never_adds_negative_time(clock: FakeClock) -> None:
    c = Countdown(600, clock=clock)
    c.start()
    clock.advance(100)
    later = FakeClock(now=1.0, wall_now=clock.wall_now - 3600)
    assert Countdown.from_dict(c.to_dict(), clock=later).remaining == pytest.approx(500)


def test_finish_marks_done(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    c.finish()
    assert c.state == "done"
    assert Countdown.from_dict(c.to_dict(), clock=clock).state == "done"


def test_stopwatch_clear_keeps_running(clock: FakeClock) -> None:
    w = Stopwatch(clock=clock)
    w.start()
    clock.advance(5)
    w.clear()
    clock.advance(2)
    assert w.elapsed == 2 and w.running


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (600, "10:00"),
        (599.2, "10:00"),
        (599.0, "09:59"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-0.5, "+00:00"),
        (-61, "+01:01"),
        (-3600, "+60:00"),
        (7200, "120:00"),
    ],
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


def test_format_elapsed_rounds_down() -> None:
    assert format_elapsed(754.9) == "12:34" and format_elapsed(-3) == "00:00"

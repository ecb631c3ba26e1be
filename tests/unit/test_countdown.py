"""Countdown and Stopwatch with an injected clock: no sleeping, no drift."""

from __future__ import annotations

from typing import Any

import pytest

from amk_tui.core.clock import FakeClock
from amk_tui.core.countdown import (
    MAX_RESUME_GAP,
    MAX_SECONDS,
    Countdown,
    Stopwatch,
    format_clock,
    format_elapsed,
)


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


# -- edges ---------------------------------------------------------------------------------------
def test_a_countdown_cut_to_zero_stays_at_zero_after_a_restart(clock: FakeClock) -> None:
    c = Countdown(300, clock=clock)
    c.extend(-10)
    assert c.duration == 0
    restored = Countdown.from_dict(c.to_dict(), clock=clock)
    assert restored.duration == 0 and restored.remaining == 0 and restored.planned == 300


def test_a_finished_countdown_no_longer_counts(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(30)
    c.finish()
    clock.advance(100)
    assert c.elapsed == 30 and c.state == "done" and not c.take_alert()
    restored = Countdown.from_dict(c.to_dict(), clock=clock)
    clock.advance(100)
    assert restored.elapsed == 30 and restored.state == "done"
    restored.start()  # going back into the step runs it again
    clock.advance(5)
    assert restored.state == "running" and restored.elapsed == 35


def test_reset_rearms_the_bell(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(60)
    assert c.take_alert() and not c.take_alert()
    c.reset()
    assert not c.alerted and c.remaining == 60
    clock.advance(60)
    assert c.take_alert()


def test_no_alert_while_paused_or_before_zero(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(59.9)
    assert not c.take_alert()
    c.pause()
    clock.advance(1)
    assert not c.take_alert()
    c.start()
    clock.advance(0.1)
    assert c.remaining == pytest.approx(0) and c.take_alert()


def test_the_alert_given_stays_given_across_a_restart(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(61)
    assert c.take_alert()
    restored = Countdown.from_dict(c.to_dict(), clock=clock)
    assert restored.alerted and not restored.take_alert()


def test_levels_at_their_edges(clock: FakeClock) -> None:
    c = Countdown(300, clock=clock)
    c.start()
    clock.advance(180)
    assert c.level(120) == "warn"  # exactly 120 s left
    clock.advance(-0.001)
    assert c.level(120) == "normal"
    clock.advance(120.001)
    assert c.level(120) == "over" and c.overtime == 0
    clock.advance(1)
    assert c.overtime == 1


def test_shortening_never_goes_below_zero_and_lengthening_has_a_ceiling(
    clock: FakeClock,
) -> None:
    c = Countdown(60, clock=clock)
    c.extend(-2)
    assert c.duration == 0
    c.extend(10**9)
    assert c.duration == MAX_SECONDS
    assert Countdown.from_dict(c.to_dict(), clock=clock).duration == MAX_SECONDS


def test_extending_while_in_overtime_but_still_over_keeps_the_alert(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(200)
    assert c.take_alert()
    c.extend(1)  # 60 + 60 < 200: still over, no second bell
    assert c.alerted and not c.take_alert()


def test_toggle_pauses_a_running_countdown(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.toggle()
    assert c.state == "running"
    c.toggle()
    assert c.state == "paused"


def test_stopwatch_start_and_stop_are_idempotent(clock: FakeClock) -> None:
    w = Stopwatch(clock=clock)
    w.stop()
    assert w.elapsed == 0 and not w.running
    w.start()
    clock.advance(3)
    w.start()  # a second start does not restart the span
    clock.advance(2)
    w.stop()
    w.stop()
    assert w.elapsed == 5
    w.clear()
    assert w.elapsed == 0 and not w.running


def test_stopwatch_round_trip_keeps_unknown_keys(clock: FakeClock) -> None:
    w = Stopwatch.from_dict({"elapsed": 5.0, "running": False, "lap": [1]}, clock=clock)
    assert w.to_dict() == {"lap": [1], "elapsed": 5.0, "running": False}
    running = Stopwatch.from_dict({"elapsed": 5.0, "running": True}, clock=clock)
    assert running.running and running.elapsed == 5.0  # no saved_at: nothing added


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"elapsed": float("inf")}, "elapsed: inf is not a finite number"),
        ({"elapsed": True}, "elapsed: must be a number"),
        ({"running": 1}, "running: expected true or false"),
        ({"running": True, "saved_at": float("nan")}, "saved_at: nan is not a finite number"),
        ({"saved_at": -1}, "saved_at: must not be negative"),
        ({"saved_at": 4e10}, "saved_at: 4e+10 is more than"),
        ([1], "must be a table"),
    ],
)
def test_stopwatch_from_dict_names_the_key(data: Any, message: str, clock: FakeClock) -> None:
    with pytest.raises(ValueError) as info:
        Stopwatch.from_dict(data, clock=clock)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "planned: missing"),
        ({"planned": 600.0, "duration": 1e9}, "duration: 1e+09 is more than"),
        ({"planned": 36_001.0}, "planned: 36001 is more than 36000"),
        ({"planned": 60.0, "state": 3}, "state: must be one of"),
        ("x", "must be a table"),
    ],
)
def test_countdown_from_dict_names_the_key(data: Any, message: str, clock: FakeClock) -> None:
    with pytest.raises(ValueError) as info:
        Countdown.from_dict(data, clock=clock)
    assert message in str(info.value)


def test_a_resume_adds_at_most_twelve_hours(clock: FakeClock) -> None:
    c = Countdown(600, clock=clock)
    c.start()
    clock.advance(100)
    saved = c.to_dict()
    week = FakeClock(now=1.0, wall_now=clock.wall_now + 7 * 24 * 3600)
    restored = Countdown.from_dict(saved, clock=week)
    assert restored.elapsed == 100 + MAX_RESUME_GAP and restored.clock_jumped
    just = FakeClock(now=1.0, wall_now=clock.wall_now + MAX_RESUME_GAP)
    assert not Countdown.from_dict(saved, clock=just).clock_jumped
    back = FakeClock(now=1.0, wall_now=clock.wall_now - 1)
    stepped_back = Countdown.from_dict(saved, clock=back)
    assert stepped_back.elapsed == 100 and stepped_back.clock_jumped
    paused = Countdown(600, clock=clock)
    assert not Countdown.from_dict(paused.to_dict(), clock=week).clock_jumped


def test_the_fake_clock_moves_both_clocks_forward() -> None:
    import datetime as dt

    fake = FakeClock()
    assert dt.datetime.fromtimestamp(fake.wall(), dt.UTC).date() == dt.date(2026, 9, 21)
    fake.advance(2.5)
    assert (fake.monotonic(), fake.wall()) == (1002.5, 1_790_000_002.5)


def test_the_system_clock_reads_the_real_clocks() -> None:
    import time

    from amk_tui.core.clock import SYSTEM_CLOCK

    first = SYSTEM_CLOCK.monotonic()
    assert SYSTEM_CLOCK.monotonic() >= first
    assert abs(SYSTEM_CLOCK.wall() - time.time()) < 5
    assert abs(SYSTEM_CLOCK.monotonic() - time.monotonic()) < 5


# -- the bounds, in plain numbers ----------------------------------------------------------------
YEAR = 31_622_400.0  # 366 days: the most a timer holds
TWELVE_HOURS = 43_200.0  # the most a resume adds
YEAR_3000 = 32_503_680_000.0  # the latest a file may say it was saved


def test_a_timer_holds_up_to_a_year() -> None:
    assert Stopwatch.from_dict({"elapsed": YEAR}).elapsed == YEAR
    with pytest.raises(ValueError, match="elapsed"):
        Stopwatch.from_dict({"elapsed": YEAR + 1})
    c = Countdown.from_dict({"planned": 60.0, "duration": YEAR})
    assert c.duration == YEAR and MAX_SECONDS == YEAR
    with pytest.raises(ValueError, match="duration"):
        Countdown.from_dict({"planned": 60.0, "duration": YEAR + 1})


def test_saved_at_up_to_the_year_3000() -> None:
    Stopwatch.from_dict({"saved_at": YEAR_3000})
    with pytest.raises(ValueError, match="saved_at"):
        Stopwatch.from_dict({"saved_at": YEAR_3000 + 1})


def test_a_resume_adds_twelve_hours_and_not_a_second_more(clock: FakeClock) -> None:
    saved = {"elapsed": 0.0, "running": True, "saved_at": clock.wall_now}
    for gap, added in ((TWELVE_HOURS, TWELVE_HOURS), (TWELVE_HOURS + 1, TWELVE_HOURS)):
        later = FakeClock(now=0.0, wall_now=clock.wall_now + gap)
        assert Stopwatch.from_dict(saved, clock=later).elapsed == added
    assert MAX_RESUME_GAP == TWELVE_HOURS


def test_a_clock_set_before_1970_still_writes_a_loadable_file() -> None:
    odd = FakeClock(now=0.0, wall_now=-5.0)
    w = Stopwatch(clock=odd)
    w.start()
    assert w.to_dict()["saved_at"] == 0.0
    odd.wall_now = YEAR_3000 * 2
    assert w.to_dict()["saved_at"] == YEAR_3000
    assert Stopwatch.from_dict(w.to_dict(), clock=odd).running


def test_missing_keys_mean_stopped_zero_and_no_alert(clock: FakeClock) -> None:
    w = Stopwatch.from_dict({}, clock=clock)
    assert (w.elapsed, w.running) == (0.0, False)
    c = Countdown.from_dict({"planned": 120.0}, clock=clock)
    assert (c.duration, c.elapsed, c.state, c.alerted) == (120.0, 0.0, "paused", False)


def test_times_are_saved_to_the_millisecond(clock: FakeClock) -> None:
    clock.wall_now = 1_790_000_000.123456
    w = Stopwatch(clock=clock)
    w.start()
    clock.now += 1.23456
    data = w.to_dict()
    assert data["elapsed"] == 1.235 and data["saved_at"] == 1_790_000_000.123


def test_under_a_second_left_is_not_yet_over(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(59.5)
    assert c.level(0) == "normal" and c.level(120) == "warn" and not c.take_alert()
    clock.advance(0.5)
    assert c.level(0) == "over"


def test_extending_to_exactly_zero_left_keeps_the_alert_given(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(120)
    assert c.take_alert()
    c.extend(1)  # exactly 0 left: still time up, the bell has rung
    assert c.remaining == 0 and c.alerted and not c.take_alert()


def test_extending_to_half_a_second_left_rearms_the_bell(clock: FakeClock) -> None:
    c = Countdown(60, clock=clock)
    c.start()
    clock.advance(119.5)
    assert c.take_alert()
    c.extend(1)
    assert c.remaining == 0.5 and not c.alerted
    clock.advance(0.5)
    assert c.take_alert()


def test_a_clock_gone_back_never_writes_a_file_that_does_not_load() -> None:
    """Faults, third round: a countdown whose elapsed time would be saved negative wrote a
    file that no longer loaded; the writer clamps what the reader refuses."""
    from amk_tui.core.clock import FakeClock

    clock = FakeClock()
    countdown = Countdown(600.0, clock=clock)
    countdown.start()
    clock.now -= 5000  # the monotonic clock far back (a suspended VM, a bad clock source)
    countdown.reset()
    data = countdown.to_dict()
    assert data["elapsed"] >= 0 and data.get("spent", 0) >= 0
    again = Countdown.from_dict(data, clock=clock)
    assert again.remaining <= 600.0

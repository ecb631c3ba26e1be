"""Stopwatch and Countdown: elapsed time read from a `Clock`, never counted in ticks.

A running timer is saved with its elapsed time and the wall-clock moment of saving; restored,
it adds the wall-clock time that passed meanwhile, as if it had kept running. The wall clock
can jump (a laptop set to another time zone, a wrong date fixed by NTP): a resume adds at
most `MAX_RESUME_GAP`, never a negative gap, and marks the timer `clock_jumped` when it had
to assume, so the facilitator can be told.

`from_dict` checks every number (finite, within bounds) and raises ValueError naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.numbers import NumberError, bounded

State = Literal["running", "paused", "done"]
Level = Literal["normal", "warn", "over"]
STATES: tuple[State, ...] = ("running", "paused", "done")
MAX_SECONDS = 366 * 24 * 3600.0
"""Longest time a timer holds (elapsed, or a duration after many extensions): a year."""
MAX_RESUME_GAP = 12 * 3600.0
"""Most a resume adds to a running timer for the time amk was not running: twelve hours."""
MAX_STEP_MINUTES = 600
"""Most minutes a phase or round is planned for: ten hours."""
MAX_WALL = 32_503_680_000.0
"""Latest wall-clock moment a file may claim it was saved at (the year 3000)."""
STOPWATCH_KEYS = frozenset({"elapsed", "running", "saved_at"})
COUNTDOWN_KEYS = STOPWATCH_KEYS | {"planned", "duration", "state", "alerted", "spent"}


def _number(data: dict[str, Any], key: str, default: float, high: float) -> float:
    try:
        return bounded(data.get(key, default), low=0, high=high)
    except NumberError as exc:
        raise ValueError(f"{key}: {exc}") from None


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key}: expected true or false")
    return value


@dataclass
class Stopwatch:
    """Elapsed seconds over any number of start/stop spans."""

    clock: Clock = field(default=SYSTEM_CLOCK, repr=False, compare=False)
    """Where time comes from."""
    _banked: float = 0.0
    """Seconds of the spans that have ended."""
    _since: float | None = None
    """Monotonic moment the current span began; None while stopped."""
    clock_jumped: bool = field(default=False, compare=False)
    """True when the resume that restored this timer found the wall clock moved back, or
    more than MAX_RESUME_GAP ahead, and so added 0 or MAX_RESUME_GAP instead."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Keys from the file this amk does not know, written back unchanged."""

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock.monotonic()

    def stop(self) -> None:
        if self._since is not None:
            self._banked += self.clock.monotonic() - self._since
            self._since = None

    def clear(self) -> None:
        """Back to zero, keeping running or stopped as it was."""
        self._banked = 0.0
        if self._since is not None:
            self._since = self.clock.monotonic()

    @property
    def elapsed(self) -> float:
        if self._since is None:
            return self._banked
        return self._banked + (self.clock.monotonic() - self._since)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        # The writer clamps what the reader refuses: a clock that went back (a negative
        # elapsed time) must never write a file that no longer loads.
        elapsed = round(min(max(self.elapsed, 0.0), MAX_SECONDS), 3)
        data.update(elapsed=elapsed, running=self.running)
        if self.running:  # a wall clock set absurdly (before 1970) still writes a loadable file
            data["saved_at"] = round(min(max(self.clock.wall(), 0.0), MAX_WALL), 3)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK) -> Stopwatch:
        """Restore; a running watch adds the wall-clock time since `saved_at`, within reason.

        Raises ValueError (`elapsed: inf is not a finite number`) for a value out of bounds.
        """
        if not isinstance(data, dict):
            raise ValueError("must be a table")
        watch = cls(clock=clock, _banked=_number(data, "elapsed", 0.0, MAX_SECONDS))
        watch.extra = {k: v for k, v in data.items() if k not in STOPWATCH_KEYS}
        running = _flag(data, "running")
        if "saved_at" in data:
            saved_at = _number(data, "saved_at", 0.0, MAX_WALL)
            if running:
                watch._banked += watch._resume_gap(clock.wall() - saved_at)
        if running:
            watch.start()
        return watch

    def _resume_gap(self, gap: float) -> float:
        """What a resume adds for `gap` wall-clock seconds, noting when it had to assume."""
        if 0 <= gap <= MAX_RESUME_GAP:
            return gap
        self.clock_jumped = True
        return 0.0 if gap < 0 else MAX_RESUME_GAP


@dataclass
class Countdown:
    """A phase's or round's countdown: planned duration, adjustments, overtime and level."""

    planned: float
    """Seconds planned in the program."""
    clock: Clock = field(default=SYSTEM_CLOCK, repr=False, compare=False)
    """Where time comes from."""
    duration: float = -1.0
    """Seconds allowed now: planned plus extensions minus cuts (set from planned if < 0)."""
    done: bool = False
    """True once the phase was left for good (the timer no longer runs)."""
    alerted: bool = False
    """True once the time-is-up alert was given, so the bell rings once."""
    watch: Stopwatch = field(default_factory=Stopwatch, repr=False)
    """Elapsed time while running, since the last reset."""
    spent: float = 0.0
    """Seconds run before the last reset: a reset starts the countdown again, it does not
    unsay the time the room already spent (`used`)."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Keys from the file this amk does not know, written back unchanged."""

    def __post_init__(self) -> None:
        if self.duration < 0:
            self.duration = self.planned
        self.watch.clock = self.clock

    # -- state ---------------------------------------------------------------------------
    @property
    def state(self) -> State:
        if self.done:
            return "done"
        return "running" if self.watch.running else "paused"

    @property
    def elapsed(self) -> float:
        return self.watch.elapsed

    @property
    def used(self) -> float:
        """Seconds this countdown has been running, over every reset: the step's actual time."""
        return self.spent + self.watch.elapsed

    @property
    def remaining(self) -> float:
        """Seconds left; negative in overtime."""
        return self.duration - self.watch.elapsed

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)

    def level(self, warn_seconds: float) -> Level:
        left = self.remaining
        if left <= 0:
            return "over"
        if left <= warn_seconds:
            return "warn"
        return "normal"

    # -- actions -------------------------------------------------------------------------
    def start(self) -> None:
        self.done = False
        self.watch.start()

    resume = start

    def pause(self) -> None:
        self.watch.stop()

    def toggle(self) -> None:
        if self.watch.running:
            self.pause()
        else:
            self.start()

    def finish(self) -> None:
        """Stop for good: the phase was left."""
        self.watch.stop()
        self.done = True

    def extend(self, minutes: float) -> None:
        """Add (or with a negative number, remove) minutes; the duration never drops below 0."""
        self.duration = min(MAX_SECONDS, max(0.0, self.duration + 60.0 * minutes))
        if self.remaining > 0:
            self.alerted = False

    def reset(self) -> None:
        """Back to the planned duration with nothing elapsed; a running timer keeps running.
        The time run so far stays in `used`."""
        self.spent = min(MAX_SECONDS, self.spent + self.watch.elapsed)
        self.duration = self.planned
        self.watch.clear()
        self.alerted = False

    def take_alert(self) -> bool:
        """True exactly once after the time is up (until reset or extended past zero)."""
        if self.remaining <= 0 and not self.alerted and self.state == "running":
            self.alerted = True
            return True
        return False

    # -- persistence ---------------------------------------------------------------------
    @property
    def clock_jumped(self) -> bool:
        """The resume that restored this countdown had to assume how much time passed."""
        return self.watch.clock_jumped

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.extra)
        data.update(self.watch.to_dict())
        data.update(planned=self.planned, duration=self.duration, state=self.state)
        data["alerted"] = self.alerted
        if self.spent:
            data["spent"] = round(min(max(self.spent, 0.0), MAX_SECONDS), 3)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK) -> Countdown:
        """Restore a saved countdown. Raises ValueError naming the key that is wrong."""
        if not isinstance(data, dict):
            raise ValueError("must be a table")
        if "planned" not in data:
            raise ValueError("planned: missing")
        planned = _number(data, "planned", 0.0, 60.0 * MAX_STEP_MINUTES)
        state = data.get("state", "paused")
        if state not in STATES:
            raise ValueError(f"state: must be one of {', '.join(STATES)}")
        watch = Stopwatch.from_dict(
            {k: v for k, v in data.items() if k in STOPWATCH_KEYS}
            | {"running": state == "running"},
            clock=clock,
        )
        return cls(
            planned=planned,
            clock=clock,
            duration=_number(data, "duration", planned, MAX_SECONDS),
            done=state == "done",
            alerted=_flag(data, "alerted"),
            watch=watch,
            spent=_number(data, "spent", 0.0, MAX_SECONDS),
            extra={k: v for k, v in data.items() if k not in COUNTDOWN_KEYS},
        )


def format_clock(seconds: float) -> str:
    """`MM:SS` for time left, `+MM:SS` for overtime (seconds < 0); rounds up while counting down.

    >>> format_clock(754.2), format_clock(0), format_clock(-61)
    ('12:35', '00:00', '+01:01')
    """
    if seconds < 0:
        whole = int(-seconds)
        sign = "+"
    else:
        whole = int(seconds) + (1 if seconds % 1 > 1e-9 else 0)
        sign = ""
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


def format_elapsed(seconds: float) -> str:
    """`MM:SS` for time used (rounds down)."""
    minutes, secs = divmod(int(max(0.0, seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"

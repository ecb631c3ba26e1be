"""Stopwatch and Countdown: elapsed time read from a `Clock`, never counted in ticks.

A running timer is saved with its elapsed time and the wall-clock moment of saving; restored,
it adds the wall-clock time that passed meanwhile, as if it had kept running.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from amk_tui.core.clock import SYSTEM_CLOCK, Clock

State = Literal["running", "paused", "done"]
Level = Literal["normal", "warn", "over"]
STATES: tuple[State, ...] = ("running", "paused", "done")


@dataclass
class Stopwatch:
    """Elapsed seconds over any number of start/stop spans."""

    clock: Clock = field(default=SYSTEM_CLOCK, repr=False, compare=False)
    """Where time comes from."""
    _banked: float = 0.0
    """Seconds of the spans that have ended."""
    _since: float | None = None
    """Monotonic moment the current span began; None while stopped."""

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
        data: dict[str, Any] = {"elapsed": round(self.elapsed, 3), "running": self.running}
        if self.running:
            data["saved_at"] = round(self.clock.wall(), 3)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK) -> Stopwatch:
        watch = cls(clock=clock, _banked=max(0.0, float(data.get("elapsed", 0.0))))
        if data.get("running"):
            saved_at = data.get("saved_at")
            if isinstance(saved_at, int | float):
                watch._banked += max(0.0, clock.wall() - float(saved_at))
            watch.start()
        return watch


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
    """Elapsed time while running."""

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
        self.duration = max(0.0, self.duration + 60.0 * minutes)
        if self.remaining > 0:
            self.alerted = False

    def reset(self) -> None:
        """Back to the planned duration with nothing elapsed; a running timer keeps running."""
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
    def to_dict(self) -> dict[str, Any]:
        data = self.watch.to_dict()
        data.update(planned=self.planned, duration=self.duration, state=self.state)
        data["alerted"] = self.alerted
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK) -> Countdown:
        watch = Stopwatch.from_dict(
            {**data, "running": data.get("state") == "running"}, clock=clock
        )
        return cls(
            planned=float(data["planned"]),
            clock=clock,
            duration=max(0.0, float(data.get("duration", data["planned"]))),
            done=data.get("state") == "done",
            alerted=bool(data.get("alerted", False)),
            watch=watch,
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

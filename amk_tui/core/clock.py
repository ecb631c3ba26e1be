"""Where time comes from: a monotonic clock for intervals and a wall clock for restarts.

Timers never count ticks; they read a `Clock`. Tests and snapshots pass a `FakeClock`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    """A source of time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for measuring intervals)."""
        ...

    def wall(self) -> float:
        """Seconds since the epoch (to carry a running timer across a restart)."""
        ...


class SystemClock:
    """The real clocks: `time.monotonic()` and `time.time()`."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()


@dataclass
class FakeClock:
    """A clock that only moves when told to: for tests, snapshots and benchmarks."""

    now: float = 1000.0
    """Monotonic seconds."""
    wall_now: float = 1_790_000_000.0
    """Wall-clock seconds (2026-09-21)."""

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.wall_now

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass on both clocks."""
        self.now += seconds
        self.wall_now += seconds


SYSTEM_CLOCK = SystemClock()

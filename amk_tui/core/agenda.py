"""A session's live run through its program: where we are, and the time each step took.

One definition of time, used alike by the agenda, the screens and the referat:
- **planned** for a step is its countdown's duration *now*: the program's minutes with every
  extension (`+`, `>`) and cut (`-`) added;
- **actual** (used) for a step is the time its countdown was running, over every reset: `r`
  starts the countdown again but does not unsay the time already spent. A paused countdown
  adds nothing, wherever the facilitator is.
A phase's planned and actual are the sums over its steps, the totals the sums over all.

The per-phase stopwatches (`actual` in the file: how long each phase was the current one)
are kept and written as before, so files read by earlier versions stay whole, but no figure
is taken from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.countdown import Countdown, Stopwatch
from amk_tui.core.program import Program, Step

T = TypeVar("T")


@dataclass
class Agenda:
    """A session's run through the program: position, countdowns, actual time per phase."""

    program: Program
    clock: Clock = field(default=SYSTEM_CLOCK, repr=False)
    index: int | None = None
    """Index into `program.steps` of the current step; None before the program starts."""
    countdowns: dict[str, Countdown] = field(default_factory=dict)
    """Per step key."""
    actual: dict[str, Stopwatch] = field(default_factory=dict)
    """Per phase id: time the phase was the current one (kept in the file, not a figure)."""
    legacy: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    """Phases whose time a file kept only in the phase's stopwatch (no countdown of its steps
    in the file): their actual time is that stopwatch's."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """What a session file's `[timing]` holds that this program does not: unknown keys, and
    under `countdowns`/`actual` the entries of steps it lacks. Written back unchanged."""

    def __post_init__(self) -> None:
        for step in self.program.steps:
            self.countdowns.setdefault(step.key, Countdown(step.minutes * 60.0, clock=self.clock))
        for phase in self.program.phases:  # the wrap-up's discussion slide: its own countdown
            if phase.discuss_minutes:
                planned = phase.discuss_minutes * 60.0
                self.countdowns.setdefault(phase.discuss_key, Countdown(planned, clock=self.clock))
        for phase in self.program.phases:
            self.actual.setdefault(phase.id, Stopwatch(clock=self.clock))

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.program.steps

    @property
    def current(self) -> Step | None:
        return None if self.index is None else self.steps[self.index]

    @property
    def countdown(self) -> Countdown | None:
        step = self.current
        return None if step is None else self.countdowns[step.key]

    def countdown_for(self, step: Step, item_kind: str) -> Countdown:
        """The countdown an item shows: the wrap-up's discussion slide has its own (inside
        the phase's, which goes on), every other item its step's."""
        if item_kind == "discuss" and step.phase.discuss_key in self.countdowns:
            return self.countdowns[step.phase.discuss_key]
        return self.countdowns[step.key]

    def go(self, index: int, *, run: bool = True) -> Step:
        """Enter a step: the one we leave is paused, the new one's countdown starts by itself.

        With `run=False` only the position moves and every timer stays as it is: browsing a
        finished (read-only) workshop must not add time to it.
        """
        if not 0 <= index < len(self.steps):
            raise IndexError(index)
        old = self.current
        new = self.steps[index]
        if not run:
            self.index = index
            return new
        if old is not None:
            self.countdowns[old.key].pause()
            if old.phase.id != new.phase.id:
                self.actual[old.phase.id].stop()
        self.index = index
        self.actual[new.phase.id].start()
        self.countdowns[new.key].start()
        return new

    def next(self) -> Step | None:
        """Step forward; None (and no change) at the end of the program."""
        start = -1 if self.index is None else self.index
        if start + 1 >= len(self.steps):
            return None
        return self.go(start + 1)

    def previous(self) -> Step | None:
        """Step back; None (and no change) at the start."""
        if self.index is None or self.index == 0:
            return None
        return self.go(self.index - 1)

    def go_phase(self, phase_index: int) -> Step:
        return self.go(self.program.first_step_of(phase_index))

    def stop(self) -> None:
        """End of the workshop: every timer stops."""
        for countdown in self.countdowns.values():
            if countdown.state == "running":
                countdown.pause()
        for watch in self.actual.values():
            watch.stop()

    # -- figures: one definition of time (see the module's docstring) -------------------
    def step_planned(self, key: str) -> float:
        """Seconds planned for a step now: its duration with every extension and cut."""
        return self.countdowns[key].duration

    def step_actual(self, key: str) -> float:
        """Seconds a step's countdown has run, over every reset."""
        return self.countdowns[key].used

    def phase_planned(self, phase_id: str) -> float:
        return sum(self.step_planned(s.key) for s in self.steps if s.phase.id == phase_id)

    def actual_seconds(self, phase_id: str) -> float:
        """Seconds a phase has run: the sum over its steps (a file that kept only the phase's
        own stopwatch, written by hand or by an early version: that stopwatch)."""
        used = sum(self.step_actual(s.key) for s in self.steps if s.phase.id == phase_id)
        if not used and phase_id in self.legacy:
            return self.actual[phase_id].elapsed
        return used

    @property
    def total_actual(self) -> float:
        return sum(self.actual_seconds(p.id) for p in self.program.phases)

    @property
    def total_planned(self) -> float:
        return sum(self.step_planned(s.key) for s in self.steps)

    @property
    def clock_jumped(self) -> bool:
        """A resume found the wall clock moved back, or more than `MAX_RESUME_GAP` ahead, and
        assumed 0 or that much for a running timer (the UI says so; the times are estimates)."""
        timers: list[Stopwatch] = [c.watch for c in self.countdowns.values()]
        return any(w.clock_jumped for w in [*timers, *self.actual.values()])

    # -- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {k: v for k, v in self.extra.items() if k not in _TIMING_TABLES}
        stale = {k: self.extra.get(k, {}) for k in _TIMING_TABLES}
        data["countdowns"] = stale["countdowns"] | {
            k: c.to_dict() for k, c in self.countdowns.items()
        }
        data["actual"] = stale["actual"] | {k: w.to_dict() for k, w in self.actual.items()}
        if self.index is not None:
            data["step"] = self.steps[self.index].key
        return data

    @classmethod
    def from_dict(cls, program: Program, data: dict[str, Any], clock: Clock) -> Agenda:
        """Restore; entries for steps the program lacks are kept aside, new steps start fresh.

        Raises ValueError naming the key (`countdowns.oplaeg.elapsed: …`).
        """
        step_keys = [s.key for s in program.steps]
        keys = step_keys + [p.discuss_key for p in program.phases if p.discuss_minutes]
        phase_ids = [p.id for p in program.phases]
        tables = {name: _table(data.get(name, {}), name) for name in _TIMING_TABLES}
        countdowns = {
            k: _restore(Countdown.from_dict, v, f"countdowns.{k}", clock)
            for k, v in tables["countdowns"].items()
            if k in keys
        }
        actual = {
            k: _restore(Stopwatch.from_dict, v, f"actual.{k}", clock)
            for k, v in tables["actual"].items()
            if k in phase_ids
        }
        step = data.get("step")
        if step is not None and not isinstance(step, str):
            raise ValueError("step: must be text")
        index = step_keys.index(step) if step in step_keys else None
        extra = {k: v for k, v in data.items() if k not in (*_TIMING_TABLES, "step")}
        extra["countdowns"] = {k: v for k, v in tables["countdowns"].items() if k not in keys}
        extra["actual"] = {k: v for k, v in tables["actual"].items() if k not in phase_ids}
        legacy = frozenset(
            p.id
            for p in program.phases
            if p.id in actual and not any(s.key in countdowns for s in program.steps_of(p.id))
        )
        agenda = cls(program, clock=clock, index=index, countdowns=countdowns, actual=actual)
        agenda.extra = extra
        agenda.legacy = legacy
        return agenda


_TIMING_TABLES = ("countdowns", "actual")


def _table(value: object, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{name}: must be a table")
    return value


def _restore(make: Callable[[dict[str, Any], Clock], T], value: Any, name: str, clock: Clock) -> T:
    try:
        return make(value, clock)
    except ValueError as exc:
        raise ValueError(f"{name}.{exc}" if ":" in str(exc) else f"{name}: {exc}") from None

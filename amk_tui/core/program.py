"""The workshop program: phases, their rounds, where we are, and the time each took.

`Program` is what the config describes (planned); `Agenda` is a session's live run through it:
the current step, a countdown per step and a stopwatch per phase for the actual time.
A *step* is the unit that has its own countdown: a round, or a phase without rounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.countdown import Countdown, Stopwatch

PhaseKind = Literal["presentation", "exercise", "wrapup"]
PHASE_KINDS: tuple[PhaseKind, ...] = ("presentation", "exercise", "wrapup")
RoundKind = Literal["score", "discuss"]
ROUND_KINDS: tuple[RoundKind, ...] = ("score", "discuss")


@dataclass(frozen=True)
class Round:
    """A timed part of an exercise phase."""

    id: str
    kind: RoundKind
    minutes: float
    title: str = ""
    """Shown name; empty means: look the id up in the content's UI strings."""


@dataclass(frozen=True)
class Phase:
    """One phase of the program."""

    id: str
    kind: PhaseKind
    minutes: float
    title: str = ""
    """Shown name; empty means: look the id up in the content's UI strings."""
    rounds: tuple[Round, ...] = ()


@dataclass(frozen=True)
class Step:
    """A unit with its own countdown: (phase, round) or (phase, None)."""

    phase_index: int
    round_index: int | None
    phase: Phase
    round: Round | None

    @property
    def key(self) -> str:
        """Stable name used in session files: `phase` or `phase/round`."""
        return self.phase.id if self.round is None else f"{self.phase.id}/{self.round.id}"

    @property
    def minutes(self) -> float:
        return self.round.minutes if self.round is not None else self.phase.minutes


@dataclass(frozen=True)
class Program:
    """The planned program, in order."""

    phases: tuple[Phase, ...]

    @property
    def planned_minutes(self) -> float:
        return sum(p.minutes for p in self.phases)

    @property
    def steps(self) -> tuple[Step, ...]:
        out: list[Step] = []
        for pi, phase in enumerate(self.phases):
            if phase.rounds:
                out.extend(Step(pi, ri, phase, rnd) for ri, rnd in enumerate(phase.rounds))
            else:
                out.append(Step(pi, None, phase, None))
        return tuple(out)

    def first_step_of(self, phase_index: int) -> int:
        """Index into `steps` of the first step of a phase."""
        for i, step in enumerate(self.steps):
            if step.phase_index == phase_index:
                return i
        raise IndexError(phase_index)


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
    """Per phase id: time the phase was the current one."""

    def __post_init__(self) -> None:
        for step in self.program.steps:
            self.countdowns.setdefault(step.key, Countdown(step.minutes * 60.0, clock=self.clock))
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

    # -- figures -------------------------------------------------------------------------
    def actual_seconds(self, phase_id: str) -> float:
        return self.actual[phase_id].elapsed

    @property
    def total_actual(self) -> float:
        return sum(w.elapsed for w in self.actual.values())

    @property
    def total_planned(self) -> float:
        return self.program.planned_minutes * 60.0

    # -- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "countdowns": {k: c.to_dict() for k, c in self.countdowns.items()},
            "actual": {k: w.to_dict() for k, w in self.actual.items()},
        }
        if self.index is not None:
            data["step"] = self.steps[self.index].key
        return data

    @classmethod
    def from_dict(cls, program: Program, data: dict[str, Any], clock: Clock) -> Agenda:
        """Restore; steps the program no longer has are ignored, new ones start fresh."""
        keys = [s.key for s in program.steps]
        countdowns = {
            k: Countdown.from_dict(v, clock=clock)
            for k, v in data.get("countdowns", {}).items()
            if k in keys
        }
        phase_ids = {p.id for p in program.phases}
        actual = {
            k: Stopwatch.from_dict(v, clock=clock)
            for k, v in data.get("actual", {}).items()
            if k in phase_ids
        }
        step = data.get("step")
        index = keys.index(step) if step in keys else None
        return cls(program, clock=clock, index=index, countdowns=countdowns, actual=actual)

"""The workshop program: phases, their rounds, where we are, and the time each took.

`Program` is what the config describes (planned); `Agenda` is a session's live run through it:
the current step, a countdown per step and a stopwatch per phase for the actual time.
A *step* is the unit that has its own countdown: a round, or a phase without rounds.

`parse_program()` is the one place a program is read from outside: config.toml's
`[[phases]]` and a session file's `[[program]]` get the same checks (ASCII ids, known kinds,
finite minutes within bounds, rounds that add up) and one error type naming the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.countdown import MAX_STEP_MINUTES, Countdown, Stopwatch
from amk_tui.core.numbers import NumberError, bounded
from amk_tui.core.text import echo

T = TypeVar("T")
PhaseKind = Literal["presentation", "exercise", "wrapup"]
PHASE_KINDS: tuple[PhaseKind, ...] = ("presentation", "exercise", "wrapup")
RoundKind = Literal["score", "discuss"]
ROUND_KINDS: tuple[RoundKind, ...] = ("score", "discuss")
MAX_MINUTES = MAX_STEP_MINUTES
"""A phase or round lasts at most ten hours."""
MAX_PHASES = 20
MAX_ROUNDS = 10
"""Rounds per phase: the agenda labels them a–j."""
MAX_ID = 40
"""Characters of a phase or round id."""
MAX_TITLE = 120
"""Characters of a phase or round title."""
PHASE_KEYS = frozenset({"id", "kind", "minutes", "title", "rounds"})
ROUND_KEYS = frozenset({"id", "kind", "minutes", "title"})


class ProgramError(ValueError):
    """A program that can't be run: `key` says where (`phases[1].minutes`), `problem` what."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{key}: {problem}")


@dataclass(frozen=True)
class Round:
    """A timed part of an exercise phase."""

    id: str
    kind: RoundKind
    minutes: float
    title: str = ""
    """Shown name; empty means: look the id up in the content's UI strings."""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Keys a session file holds that this amk does not know, written back unchanged."""


@dataclass(frozen=True)
class Phase:
    """One phase of the program."""

    id: str
    kind: PhaseKind
    minutes: float
    title: str = ""
    """Shown name; empty means: look the id up in the content's UI strings."""
    rounds: tuple[Round, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Keys a session file holds that this amk does not know, written back unchanged."""


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


def parse_program(items: object, key: str = "phases", *, strict: bool = True) -> Program:
    """A program from its TOML data: a list of phase tables, each with its rounds.

    `key` names the list in messages (`phases` in config.toml, `program` in a session file).
    `strict` refuses keys this amk does not know (a typo in the config); without it they are
    kept in `extra` and written back (a session file from a newer amk). Raises ProgramError.
    """
    if items is None:
        raise ProgramError(key, "missing: the program needs at least one phase")
    if not isinstance(items, list) or not all(isinstance(p, dict) for p in items):
        raise ProgramError(key, f"must be a list of [[{key}]] tables")
    if not items:
        raise ProgramError(key, "empty: the program needs at least one phase")
    if len(items) > MAX_PHASES:
        raise ProgramError(key, f"{len(items)} phases, at most {MAX_PHASES}")
    seen: set[str] = set()
    return Program(
        tuple(_phase(item, f"{key}[{i}]", key, seen, strict) for i, item in enumerate(items))
    )


def program_to_list(program: Program) -> list[dict[str, Any]]:
    """The program as TOML data, unknown keys included: what `parse_program` reads back."""
    return [_phase_to_dict(p) for p in program.phases]


def _phase_to_dict(phase: Phase) -> dict[str, Any]:
    data: dict[str, Any] = dict(phase.extra)
    data.update(id=phase.id, kind=phase.kind, minutes=phase.minutes)
    if phase.title:
        data["title"] = phase.title
    if phase.rounds:
        data["rounds"] = [_round_to_dict(r) for r in phase.rounds]
    return data


def _round_to_dict(rnd: Round) -> dict[str, Any]:
    data: dict[str, Any] = dict(rnd.extra)
    data.update(id=rnd.id, kind=rnd.kind, minutes=rnd.minutes)
    if rnd.title:
        data["title"] = rnd.title
    return data


def _unknown(
    item: dict[str, Any], known: frozenset[str], name: str, strict: bool
) -> dict[str, Any]:
    extra = {k: v for k, v in item.items() if k not in known}
    if strict and extra:
        raise ProgramError(f"{name}.{next(iter(extra))}", "unknown setting (check the spelling)")
    return extra


def _text(item: dict[str, Any], key: str, name: str, limit: int | None = None) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise ProgramError(f"{name}.{key}", "must be text in quotes")
    if limit is not None and len(value) > limit:
        raise ProgramError(f"{name}.{key}", f"{len(value)} characters, at most {limit}")
    return value


def _ident(item: dict[str, Any], name: str, seen: set[str]) -> str:
    ident = _text(item, "id", name)
    if not ident:
        raise ProgramError(f"{name}.id", "missing")
    if len(ident) > MAX_ID or not (
        ident.isascii() and ident.replace("_", "").replace("-", "").isalnum()
    ):
        raise ProgramError(
            f"{name}.id", f"{echo(ident)}: use ASCII letters, digits, - and _ (at most {MAX_ID})"
        )
    if ident in seen:
        raise ProgramError(f"{name}.id", f"duplicate id {echo(ident)}")
    seen.add(ident)
    return ident


def _kind(item: dict[str, Any], name: str, kinds: tuple[str, ...]) -> Any:
    kind = _text(item, "kind", name)
    if kind not in kinds:
        raise ProgramError(f"{name}.kind", f"{echo(kind)} is not one of {', '.join(kinds)}")
    return kind


def _minutes(item: dict[str, Any], name: str, default: float | None) -> float:
    value = item.get("minutes", default)
    if value is None:
        raise ProgramError(f"{name}.minutes", "missing")
    try:
        return bounded(
            value,
            low=0,
            high=MAX_MINUTES,
            above_low=True,
            too_high="{value:g} is more than 10 hours",
        )
    except NumberError as exc:
        raise ProgramError(f"{name}.minutes", str(exc)) from None


def _phase(item: dict[str, Any], name: str, key: str, seen: set[str], strict: bool) -> Phase:
    extra = _unknown(item, PHASE_KEYS, name, strict)
    ident = _ident(item, name, seen)
    kind = _kind(item, name, PHASE_KINDS)
    title = _text(item, "title", name, MAX_TITLE)
    raw = item.get("rounds", [])
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise ProgramError(f"{name}.rounds", f"must be a list of [[{key}.rounds]] tables")
    if raw and kind != "exercise":
        raise ProgramError(f"{name}.rounds", "only an exercise phase has rounds")
    if len(raw) > MAX_ROUNDS:
        raise ProgramError(f"{name}.rounds", f"{len(raw)} rounds, at most {MAX_ROUNDS}")
    round_ids: set[str] = set()
    rounds = tuple(_round(r, f"{name}.rounds[{j}]", round_ids, strict) for j, r in enumerate(raw))
    total = sum(r.minutes for r in rounds)
    minutes = _minutes(item, name, total or None)
    if rounds and abs(minutes - total) > 1e-9:
        raise ProgramError(
            f"{name}.minutes", f"{minutes:g} is not the sum of its rounds ({total:g})"
        )
    return Phase(ident, kind, minutes, title, rounds, extra)


def _round(item: dict[str, Any], name: str, seen: set[str], strict: bool) -> Round:
    extra = _unknown(item, ROUND_KEYS, name, strict)
    ident = _ident(item, name, seen)
    kind = _kind(item, name, ROUND_KINDS)
    return Round(
        ident, kind, _minutes(item, name, None), _text(item, "title", name, MAX_TITLE), extra
    )


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
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """What a session file's `[timing]` holds that this program does not: unknown keys, and
    under `countdowns`/`actual` the entries of steps it lacks. Written back unchanged."""

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
        keys = [s.key for s in program.steps]
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
        index = keys.index(step) if step in keys else None
        extra = {k: v for k, v in data.items() if k not in (*_TIMING_TABLES, "step")}
        extra["countdowns"] = {k: v for k, v in tables["countdowns"].items() if k not in keys}
        extra["actual"] = {k: v for k, v in tables["actual"].items() if k not in phase_ids}
        agenda = cls(program, clock=clock, index=index, countdowns=countdowns, actual=actual)
        agenda.extra = extra
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

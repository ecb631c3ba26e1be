"""The workshop program: phases, their rounds, where we are, and the time each took.

`Program` is what the config describes (planned); `Agenda` (`agenda.py`) is a session's live
run through it. A *step* is the unit that has its own countdown: a round, or a phase without
rounds.

`parse_program()` is the one place a program is read from outside: config.toml's
`[[phases]]` and a session file's `[[program]]` get the same checks (ASCII ids, known kinds,
finite minutes within bounds, rounds that add up) and one error type naming the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from amk_tui.core.countdown import MAX_STEP_MINUTES
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
PHASE_KEYS = frozenset({"id", "kind", "minutes", "title", "rounds", "discuss_minutes", "dialogue"})
DIALOGUE = ("each", "share", "none")
"""How a wrap-up harvests the dialogue questions: each one on its own screen (as before
2026-12, and a program that does not say), one screen "Hvad vil grupperne dele fra
dialogen?", or not at all."""
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
    discuss_minutes: float = 0.0
    """A wrap-up: the deck's slide "Opsamling: Drøft i grupperne" with its own countdown of
    this many minutes, inside the phase's (0: no such slide)."""
    dialogue: str = "each"
    """A wrap-up: how the dialogue questions are harvested (DIALOGUE)."""

    @property
    def discuss_key(self) -> str:
        """The discussion slide's countdown in a session file (`opsamling:discuss`)."""
        return f"{self.id}:discuss"


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

    def steps_of(self, phase_id: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.phase.id == phase_id)

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
    if phase.discuss_minutes:
        data["discuss_minutes"] = phase.discuss_minutes
    if phase.dialogue != "each":
        data["dialogue"] = phase.dialogue
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
    discuss, dialogue = _wrapup_keys(item, name, kind, minutes)
    return Phase(ident, kind, minutes, title, rounds, extra, discuss, dialogue)


def _wrapup_keys(item: dict[str, Any], name: str, kind: str, minutes: float) -> tuple[float, str]:
    """A wrap-up's `discuss_minutes` (within the phase's) and `dialogue` (DIALOGUE)."""
    if kind != "wrapup":
        for key in ("discuss_minutes", "dialogue"):
            if key in item:
                raise ProgramError(f"{name}.{key}", "only a wrapup phase has it")
        return 0.0, "each"
    discuss = 0.0
    if "discuss_minutes" in item:
        try:
            discuss = bounded(item["discuss_minutes"], low=0, high=minutes, above_low=True)
        except NumberError as exc:
            raise ProgramError(f"{name}.discuss_minutes", str(exc)) from None
    dialogue = item.get("dialogue", "each")
    if dialogue not in DIALOGUE:
        problem = f"{echo(dialogue)} is not one of {', '.join(DIALOGUE)}"
        raise ProgramError(f"{name}.dialogue", problem)
    return discuss, dialogue


def _round(item: dict[str, Any], name: str, seen: set[str], strict: bool) -> Round:
    extra = _unknown(item, ROUND_KEYS, name, strict)
    ident = _ident(item, name, seen)
    kind = _kind(item, name, ROUND_KINDS)
    return Round(
        ident, kind, _minutes(item, name, None), _text(item, "title", name, MAX_TITLE), extra
    )

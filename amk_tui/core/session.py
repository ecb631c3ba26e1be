"""The record of one workshop, as saved in `sessions/<date>-<amg-slug>.toml`.

`Session.to_dict()` gives plain TOML-ready data (`schema = 2`); `Session.from_dict()` checks
every field and raises `SessionError` naming the key; keys it does not know are kept as they
were and written back unchanged.

Schema history (every older file loads forever; `tests/data/sessions/` keeps examples):

- 1: the first format.
- 2: adds the referat's fields (`place`, `referent`, `participants`, `decisions`,
  `next_assessment`), the AMG's stable identity `amg_id`, and `[view]` (what the room
  window shows: blank, notes hidden, chart kind). A schema-1 file reads as if these were
  empty (and `amg_id` folded from `amg`); it is only rewritten when something changes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.errors import SessionError
from amk_tui.core.program import PHASE_KINDS, ROUND_KINDS, Agenda, Phase, Program, Round
from amk_tui.core.scores import (
    FACTOR_IDS,
    MAX_GROUPS,
    Group,
    format_row,
    letter_for,
    parse_row,
    valid_score,
)

SCHEMA = 2
"""The schema this version writes."""
READABLE_SCHEMAS = (1, 2)
"""Schemas this version reads."""
Status = Literal["in-progress", "finished"]
STATUSES: tuple[Status, ...] = ("in-progress", "finished")
ActionStatus = Literal["open", "in-progress", "done", "dropped"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in-progress", "done", "dropped")
MAX_PRIORITIES = 3
PARTICIPANT_ROLES = ("leder", "amr", "medarbejder", "andre")
"""Who was there, by role (a referat names roles and counts; names only if typed)."""
CHART_KINDS = ("radar", "bars")


def amg_key(name: str) -> str:
    """An AMG's identity however its name is typed: case, spaces and punctuation folded.

    `"AMG  Tendens "`, `"amg tendens"` and `"AMG-Tendens"` are one AMG: `"amg-tendens"`.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


@dataclass
class Participants:
    """How many of one role took part (and their names, only if the facilitator typed them)."""

    role: str
    """One of PARTICIPANT_ROLES."""
    count: int = 0
    names: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"role": self.role, "count": self.count}
        if self.names:
            data["names"] = self.names
        return data


@dataclass
class RoomView:
    """What the room's screen shows besides the program's position (the facilitator's keys)."""

    blank: bool = False
    """`b`: the room's screen is black."""
    notes_hidden: bool = False
    """The notes being typed are kept off the room's screen."""
    chart: str = "radar"
    """`radar` or `bars`."""

    def to_dict(self) -> dict[str, Any]:
        return {"blank": self.blank, "notes_hidden": self.notes_hidden, "chart": self.chart}


@dataclass
class Action:
    """One line of the action plan."""

    what: str
    owner: str = ""
    """A role (AMR, leder …), not a person's name, by default."""
    deadline: dt.date | None = None
    followup: dt.date | None = None
    status: ActionStatus = "open"
    origin: str = ""
    """Session id this action was carried over from; empty if it was made here."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Unknown keys from the file, written back unchanged."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(what=self.what, owner=self.owner, status=self.status)
        if self.deadline:
            data["deadline"] = self.deadline
        if self.followup:
            data["followup"] = self.followup
        if self.origin:
            data["origin"] = self.origin
        return data


@dataclass
class Session:
    """Everything one workshop records."""

    amg: str
    program: Program
    date: dt.date = field(default_factory=dt.date.today)
    unit: str = ""
    facilitator: str = ""
    language: str = "da"
    variant: int = 1
    """Exercise variant: 1 (group consensus) or 2 ("hver især", individual rows)."""
    status: Status = "in-progress"
    id: str = ""
    """The file's stem, set by the store."""
    clock: Clock = field(default=SYSTEM_CLOCK, repr=False, compare=False)
    agenda: Agenda = field(init=False, repr=False, compare=False)
    groups: list[Group] = field(default_factory=list)
    cursor: dict[str, int] = field(default_factory=dict)
    """Position inside each step (slide, question) so a resume lands on the same item."""
    revealed: bool = True
    """False while the chart is hidden until the groups have reported."""
    notes: dict[str, str] = field(default_factory=dict)
    """Free text per question id."""
    priorities: list[str] = field(default_factory=list)
    """Up to three factor ids to act on, in order."""
    more_of: list[str] = field(default_factory=list)
    less_of: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    previous: str = ""
    """Id of this AMG's previous session, if any (for change and follow-up)."""
    amg_id: str = ""
    """The AMG's stable identity (`amg_key` of the name unless renamed or merged)."""
    place: str = ""
    """Sted: where the workshop was held."""
    referent: str = ""
    """Who takes the minutes (a role or a name, as typed)."""
    participants: list[Participants] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    """Beslutninger: what the AMG decided (besides the priorities and the action plan)."""
    next_assessment: dt.date | None = None
    """Næste vurdering: when the AMG assesses its competence again."""
    view: RoomView = field(default_factory=RoomView)
    draft: dict[str, str] = field(default_factory=dict)
    """An action being typed in the form (fields as typed), so a crash loses at most a key."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Unknown top-level keys from the file, written back unchanged."""

    def __post_init__(self) -> None:
        self.agenda = Agenda(self.program, clock=self.clock)
        if not self.amg_id:
            self.amg_id = amg_key(self.amg)

    # -- groups --------------------------------------------------------------------------
    def add_group(self, name: str = "", default_name: str = "{letter}") -> Group:
        """A new group with the first free letter; unnamed, it is called `default_name`
        with the letter filled in (e.g. "Gruppe {letter}"). Raises ValueError past MAX_GROUPS.
        """
        if len(self.groups) >= MAX_GROUPS:
            raise ValueError(f"at most {MAX_GROUPS} groups")
        used = {g.letter for g in self.groups}
        letter = next(letter_for(i) for i in range(26) if letter_for(i) not in used)
        group = Group(name=name.strip() or default_name.format(letter=letter), letter=letter)
        self.groups.append(group)
        return group

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    # -- what the room says --------------------------------------------------------------------
    def answer(
        self, question_id: str, kind: str, text: str = "", values: Sequence[str] = ()
    ) -> bool:
        """Record what was said under a question; True if anything changed.

        kind `priorities` keeps up to three factor ids, `more`/`less` the lists, anything
        else is a note.
        """
        if kind == "priorities":
            chosen = [v for v in values if v in FACTOR_IDS][:MAX_PRIORITIES]
            changed, self.priorities = chosen != self.priorities, chosen
        elif kind in ("more", "less"):
            target = self.more_of if kind == "more" else self.less_of
            changed = list(values) != target
            target[:] = list(values)
        else:
            changed = self.notes.get(question_id, "") != text
            if text:
                self.notes[question_id] = text
            else:
                self.notes.pop(question_id, None)
        return changed

    def finish(self) -> None:
        """The workshop is over: every timer stops and the session is marked finished."""
        self.agenda.stop()
        if (countdown := self.agenda.countdown) is not None:
            countdown.finish()
        self.status = "finished"

    def reopen(self) -> None:
        self.status = "in-progress"

    # -- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(
            schema=SCHEMA,
            id=self.id,
            status=self.status,
            amg=self.amg,
            unit=self.unit,
            facilitator=self.facilitator,
            date=self.date,
            language=self.language,
            variant=self.variant,
            revealed=self.revealed,
            previous=self.previous,
            program=[_phase_to_dict(p) for p in self.program.phases],
            timing=self.agenda.to_dict(),
            cursor=dict(self.cursor),
            groups=[_group_to_dict(g) for g in self.groups],
            notes=dict(self.notes),
            priorities=list(self.priorities),
            more_of=list(self.more_of),
            less_of=list(self.less_of),
            actions=[a.to_dict() for a in self.actions],
            amg_id=self.amg_id,
            place=self.place,
            referent=self.referent,
            participants=[p.to_dict() for p in self.participants],
            decisions=list(self.decisions),
            view=self.view.to_dict(),
        )
        if self.next_assessment is not None:
            data["next_assessment"] = self.next_assessment
        if self.draft:
            data["draft"] = dict(self.draft)
        return data

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK, source: str = "session"
    ) -> Session:
        r = _Reader(data, source)
        schema = r.get("schema", int)
        if schema not in READABLE_SCHEMAS:
            readable = ", ".join(map(str, READABLE_SCHEMAS))
            raise SessionError(
                source, f"schema: {schema} is not supported (this amk reads {readable})"
            )
        program = _program_from(r.get("program", list), source)
        status = r.get("status", str)
        if status not in STATUSES:
            raise SessionError(source, f"status: {status!r} is not one of {', '.join(STATUSES)}")
        variant = r.get("variant", int, 1)
        if variant not in (1, 2):
            raise SessionError(source, f"variant: {variant} must be 1 or 2")
        session = cls(
            amg=r.get("amg", str),
            program=program,
            date=r.get("date", dt.date),
            unit=r.get("unit", str, ""),
            facilitator=r.get("facilitator", str, ""),
            language=r.get("language", str, "da"),
            variant=variant,
            status=status,
            id=r.get("id", str, ""),
            clock=clock,
            revealed=r.get("revealed", bool, True),
            previous=r.get("previous", str, ""),
            amg_id=r.get("amg_id", str, ""),
            place=r.get("place", str, ""),
            referent=r.get("referent", str, ""),
            next_assessment=r.get("next_assessment", dt.date, None),
        )
        session.participants = [
            _participants_from(p, i, source) for i, p in enumerate(r.get("participants", list, []))
        ]
        session.decisions = _text_list(r.get("decisions", list, []), "decisions", source)
        session.view = _view_from(r.get("view", dict, {}), source)
        try:
            session.agenda = Agenda.from_dict(program, r.get("timing", dict, {}), clock)
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            raise SessionError(source, f"timing: {exc}") from None
        cursor = r.get("cursor", dict, {})
        session.cursor = {str(k): v for k, v in cursor.items() if isinstance(v, int)}
        session.groups = [
            _group_from(g, i, source) for i, g in enumerate(r.get("groups", list, []))
        ]
        notes = r.get("notes", dict, {})
        for key, text in notes.items():
            if not isinstance(text, str):
                raise SessionError(source, f"notes.{key}: must be text")
        session.notes = dict(notes)
        session.priorities = _factor_list(r.get("priorities", list, []), source)
        session.more_of = _text_list(r.get("more_of", list, []), "more_of", source)
        session.less_of = _text_list(r.get("less_of", list, []), "less_of", source)
        session.actions = [
            _action_from(a, i, source) for i, a in enumerate(r.get("actions", list, []))
        ]
        draft = r.get("draft", dict, {})
        session.draft = {str(k): v for k, v in draft.items() if isinstance(v, str)}
        session.extra = r.unknown()
        return session


# -- helpers: reading with clear messages -------------------------------------------------
_KNOWN = {
    "schema",
    "id",
    "status",
    "amg",
    "unit",
    "facilitator",
    "date",
    "language",
    "variant",
    "revealed",
    "previous",
    "program",
    "timing",
    "cursor",
    "groups",
    "notes",
    "priorities",
    "more_of",
    "less_of",
    "actions",
    "draft",
    "amg_id",
    "place",
    "referent",
    "participants",
    "decisions",
    "next_assessment",
    "view",
}
_MISSING: Any = object()


class _Reader:
    """Typed access to a table; every problem is a SessionError naming the key."""

    def __init__(self, data: dict[str, Any], source: str, prefix: str = "") -> None:
        if not isinstance(data, dict):
            raise SessionError(source, f"{prefix or 'file'}: must be a table")
        self.data = data
        self.source = source
        self.prefix = prefix

    def get(self, key: str, kind: type, default: Any = _MISSING) -> Any:
        name = f"{self.prefix}{key}"
        if key not in self.data:
            if default is _MISSING:
                raise SessionError(self.source, f"{name}: missing")
            return default
        value = self.data[key]
        ok = isinstance(value, kind)
        if kind is int and isinstance(value, bool):
            ok = False
        if kind is dt.date and isinstance(value, dt.datetime):
            value = value.date()
        if not ok:
            raise SessionError(self.source, f"{name}: expected {_kind_name(kind)}")
        return value

    def unknown(self) -> dict[str, Any]:
        return {k: v for k, v in self.data.items() if k not in _KNOWN}


def _kind_name(kind: type) -> str:
    names = {
        str: "text",
        int: "a whole number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
        dt.date: "a date (YYYY-MM-DD)",
        float: "a number",
    }
    return names.get(kind, kind.__name__)


def _phase_to_dict(p: Phase) -> dict[str, Any]:
    data: dict[str, Any] = {"id": p.id, "kind": p.kind, "minutes": p.minutes}
    if p.title:
        data["title"] = p.title
    if p.rounds:
        data["rounds"] = [
            {"id": r.id, "kind": r.kind, "minutes": r.minutes}
            | ({"title": r.title} if r.title else {})
            for r in p.rounds
        ]
    return data


def _minutes(value: Any, name: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise SessionError(source, f"{name}: must be a positive number of minutes")
    return float(value)


def _program_from(items: list[Any], source: str) -> Program:
    if not items:
        raise SessionError(source, "program: empty")
    phases = []
    for i, item in enumerate(items):
        r = _Reader(item, source, f"program[{i}].")
        kind = r.get("kind", str)
        if kind not in PHASE_KINDS:
            raise SessionError(source, f"program[{i}].kind: unknown kind {kind!r}")
        rounds = []
        for j, ritem in enumerate(r.get("rounds", list, [])):
            rr = _Reader(ritem, source, f"program[{i}].rounds[{j}].")
            rkind = rr.get("kind", str)
            if rkind not in ROUND_KINDS:
                raise SessionError(source, f"program[{i}].rounds[{j}].kind: unknown {rkind!r}")
            rounds.append(
                Round(
                    rr.get("id", str),
                    rkind,
                    _minutes(rr.get("minutes", object), f"program[{i}].rounds[{j}]", source),
                    rr.get("title", str, ""),
                )
            )
        phases.append(
            Phase(
                r.get("id", str),
                kind,
                _minutes(r.get("minutes", object), f"program[{i}].minutes", source),
                r.get("title", str, ""),
                tuple(rounds),
            )
        )
    return Program(tuple(phases))


def _group_to_dict(g: Group) -> dict[str, Any]:
    data: dict[str, Any] = dict(g.extra)
    data.update(name=g.name, letter=g.letter, scores=dict(g.scores))
    if g.rows:
        data["rows"] = [format_row(row) for row in g.rows]
    return data


_GROUP_KEYS = frozenset({"name", "letter", "scores", "rows"})


def _group_from(item: Any, index: int, source: str) -> Group:
    r = _Reader(item, source, f"groups[{index}].")
    group = Group(
        name=r.get("name", str),
        letter=r.get("letter", str, letter_for(index)),
    )
    for factor, value in r.get("scores", dict, {}).items():
        if factor not in FACTOR_IDS:
            raise SessionError(source, f"groups[{index}].scores.{factor}: unknown factor")
        if not valid_score(value):
            raise SessionError(
                source, f"groups[{index}].scores.{factor}: {value!r} is not a score 1–5"
            )
        group.scores[factor] = value
    for j, row in enumerate(r.get("rows", list, [])):
        try:
            group.rows.append(parse_row(str(row)))
        except ValueError as exc:
            raise SessionError(source, f"groups[{index}].rows[{j}]: {exc}") from None
    group.extra = {k: v for k, v in item.items() if k not in _GROUP_KEYS}
    return group


def _factor_list(items: list[Any], source: str) -> list[str]:
    for i, item in enumerate(items):
        if item not in FACTOR_IDS:
            raise SessionError(source, f"priorities[{i}]: {item!r} is not a factor id")
    if len(items) > MAX_PRIORITIES:
        raise SessionError(source, f"priorities: at most {MAX_PRIORITIES}")
    return list(items)


def _text_list(items: list[Any], name: str, source: str) -> list[str]:
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise SessionError(source, f"{name}[{i}]: must be text")
    return list(items)


def _action_from(item: Any, index: int, source: str) -> Action:
    r = _Reader(item, source, f"actions[{index}].")
    status = r.get("status", str, "open")
    if status not in ACTION_STATUSES:
        raise SessionError(source, f"actions[{index}].status: {status!r} is not a status")
    known = {"what", "owner", "deadline", "followup", "status", "origin"}
    return Action(
        what=r.get("what", str),
        owner=r.get("owner", str, ""),
        deadline=r.get("deadline", dt.date, None),
        followup=r.get("followup", dt.date, None),
        status=status,
        origin=r.get("origin", str, ""),
        extra={k: v for k, v in item.items() if k not in known},
    )


def _participants_from(item: Any, index: int, source: str) -> Participants:
    r = _Reader(item, source, f"participants[{index}].")
    role = r.get("role", str)
    if role not in PARTICIPANT_ROLES:
        raise SessionError(source, f"participants[{index}].role: {role!r} is not a role")
    count = r.get("count", int, 0)
    if not 0 <= count <= 999:
        raise SessionError(source, f"participants[{index}].count: {count} is not 0–999")
    return Participants(role, count, r.get("names", str, ""))


def _view_from(item: dict[str, Any], source: str) -> RoomView:
    r = _Reader(item, source, "view.")
    chart = r.get("chart", str, "radar")
    if chart not in CHART_KINDS:
        raise SessionError(source, f"view.chart: {chart!r} is not one of {', '.join(CHART_KINDS)}")
    return RoomView(
        blank=r.get("blank", bool, False),
        notes_hidden=r.get("notes_hidden", bool, False),
        chart=chart,
    )

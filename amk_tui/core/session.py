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
from amk_tui.core.fields import MAX_DEPTH, Fields, depth, follow_layout
from amk_tui.core.program import Agenda, Program, ProgramError, parse_program, program_to_list
from amk_tui.core.scores import (
    FACTOR_IDS,
    MAX_GROUPS,
    Group,
    format_row,
    letter_for,
    parse_row,
    valid_score,
)
from amk_tui.core.text import clip, echo, one_line

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
LANGUAGES: tuple[str, ...] = ("da", "en")
"""The languages amk has content for (config.toml and session files name one of them)."""
MAX_NAME = 120
"""Characters of a name typed for a new workshop or group (AMG, unit, facilitator, group):
longer ones are cut. Screens show names cut further where space is short."""
MAX_STORED_NAME = 1_000
"""Characters of a name read from a file; a longer one is cut on load (`Session.trimmed`)."""
MAX_STORED_LINE = 4_000
"""Characters of an action's text, a decision or a more-of/less-of item read from a file."""
MAX_ROWS = 200
"""Individual rows ("hver især") per group."""
MAX_ITEMS = 500
"""Actions, decisions, notes, list items and cursor entries per session."""


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
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Unknown keys from the file, written back unchanged."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(role=self.role, count=self.count)
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
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Unknown keys from the file, written back unchanged."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(blank=self.blank, notes_hidden=self.notes_hidden, chart=self.chart)
        return data


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
    kept: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    """Entries of `cursor` and `draft` this amk can't use (not a position, not text), as read:
    written back unchanged."""
    layout: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The file as read: saving writes every table's keys in this order again."""
    trimmed: list[str] = field(default_factory=list, compare=False, repr=False)
    """Keys whose text was longer than a file may hold and was cut on load (`amg`,
    `groups[1].name`); empty normally. The next save writes the cut text: say so."""

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
        name = clip(name.strip(), MAX_NAME) or default_name.format(letter=letter)
        group = Group(name=name, letter=letter)
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

        kind `priorities` keeps up to three factor ids, `more`/`less`/`decisions` the lists,
        anything else is a note.
        """
        if kind == "priorities":
            chosen = [v for v in values if v in FACTOR_IDS][:MAX_PRIORITIES]
            changed, self.priorities = chosen != self.priorities, chosen
        elif kind == "decisions":
            changed = list(values) != self.decisions
            self.decisions = list(values)
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
            program=program_to_list(self.program),
            timing=self.agenda.to_dict(),
            cursor=self.kept.get("cursor", {}) | self.cursor,
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
        draft = self.kept.get("draft", {}) | self.draft
        if draft:
            data["draft"] = draft
        return follow_layout(data, self.layout) if self.layout else data

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK, source: str = "session"
    ) -> Session:
        """A session from a file's TOML data; raises SessionError naming the key at fault.

        Every number is finite and bounded, every list has a sane length, names have a
        length limit and unknown keys at any level are kept for writing back.
        """
        if depth(data) > MAX_DEPTH:
            raise SessionError(source, f"tables nested more than {MAX_DEPTH} levels deep")
        r = Fields(data, source)
        schema = r.get("schema", int)
        if schema not in READABLE_SCHEMAS:
            readable = ", ".join(map(str, READABLE_SCHEMAS))
            raise r.fail("schema", f"{schema} is not supported (this amk reads {readable})")
        try:
            program = parse_program(r.get("program", list), "program", strict=False)
        except ProgramError as exc:
            raise SessionError(source, str(exc)) from None
        name = MAX_STORED_NAME
        session = cls(
            amg=r.text("amg", name),
            program=program,
            date=r.get("date", dt.date),
            unit=r.text("unit", name, ""),
            facilitator=r.text("facilitator", name, ""),
            language=r.choice("language", LANGUAGES, "da"),
            variant=r.choice("variant", (1, 2), 1),
            status=r.choice("status", STATUSES),
            id=r.text("id", name, ""),
            clock=clock,
            revealed=r.get("revealed", bool, True),
            previous=r.text("previous", name, ""),
            amg_id=r.text("amg_id", name, ""),
            place=r.text("place", name, ""),
            referent=r.text("referent", name, ""),
            next_assessment=r.get("next_assessment", dt.date, None),
        )
        roles = r.table_list("participants", len(PARTICIPANT_ROLES) * 4)
        session.participants = [_participants_from(r, p, i) for i, p in enumerate(roles)]
        session.decisions = _text_list(r, "decisions")
        session.view = _view_from(r.get("view", dict, {}), source)
        try:
            session.agenda = Agenda.from_dict(program, r.get("timing", dict, {}), clock)
        except ValueError as exc:
            raise r.fail("timing", str(exc)) from None
        session.cursor, kept_cursor = _cursor_from(r)
        groups = r.table_list("groups", MAX_GROUPS)
        session.groups = [_group_from(r, g, i) for i, g in enumerate(groups)]
        _check_letters(session.groups, source)
        session.notes = _notes_from(r)
        session.priorities = _factor_list(r.get("priorities", list, []), source)
        session.more_of = _text_list(r, "more_of")
        session.less_of = _text_list(r, "less_of")
        actions = r.table_list("actions", MAX_ITEMS)
        session.actions = [_action_from(r, a, i) for i, a in enumerate(actions)]
        draft = r.get("draft", dict, {})
        session.draft = {k: v for k, v in draft.items() if isinstance(v, str)}
        kept_draft = {k: v for k, v in draft.items() if not isinstance(v, str)}
        session.kept = {k: v for k, v in (("cursor", kept_cursor), ("draft", kept_draft)) if v}
        session.extra = r.unknown(_KNOWN)
        session.layout = data
        session.trimmed = r.cut
        return session


# -- helpers: reading with clear messages -------------------------------------------------
_KNOWN = frozenset(
    {
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
)


def _group_to_dict(g: Group) -> dict[str, Any]:
    data: dict[str, Any] = dict(g.extra)
    data.update(name=g.name, letter=g.letter, scores=dict(g.scores))
    if g.rows:
        data["rows"] = [format_row(row) for row in g.rows]
    return data


_GROUP_KEYS = frozenset({"name", "letter", "scores", "rows"})
LETTERS = tuple(letter_for(i) for i in range(26))
"""What a group's letter may be: one of A–Z."""


def _group_from(parent: Fields, item: Any, index: int) -> Group:
    r = parent.child(item, f"groups[{index}].")
    letter = r.get("letter", str, "")
    if letter and letter not in LETTERS:
        raise r.fail("letter", f"{echo(letter)}: must be one letter A–Z")
    group = Group(name=r.text("name", MAX_STORED_NAME), letter=letter)
    for factor, value in r.get("scores", dict, {}).items():
        if factor not in FACTOR_IDS:
            raise r.fail(f"scores.{one_line(factor, 40)}", "unknown factor")
        if not valid_score(value):
            raise r.fail(f"scores.{factor}", f"{echo(value)} is not a score 1–5")
        group.scores[factor] = value
    rows = r.get("rows", list, [])
    if len(rows) > MAX_ROWS:
        raise r.fail("rows", f"{len(rows)} rows, at most {MAX_ROWS}")
    for j, row in enumerate(rows):
        if not isinstance(row, str):
            raise r.fail(f"rows[{j}]", 'expected text like "32-332"')
        try:
            group.rows.append(parse_row(row))
        except ValueError as exc:
            raise r.fail(f"rows[{j}]", str(exc)) from None
    group.extra = r.unknown(_GROUP_KEYS)
    return group


def _check_letters(groups: list[Group], source: str) -> None:
    """Each letter once; a group without one gets the first letter no group has."""
    seen: set[str] = set()
    for i, group in enumerate(groups):
        if group.letter and group.letter in seen:
            raise SessionError(source, f"groups[{i}].letter: {group.letter} is used twice")
        seen.add(group.letter)
    free = (letter for letter in LETTERS if letter not in seen)
    for group in groups:
        if not group.letter:
            group.letter = next(free)


def _cursor_from(r: Fields) -> tuple[dict[str, int], dict[str, Any]]:
    """Positions per step; entries that are no position are kept aside as they were."""
    cursor = r.get("cursor", dict, {})
    if len(cursor) > MAX_ITEMS:
        raise r.fail("cursor", f"{len(cursor)} entries, at most {MAX_ITEMS}")
    usable = {
        k: v
        for k, v in cursor.items()
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_ITEMS
    }
    return usable, {k: v for k, v in cursor.items() if k not in usable}


def _notes_from(r: Fields) -> dict[str, str]:
    notes: dict[str, Any] = r.get("notes", dict, {})
    if len(notes) > MAX_ITEMS:
        raise r.fail("notes", f"{len(notes)} entries, at most {MAX_ITEMS}")
    for key, text in notes.items():
        if not isinstance(text, str):
            raise r.fail(f"notes.{one_line(key, 40)}", "must be text")
    return dict(notes)


def _factor_list(items: list[Any], source: str) -> list[str]:
    for i, item in enumerate(items):
        if item not in FACTOR_IDS:
            raise SessionError(source, f"priorities[{i}]: {echo(item)} is not a factor id")
    if len(items) > MAX_PRIORITIES:
        raise SessionError(source, f"priorities: at most {MAX_PRIORITIES}")
    return list(items)


def _text_list(r: Fields, key: str) -> list[str]:
    items = r.table_list(key, MAX_ITEMS)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise r.fail(f"{key}[{i}]", "must be text")
    return [r.cut_to(item, f"{key}[{i}]", MAX_STORED_LINE) for i, item in enumerate(items)]


_ACTION_KEYS = frozenset({"what", "owner", "deadline", "followup", "status", "origin"})


def _action_from(parent: Fields, item: Any, index: int) -> Action:
    r = parent.child(item, f"actions[{index}].")
    return Action(
        what=r.text("what", MAX_STORED_LINE),
        owner=r.text("owner", MAX_STORED_NAME, ""),
        deadline=r.get("deadline", dt.date, None),
        followup=r.get("followup", dt.date, None),
        status=r.choice("status", ACTION_STATUSES, "open"),
        origin=r.text("origin", MAX_STORED_NAME, ""),
        extra=r.unknown(_ACTION_KEYS),
    )


def _participants_from(parent: Fields, item: Any, index: int) -> Participants:
    r = parent.child(item, f"participants[{index}].")
    role = r.choice("role", PARTICIPANT_ROLES)
    count = r.get("count", int, 0)
    if not 0 <= count <= 999:
        raise r.fail("count", f"{count} is not 0–999")
    names = r.text("names", MAX_STORED_LINE, "")
    return Participants(role, count, names, extra=r.unknown({"role", "count", "names"}))


def _view_from(item: dict[str, Any], source: str) -> RoomView:
    r = Fields(item, source, "view.")
    return RoomView(
        blank=r.get("blank", bool, False),
        notes_hidden=r.get("notes_hidden", bool, False),
        chart=r.choice("chart", CHART_KINDS, "radar"),
        extra=r.unknown({"blank", "notes_hidden", "chart"}),
    )

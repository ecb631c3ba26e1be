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
  Since 2026-12, `[[followup]]`: last time's open actions as this workshop followed them up
  (earlier versions wrote the statuses back into last time's file; such files keep loading).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from amk_tui.core.agenda import Agenda
from amk_tui.core.clock import SYSTEM_CLOCK, Clock
from amk_tui.core.fields import follow_layout
from amk_tui.core.limits import (
    MAX_ITEMS,
    MAX_NAME,
    MAX_PRIORITIES,
    MAX_ROWS,
    MAX_STORED_LINE,
    MAX_STORED_NAME,
)
from amk_tui.core.program import Program, program_to_list
from amk_tui.core.records import (
    ACTION_STATUSES,
    CHART_KINDS,
    PARTICIPANT_ROLES,
    Action,
    ActionStatus,
    FollowUp,
    Minutes,
    Participants,
    RoomView,
)
from amk_tui.core.scores import (
    FACTOR_IDS,
    MAX_GROUPS,
    Group,
    format_row,
    letter_for,
)
from amk_tui.core.session_read import LANGUAGES, READABLE_SCHEMAS
from amk_tui.core.text import clip

__all__ = [
    "ACTION_STATUSES",
    "CHART_KINDS",
    "LANGUAGES",
    "MAX_ITEMS",
    "MAX_NAME",
    "MAX_PRIORITIES",
    "MAX_ROWS",
    "MAX_STORED_LINE",
    "MAX_STORED_NAME",
    "PARTICIPANT_ROLES",
    "READABLE_SCHEMAS",
    "SCHEMA",
    "Action",
    "ActionStatus",
    "FollowUp",
    "Minutes",
    "Participants",
    "RoomView",
    "Session",
    "amg_key",
]

SCHEMA = 2
"""The schema this version writes."""
Status = Literal["in-progress", "finished"]
STATUSES: tuple[Status, ...] = ("in-progress", "finished")


def amg_key(name: str) -> str:
    """An AMG's identity however its name is typed: case, spaces and punctuation folded.

    `"AMG  Tendens "`, `"amg tendens"` and `"AMG-Tendens"` are one AMG: `"amg-tendens"`.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


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
    followups: list[FollowUp] = field(default_factory=list)
    """Last time's open actions as this workshop followed them up (that file stays as it
    was filed: the follow-up is recorded here)."""
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
    minutes: Minutes = field(default_factory=Minutes)
    """The referat's own lines (time, agenda item, names, next meeting …), asked at finish."""
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
        if minutes := self.minutes.to_dict():
            data["minutes"] = minutes
        if self.followups:
            data["followup"] = [f.to_dict() for f in self.followups]
        draft = self.kept.get("draft", {}) | self.draft
        if draft:
            data["draft"] = draft
        return follow_layout(data, self.layout) if self.layout else data

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], clock: Clock = SYSTEM_CLOCK, source: str = "session"
    ) -> Session:
        """A session from a file's TOML data; raises SessionError naming the key at fault
        (`session_read`)."""
        from amk_tui.core.session_read import read_session

        return read_session(cls, data, clock, source)


def _group_to_dict(g: Group) -> dict[str, Any]:
    from amk_tui.core.tally import tally_of

    data: dict[str, Any] = dict(g.extra)
    data.update(name=g.name, letter=g.letter, scores=dict(g.scores))
    if g.rows and g.tallied:  # only how many slips said what, per factor
        data["slips"] = len(g.rows)
        data["tally"] = tally_of(g.rows)
    elif g.rows:  # sorted: the order typed is often the seating order, and says who wrote what
        data["rows"] = sorted(format_row(row) for row in g.rows)
    return data

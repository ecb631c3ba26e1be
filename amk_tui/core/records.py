"""The small records a session holds besides its groups: who took part, what the room's
window shows, and the action plan's lines; each reads itself from a file's table with the
key at fault named, and keeps unknown keys for writing back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from amk_tui.core.fields import Fields
from amk_tui.core.limits import MAX_ITEMS, MAX_STORED_LINE, MAX_STORED_NAME

ActionStatus = Literal["open", "in-progress", "done", "dropped"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in-progress", "done", "dropped")
PARTICIPANT_ROLES = ("leder", "amr", "medarbejder", "andre")
"""Who was there, by role (a referat names roles and counts; names only if typed)."""
CHART_KINDS = ("radar", "bars")


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


MINUTES_TEXTS = ("time", "agenda_item", "purpose", "attendees", "absent", "approval")
"""The referat's own lines, as typed at finish (each optional)."""


@dataclass
class Minutes:
    """What an AMG's referat needs besides the workshop itself, asked at finish and printed
    only when given: the time (kl. fra–til), the item on the AMG meeting's agenda and its
    purpose, who was there and who sent apologies (names), the next AMG meeting, and how the
    referat is approved."""

    time: str = ""
    agenda_item: str = ""
    purpose: str = ""
    attendees: str = ""
    absent: str = ""
    approval: str = ""
    next_meeting: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Unknown keys from the file, written back unchanged."""

    def __bool__(self) -> bool:
        return self.next_meeting is not None or any(getattr(self, k) for k in MINUTES_TEXTS)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update({k: v for k in MINUTES_TEXTS if (v := getattr(self, k))})
        if self.next_meeting is not None:
            data["next_meeting"] = self.next_meeting
        return data


def minutes_from(item: dict[str, Any], source: str) -> Minutes:
    r = Fields(item, source, "minutes.")
    texts = {k: r.text(k, MAX_STORED_LINE, "") for k in MINUTES_TEXTS}
    return Minutes(
        **texts,
        next_meeting=r.get("next_meeting", dt.date, None),
        extra=r.unknown({*MINUTES_TEXTS, "next_meeting"}),
    )


@dataclass
class RoomView:
    """What the room's screen shows besides the program's position (the facilitator's keys)."""

    blank: bool = False
    """`b`: the room's screen is black."""
    notes_hidden: bool = False
    """The notes being typed are kept off the room's screen."""
    chart: str = "radar"
    """`radar` or `bars`."""
    series: str = "all"
    """`v`: the chart shows all groups (`all`), their `mean`, or one group's letter."""
    overlay: bool = True
    """`o`: last time's mean is drawn under the groups (when there was a last time)."""
    followup: list[str] = field(default_factory=list)
    """While last time's open actions are followed up (before the program starts): each
    one's mark so far (`FOLLOWUP_MARKS`), so the AMG reviews its plan together on the room."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Unknown keys from the file, written back unchanged."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(blank=self.blank, notes_hidden=self.notes_hidden, chart=self.chart)
        data.update(series=self.series, overlay=self.overlay)
        if self.followup:
            data["followup"] = list(self.followup)
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


FOLLOWUP_MARKS: tuple[str, ...] = ("done", "in-progress", "dropped", "carry")
"""How last time's open action is followed up: done, in progress (carried on), dropped, or
carried on unchanged."""


@dataclass
class FollowUp:
    """Last time's open action as this workshop followed it up (the earlier workshop's file
    is a record and never changes: the follow-up lives here)."""

    session: str
    """The earlier workshop's id (its file's stem)."""
    what: str
    owner: str = ""
    deadline: dt.date | None = None
    mark: str = "done"
    """One of FOLLOWUP_MARKS; `in-progress` and `carry` carry the action into this plan."""
    comment: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Unknown keys from the file, written back unchanged."""

    @property
    def carried(self) -> bool:
        return self.mark in ("in-progress", "carry")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(session=self.session, what=self.what, owner=self.owner, mark=self.mark)
        if self.deadline:
            data["deadline"] = self.deadline
        if self.comment:
            data["comment"] = self.comment
        return data


_FOLLOWUP_KEYS = frozenset({"session", "what", "owner", "deadline", "mark", "comment"})


def followup_from(parent: Fields, item: Any, index: int) -> FollowUp:
    r = parent.child(item, f"followup[{index}].")
    return FollowUp(
        session=r.text("session", MAX_STORED_NAME),
        what=r.text("what", MAX_STORED_LINE),
        owner=r.text("owner", MAX_STORED_NAME, ""),
        deadline=r.get("deadline", dt.date, None),
        mark=r.choice("mark", FOLLOWUP_MARKS),
        comment=r.text("comment", MAX_STORED_LINE, ""),
        extra=r.unknown(_FOLLOWUP_KEYS),
    )


_ACTION_KEYS = frozenset({"what", "owner", "deadline", "followup", "status", "origin"})


def action_from(parent: Fields, item: Any, index: int) -> Action:
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


def participants_from(parent: Fields, item: Any, index: int) -> Participants:
    r = parent.child(item, f"participants[{index}].")
    role = r.choice("role", PARTICIPANT_ROLES)
    count = r.get("count", int, 0)
    if not 0 <= count <= 999:
        raise r.fail("count", f"{count} is not 0–999")
    names = r.text("names", MAX_STORED_LINE, "")
    return Participants(role, count, names, extra=r.unknown({"role", "count", "names"}))


def is_series(value: str) -> bool:
    """`all`, `mean`, or a group's letter (A–Z)."""
    return value in ("all", "mean") or (len(value) == 1 and "A" <= value <= "Z")


def view_from(item: dict[str, Any], source: str) -> RoomView:
    r = Fields(item, source, "view.")
    series = r.text("series", MAX_STORED_NAME, "all")
    if not is_series(series):
        raise r.fail("series", "must be all, mean or a group's letter")
    return RoomView(
        blank=r.get("blank", bool, False),
        notes_hidden=r.get("notes_hidden", bool, False),
        chart=r.choice("chart", CHART_KINDS, "radar"),
        series=series,
        overlay=r.get("overlay", bool, True),
        followup=_marks(r),
        extra=r.unknown({"blank", "notes_hidden", "chart", "series", "overlay", "followup"}),
    )


def _marks(r: Fields) -> list[str]:
    marks = r.get("followup", list, [])
    if len(marks) > MAX_ITEMS or any(m not in FOLLOWUP_MARKS for m in marks):
        raise r.fail("followup", f"must be marks: {', '.join(FOLLOWUP_MARKS)}")
    return list(marks)

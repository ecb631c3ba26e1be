"""Reading a session file's data: every field checked, the key at fault named.

`Session.from_dict()` calls `read_session()`. Every number is finite and bounded, every list
has a sane length, names have a length limit, and unknown keys at any level are kept for
writing back (`extra`, `kept`, `layout`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from amk_tui.core.agenda import Agenda
from amk_tui.core.clock import Clock
from amk_tui.core.errors import SessionError
from amk_tui.core.fields import MAX_DEPTH, Fields, depth
from amk_tui.core.limits import (
    MAX_ITEMS,
    MAX_PRIORITIES,
    MAX_ROWS,
    MAX_STORED_LINE,
    MAX_STORED_NAME,
)
from amk_tui.core.program import ProgramError, parse_program
from amk_tui.core.records import (
    PARTICIPANT_ROLES,
    action_from,
    followup_from,
    minutes_from,
    participants_from,
    view_from,
)
from amk_tui.core.scores import FACTOR_IDS, MAX_GROUPS, Group, letter_for, parse_row, valid_score
from amk_tui.core.text import echo, one_line

if TYPE_CHECKING:
    from amk_tui.core.session import Session

READABLE_SCHEMAS = (1, 2)
"""Schemas this version reads."""
STATUSES = ("in-progress", "finished")
LANGUAGES: tuple[str, ...] = ("da", "en")
"""The languages amk has content for (config.toml and session files name one of them)."""


def read_session(cls: type[Session], data: dict[str, Any], clock: Clock, source: str) -> Session:
    """A session from a file's TOML data; raises SessionError naming the key at fault."""
    if depth(data) > MAX_DEPTH:
        raise SessionError(source, f"tables nested more than {MAX_DEPTH} levels deep")
    r = Fields(data, source)
    schema = r.get("schema", int)
    if schema not in READABLE_SCHEMAS:
        readable = ", ".join(map(str, READABLE_SCHEMAS))
        raise r.fail("schema", f"{schema} is not supported (this amk reads {readable})")
    session = _header(cls, r, clock)
    _read_records(session, r)
    session.extra = r.unknown(_KNOWN)
    session.layout = data
    session.trimmed = r.cut
    return session


def _header(cls: type[Session], r: Fields, clock: Clock) -> Session:
    """The session's own fields, its program and its timing."""
    try:
        program = parse_program(r.get("program", list), "program", strict=False)
    except ProgramError as exc:
        raise SessionError(r.source, str(exc)) from None
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
    try:
        session.agenda = Agenda.from_dict(program, r.get("timing", dict, {}), clock)
    except ValueError as exc:
        raise r.fail("timing", str(exc)) from None
    return session


def _read_records(session: Session, r: Fields) -> None:
    """Groups, notes, lists, actions, participants, the room's view and the drafts."""
    roles = r.table_list("participants", len(PARTICIPANT_ROLES) * 4)
    session.participants = [participants_from(r, p, i) for i, p in enumerate(roles)]
    session.decisions = _text_list(r, "decisions")
    session.view = view_from(r.get("view", dict, {}), r.source)
    session.minutes = minutes_from(r.get("minutes", dict, {}), r.source)
    session.cursor, kept_cursor = _cursor_from(r)
    groups = r.table_list("groups", MAX_GROUPS)
    session.groups = [_group_from(r, g, i) for i, g in enumerate(groups)]
    _check_letters(session.groups, r.source)
    session.notes = _notes_from(r)
    session.priorities = _factor_list(r.get("priorities", list, []), r.source)
    session.more_of = _text_list(r, "more_of")
    session.less_of = _text_list(r, "less_of")
    actions = r.table_list("actions", MAX_ITEMS)
    session.actions = [action_from(r, a, i) for i, a in enumerate(actions)]
    followed = r.table_list("followup", MAX_ITEMS)
    session.followups = [followup_from(r, f, i) for i, f in enumerate(followed)]
    draft = r.get("draft", dict, {})
    session.draft = {k: v for k, v in draft.items() if isinstance(v, str)}
    kept_draft = {k: v for k, v in draft.items() if not isinstance(v, str)}
    session.kept = {k: v for k, v in (("cursor", kept_cursor), ("draft", kept_draft)) if v}


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
        "followup",
        "draft",
        "amg_id",
        "place",
        "referent",
        "participants",
        "decisions",
        "next_assessment",
        "view",
        "minutes",
    }
)


_GROUP_KEYS = frozenset({"name", "letter", "scores", "rows", "slips", "tally"})
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
    if "tally" in r.data or "slips" in r.data:
        if rows:
            raise r.fail("tally", "a group has either rows or a tally, not both")
        group.rows, group.tallied = _tally_rows(r), True
    group.extra = r.unknown(_GROUP_KEYS)
    return group


def _tally_rows(r: Fields) -> list[tuple[int | None, ...]]:
    """A tally (`core.tally`): `slips = N` and per factor the counts of the scores 1–5."""
    from amk_tui.core.tally import rows_from

    slips = r.get("slips", int, 0)
    if isinstance(slips, bool) or not 0 <= slips <= MAX_ROWS:
        raise r.fail("slips", f"{echo(slips)} is not 0–{MAX_ROWS}")
    tally = r.get("tally", dict, {})
    counts: dict[str, list[int]] = {}
    for factor, values in tally.items():
        if factor not in FACTOR_IDS:
            raise r.fail(f"tally.{one_line(factor, 40)}", "unknown factor")
        ok = isinstance(values, list) and len(values) == 5
        if not ok or any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in values):
            raise r.fail(f"tally.{factor}", "expected five counts, for the scores 1 to 5")
        if sum(values) > slips:
            raise r.fail(f"tally.{factor}", f"{sum(values)} values from {slips} slips")
        counts[factor] = list(values)
    return rows_from(counts, slips)


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
    """Positions per step; entries that are no position are kept aside as they were.
    `-1` (written by versions before 2026-12 on stepping back into a step) is its last item."""
    cursor = r.get("cursor", dict, {})
    if len(cursor) > MAX_ITEMS:
        raise r.fail("cursor", f"{len(cursor)} entries, at most {MAX_ITEMS}")
    usable = {
        k: v
        for k, v in cursor.items()
        if isinstance(v, int) and not isinstance(v, bool) and -1 <= v <= MAX_ITEMS
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

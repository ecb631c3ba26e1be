"""Building the `Referat` from a session: the privacy rules of `model.py` applied once.

`build_referat(session, content, previous, options)` is the one way into a `Referat`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from amk_tui.config.content import Content
from amk_tui.core.flow import SHARE_ID
from amk_tui.core.records import Minutes
from amk_tui.core.scores import Group, factor_stats
from amk_tui.core.session import Action, Session
from amk_tui.core.trend import Trend
from amk_tui.reports.model import (
    TREND_FROM,
    ActionLine,
    Answer,
    Attendance,
    Change,
    Column,
    Individual,
    Options,
    PhaseTime,
    Referat,
    ScoreRow,
    answered,
    cell,
    clean,
    one_line,
    safe_letter,
    shown_stats,
)
from amk_tui.reports.words import Words


def build_referat(
    session: Session,
    content: Content,
    previous: Session | None,
    options: Options,
    trend: Trend | None = None,
) -> Referat:
    """The referat of `session` (and what changed since `previous`) as `options` allow;
    `trend` (the AMG's workshops, this one included) from `TREND_FROM` workshops on."""
    notes = options.notes
    columns = tuple(
        Column(safe_letter(g, i), _group_name(g, safe_letter(g, i)) if notes else "", i)
        for i, g in enumerate(session.groups)
    )
    previous_has = previous is not None and bool(previous.actions)
    return Referat(
        options=options,
        words=Words(content),
        amg=one_line(session.amg),
        unit=one_line(session.unit),
        place=one_line(session.place),
        date=session.date,
        finished=session.finished,
        variant=session.variant,
        facilitator=one_line(session.facilitator) if notes else "",
        referent=one_line(session.referent) if notes else "",
        participants=tuple(
            Attendance(p.role, p.count, one_line(p.names) if notes else "")
            for p in session.participants
        ),
        columns=columns,
        scores=_scores(session, content),
        individuals=_individuals(session, content, columns),
        previous_date=previous.date if previous is not None else None,
        change=_change(session, content, previous),
        minutes=_minutes(session, notes),
        previous_variant=previous.variant if previous is not None else None,
        previous_groups=_scored(previous) if previous is not None else None,
        dialogue=_answers(session, content, notes, dialogue=True),
        wrapup=_answers(session, content, notes, dialogue=False),
        other_notes=_other_notes(session, content) if notes else (),
        priorities=tuple(content.factor(f) for f in session.priorities),
        decisions=_items(session.decisions) if notes else (),
        decision_count=len(_items(session.decisions)),
        actions=_action_lines(session.actions, notes),  # as on screen: carried-over ones too
        followups=_followup_lines(session, previous, notes),
        followup_date=_followup_date(session, previous, previous_has),
        next_assessment=session.next_assessment,
        timing=_timing(session, content) if options.timing else (),
        trend=trend if trend is not None and len(trend.visits) >= TREND_FROM else None,
    )


def _group_name(group: Group, letter: str) -> str:
    name = one_line(group.name)
    return "" if name in ("", letter, group.letter) else name


def _scores(session: Session, content: Content) -> tuple[ScoreRow, ...]:
    stats = shown_stats(session.groups)
    return tuple(
        ScoreRow(f, tuple(cell(g, f.id) for g in session.groups), stats[f.id])
        for f in content.factors
    )


def _individuals(
    session: Session, content: Content, columns: tuple[Column, ...]
) -> tuple[Individual, ...]:
    out = []
    for group, column in zip(session.groups, columns, strict=True):
        if not group.rows:
            continue
        rows = tuple(
            (
                f,
                answered(factor_stats((float(v) for v in group.row_values(f.id)), f.id)),
            )
            for f in content.factors
        )
        out.append(Individual(column, len(group.rows), rows))
    return tuple(out)


def _change(session: Session, content: Content, previous: Session | None) -> tuple[Change, ...]:
    if previous is None:
        return ()
    now, before = shown_stats(session.groups), shown_stats(previous.groups)
    return tuple(Change(f, before[f.id].mean, now[f.id].mean) for f in content.factors)


def _minutes(session: Session, notes: bool) -> Minutes:
    """The referat's own lines, each on one line; people's names only with the notes."""
    m = session.minutes
    return Minutes(
        time=one_line(m.time),
        agenda_item=one_line(m.agenda_item),
        purpose=one_line(m.purpose),
        attendees=one_line(m.attendees) if notes else "",
        absent=one_line(m.absent) if notes else "",
        approval=one_line(m.approval),
        next_meeting=m.next_meeting,
    )


def _scored(session: Session) -> int:
    """How many groups scored anything (together or on slips)."""
    return sum(
        1 for g in session.groups if g.scores or any(v is not None for r in g.rows for v in r)
    )


def _note_lines(text: str) -> tuple[str, ...]:
    return tuple(one_line(line) for line in clean(text).split("\n") if one_line(line))


def _items(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(one_line(i) for i in items if one_line(i))


def _answers(
    session: Session, content: Content, notes: bool, *, dialogue: bool
) -> tuple[Answer, ...]:
    """Per dialogue (or wrap-up) question what was said; without notes nothing at all (the
    priorities go under Beslutninger, which every version shows)."""
    if not notes:
        return ()
    questions = content.questions.get(session.variant, ()) if dialogue else content.wrapup
    out = []
    for q in questions:
        lines = _note_lines(session.notes.get(q.id, ""))
        if q.kind == "priorities":
            factors = tuple(content.factor(f) for f in session.priorities)
            out.append(Answer(q.text, q.kind, lines, factors=factors))
        elif q.kind in ("more", "less"):
            items = _items(session.more_of if q.kind == "more" else session.less_of)
            out.append(Answer(q.text, q.kind, lines, items=items))
        else:
            out.append(Answer(q.text, q.kind, lines))
    if dialogue:
        out += _leftover_lists(session, content, {q.kind for q in questions})
    return tuple(out)


def _leftover_lists(session: Session, content: Content, kinds: set[str]) -> list[Answer]:
    """more / less items that no question of the variant showed (custom content)."""
    out = []
    for kind in ("more", "less"):
        items = _items(session.more_of if kind == "more" else session.less_of)
        if kind not in kinds and items:
            out.append(Answer(content.t(f"report.{kind}.heading"), kind, items=items))
    return out


def _other_notes(session: Session, content: Content) -> tuple[Answer, ...]:
    shown = {q.id for q in content.questions.get(session.variant, ())}
    shown |= {q.id for q in content.wrapup}
    known = {q_id: q.text for q_id, q in content.all_questions().items()}
    known[SHARE_ID] = content.t("wrapup.share")  # the dialogue harvested on one screen
    return tuple(
        Answer(known.get(key, one_line(key)), "notes", _note_lines(text))
        for key, text in session.notes.items()
        if key not in shown and text.strip()
    )


def _action_lines(actions: Sequence[Action], notes: bool) -> tuple[ActionLine, ...]:
    return tuple(
        ActionLine(
            number=i,
            what=one_line(a.what) if notes else "",
            owner=one_line(a.owner) if notes else "",
            deadline=a.deadline,
            followup=a.followup,
            status=a.status,
        )
        for i, a in enumerate(actions, 1)
    )


FOLLOWUP_STATUS = {
    "done": "done",
    "dropped": "dropped",
    "carry": "carry",
    "in-progress": "carried-in-progress",
}
"""A follow-up mark as the referat's status (`action_status.<key>`)."""


def _followup_lines(
    session: Session, previous: Session | None, notes: bool
) -> tuple[ActionLine, ...]:
    """Last time's open actions as this workshop followed them up (recorded here); a
    workshop from before 2026-12 has none recorded: last time's actions as they are now."""
    if not session.followups:
        return _action_lines(_followups(session, previous), notes)
    return tuple(
        ActionLine(
            number=i,
            what=one_line(f.what) if notes else "",
            owner=one_line(f.owner) if notes else "",
            deadline=f.deadline,
            followup=None,
            status=FOLLOWUP_STATUS[f.mark],
        )
        for i, f in enumerate(session.followups, 1)
    )


def _followup_date(session: Session, previous: Session | None, has: bool) -> dt.date | None:
    """The date of the workshop whose actions were followed up (None: carried ones only)."""
    if previous is None:
        return None
    if session.followups:
        return previous.date if any(f.session == previous.id for f in session.followups) else None
    return previous.date if has else None


def _followups(session: Session, previous: Session | None) -> list[Action]:
    """Last time's actions with their status now (carried over here, else as they were),
    then any other carried-over action."""
    carried = [a for a in session.actions if a.origin]
    items: list[Action] = []
    if previous is not None:
        for old in previous.actions:
            match = next(
                (
                    a
                    for a in carried
                    if a.origin == previous.id and a.what.strip() == old.what.strip()
                ),
                None,
            )
            if match is not None:
                carried.remove(match)
            items.append(match or old)
    return items + carried


def _timing(session: Session, content: Content) -> tuple[PhaseTime, ...]:
    # Whole seconds, so that the rows, their differences and the total agree.
    return tuple(
        PhaseTime(
            one_line(content.phase_title(p.id, p.title)),
            round(session.agenda.phase_planned(p.id)),
            int(session.agenda.actual_seconds(p.id)),
        )
        for p in session.program.phases
    )

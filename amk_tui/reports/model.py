"""What a referat holds, decided once for every format: the place where privacy is kept.

`build_referat(session, content, previous, options)` turns a session into a `Referat`:
plain data that the Markdown, HTML and xlsx builders only lay out. Whatever a format may
print is in it, and nothing else, so the rules below hold for every format at once:

- `options.notes=False` (`--no-notes`): no free text at all. Left out are the notes and
  answers, more-of / less-of, decisions, the actions' "what" and "owner", group names
  (groups are letters only), facilitator, referent and participants' names. What stays:
  date, AMG, unit, place (where the AMG met is not about a person), the variant, the
  scores by group letter, counts (participants per role, answers, decisions, actions),
  the prioritised factors (names from the content), and the actions' dates and statuses.
- Individual answers ("hver især"): a group's value for a factor that rests on fewer than
  `MIN_ANSWERS` answers is *withheld* — shown as its count only (`n=2`), never as a mean or
  min–max, and left out of the means over groups, the summary, the change and the charts
  (else it could be worked back out of them).
- A group's letter is one of A–Z whatever the file says; anything else becomes the letter
  of the group's place, so a "letter" can never carry free text into a report.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from amk_tui.config.content import Content, Factor
from amk_tui.core.scores import (
    FACTOR_IDS,
    FactorStats,
    Group,
    factor_stats,
    letter_for,
    lowest_factor,
    most_split_factor,
)
from amk_tui.core.session import Action, Session
from amk_tui.reports.words import Words

MIN_ANSWERS = 3
"""Fewer individual answers than this are never summarised (a mean of two gives both away)."""
_LETTER = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Options:
    """What the facilitator asked for on the command line."""

    notes: bool = True
    """False: `--no-notes`, every free text left out."""
    timing: bool = False
    """`--timing`: the time used per phase."""
    chart: bool = False
    """`--chart`: the Markdown report gets the text (braille) radar."""


@dataclass(frozen=True)
class Column:
    """One group as a column of the tables and a line of the charts."""

    letter: str
    name: str
    """The group's name; empty without notes or when it is just the letter."""
    index: int
    """The group's place: its colour."""

    @property
    def label(self) -> str:
        return f"{self.letter} ({self.name})" if self.name else self.letter


@dataclass(frozen=True)
class Cell:
    """A group's value for one factor, as a report may show it."""

    value: float | None
    """None: not scored, or withheld."""
    n: int = 0
    """How many individual answers the value rests on (0 for a consensus score)."""

    @property
    def consensus(self) -> bool:
        return self.value is not None and self.n == 0

    @property
    def withheld(self) -> bool:
        return 0 < self.n < MIN_ANSWERS


@dataclass(frozen=True)
class ScoreRow:
    """One factor across the groups."""

    factor: Factor
    cells: tuple[Cell, ...]
    stats: FactorStats
    """Over the values shown (withheld ones left out)."""


@dataclass(frozen=True)
class Individual:
    """A group's anonymous answers: count and per factor the statistics that may be shown."""

    column: Column
    count: int
    rows: tuple[tuple[Factor, FactorStats], ...]
    """Per factor; mean/low/high are None where fewer than MIN_ANSWERS answered."""


@dataclass(frozen=True)
class Change:
    factor: Factor
    before: float | None
    now: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.now is None else self.now - self.before


@dataclass(frozen=True)
class Answer:
    """What the room said under one question (or one list without a question)."""

    title: str
    kind: str
    """notes | priorities | more | less."""
    lines: tuple[str, ...] = ()
    """The note, one typed line each (blank lines dropped)."""
    items: tuple[str, ...] = ()
    """more / less items."""
    factors: tuple[Factor, ...] = ()
    """priorities, in order."""


@dataclass(frozen=True)
class ActionLine:
    number: int
    what: str
    """Empty without notes."""
    owner: str
    deadline: dt.date | None
    followup: dt.date | None
    status: str


@dataclass(frozen=True)
class Attendance:
    role: str
    count: int
    names: str
    """As typed; empty without notes."""


@dataclass(frozen=True)
class PhaseTime:
    title: str
    planned: int
    """Seconds."""
    actual: int


@dataclass(frozen=True)
class Referat:
    """Everything a report of one workshop may show, in the order a referat tells it."""

    options: Options
    words: Words
    amg: str
    unit: str
    place: str
    date: dt.date
    finished: bool
    variant: int
    facilitator: str
    referent: str
    participants: tuple[Attendance, ...]
    columns: tuple[Column, ...]
    scores: tuple[ScoreRow, ...]
    individuals: tuple[Individual, ...]
    previous_date: dt.date | None
    change: tuple[Change, ...]
    dialogue: tuple[Answer, ...]
    wrapup: tuple[Answer, ...]
    other_notes: tuple[Answer, ...]
    priorities: tuple[Factor, ...]
    decisions: tuple[str, ...]
    decision_count: int
    actions: tuple[ActionLine, ...]
    followups: tuple[ActionLine, ...]
    followup_date: dt.date | None
    """The previous workshop's date when its actions are followed up; else None."""
    next_assessment: dt.date | None
    timing: tuple[PhaseTime, ...]

    @property
    def stats(self) -> dict[str, FactorStats]:
        return {row.factor.id: row.stats for row in self.scores}

    @property
    def lowest(self) -> ScoreRow | None:
        found = lowest_factor(self.stats)
        return next((r for r in self.scores if r.factor.id == found), None)

    @property
    def split(self) -> ScoreRow | None:
        found = most_split_factor(self.stats)
        return next((r for r in self.scores if r.factor.id == found), None)

    @property
    def withheld(self) -> int:
        """The largest count of a withheld value (0: nothing withheld)."""
        counts = [c.n for r in self.scores for c in r.cells if c.withheld]
        counts += [s.n for i in self.individuals for _, s in i.rows if 0 < s.n < MIN_ANSWERS]
        return max(counts, default=0)

    @property
    def first_followup(self) -> dt.date | None:
        """The earliest follow-up date of an action still open or in progress."""
        dates = [
            a.followup for a in self.actions if a.followup and a.status in ("open", "in-progress")
        ]
        return min(dates, default=None)

    @property
    def overall_mean(self) -> float | None:
        means = [r.stats.mean for r in self.scores if r.stats.mean is not None]
        return statistics.fmean(means) if means else None

    def series(self) -> list[tuple[Column, tuple[float | None, ...]]]:
        """Each group's values in factor order, for the charts (withheld = not scored)."""
        return [
            (col, tuple(row.cells[i].value for row in self.scores))
            for i, col in enumerate(self.columns)
        ]


# -- building --------------------------------------------------------------------------------
def safe_letter(group: Group, index: int) -> str:
    """The group's letter if it is one of A–Z, else the letter of its place."""
    letter = group.letter.strip()
    return letter if _LETTER.fullmatch(letter) else letter_for(index)


def cell(group: Group, factor: str) -> Cell:
    """The group's value as a report may show it (see the module's privacy rules)."""
    if factor in group.scores:
        return Cell(float(group.scores[factor]))
    values = group.row_values(factor)
    if not values:
        return Cell(None)
    if len(values) < MIN_ANSWERS:
        return Cell(None, len(values))
    return Cell(statistics.fmean(values), len(values))


def shown_stats(groups: Sequence[Group]) -> dict[str, FactorStats]:
    """Per factor over the groups' shown values: withheld values count as not scored."""
    return {f: factor_stats((cell(g, f).value for g in groups), f) for f in FACTOR_IDS}


def _answered(stats: FactorStats) -> FactorStats:
    if stats.n >= MIN_ANSWERS:
        return stats
    return FactorStats(stats.factor, stats.n, None, None, None)


def build_referat(
    session: Session, content: Content, previous: Session | None, options: Options
) -> Referat:
    """The referat of `session` (and what changed since `previous`) as `options` allow."""
    notes = options.notes
    columns = tuple(
        Column(safe_letter(g, i), _group_name(g, safe_letter(g, i)) if notes else "", i)
        for i, g in enumerate(session.groups)
    )
    previous_has = previous is not None and bool(previous.actions)
    return Referat(
        options=options,
        words=Words(content),
        amg=session.amg,
        unit=session.unit,
        place=session.place,
        date=session.date,
        finished=session.finished,
        variant=session.variant,
        facilitator=session.facilitator if notes else "",
        referent=session.referent if notes else "",
        participants=tuple(
            Attendance(p.role, p.count, p.names.strip() if notes else "")
            for p in session.participants
        ),
        columns=columns,
        scores=_scores(session, content),
        individuals=_individuals(session, content, columns),
        previous_date=previous.date if previous is not None else None,
        change=_change(session, content, previous),
        dialogue=_answers(session, content, notes, dialogue=True),
        wrapup=_answers(session, content, notes, dialogue=False),
        other_notes=_other_notes(session, content) if notes else (),
        priorities=tuple(content.factor(f) for f in session.priorities),
        decisions=tuple(d.strip() for d in session.decisions if d.strip()) if notes else (),
        decision_count=sum(bool(d.strip()) for d in session.decisions),
        actions=_action_lines([a for a in session.actions if not a.origin], notes),
        followups=_action_lines(_followups(session, previous), notes),
        followup_date=previous.date if previous is not None and previous_has else None,
        next_assessment=session.next_assessment,
        timing=_timing(session, content) if options.timing else (),
    )


def _group_name(group: Group, letter: str) -> str:
    name = " ".join(group.name.split())
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
                _answered(factor_stats((float(v) for v in group.row_values(f.id)), f.id)),
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


def _note_lines(text: str) -> tuple[str, ...]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tuple(line.strip() for line in lines if line.strip())


def _items(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(" ".join(i.split()) for i in items if i.strip())


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
    known = content.all_questions()
    return tuple(
        Answer(known[key].text if key in known else key, "notes", _note_lines(text))
        for key, text in session.notes.items()
        if key not in shown and text.strip()
    )


def _action_lines(actions: Sequence[Action], notes: bool) -> tuple[ActionLine, ...]:
    return tuple(
        ActionLine(
            number=i,
            what=" ".join(a.what.split()) if notes else "",
            owner=" ".join(a.owner.split()) if notes else "",
            deadline=a.deadline,
            followup=a.followup,
            status=a.status,
        )
        for i, a in enumerate(actions, 1)
    )


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
            content.phase_title(p.id, p.title),
            round(p.minutes * 60.0),
            int(session.agenda.actual_seconds(p.id)),
        )
        for p in session.program.phases
    )

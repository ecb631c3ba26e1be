"""What a referat holds, decided once for every format: the place where privacy is kept.

`build.build_referat(session, content, previous, options)` makes a `Referat` from a session:
plain data that the Markdown, HTML and xlsx builders only lay out. Whatever a format may
print is in it, and nothing else, so the rules below hold for every format at once:

- `options.notes=False` (`--no-notes`): no free text at all. Left out are the notes and
  answers, more-of / less-of, decisions, the actions' "what" and "owner", group names
  (groups are letters only), facilitator, referent and participants' names. What stays:
  date, AMG, unit, place (where the AMG met is not about a person), the variant, the
  scores by group letter, counts (participants per role, answers, decisions, actions),
  the prioritised factors (names from the content), and the actions' dates and statuses.
- Individual answers ("hver især", `core.anonymity`): a group's value for a factor that
  rests on fewer than `mean_from` answers (3) is *withheld* — shown as its count only
  (`n=2`), never as a mean or min.–maks., and left out of the means over groups, the
  summary, the change and the charts (else it could be worked back out of them); the
  lowest and highest answer are shown only from `spread_from` answers (5) on.
- A group's letter is one of A–Z whatever the file says; anything else becomes the letter
  of the group's place, so a "letter" can never carry free text into a report.
- Typed text loses control characters and bidi overrides (`clean`), so it can neither hide
  nor reorder what stands beside it; each format then escapes it for itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from amk_tui.config.content import Factor
from amk_tui.core.records import Minutes
from amk_tui.core.scores import (
    FACTOR_IDS,
    FactorStats,
    Group,
    factor_stats,
    fmean,
    highest_factors,
    letter_for,
    lowest_factor,
    lowest_factors,
    most_split_factor,
    most_split_factors,
)
from amk_tui.core.trend import Trend
from amk_tui.reports.words import Words

TREND_FROM = 3
"""A referat shows "Udvikling over tid" from this many workshops of the AMG on."""

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff]"
)
"""Control characters, bidi embeddings/overrides/isolates, lone surrogates and BOMs: typed text
that could hide, reorder or corrupt what a report shows (a name that flips the table)."""

from amk_tui.core import anonymity  # noqa: E402
from amk_tui.core.scores import MIN_ANSWERS as MIN_ANSWERS  # noqa: E402  (the least mean_from)

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
        return self.n > 0 and not anonymity.current().shows_mean(self.n)


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
    """Per factor; mean (and low/high) are None where `core.anonymity` withholds them."""


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
    trend: Trend | None = None
    """The AMG's workshops up to this one, when it has had at least `TREND_FROM`."""
    minutes: Minutes = field(default_factory=Minutes)
    """The referat's own lines as typed at finish (names left out with `--no-notes`)."""
    previous_variant: int | None = None
    """How the previous workshop's groups scored (1 together, 2 each on a slip)."""
    previous_groups: int | None = None
    """How many of the previous workshop's groups scored."""

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
    def scored_groups(self) -> int:
        """How many groups have a value shown for at least one factor."""
        return sum(
            1
            for i in range(len(self.columns))
            if any(i < len(r.cells) and r.cells[i].value is not None for r in self.scores)
        )

    def _rows(self, found: list[str]) -> tuple[ScoreRow, ...]:
        return tuple(r for r in self.scores if r.factor.id in found)

    @property
    def lowests(self) -> tuple[ScoreRow, ...]:
        """The lowest factors: more than one when their means print alike (a tie is named)."""
        return self._rows(lowest_factors(self.stats))

    @property
    def highests(self) -> tuple[ScoreRow, ...]:
        return self._rows(highest_factors(self.stats))

    @property
    def splits(self) -> tuple[ScoreRow, ...]:
        """The factors the groups disagree on most, every one of a tie."""
        return self._rows(most_split_factors(self.stats))

    @property
    def withheld(self) -> int:
        """The largest count of a withheld value (0: nothing withheld)."""
        counts = [c.n for r in self.scores for c in r.cells if c.withheld]
        counts += [
            s.n
            for i in self.individuals
            for _, s in i.rows
            if s.n > 0 and not anonymity.current().shows_mean(s.n)
        ]
        return max(counts, default=0)

    @property
    def spread_withheld(self) -> bool:
        """Some slips' mean is shown but not their lowest and highest value (too few)."""
        return any(
            s.mean is not None and s.low is None for i in self.individuals for _, s in i.rows
        )

    @property
    def slips_note(self) -> dict[str, int] | None:
        """What the note on withheld slips says (`scores.withheld_note`), if one is due."""
        if not self.withheld and not self.spread_withheld:
            return None
        policy = anonymity.current()
        return {"mean": policy.mean_from, "spread": policy.spread_from}

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
        return fmean(means) if means else None

    def series(self) -> list[tuple[Column, tuple[float | None, ...]]]:
        """Each group's values in factor order, for the charts (withheld = not scored)."""
        return [
            (col, tuple(row.cells[i].value for row in self.scores))
            for i, col in enumerate(self.columns)
        ]


# -- the rules ------------------------------------------------------------------------------
def clean(text: str) -> str:
    """Typed text as a report shows it: line breaks kept (`\r` as `\n`), the invisible out."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """Typed text on one line: cleaned, runs of white space as one space."""
    return " ".join(clean(text).split())


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
    if not anonymity.current().shows_mean(len(values)):
        return Cell(None, len(values))
    return Cell(fmean(values), len(values))


def shown_stats(groups: Sequence[Group]) -> dict[str, FactorStats]:
    """Per factor over the groups' shown values: withheld values count as not scored."""
    return {f: factor_stats((cell(g, f).value for g in groups), f) for f in FACTOR_IDS}


def answered(stats: FactorStats) -> FactorStats:
    """The statistics as `core.anonymity` allows: the mean from `mean_from` answers on,
    min.–maks. from `spread_from` on; else only what may be shown (the count at least)."""
    policy = anonymity.current()
    if not policy.shows_mean(stats.n):
        return FactorStats(stats.factor, stats.n, None, None, None)
    if not policy.shows_spread(stats.n):
        return FactorStats(stats.factor, stats.n, stats.mean, None, None)
    return stats

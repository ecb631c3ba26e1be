"""Groups, their scores for the six factors, and what the scores say.

A group has a consensus score per factor (1–5, or not scored = absent) and, in the "hver
især" variant, anonymous individual rows of six values. A group's *value* for a factor is
its consensus score if it has one, else the mean of its individual rows.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from amk_tui.core import anonymity

FACTOR_IDS: tuple[str, ...] = (
    "aabenhed",
    "innovation",
    "motivation",
    "ressourcer",
    "systematik",
    "viden",
)
"""Stable ASCII ids of the six factors, in the deck's order 1–6."""

SCORE_MIN, SCORE_MAX = 1, 5
MAX_GROUPS = 8
"""Up to eight groups: each has its own colour-blind-safe colour and a letter A–H."""
MIN_ANSWERS = 3
"""The least `core.anonymity` allows as the answers from which a group's mean is shown."""
MISSING = "-"
"""How a not-scored value is written in an individual row (`"32-332"`)."""


def valid_score(value: object) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and SCORE_MIN <= value <= SCORE_MAX
    )


def letter_for(index: int) -> str:
    """A, B, C … for the group at `index`."""
    return string.ascii_uppercase[index % 26]


class RowError(ValueError):
    """A paper slip that can't be read: `kind` is `count` (value = how many) or `char`."""

    def __init__(self, kind: str, value: str) -> None:
        self.kind = kind
        self.value = value
        text = (
            f"need {len(FACTOR_IDS)} values, got {value}"
            if kind == "count"
            else f"{value!r} is not {SCORE_MIN}–{SCORE_MAX} or {MISSING}"
        )
        super().__init__(text)


def parse_row(text: str) -> tuple[int | None, ...]:
    """Six values typed from a paper slip: `324332`, `3 2 4 3 3 2` or `32-332` (- = blank).

    Raises RowError saying what is wrong (for the UI to put in words).
    """
    chars = [c for c in text if not c.isspace() and c not in ",;"]
    if len(chars) != len(FACTOR_IDS):
        raise RowError("count", str(len(chars)))
    values: list[int | None] = []
    for c in chars:
        if c == MISSING:
            values.append(None)
        elif c.isdigit() and SCORE_MIN <= int(c) <= SCORE_MAX:
            values.append(int(c))
        else:
            raise RowError("char", c)
    return tuple(values)


def fmean(values: Sequence[float]) -> float:
    """The arithmetic mean, as `statistics.fmean` computes it (`math.fsum` over the count):
    the one function of `statistics` amk's core uses, without its ~3 ms of imports
    (fractions, decimal) at every start."""
    return math.fsum(values) / len(values)


def format_mean(value: float | None, mark: str = ".") -> str:
    """A mean with one decimal and the language's decimal mark (`3,7` in Danish); `–` if none."""
    return "–" if value is None else f"{value:.1f}".replace(".", mark)


def format_change(delta: float, mark: str = ".") -> str:
    """A change of a mean with one decimal: `+0,3`, `−0,2`, and `±0,0` where it rounds to
    nothing (never `+0,0` or `−0,0`); the app's insights and the referat both write it so."""
    text = f"{abs(delta):.1f}"
    sign = "±" if text.strip("0.") == "" else ("+" if delta > 0 else "−")
    return sign + text.replace(".", mark)


def format_row(values: Sequence[int | None]) -> str:
    return "".join(MISSING if v is None else str(v) for v in values)


@dataclass
class Group:
    """A group of participants, known by a name and a letter."""

    name: str
    letter: str
    scores: dict[str, int] = field(default_factory=dict)
    """Consensus score per factor id; a factor not in the dict is not scored."""
    rows: list[tuple[int | None, ...]] = field(default_factory=list)
    """Anonymous individual rows, one value (or None) per factor in FACTOR_IDS order."""
    tallied: bool = False
    """The slips were reduced to a tally (`core.tally`): the rows are sorted columns, and the
    file keeps only the counts per factor."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Unknown keys from the file, written back unchanged."""

    def set_score(self, factor: str, value: int | None) -> None:
        if factor not in FACTOR_IDS:
            raise KeyError(factor)
        if value is None:
            self.scores.pop(factor, None)
        elif valid_score(value):
            self.scores[factor] = value
        else:
            raise ValueError(f"score must be {SCORE_MIN}–{SCORE_MAX}")

    def row_values(self, factor: str) -> list[int]:
        i = FACTOR_IDS.index(factor)
        return [v for row in self.rows if (v := row[i]) is not None]

    def value(self, factor: str) -> float | None:
        """The group's point for this factor: its consensus score, else the mean of its
        individual rows — only from `MIN_ANSWERS` answers on (a mean of two gives both away,
        so it is withheld everywhere: grid, chart, insights, reports)."""
        if factor in self.scores:
            return float(self.scores[factor])
        values = self.row_values(factor)
        return fmean(values) if anonymity.current().shows_mean(len(values)) else None

    def withheld(self, factor: str) -> int:
        """How many individual answers there are where too few to show (else 0)."""
        if factor in self.scores:
            return 0
        n = len(self.row_values(factor))
        return n if n > 0 and not anonymity.current().shows_mean(n) else 0

    @property
    def scored(self) -> int:
        """How many factors have a value."""
        return sum(self.value(f) is not None for f in FACTOR_IDS)


@dataclass(frozen=True)
class FactorStats:
    """What the groups' values for one factor add up to."""

    factor: str
    n: int
    mean: float | None
    low: float | None
    high: float | None

    @property
    def spread(self) -> float:
        if self.low is None or self.high is None:
            return 0.0
        return self.high - self.low


def factor_stats(values: Iterable[float | None], factor: str) -> FactorStats:
    present = [v for v in values if v is not None]
    if not present:
        return FactorStats(factor, 0, None, None, None)
    return FactorStats(factor, len(present), fmean(present), min(present), max(present))


def stats_by_factor(groups: Sequence[Group]) -> dict[str, FactorStats]:
    """Per factor: mean over groups, min, max, spread, n (groups with a value)."""
    return {f: factor_stats((g.value(f) for g in groups), f) for f in FACTOR_IDS}


def row_stats(group: Group) -> dict[str, FactorStats]:
    """Per factor over a group's individual rows: count, mean, min–max."""
    return {f: factor_stats((float(v) for v in group.row_values(f)), f) for f in FACTOR_IDS}


def lowest_factor(stats: dict[str, FactorStats]) -> str | None:
    """The factor with the lowest mean (first in deck order on a tie); None until at least
    two factors have a mean: the lowest of one is no finding (the first digit typed into the
    grid used to show "Lavest: 1 Åbenhed" for the moment before the second)."""
    scored = [s for s in stats.values() if s.mean is not None]
    if len(scored) < 2:
        return None
    return min(scored, key=lambda s: (s.mean, FACTOR_IDS.index(s.factor))).factor


def most_split_factor(stats: dict[str, FactorStats]) -> str | None:
    """The factor the groups disagree on most (largest max − min); None if all agree."""
    split = [s for s in stats.values() if s.n >= 2 and s.spread > 0]
    if not split:
        return None
    return max(split, key=lambda s: (s.spread, -FACTOR_IDS.index(s.factor))).factor


def lowest_factors(stats: dict[str, FactorStats]) -> list[str]:
    """Every factor whose mean, as a referat prints it (one decimal), is the lowest; in deck
    order. Empty when `lowest_factor` is None."""
    first = lowest_factor(stats)
    if first is None:
        return []
    low = round(stats[first].mean or 0.0, 1)
    return [
        f for f in FACTOR_IDS if stats[f].mean is not None and round(stats[f].mean or 0.0, 1) == low
    ]


def highest_factors(stats: dict[str, FactorStats]) -> list[str]:
    """Every factor whose mean (one decimal) is the highest, in deck order; empty with fewer
    than two factors scored, or when all six are alike (no highest to name)."""
    scored = [s for s in stats.values() if s.mean is not None]
    if len(scored) < 2:
        return []
    high = max(round(s.mean or 0.0, 1) for s in scored)
    found = [s.factor for s in scored if round(s.mean or 0.0, 1) == high]
    return [] if len(found) == len(scored) else [f for f in FACTOR_IDS if f in found]


def most_split_factors(stats: dict[str, FactorStats]) -> list[str]:
    """Every factor the groups disagree on most (the same largest max − min), in deck order."""
    first = most_split_factor(stats)
    if first is None:
        return []
    spread = round(stats[first].spread, 1)
    return [f for f in FACTOR_IDS if stats[f].n >= 2 and round(stats[f].spread, 1) == spread]


def change_since(
    now: dict[str, FactorStats], before: dict[str, FactorStats]
) -> dict[str, float | None]:
    """Mean now minus mean last time, per factor; None where either is missing."""
    out: dict[str, float | None] = {}
    for f in FACTOR_IDS:
        a, b = now[f].mean, before[f].mean
        out[f] = None if a is None or b is None else a - b
    return out


def trend_arrow(delta: float | None, tolerance: float = 0.05) -> str:
    """↑, ↓ or = for a change; empty when unknown."""
    if delta is None:
        return ""
    if delta > tolerance:
        return "↑"
    if delta < -tolerance:
        return "↓"
    return "="


def format_trend(delta: float, mark: str = ".") -> str:
    """A change with its arrow: `↑ +0,3`, `↓ −0,2`, and `±0,0` when it is no change (the
    arrow `=` beside `±0,0` said it twice)."""
    arrow = trend_arrow(delta)
    text = format_change(delta, mark)
    return text if arrow == "=" else f"{arrow} {text}"

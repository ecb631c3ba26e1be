"""Slips reduced to a tally: per factor only how many slips said 1, 2, 3, 4 and 5.

A group's slips ("hver især") say more than the referat needs: which values were written
*together* on one slip, and so, in a small AMG, often whose they were. Finishing offers, and
`amk purge --slips-only` does for older files, to keep only the tally. Everything a referat,
the charts and the trend show per factor (the count, the mean, the lowest and the highest)
comes out the same, because the group's rows are rebuilt from the tally as *sorted columns*:
row k holds the k-th smallest value of every factor (blanks last) — no row is anyone's slip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from amk_tui.core.scores import FACTOR_IDS, SCORE_MAX, SCORE_MIN, Group

Row = tuple[int | None, ...]
Tally = dict[str, list[int]]
"""Per factor id: the counts of the scores 1–5 (a factor no slip scored is left out)."""


def tally_of(rows: Sequence[Row]) -> Tally:
    """How many rows gave each score, per factor."""
    out: Tally = {}
    for i, factor in enumerate(FACTOR_IDS):
        counts = [0] * (SCORE_MAX - SCORE_MIN + 1)
        for row in rows:
            if i < len(row) and (value := row[i]) is not None:
                counts[value - SCORE_MIN] += 1
        if any(counts):
            out[factor] = counts
    return out


def rows_from(tally: Mapping[str, Sequence[int]], slips: int) -> list[Row]:
    """`slips` rows whose columns are each factor's values in ascending order, blanks last."""
    columns: list[list[int | None]] = []
    for factor in FACTOR_IDS:
        counts = tally.get(factor, ())
        values: list[int | None] = [SCORE_MIN + k for k, n in enumerate(counts) for _ in range(n)]
        columns.append(values + [None] * (slips - len(values)))
    return [tuple(column[k] for column in columns) for k in range(slips)]


def reduce_group(group: Group) -> bool:
    """The group's slips replaced by their tally (rows rebuilt from it); False if it has no
    slips or was reduced already."""
    if not group.rows or group.tallied:
        return False
    group.rows = rows_from(tally_of(group.rows), len(group.rows))
    group.tallied = True
    return True


def reduce_slips(groups: Sequence[Group]) -> int:
    """Every group's slips reduced to a tally; how many groups changed."""
    return sum(reduce_group(group) for group in groups)


def has_slips(groups: Sequence[Group]) -> bool:
    """Some group still keeps its slips as written."""
    return any(group.rows and not group.tallied for group in groups)

"""From a session's groups to the chart's series: all groups, one group, or the mean only."""

from __future__ import annotations

from collections.abc import Sequence

from amk_tui.charts import Series
from amk_tui.core.palette import group_color
from amk_tui.core.scores import FACTOR_IDS, Group, row_stats, stats_by_factor

ALL, MEAN = "all", "mean"
"""Chart views besides a single group's letter."""


def group_series(group: Group, index: int, colored: bool = True) -> Series:
    spread: tuple[tuple[float, float] | None, ...] | None = None
    if group.rows:
        stats = row_stats(group)
        spread = tuple(
            (s.low, s.high) if s.low is not None and s.high is not None else None
            for s in (stats[f] for f in FACTOR_IDS)
        )
    return Series(
        letter=group.letter,
        name=group.name,
        values=tuple(group.value(f) for f in FACTOR_IDS),
        color=group_color(index) if colored else None,
        spread=spread,
    )


def mean_series(groups: Sequence[Group], label: str, dim: bool = False) -> Series:
    stats = stats_by_factor(groups)
    return Series(
        letter="*",
        name=label,
        values=tuple(stats[f].mean for f in FACTOR_IDS),
        color=(230, 230, 230) if not dim else (150, 150, 150),
        dim=dim,
    )


def series_for(groups: Sequence[Group], view: str, mean_label: str) -> list[Series]:
    """The series to draw for a view: `all`, `mean`, or a group's letter."""
    if view == MEAN:
        return [mean_series(groups, mean_label)]
    chosen = [group_series(g, i) for i, g in enumerate(groups) if view in (ALL, g.letter)]
    return chosen


def views(groups: Sequence[Group]) -> list[str]:
    """The order `v` cycles through: all, mean, then each group."""
    return [ALL, MEAN, *(g.letter for g in groups)]

"""A chart's lines from a session's groups: all groups, one group, or the mean only.

`Series` is what any chart draws (the terminal's radar and bars, the referat's SVG); the
functions make them from the groups' scores. Pure data: no drawing library here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from amk_tui.core import anonymity
from amk_tui.core.palette import RGB, group_color
from amk_tui.core.scores import FACTOR_IDS, Group, row_stats, stats_by_factor
from amk_tui.core.text import visible


@dataclass(frozen=True)
class Series:
    """One line on the chart: a group (or the previous session's mean)."""

    letter: str
    """"A", "B", …: shown in the legend and at the vertices (projectors wash colours out)."""
    name: str
    values: tuple[float | None, ...]
    """One per factor in FACTOR_IDS order; None = not scored."""
    color: RGB | None = None
    """None = plain (for the text report)."""
    dim: bool = False
    """Drawn as an overlay (the previous session): dotted, no letters at the vertices."""
    spread: tuple[tuple[float, float] | None, ...] | None = None
    """Optional min–max per factor (the individual rows), drawn along the spokes."""

    @property
    def scored(self) -> bool:
        """True if any factor has a value."""
        return any(v is not None for v in self.values)


ALL, MEAN = "all", "mean"
"""Chart views besides a single group's letter."""


def group_series(group: Group, index: int, colored: bool = True) -> Series:
    spread: tuple[tuple[float, float] | None, ...] | None = None
    if group.rows:
        stats = row_stats(group)
        spread = tuple(
            (s.low, s.high)
            if s.low is not None and s.high is not None and anonymity.current().shows_spread(s.n)
            else None
            for s in (stats[f] for f in FACTOR_IDS)
        )
    return Series(
        letter=group.letter,
        name=visible(group.name),
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


def cycle(order: Sequence[str], current: str) -> str:
    """What follows `current` in `order`, round again (the first if `current` is not in it)."""
    return order[(order.index(current) + 1) % len(order)] if current in order else order[0]


def views(groups: Sequence[Group]) -> list[str]:
    """The order `v` cycles through: all, mean, then each group."""
    return [ALL, MEAN, *(g.letter for g in groups)]


def chart_series(
    groups: Sequence[Group],
    view: str,
    overlay: bool,
    previous: Sequence[Group],
    mean_label: str,
    previous_label: str,
) -> tuple[list[Series], Series | None]:
    """What a chart of the scene draws: the groups' series for `view`, and last time's mean
    under them when `overlay` is on and last time had groups (every window alike)."""
    shown = series_for(groups, view, mean_label)
    under = mean_series(previous, previous_label, dim=True) if overlay and previous else None
    return shown, under

"""Grouped bars of the groups' scores: one cluster per factor, one bar per group.

The radar's sibling (`amk_tui.charts`): the same `Series`, `Ink` and colours, drawn with
plotext's bars. Used when the facilitator switches the chart (`c`) and where a radar would
be too small to read.
"""

from __future__ import annotations

from collections.abc import Sequence

from amk_tui.charts import (
    PREVIOUS_MARKER,
    Ink,
    Plt,
    Series,
    color_of,
    ink_color,
    numbered,
    reset_figure,
    series_color,
)
from amk_tui.core import radar


def draw_bars(
    plt: Plt,
    series: Sequence[Series],
    labels: Sequence[str],
    width: int,
    height: int,
    *,
    title: str = "",
    ink: Ink | None = None,
    empty_text: str = "",
) -> None:
    """Grouped bars: one cluster per factor, one bar per group (y 0–5), letter on top.

    A not-scored value has no bar. A dim series (previous session) is drawn as a dotted
    line across its factor's cluster at its value. The legend runs along the top row.
    """
    ink = ink or Ink()
    reset_figure(plt, width, height, title)
    plt.grid(False, False)
    plt.xaxes(True, False)
    plt.yaxes(True, False)
    text_color = ink_color(ink.text)
    plt.ticks_color(text_color)
    n = len(labels)
    if n == 0:
        return
    groups = [s for s in series if not s.dim]
    # The canvas: minus the y tick labels and axis (2 columns), the x axis and its labels
    # (2 rows) and the title; the top two rows hold the legend.
    cols = max(width - 2, 2)
    rows = max(height - (1 if title else 0) - 2, 4)
    row_step = radar.SCALE_MAX / (rows - 3)
    top = radar.SCALE_MAX + 2 * row_step
    plt.xlim(0.5, n + 0.5)
    plt.ylim(0, top)
    plt.yticks(list(range(6)), [str(v) for v in range(6)])
    plt.xticks(list(range(1, n + 1)), bar_labels(labels, cols / n))

    _bars(plt, series, n, cols, row_step, ink)
    _bar_legend(plt, groups, n, cols, top, ink)
    if not any(s.scored for s in groups) and empty_text:
        mid = ((n + 1) / 2, radar.SCALE_MAX / 2)
        plt.text(f" {empty_text} ", *mid, color=text_color, alignment="center", style="bold")


def _bars(plt: Plt, series: Sequence[Series], n: int, cols: int, row_step: float, ink: Ink) -> None:
    """Last time as a dotted line across each cluster; then each group's bars and letters."""
    groups = [s for s in series if not s.dim]
    k = max(len(groups), 1)
    cluster = 0.8 if cols / n >= 12 else 0.7  # a visible gap between factors when narrow
    slot = cluster / k
    for s in (s for s in series if s.dim):
        color = series_color(s, ink)
        for i, v in enumerate(s.values):
            if v is not None:
                plt.plot([i + 0.55, i + 1.45], [v, v], marker=PREVIOUS_MARKER, color=color)
    for j, s in enumerate(groups):
        offset = -cluster / 2 + slot * (j + 0.5)
        xs = [i + 1 + offset for i, v in enumerate(s.values) if v is not None]
        ys = [float(v) for v in s.values if v is not None]
        if not xs:
            continue
        color = color_of(s.color, ink)
        plt.bar(xs, ys, width=slot * 0.75, color=color, reset_ticks=False, marker="sd")
        for x, y in zip(xs, ys, strict=True):
            plt.text(s.letter, x, y + row_step, color=color, alignment="center", style="bold")


def _bar_legend(
    plt: Plt, groups: Sequence[Series], n: int, cols: int, top: float, ink: Ink
) -> None:
    """Along the top row: each group's coloured letter, its name in the text colour."""
    text_color = ink_color(ink.text)
    pitch = n / (cols - 1)
    col = 0
    for s in groups:
        name = f" {s.name}  "
        if col + 1 + len(name) > cols:
            break
        x = 0.5 + col * pitch
        color = color_of(s.color, ink)
        plt.text(s.letter, x, top, color=color, alignment="left", style="bold")
        plt.text(name, x + pitch, top, color=text_color, alignment="left")
        col += 1 + len(name)


def bar_labels(labels: Sequence[str], slot: float) -> list[str]:
    """Numbered labels if they fit under their cluster, else bare, else numbered and cut.

    Two cells stay free between neighbours: plotext drops a tick label that would touch the
    one before it (the last factor went missing at 80 columns). Cut labels keep the factor's
    number, as in the grid, so "4 Res" still says which factor it is; at worst the number.
    """
    with_numbers = numbered(labels)
    if max(len(t) for t in with_numbers) + 2 <= slot:
        return with_numbers
    if max(len(t) for t in labels) + 2 <= slot:
        return list(labels)
    cut = max(int(slot) - 2, 1)
    return [t[:cut].rstrip() for t in with_numbers]

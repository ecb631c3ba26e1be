"""An AMG's six factors over its workshops as a plotext line chart.

Shared by the app's `TrendChart` widget and `amk trend` in a terminal, like the radar
(`charts.py`): one line per factor in its own colour with the factor's number at each
point (projectors wash colours out), x the workshops in date order with their dates, y the
1–5 scale, a numbered legend along the top.
"""

from __future__ import annotations

from collections.abc import Sequence

from amk_tui.charts import LINE_MARKER, Ink, Plt, Series, color_of, ink_color, reset_figure
from amk_tui.core import radar


def draw_trend(
    plt: Plt,
    series: Sequence[Series],
    dates: Sequence[str],
    width: int,
    height: int,
    *,
    ink: Ink | None = None,
    title: str = "",
) -> None:
    """`series`: one per factor (letter = its number, name = its short label), one value
    per workshop; `dates`: one label per workshop, oldest first."""
    ink = ink or Ink()
    reset_figure(plt, width, height, title)
    plt.grid(False, False)
    plt.xaxes(True, False)
    plt.yaxes(True, False)
    plt.ticks_color(ink_color(ink.text))
    n = len(dates)
    if n == 0:
        return
    rows = max(height - (1 if title else 0) - 2, 4)
    row_step = (radar.SCALE_MAX - 0.5) / max(rows - 3, 1)
    top = radar.SCALE_MAX + 2 * row_step
    plt.xlim(0.6, n + 0.4 if n > 1 else 1.4)
    plt.ylim(0.5, top)
    plt.yticks(list(range(1, 6)), [str(v) for v in range(1, 6)])
    plt.xticks(*_ticks(dates, max(width - 4, 8)))
    for s in series:
        _line(plt, s, ink)
    _legend(plt, series, n, max(width - 4, 8), top, ink)


def _ticks(dates: Sequence[str], cols: int) -> tuple[list[int], list[str]]:
    """As many dates as fit under the axis with a gap, always the first and the last."""
    n = len(dates)
    width = max(len(d) for d in dates) + 2
    fit = max(cols // width, 1)
    step = max(1, -(-n // fit))
    picks = list(range(0, n, step))
    if picks[-1] != n - 1:
        if len(picks) > 1 and (n - 1 - picks[-1]) * cols / n < width:
            picks.pop()
        picks.append(n - 1)
    return [i + 1 for i in picks], [dates[i] for i in picks]


def _line(plt: Plt, s: Series, ink: Ink) -> None:
    color = color_of(s.color, ink)
    xs = [i + 1 for i, v in enumerate(s.values) if v is not None]
    ys = [float(v) for v in s.values if v is not None]
    if not xs:
        return
    if len(xs) > 1:
        plt.plot(xs, ys, marker=LINE_MARKER, color=color)
    if len(xs) <= 24:
        for x, y in zip(xs, ys, strict=True):
            plt.text(s.letter, x, y, color=color, alignment="center", style="bold")


def _legend(plt: Plt, series: Sequence[Series], n: int, cols: int, top: float, ink: Ink) -> None:
    """Along the top row: each factor's coloured number and its short label."""
    text_color = ink_color(ink.text)
    span = (n + 0.4 if n > 1 else 1.4) - 0.6
    pitch = span / max(cols - 1, 1)
    col = 0
    for s in series:
        name = f" {s.name}  "
        if col + len(s.letter) + len(name) > cols:
            break
        x = 0.6 + col * pitch
        plt.text(s.letter, x, top, color=color_of(s.color, ink), alignment="left", style="bold")
        plt.text(name, x + len(s.letter) * pitch, top, color=text_color, alignment="left")
        col += len(s.letter) + len(name)

"""Drawing the radar, outside any app: the report's path and the widget's path.

- `radar_text`: the text report's chart (plain plotext figure, no colour): draw + build.
- widget path: what `RadarChart` does when its data, size, mode or theme changed —
  `draw_radar` with the theme's colours, plotext's grid build (characters and colours, no
  ANSI text), then `grid_strips` turning the grids into Textual lines. Each stage is timed on
  its own. (A repaint with nothing changed reuses the lines, so it costs none of this.)
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from amk_tui import plotext_compat
from amk_tui.charts import Ink, Series, draw_radar, group_color, radar_text
from amk_tui.widgets.radar import grid_strips

LABELS = ("Åbenhed", "Innovation", "Motivation", "Ressourcer", "Systematik", "Viden")
_SCORES = ("324332", "435242", "213421", "545455", "111212", "332423", "254153", "423344")
INK = Ink(text=(224, 224, 224), guide=(127, 127, 127), canvas=(30, 30, 30))
"""Roughly textual-dark: light text, mid-grey guides, a dark surface."""


def groups(n: int) -> list[Series]:
    return [
        Series(
            chr(ord("A") + i),
            f"Gruppe {chr(ord('A') + i)}",
            tuple(float(c) for c in _SCORES[i % len(_SCORES)]),
            group_color(i),
        )
        for i in range(n)
    ]


@dataclass
class ChartResult:
    report: list[float]
    """radar_text, seconds per call."""
    draw: list[float]
    build: list[float]
    """plotext's grid build (characters and colours)."""
    lines: list[float]
    """`grid_strips`: the grids as Textual lines."""

    @property
    def widget(self) -> list[float]:
        return [a + b + c for a, b, c in zip(self.draw, self.build, self.lines, strict=True)]


def run(size: tuple[int, int], n_groups: int, repeats: int = 20) -> ChartResult:
    width, height = size
    series: Sequence[Series] = groups(n_groups)
    result = ChartResult([], [], [], [])
    for _ in range(2):
        radar_text(series, LABELS, width, height)
    for _ in range(repeats):
        start = time.perf_counter()
        radar_text(series, LABELS, width, height)
        result.report.append(time.perf_counter() - start)

    fig: Any = plotext_compat.new_figure()
    for i in range(repeats + 2):
        t0 = time.perf_counter()
        draw_radar(fig, series, LABELS, width, height, ink=INK)
        t1 = time.perf_counter()
        matrix = plotext_compat.build_grid(fig, width, height)
        t2 = time.perf_counter()
        grid_strips(matrix)
        t3 = time.perf_counter()
        if i >= 2:
            result.draw.append(t1 - t0)
            result.build.append(t2 - t1)
            result.lines.append(t3 - t2)
    return result

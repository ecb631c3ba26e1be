"""Pure geometry of the radar (spider) chart: spokes, polygons, rings, labels, aspect.

The chart lives in *data* coordinates: the centre is (0, 0), y grows upwards, and a value
v (0–5) on a spoke lies at distance v from the centre. Spoke 0 (factor 1) points straight
up and the others follow clockwise in the deck's order, so six factors make the hexagon the
groups draw on paper.

A terminal cell is about twice as tall as it is wide, so equal data steps in x and y would
draw a hexagon twice as tall as wide. :func:`fit_view` picks x/y limits for a canvas of
``cols × rows`` cells such that one data unit is the same physical length both ways: the
hexagon is regular on screen at any size, centred, with room around it for the labels.

Cell mapping follows plotext: a limit maps to the centre of the first / last cell, so the
pitch (data units per cell) is ``span / (cells - 1)``.

No textual, rich or plotext imports here: `amk_tui.charts` draws with what this computes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

SCALE_MAX = 5.0
"""The outer ring: the highest score."""
RING_LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
"""The guide rings drawn inside the chart."""
CELL_ASPECT = 2.0
"""A terminal cell's height divided by its width (most fonts: about 2)."""

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Point:
    """A position in data coordinates (y up)."""

    x: float
    y: float


@dataclass(frozen=True)
class Vertex:
    """One scored corner of a group's polygon."""

    index: int
    """Which spoke (factor index, 0-based, in FACTOR_IDS order)."""
    value: float
    point: Point


@dataclass(frozen=True)
class LabelAnchor:
    """Where a spoke's label goes: just outside the tip of the outer ring."""

    index: int
    point: Point
    align: Align
    """How the text hangs off the point: `left` = text starts there and runs right."""


@dataclass(frozen=True)
class View:
    """The data window shown on a canvas of ``cols × rows`` cells."""

    cols: int
    rows: int
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    cell_aspect: float = CELL_ASPECT

    @property
    def pitch_x(self) -> float:
        """Data units from one column to the next."""
        return (self.xlim[1] - self.xlim[0]) / max(self.cols - 1, 1)

    @property
    def pitch_y(self) -> float:
        """Data units from one row to the next."""
        return (self.ylim[1] - self.ylim[0]) / max(self.rows - 1, 1)

    def cell(self, p: Point) -> tuple[int, int]:
        """The (column, row) of a point, counted from the left and from the *bottom*."""
        col = math.floor(round(0.5 + (p.x - self.xlim[0]) / self.pitch_x, 8))
        row = math.floor(round(0.5 + (p.y - self.ylim[0]) / self.pitch_y, 8))
        return col, row

    def at_cell(self, col: int, row: int) -> Point:
        """The data point at the centre of a cell (row counted from the bottom)."""
        return Point(self.xlim[0] + col * self.pitch_x, self.ylim[0] + row * self.pitch_y)

    def shift(self, p: Point, cols: float = 0.0, rows: float = 0.0) -> Point:
        """A point moved by whole cells (rows up)."""
        return Point(p.x + cols * self.pitch_x, p.y + rows * self.pitch_y)


def _clean(v: float) -> float:
    """Round away float noise so the top spoke is exactly x = 0 and cells map stably."""
    return round(v, 12) + 0.0


def spoke_angles(n: int) -> tuple[float, ...]:
    """Angle of each spoke in radians (counter-clockwise from +x): first up, then clockwise."""
    if n < 1:
        raise ValueError("a radar needs at least one spoke")
    return tuple(math.pi / 2 - 2 * math.pi * i / n for i in range(n))


def spoke_point(index: int, n: int, value: float) -> Point:
    """The point for `value` (0–5) on spoke `index` of `n`."""
    angle = math.pi / 2 - 2 * math.pi * index / n
    return Point(_clean(value * math.cos(angle)), _clean(value * math.sin(angle)))


def polygon(values: Sequence[float | None]) -> tuple[Vertex, ...]:
    """The corners of a group's polygon, one per *scored* factor, in spoke order.

    A value of None (not scored) has no vertex: the polygon skips that spoke and joins
    the neighbouring scored vertices directly. One scored factor gives a single point,
    none gives an empty tuple. Values are clamped to 0–5.
    """
    n = len(values)
    return tuple(
        Vertex(i, v, spoke_point(i, n, min(max(v, 0.0), SCALE_MAX)))
        for i, v in enumerate(values)
        if v is not None
    )


def closed(points: Sequence[Point]) -> tuple[Point, ...]:
    """A path through `points` that returns to the first one (unchanged for 0–1 points)."""
    if len(points) < 2:
        return tuple(points)
    return (*points, points[0])


def ring(level: float, n: int) -> tuple[Point, ...]:
    """The ring at `level`: the regular polygon through that value on every spoke."""
    return tuple(spoke_point(i, n, level) for i in range(n))


def rings(n: int, levels: Sequence[float] = RING_LEVELS) -> tuple[tuple[Point, ...], ...]:
    """The guide rings (1–5 by default), innermost first."""
    return tuple(ring(level, n) for level in levels)


def extent(n: int, radius: float = SCALE_MAX) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of the outer ring in data units."""
    tips = ring(radius, n)
    return (
        min(p.x for p in tips),
        max(p.x for p in tips),
        min(p.y for p in tips),
        max(p.y for p in tips),
    )


def _is_vertical(index: int, n: int) -> bool:
    """True for spokes that point (nearly) straight up or down: labels centre on them."""
    return abs(math.cos(math.pi / 2 - 2 * math.pi * index / n)) < 0.2


def fit_view(
    cols: int,
    rows: int,
    *,
    n: int = 6,
    cell_aspect: float = CELL_ASPECT,
    radius: float = SCALE_MAX,
    pad_cols: int = 0,
    pad_rows: int = 0,
) -> View:
    """Limits that show the whole radar as a *regular* polygon on a ``cols × rows`` canvas.

    `pad_cols` columns at the left and right and `pad_rows` rows at the top and bottom are
    kept free for labels (shrunk if the canvas is too small to keep them). One row is
    `cell_aspect` times as tall as one column is wide, so the y pitch is `cell_aspect` times
    the x pitch: a data unit has the same physical length both ways. The centre (0, 0)
    sits in the middle cell.
    """
    cols, rows = max(cols, 2), max(rows, 2)
    left, right, bottom, top = extent(n, radius)
    half_w = max(-left, right, 1e-9)
    half_h = max(-bottom, top, 1e-9)
    # The centre sits on cell (cols - 1) // 2: usable steps from it to the nearer edge,
    # minus the label padding, is what the polygon's half-size may occupy.
    half_cols, half_rows = (cols - 1) // 2, (rows - 1) // 2
    steps_x = max(half_cols - max(0, min(pad_cols, half_cols - 1)), 1)
    steps_y = max(half_rows - max(0, min(pad_rows, half_rows - 1)), 1)
    pitch_x = max(half_w / steps_x, half_h / (steps_y * cell_aspect))
    pitch_y = pitch_x * cell_aspect
    span_x = pitch_x * (cols - 1)
    span_y = pitch_y * (rows - 1)
    # Put the centre exactly on a cell centre so the polygon is symmetric on screen.
    x0 = -pitch_x * half_cols
    y0 = -pitch_y * half_rows
    return View(cols, rows, (x0, x0 + span_x), (y0, y0 + span_y), cell_aspect)


def label_anchors(
    n: int, view: View, *, gap: int = 2, radius: float = SCALE_MAX
) -> tuple[LabelAnchor, ...]:
    """Where each spoke's label goes, just outside its tip.

    Spokes pointing up or down get a centred label one row beyond the tip; the others a
    label that starts `gap` columns beyond the tip on their side (left-aligned on the
    right, right-aligned on the left), on the tip's row.
    """
    anchors = []
    for i in range(n):
        tip = spoke_point(i, n, radius)
        if _is_vertical(i, n):
            anchors.append(LabelAnchor(i, view.shift(tip, rows=math.copysign(1, tip.y)), "center"))
        elif tip.x > 0:
            anchors.append(LabelAnchor(i, view.shift(tip, cols=gap), "left"))
        else:
            anchors.append(LabelAnchor(i, view.shift(tip, cols=-gap), "right"))
    return tuple(anchors)


def label_room(labels: Sequence[str], *, gap: int = 2) -> tuple[int, int]:
    """(pad_cols, pad_rows) a view needs so labels at :func:`label_anchors` fit the canvas."""
    n = len(labels)
    side = [len(text) for i, text in enumerate(labels) if not _is_vertical(i, n)]
    vertical = [len(text) for i, text in enumerate(labels) if _is_vertical(i, n)]
    pad_cols = max(side, default=0) + gap if side else 0
    pad_rows = 1 if vertical else 0
    return pad_cols, pad_rows

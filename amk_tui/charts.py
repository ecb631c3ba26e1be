"""Drawing the groups' scores with plotext: the radar (hexagon) and grouped bars.

Used by the `RadarChart` widget (with textual-plotext's ``self.plt``) and by the text
report (:func:`radar_text`, plain plotext), so it imports no Textual. Geometry comes from
`amk_tui.core.radar`; this module only turns it into plotext calls.

Determinism (DESIGN §6): plotext's paint order follows a ``set``; `plotext_compat` makes it
the call order (before every draw): rings, spokes, previous session, spreads, groups A, B,
C…, then text on top. Every private plotext call lives in `amk_tui.plotext_compat`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from plotext import uncolorize

from amk_tui import plotext_compat
from amk_tui.core import radar
from amk_tui.core.palette import GROUP_COLORS, RGB, contrast, group_color, readable
from amk_tui.core.radar import Point, View
from amk_tui.core.series import Series

__all__ = [
    "GROUP_COLORS",
    "Ink",
    "Series",
    "contrast",
    "draw_radar",
    "group_color",
]
__all__ += ["radar_text", "readable"]

Plt = Any
"""A plotext figure: textual-plotext's ``self.plt`` or a bare plotext figure."""

LINE_MARKER = "hd"
"""Groups' lines: 2×4 dots per cell, the thinnest line a terminal can draw."""
GUIDE_MARKER = "braille"
"""Rings and spokes: dotted, so the groups' lines stand out."""
PREVIOUS_MARKER = "•"
"""The previous session's polygon."""
SPREAD_MARKER = "+"
"""The min–max of a group's individual rows along a spoke."""
LABEL_GAP = 2
"""Columns between a spoke's tip and its label."""


@dataclass(frozen=True)
class Ink:
    """The chart's own colours (None = plotext's theme)."""

    text: RGB | None = None
    """Labels and legend names."""
    guide: RGB | None = None
    """Rings, spokes, axes."""
    canvas: RGB | None = None
    """The background, used to keep series colours readable (see `readable`)."""


# --- colours -----------------------------------------------------------------------------


def color_of(c: RGB | None, ink: Ink) -> RGB | str:
    if c is None:
        return "default"
    return readable(c, ink.canvas) if ink.canvas is not None else c


def series_color(s: Series, ink: Ink) -> RGB | str:
    """A series' colour; a dim series without one takes the text colour (not the guides')."""
    if s.color is None and s.dim:
        return ink_color(ink.text)
    return color_of(s.color, ink)


def ink_color(c: RGB | None) -> RGB | str:
    return "default" if c is None else c


# --- radar -------------------------------------------------------------------------------


def reset_figure(plt: Plt, width: int, height: int, title: str) -> None:
    plotext_compat.make_deterministic()
    plt.clear_data()
    plt.plotsize(width, height)
    plt.title(title or None)


def _plot_path(plt: Plt, points: Sequence[Point], marker: str, color: RGB | str) -> None:
    if not points:
        return
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    if len(points) == 1:
        plt.scatter(xs, ys, marker=marker, color=color)
    else:
        plt.plot(xs, ys, marker=marker, color=color)


def _text(plt: Plt, text: str, p: Point, color: RGB | str, align: str, bold: bool) -> None:
    plt.text(text, p.x, p.y, color=color, alignment=align, style="bold" if bold else None)


def numbered(labels: Sequence[str]) -> list[str]:
    return [f"{i} {text}" for i, text in enumerate(labels, start=1)]


def _legend(
    plt: Plt,
    view: View,
    series: Sequence[Series],
    ink: Ink,
    rows_free: int,
    col_free: int,
    solid: bool = False,
    spread_label: str = "",
) -> None:
    """Legend in the top corners (left first, then right), one group a line; last time's
    mean with its dotted mark, and the individual spread's mark when there is one."""
    if rows_free <= 0 or col_free < 4:
        return
    corners = [(0, "left"), (view.cols - 1, "right")]
    entries = [(PREVIOUS_MARKER if s.dim else s.letter or PREVIOUS_MARKER, s) for s in series]
    entries = [(mark, s) for mark, s in entries if s.name or s.letter]
    if spread_label and any(_has_spread(s) for s in series):
        entries.append((SPREAD_MARKER, Series("", spread_label, ())))
    for k, (mark, s) in enumerate(entries[: 2 * rows_free]):
        corner, align = corners[k // rows_free]
        row = view.rows - 1 - (k % rows_free)
        name = _solid(s.name[: max(col_free - 3, 0)], solid)
        color = series_color(s, ink) if s.values else ink_color(ink.text)
        if align == "left":
            _text(plt, mark, view.at_cell(corner, row), color, "left", True)
            _text(plt, name, view.at_cell(corner + 2, row), ink_color(ink.text), "left", False)
        else:
            _text(plt, mark, view.at_cell(corner, row), color, "right", True)
            _text(plt, name, view.at_cell(corner - 2, row), ink_color(ink.text), "right", False)


def _has_spread(s: Series) -> bool:
    return any(m is not None and m[1] > m[0] for m in (s.spread or ()))


def _vertex_letters(plt: Plt, view: View, series: Sequence[Series], ink: Ink) -> None:
    """Each group's letter on its vertices; groups on the same cell sit side by side."""
    cells: dict[tuple[int, int], list[Series]] = {}
    for s in series:
        for v in radar.polygon(s.values):
            cells.setdefault(view.cell(v.point), []).append(s)
    for (col, row), here in cells.items():
        start = col - (len(here) - 1) // 2
        for k, s in enumerate(here):
            _text(plt, s.letter, view.at_cell(start + k, row), color_of(s.color, ink), "left", True)


def draw_radar(
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
    """Draw the radar on `plt` at ``width × height`` cells (data only; the caller builds).

    Rings 1–5 and the spokes dotted, each series' polygon in its colour with its letter at
    the vertices, `labels` (short factor labels) numbered at the tips, a legend in the top
    corners. Dim series are drawn first, under the groups, without letters. The hexagon is
    regular on screen (see `radar.fit_view`). `empty_text` is shown when nothing is scored.
    """
    layer = Layer.ALL
    draw_radar_layer(plt, layer, series, labels, width, height, title, ink, empty_text)


class Layer:
    """What one figure of the radar holds.

    `ALL` is the whole chart on one figure (the text report). The widget draws the layers
    apart and lays them over each other in this order: `GUIDES` (rings, spokes, factor
    labels: kept until the size, theme or labels change), `LINES` (the series given: one
    group's spread and line, or last time's mean — each kept until its values change) and
    `TEXT` (the letters at the vertices, the legend, the empty-chart text: drawn every time).
    A typed score then builds one group's layer and the text, not the whole chart.
    """

    ALL, GUIDES, LINES, TEXT = "all", "guides", "lines", "text"


def _radar_view(labels: Sequence[str], width: int, height: int, title: str) -> View:
    texts = numbered(labels)
    pad_cols, pad_rows = radar.label_room(texts, gap=LABEL_GAP)
    rows = height - (1 if title else 0)
    return radar.fit_view(width, rows, n=len(labels), pad_cols=pad_cols, pad_rows=pad_rows)


def draw_radar_layer(
    plt: Plt,
    layer: str,
    series: Sequence[Series],
    labels: Sequence[str],
    width: int,
    height: int,
    title: str = "",
    ink: Ink | None = None,
    empty_text: str = "",
    spread_label: str = "",
) -> None:
    """One layer of the radar (see `Layer`); the text layer keeps its spaces solid, so a
    legend or the empty text covers the lines under it when the layers are laid together."""
    ink = ink or Ink()
    reset_figure(plt, width, height, title)
    plt.frame(False)
    plt.grid(False, False)
    plt.xticks([])
    plt.yticks([])
    n = len(labels)
    if n < 3:
        return
    texts = numbered(labels)
    view = _radar_view(labels, width, height, title)
    plt.xlim(*view.xlim)
    plt.ylim(*view.ylim)
    text_color = ink_color(ink.text)
    if layer in (Layer.ALL, Layer.GUIDES):
        _radar_guides(plt, n, ink)
    if layer in (Layer.ALL, Layer.LINES):
        _radar_lines(plt, series, n, ink)
    if layer in (Layer.ALL, Layer.GUIDES):
        for anchor in radar.label_anchors(n, view, gap=LABEL_GAP):
            _text(plt, texts[anchor.index], anchor.point, text_color, anchor.align, True)
    if layer not in (Layer.ALL, Layer.TEXT):
        return
    solid = layer == Layer.TEXT
    groups = [s for s in series if not s.dim]
    _vertex_letters(plt, view, groups, ink)
    _radar_legend(plt, view, series, texts, ink, solid, spread_label)
    if not any(s.scored for s in groups) and empty_text:
        empty = _solid(f" {empty_text} ", solid)
        _text(plt, empty, Point(0, 0), text_color, "center", True)


def _solid(text: str, solid: bool) -> str:
    """Spaces as no-break spaces: they cover what lies under them on the other layer."""
    return text.replace(" ", "\u00a0") if solid else text


def _radar_guides(plt: Plt, n: int, ink: Ink) -> None:
    """Rings 1–5 and the spokes, dotted."""
    guide = ink_color(ink.guide)
    for r in radar.rings(n):
        _plot_path(plt, radar.closed(r), GUIDE_MARKER, guide)
    for i in range(n):
        tip = radar.spoke_point(i, n, radar.SCALE_MAX)
        _plot_path(plt, (Point(0, 0), tip), GUIDE_MARKER, guide)


def _radar_lines(plt: Plt, series: Sequence[Series], n: int, ink: Ink) -> None:
    """Dim series (last time) first, then the individual spreads, then the groups' lines."""
    groups = [s for s in series if not s.dim]
    for s in (s for s in series if s.dim):
        pts = [v.point for v in radar.polygon(s.values)]
        _plot_path(plt, radar.closed(pts), PREVIOUS_MARKER, series_color(s, ink))
    for s in groups:
        for i, minmax in enumerate(s.spread or ()):
            if minmax is not None and minmax[1] > minmax[0]:
                a, b = (radar.spoke_point(i, n, v) for v in minmax)
                _plot_path(plt, (a, b), SPREAD_MARKER, color_of(s.color, ink))
    for s in groups:
        pts = [v.point for v in radar.polygon(s.values)]
        _plot_path(plt, radar.closed(pts), LINE_MARKER, color_of(s.color, ink))


def _radar_legend(
    plt: Plt,
    view: View,
    series: Sequence[Series],
    texts: Sequence[str],
    ink: Ink,
    solid: bool,
    spread_label: str = "",
) -> None:
    """The legend in the top corners, down to the row above the first side label."""
    n = len(texts)
    anchors = radar.label_anchors(n, view)
    side_rows = [view.cell(a.point)[1] for a in anchors if a.align != "center"]
    rows_free = view.rows - 1 - max(side_rows, default=0) - 1
    top_label = len(texts[0]) if anchors[0].align == "center" else 0
    col_free = (view.cols - top_label) // 2 - 2
    _legend(plt, view, series, ink, rows_free, col_free, solid, spread_label)


# --- text report -------------------------------------------------------------------------


def text_figure() -> Plt:
    """A private plotext figure (no global state), not limited to the real terminal's size."""
    return plotext_compat.new_figure()


def radar_text(
    series: Sequence[Series], labels: Sequence[str], width: int = 72, height: int = 28
) -> str:
    """The radar as plain text (no ANSI colour) for a Markdown code block.

    Identical output for identical input, whatever ``PYTHONHASHSEED`` is.
    """
    fig = text_figure()
    plain = [replace(s, color=None) for s in series]
    draw_radar(fig, plain, labels, width, height)
    fig.plotsize(width, height)
    lines = uncolorize(fig.build()).splitlines()
    return "\n".join(line.rstrip() for line in lines).rstrip("\n") + "\n"

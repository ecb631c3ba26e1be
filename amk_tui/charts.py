"""Drawing the groups' scores with plotext: the radar (hexagon) and grouped bars.

Used by the `RadarChart` widget (with textual-plotext's ``self.plt``) and by the text
report (:func:`radar_text`, plain plotext), so it imports no Textual. Geometry comes from
`amk_tui.core.radar`; this module only turns it into plotext calls.

Determinism (DESIGN §6): plotext 5.3 de-duplicates the points of a plot through a ``set``
(``plotext._utility.no_duplicates``, called by ``brush`` in ``_build.build_plot``), so the
order in which points are painted — and who wins a shared cell — depends on
``PYTHONHASHSEED``. :func:`make_plotext_deterministic` swaps it for an order-preserving
de-duplication; it runs when this module is imported and again before every draw, so the
widget and the report both go through it. Paint order is then the call order: rings,
spokes, previous session, spreads, groups A, B, C…, then text on top.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import plotext._utility as _plotext_utility
from plotext import uncolorize
from plotext._figure import _figure_class

from amk_tui.core import radar
from amk_tui.core.palette import GROUP_COLORS as GROUP_COLORS  # re-exported for the UI
from amk_tui.core.palette import RGB, readable
from amk_tui.core.palette import contrast as contrast
from amk_tui.core.palette import group_color as group_color
from amk_tui.core.radar import Point, View

Plt = Any
"""A plotext figure: textual-plotext's ``self.plt`` or a bare plotext ``_figure_class``."""

LINE_MARKER = "hd"
"""Groups' lines: 2×4 dots per cell, the thinnest line a terminal can draw."""
GUIDE_MARKER = "braille"
"""Rings and spokes: dotted, so the groups' lines stand out."""
PREVIOUS_MARKER = "•"
"""The previous session's polygon."""
LABEL_GAP = 2
"""Columns between a spoke's tip and its label."""


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


@dataclass(frozen=True)
class Ink:
    """The chart's own colours (None = plotext's theme)."""

    text: RGB | None = None
    """Labels and legend names."""
    guide: RGB | None = None
    """Rings, spokes, axes."""
    canvas: RGB | None = None
    """The background, used to keep series colours readable (see `readable`)."""


# --- determinism -------------------------------------------------------------------------


def _ordered_unique(data: Iterable[Hashable]) -> list[Hashable]:
    """plotext's ``no_duplicates`` without the ``set``: first occurrence wins, order kept."""
    return list(dict.fromkeys(data))


def make_plotext_deterministic() -> None:
    """Make plotext paint points in call order whatever ``PYTHONHASHSEED`` is (idempotent)."""
    if _plotext_utility.no_duplicates is not _ordered_unique:
        _plotext_utility.no_duplicates = _ordered_unique


make_plotext_deterministic()


# --- colours -----------------------------------------------------------------------------


def _color(c: RGB | None, ink: Ink) -> RGB | str:
    if c is None:
        return "default"
    return readable(c, ink.canvas) if ink.canvas is not None else c


def _series_color(s: Series, ink: Ink) -> RGB | str:
    """A series' colour; a dim series without one takes the text colour (not the guides')."""
    if s.color is None and s.dim:
        return _ink_color(ink.text)
    return _color(s.color, ink)


def _ink_color(c: RGB | None) -> RGB | str:
    return "default" if c is None else c


# --- radar -------------------------------------------------------------------------------


def _reset(plt: Plt, width: int, height: int, title: str) -> None:
    make_plotext_deterministic()
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


def _numbered(labels: Sequence[str]) -> list[str]:
    return [f"{i} {text}" for i, text in enumerate(labels, start=1)]


def _legend(
    plt: Plt, view: View, series: Sequence[Series], ink: Ink, rows_free: int, col_free: int
) -> None:
    """Legend in the top corners (left first, then right), one group a line."""
    if rows_free <= 0 or col_free < 4:
        return
    corners = [(0, "left"), (view.cols - 1, "right")]
    for k, s in enumerate(series[: 2 * rows_free]):
        corner, align = corners[k // rows_free]
        row = view.rows - 1 - (k % rows_free)
        name = s.name[: max(col_free - 3, 0)]
        color = _series_color(s, ink)
        mark = s.letter or PREVIOUS_MARKER
        if align == "left":
            _text(plt, mark, view.at_cell(corner, row), color, "left", True)
            _text(plt, name, view.at_cell(corner + 2, row), _ink_color(ink.text), "left", False)
        else:
            _text(plt, mark, view.at_cell(corner, row), color, "right", True)
            _text(plt, name, view.at_cell(corner - 2, row), _ink_color(ink.text), "right", False)


def _vertex_letters(plt: Plt, view: View, series: Sequence[Series], ink: Ink) -> None:
    """Each group's letter on its vertices; groups on the same cell sit side by side."""
    cells: dict[tuple[int, int], list[Series]] = {}
    for s in series:
        for v in radar.polygon(s.values):
            cells.setdefault(view.cell(v.point), []).append(s)
    for (col, row), here in cells.items():
        start = col - (len(here) - 1) // 2
        for k, s in enumerate(here):
            _text(plt, s.letter, view.at_cell(start + k, row), _color(s.color, ink), "left", True)


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
    ink = ink or Ink()
    _reset(plt, width, height, title)
    plt.frame(False)
    plt.grid(False, False)
    plt.xticks([])
    plt.yticks([])
    n = len(labels)
    if n < 3:
        return
    texts = _numbered(labels)
    rows = height - (1 if title else 0)
    pad_cols, pad_rows = radar.label_room(texts, gap=LABEL_GAP)
    view = radar.fit_view(width, rows, n=n, pad_cols=pad_cols, pad_rows=pad_rows)
    plt.xlim(*view.xlim)
    plt.ylim(*view.ylim)

    guide = _ink_color(ink.guide)
    for r in radar.rings(n):
        _plot_path(plt, radar.closed(r), GUIDE_MARKER, guide)
    for i in range(n):
        _plot_path(
            plt, (Point(0, 0), radar.spoke_point(i, n, radar.SCALE_MAX)), GUIDE_MARKER, guide
        )

    groups = [s for s in series if not s.dim]
    for s in (s for s in series if s.dim):
        pts = [v.point for v in radar.polygon(s.values)]
        _plot_path(plt, radar.closed(pts), PREVIOUS_MARKER, _series_color(s, ink))
    for s in groups:
        for i, minmax in enumerate(s.spread or ()):
            if minmax is not None and minmax[1] > minmax[0]:
                a, b = (radar.spoke_point(i, n, v) for v in minmax)
                _plot_path(plt, (a, b), "•", _color(s.color, ink))
    for s in groups:
        pts = [v.point for v in radar.polygon(s.values)]
        _plot_path(plt, radar.closed(pts), LINE_MARKER, _color(s.color, ink))

    text_color = _ink_color(ink.text)
    for anchor in radar.label_anchors(n, view, gap=LABEL_GAP):
        _text(plt, texts[anchor.index], anchor.point, text_color, anchor.align, True)
    _vertex_letters(plt, view, groups, ink)

    # Legend: the top corners down to the row above the first side label.
    side_rows = [view.cell(a.point)[1] for a in radar.label_anchors(n, view) if a.align != "center"]
    rows_free = view.rows - 1 - max(side_rows, default=0) - 1
    top_label = len(texts[0]) if radar.label_anchors(n, view)[0].align == "center" else 0
    col_free = (view.cols - top_label) // 2 - 2
    _legend(plt, view, series, ink, rows_free, col_free)

    if not any(s.scored for s in groups) and empty_text:
        _text(plt, f" {empty_text} ", Point(0, 0), text_color, "center", True)


# --- bars --------------------------------------------------------------------------------


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
    _reset(plt, width, height, title)
    plt.grid(False, False)
    plt.xaxes(True, False)
    plt.yaxes(True, False)
    text_color = _ink_color(ink.text)
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

    k = max(len(groups), 1)
    cluster = 0.8 if cols / n >= 12 else 0.7  # a visible gap between factors when narrow
    slot = cluster / k
    for s in (s for s in series if s.dim):
        color = _series_color(s, ink)
        for i, v in enumerate(s.values):
            if v is not None:
                plt.plot([i + 0.55, i + 1.45], [v, v], marker=PREVIOUS_MARKER, color=color)
    for j, s in enumerate(groups):
        offset = -cluster / 2 + slot * (j + 0.5)
        xs = [i + 1 + offset for i, v in enumerate(s.values) if v is not None]
        ys = [float(v) for v in s.values if v is not None]
        if not xs:
            continue
        color = _color(s.color, ink)
        plt.bar(xs, ys, width=slot * 0.75, color=color, reset_ticks=False, marker="sd")
        for x, y in zip(xs, ys, strict=True):
            plt.text(s.letter, x, y + row_step, color=color, alignment="center", style="bold")

    # Legend along the top row: coloured letter, name in the text colour.
    pitch = n / (cols - 1)
    col = 0
    for s in groups:
        name = f" {s.name}  "
        if col + 1 + len(name) > cols:
            break
        plt.text(
            s.letter,
            0.5 + col * pitch,
            top,
            color=_color(s.color, ink),
            alignment="left",
            style="bold",
        )
        plt.text(name, 0.5 + (col + 1) * pitch, top, color=text_color, alignment="left")
        col += 1 + len(name)
    if not any(s.scored for s in groups) and empty_text:
        plt.text(
            f" {empty_text} ",
            (n + 1) / 2,
            radar.SCALE_MAX / 2,
            color=text_color,
            alignment="center",
            style="bold",
        )


def bar_labels(labels: Sequence[str], slot: float) -> list[str]:
    """Numbered labels if they fit under their cluster, else bare, else numbered and cut.

    Two cells stay free between neighbours: plotext drops a tick label that would touch the
    one before it (the last factor went missing at 80 columns). Cut labels keep the factor's
    number, as in the grid, so "4 Res" still says which factor it is; at worst the number.
    """
    numbered = _numbered(labels)
    if max(len(t) for t in numbered) + 2 <= slot:
        return numbered
    if max(len(t) for t in labels) + 2 <= slot:
        return list(labels)
    cut = max(int(slot) - 2, 1)
    return [t[:cut].rstrip() for t in numbered]


# --- text report -------------------------------------------------------------------------


def text_figure() -> Plt:
    """A private plotext figure (no global state), not limited to the real terminal's size."""
    fig = _figure_class()
    fig._limit_size(False, False)
    fig.theme("clear")
    return fig


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

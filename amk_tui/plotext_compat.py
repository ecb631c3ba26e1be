"""Every use of plotext's private API, in one place (plotext 5.3.2, pinned).

plotext's public functions draw into its global figure and give ANSI text; amk needs a
private figure per chart, a deterministic paint order and the built character grids. If a
plotext upgrade breaks something, this module is the one to read.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import plotext._utility as _utility
from plotext._dict import themes as _themes
from plotext._figure import _figure_class

Figure = Any
"""A plotext figure: textual-plotext's ``self.plt`` or a bare ``_figure_class``."""


def _ordered_unique(data: Iterable[Hashable]) -> list[Hashable]:
    """plotext's ``no_duplicates`` without the ``set``: first occurrence wins, order kept."""
    return list(dict.fromkeys(data))


def make_deterministic() -> None:
    """Paint points in call order whatever ``PYTHONHASHSEED`` is (idempotent).

    plotext 5.3 de-duplicates a plot's points through a ``set`` (``_utility.no_duplicates``,
    called by ``brush`` in ``_build.build_plot``), so who wins a shared cell depended on the
    hash seed and snapshots flickered.
    """
    if _utility.no_duplicates is not _ordered_unique:
        _utility.no_duplicates = _ordered_unique


def new_figure() -> Figure:
    """A private figure (no global state), not limited to the real terminal's size."""
    fig = _figure_class()
    fig._limit_size(False, False)
    fig.theme("clear")
    return fig


def build_grid(fig: Figure, width: int, height: int) -> Any:
    """Build the figure at ``width × height`` and return its character/colour matrix
    (``.Rows``, ``.marker``, ``.fullground``, ``.style``, ``.background``)."""
    fig.plotsize(width, height)
    fig._set_size(width, height)  # as textual-plotext does before building
    fig._set_sizes()
    fig._build_matrix()
    return fig.monitor.matrix


@dataclass
class Grid:
    """A built figure's cells, row by row (the shape of plotext's matrix, copied)."""

    Rows: list[int]
    marker: dict[int, list[str]]
    fullground: dict[int, list[object]]
    style: dict[int, list[object]]
    background: dict[int, list[object]]


def _tuple(value: object) -> object:
    """plotext keeps RGB colours as lists; as tuples they compare and hash."""
    return tuple(value) if isinstance(value, list) else value


def copy_grid(matrix: Any) -> Grid:
    """A built figure's cells, kept apart from the figure (which is built again next)."""
    rows = list(matrix.Rows)
    return Grid(
        rows,
        {r: list(matrix.marker[r]) for r in rows},
        {r: [_tuple(c) for c in matrix.fullground[r]] for r in rows},
        {r: list(matrix.style[r]) for r in rows},
        {r: [_tuple(c) for c in matrix.background[r]] for r in rows},
    )


def overlay(base: Grid, top: Any) -> Grid:
    """`top` over `base`, cell by cell: a cell of `top` that is not blank wins."""
    out = Grid(base.Rows, {}, {}, {}, {})
    for r in base.Rows:
        marker, fg, st, bg = (list(base.marker[r]), list(base.fullground[r]),
                              list(base.style[r]), list(base.background[r]))  # fmt: skip
        top_marker = top.marker[r]
        for c, char in enumerate(top_marker):
            if char != " ":
                marker[c], fg[c] = char, _tuple(top.fullground[r][c])
                st[c], bg[c] = top.style[r][c], _tuple(top.background[r][c])
        out.marker[r], out.fullground[r], out.style[r], out.background[r] = marker, fg, st, bg
    return out


def color_code(name: str) -> int | None:
    """The 0–255 code of a plotext colour name ("default" has none)."""
    code = _utility.color_codes.get(name.strip())
    return code if isinstance(code, int) and 0 <= code <= 255 else None


def has_theme(name: str) -> bool:
    return name in _themes


make_deterministic()

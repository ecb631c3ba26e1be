"""Every use of plotext's private API, in one place (plotext 5.3.2, pinned).

plotext's public functions draw into its global figure and give ANSI text; amk needs a
private figure per chart, a deterministic paint order and the built character grids. If a
plotext upgrade breaks something, this module is the one to read.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
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


def color_code(name: str) -> int | None:
    """The 0–255 code of a plotext colour name ("default" has none)."""
    code = _utility.color_codes.get(name.strip())
    return code if isinstance(code, int) and 0 <= code <= 255 else None


def has_theme(name: str) -> bool:
    return name in _themes


make_deterministic()

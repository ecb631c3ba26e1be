"""`TrendChart`: an AMG's six factors over its workshops, one line per factor.

Holds what to draw (one series per factor, the workshops' dates) and draws it again only
when that, its size or the theme changes. Drawing lives in `amk_tui.chart_trend` (shared
with `amk trend` in a terminal); the lines are made from plotext's grids as the radar's are.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.strip import Strip
from textual_plotext import PlotextPlot

from amk_tui import plotext_compat
from amk_tui.chart_trend import draw_trend
from amk_tui.charts import Series
from amk_tui.widgets.radar import grid_strips, theme_ink


class TrendChart(PlotextPlot):
    """The groups' mean per factor at each workshop, oldest on the left."""

    DEFAULT_CSS = """
    TrendChart { width: 1fr; height: 1fr; min-height: 10; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._series: tuple[Series, ...] = ()
        self._dates: tuple[str, ...] = ()
        self._version = 0
        self._drawn: tuple[object, ...] | None = None
        self._built: list[Strip] = []

    def show(self, series: Sequence[Series], dates: Sequence[str]) -> None:
        """Draw these factors' lines over these workshops' dates."""
        self._series, self._dates = tuple(series), tuple(dates)
        self._version += 1
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        key = (width, height, self.app.theme, self._version)
        if key != self._drawn:
            self._built = self._build(width, height) if width > 0 and height > 0 else []
            self._drawn = key
        if 0 <= y < len(self._built):
            return self._built[y].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)

    def _build(self, width: int, height: int) -> list[Strip]:
        theme = self._get_plotext_theme_name(self.app.theme)
        if not plotext_compat.has_theme(theme):
            self._register_theme(self.app.theme)
        self.plt.theme(theme)
        ink = theme_ink(self.app.theme_variables)
        draw_trend(self.plt, self._series, self._dates, width, height, ink=ink)
        return grid_strips(plotext_compat.build_grid(self.plt, width, height))

"""`RadarChart`: the groups' scores as the hexagon (radar) or as grouped bars.

The widget holds what to draw (series, labels, an optional previous-session overlay and the
mode) and redraws the plotext figure only when that, its size or the app's theme changes —
never on a timer. Drawing itself lives in `amk_tui.charts` (shared with the text report);
the hexagon stays regular at any size because the limits come from the widget's content
size (`amk_tui.core.radar.fit_view`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby
from typing import Any, Literal

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual.reactive import reactive
from textual.strip import Strip
from textual_plotext import PlotextPlot

from amk_tui import plotext_compat
from amk_tui.chart_bars import draw_bars
from amk_tui.charts import Ink, Layer, Series, draw_radar, draw_radar_layer

ChartMode = Literal["radar", "bars"]


def _rich_color(color: object) -> RichColor | None:
    """A plotext colour (name, 0–255 or RGB) as a Rich colour; None for the default."""
    if isinstance(color, list | tuple) and len(color) == 3:
        r, g, b = (int(c) for c in color)
        return RichColor.from_rgb(r, g, b)
    if isinstance(color, int) and 0 <= color <= 255:
        return RichColor.from_ansi(color)
    if isinstance(color, str):
        code = plotext_compat.color_code(color)  # "default" has none
        return None if code is None else RichColor.from_ansi(code)
    return None


def _style(fg: object, style: object, bg: object) -> Style:
    names = style.split() if isinstance(style, str) else []
    return Style(
        color=_rich_color(fg),
        bgcolor=_rich_color(bg),
        bold="bold" in names or None,
        italic="italic" in names or None,
        dim="dim" in names or None,
        underline="underline" in names or None,
    )


def _hashable(value: object) -> object:
    """plotext keeps RGB colours as lists: as tuples they can be compared and looked up."""
    return tuple(value) if isinstance(value, list) else value


RowKey = tuple[tuple[str, ...], tuple[object, ...]]
NO_BREAK = "\u00a0"
"""The text layer's solid spaces (see `charts.Layer`): a plain space on the screen."""


def grid_strips(matrix: Any, cache: dict[RowKey, Strip] | None = None) -> list[Strip]:
    """plotext's built grids (characters, colours, styles) as Textual lines, top row first.

    Cells of one look in a row become one segment; each look's `Style` is made once. With a
    `cache`, a row that is the same as in the last frame is not made again (a typed score
    changes a few rows of the chart).
    """
    styles: dict[tuple[object, ...], Style] = {}
    strips = []
    fresh: dict[RowKey, Strip] = {}
    for row in reversed(matrix.Rows):
        markers = matrix.marker[row]
        fg, bg = matrix.fullground[row], matrix.background[row]
        if not isinstance(matrix, plotext_compat.Grid):  # plotext's own: lists as colours
            fg, bg = [_hashable(c) for c in fg], [_hashable(c) for c in bg]
        looks = tuple(zip(fg, matrix.style[row], bg, strict=True))
        key = (tuple(markers), looks)
        strip = cache.get(key) if cache is not None else None
        if strip is None:
            strip = _row_strip(markers, looks, styles)
        fresh[key] = strip
        strips.append(strip)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    return strips


def _row_strip(
    markers: list[str],
    looks: tuple[tuple[object, ...], ...],
    styles: dict[tuple[object, ...], Style],
) -> Strip:
    segments = []
    col = 0
    for look, cells in groupby(looks):
        width = sum(1 for _ in cells)
        style = styles.get(look)
        if style is None:
            style = styles[look] = _style(*look)
        text = "".join(markers[col : col + width]).replace(NO_BREAK, " ")
        segments.append(Segment(text, style))
        col += width
    return Strip(segments)


def _rgb(color: Color) -> tuple[int, int, int]:
    r, g, b = color.rgb
    return (r, g, b)


def theme_ink(variables: dict[str, str]) -> Ink:
    """A chart's colours from the app's theme: text in the foreground, guides halfway."""
    canvas = Color.parse(variables.get("surface", "#1e1e1e"))
    text = Color.parse(variables.get("foreground", "#e0e0e0"))
    guide = canvas.blend(text, 0.5)
    return Ink(text=_rgb(text), guide=_rgb(guide), canvas=_rgb(canvas))


class RadarChart(PlotextPlot):
    """One line (or bar) per group over the six factors, in the group's colour and letter."""

    DEFAULT_CSS = """
    RadarChart {
        width: 1fr;
        height: 1fr;
        min-width: 30;
        min-height: 10;
    }
    """

    mode: reactive[ChartMode] = reactive[ChartMode]("radar")
    """`radar` (the hexagon) or `bars` (grouped bars per factor)."""
    bars_below: tuple[int, int] | None = None
    """A hexagon needs room: smaller than this (width, height), the chart shows bars."""

    @property
    def drawn_mode(self) -> ChartMode:
        """What the chart shows at its size: `mode`, or bars when a hexagon has no room."""
        (width, height), below = self.size, self.bars_below
        if self.mode == "radar" and below is not None:
            return "bars" if 0 < width < below[0] or 0 < height < below[1] else "radar"
        return self.mode

    def __init__(
        self,
        *,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """`empty_text` is shown in the middle while no group has a score (from content)."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.empty_text = empty_text
        self.spread_label = ""
        """The legend's words for the individual spread's mark (from content)."""
        self._series: tuple[Series, ...] = ()
        self._labels: tuple[str, ...] = ()
        self._previous: Series | None = None
        self._version = 0
        """Bumped by `show`: part of the key that decides whether to redraw."""
        self._drawn: tuple[object, ...] | None = None
        """The key (size, mode, theme, version) of what the figure holds now."""
        self._built: list[Strip] | None = None
        """The built figure for `_drawn`, as lines: a repaint with nothing changed reuses it."""
        self._layers: dict[tuple[object, ...], plotext_compat.Grid] = {}
        """The radar's built layers (guides, one per series) for `_layers_key`."""
        self._layers_key: tuple[object, ...] = ()
        """Size, theme, labels and colours the layers were built for."""
        self._rows: dict[RowKey, Strip] = {}
        """The last frame's lines by their cells: an unchanged row is not made again."""
        self._ink_of: tuple[str, Ink] = ("", Ink())
        """The ink for the theme it was made for (the theme's variables are costly)."""
        self._scratch = plotext_compat.new_figure()
        """The figure each layer is drawn on and built with, one after the other."""

    @property
    def series(self) -> tuple[Series, ...]:
        """The groups' series last passed to `show`."""
        return self._series

    def show(
        self,
        series: Sequence[Series],
        labels: Sequence[str],
        previous: Series | None = None,
    ) -> None:
        """Draw these groups over these (short) factor labels; `previous` as a dim overlay.
        The same again changes nothing (a redraw of the scene does not build the chart)."""
        shown = (tuple(series), tuple(labels), previous)
        if shown == (self._series, self._labels, self._previous):
            return
        self._series, self._labels, self._previous = shown
        self._version += 1
        self.refresh()

    def watch_mode(self) -> None:
        self.refresh()

    def _ink(self) -> Ink:
        """Colours from the app's theme: text in the foreground, guides halfway to it."""
        theme = self.app.theme
        if self._ink_of[0] != theme:
            self._ink_of = (theme, self._ink_from_theme())
        return self._ink_of[1]

    def _ink_from_theme(self) -> Ink:
        return theme_ink(self.app.theme_variables)

    def _redraw(self, width: int, height: int) -> None:
        # Apply the theme first: plt.text() keeps the canvas colour current at call time.
        # The app's theme may have changed before textual-plotext's signal handler has
        # registered its plotext twin; an unknown name would silently fall back to white.
        theme = self._get_plotext_theme_name(self.app.theme)
        if not plotext_compat.has_theme(theme):
            self._register_theme(self.app.theme)
        self.plt.theme(theme)
        series = list(self._series)
        if self._previous is not None:
            series.insert(0, replace(self._previous, dim=True))
        draw = draw_bars if self.drawn_mode == "bars" else draw_radar
        draw(
            self.plt,
            series,
            self._labels,
            width,
            height,
            ink=self._ink(),
            empty_text=self.empty_text,
        )

    def render_line(self, y: int) -> Strip:
        """One line of the figure; the figure is drawn again only when something changed.

        The lines are made straight from plotext's character and colour grids instead of
        going through its ANSI text (the slow part of textual-plotext's `render`).
        """
        width, height = self.size
        key = (width, height, self.drawn_mode, self.app.theme, self._version)
        if key != self._drawn or self._built is None:
            self._built = self._build(width, height) if width > 0 and height > 0 else []
            self._drawn = key
        if 0 <= y < len(self._built):
            return self._built[y].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)

    def render(self) -> RenderResult:
        """The whole figure as text (what `render_line` shows, for tools that ask)."""
        lines = []
        for y in range(self.size.height if self.size.width else 0):
            line = Text()
            for segment in self.render_line(y):
                line.append(segment.text, segment.style)
            lines.append(line)
        return Text("\n").join(lines)

    def _build(self, width: int, height: int) -> list[Strip]:
        if self.drawn_mode == "bars":
            self._redraw(width, height)
            return grid_strips(plotext_compat.build_grid(self.plt, width, height))
        return grid_strips(self._radar_layers(width, height), self._rows)

    def _radar_layers(self, width: int, height: int) -> plotext_compat.Grid:
        """The radar as layers laid over each other (see `charts.Layer`): the guides, last
        time's mean, each group's line — each kept until what it shows changes — and the
        letters and legend on top. A typed score builds one group's layer and the text."""
        theme = self._plotext_theme()
        ink = self._ink()
        key = (width, height, theme, self._labels, ink)
        if key != self._layers_key:
            self._layers, self._layers_key = {}, key
        series = list(self._series)
        if self._previous is not None:
            series.insert(0, replace(self._previous, dim=True))
        grid = self._layer(("guides",), Layer.GUIDES, (), width, height, theme, ink)
        for s in series:
            line = self._layer(("line", s), Layer.LINES, (s,), width, height, theme, ink)
            grid = plotext_compat.overlay(grid, line)
        self._layers = {k: v for k, v in self._layers.items() if k[0] == "guides" or k[1] in series}
        text = self._scratch_build(Layer.TEXT, series, width, height, theme, ink)
        return plotext_compat.overlay(grid, text)

    def _layer(
        self,
        name: tuple[object, ...],
        layer: str,
        series: Sequence[Series],
        width: int,
        height: int,
        theme: str,
        ink: Ink,
    ) -> plotext_compat.Grid:
        if name not in self._layers:
            built = self._scratch_build(layer, series, width, height, theme, ink)
            self._layers[name] = plotext_compat.copy_grid(built)
        return self._layers[name]

    def _scratch_build(
        self, layer: str, series: Sequence[Series], width: int, height: int, theme: str, ink: Ink
    ) -> Any:
        fig = self._scratch
        fig.theme(theme)
        draw_radar_layer(
            fig,
            layer,
            series,
            self._labels,
            width,
            height,
            ink=ink,
            empty_text=self.empty_text,
            spread_label=self.spread_label,
        )
        return plotext_compat.build_grid(fig, width, height)

    def _plotext_theme(self) -> str:
        """The app's theme as plotext knows it (registered first if it is new)."""
        theme = self._get_plotext_theme_name(self.app.theme)
        if not plotext_compat.has_theme(theme):
            self._register_theme(self.app.theme)
        return theme

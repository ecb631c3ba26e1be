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
from amk_tui.charts import Ink, Series, draw_bars, draw_radar

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


def grid_strips(matrix: Any) -> list[Strip]:
    """plotext's built grids (characters, colours, styles) as Textual lines, top row first."""
    styles: dict[tuple[object, ...], Style] = {}
    strips = []
    for row in reversed(matrix.Rows):
        markers = matrix.marker[row]
        colours = list(
            zip(matrix.fullground[row], matrix.style[row], matrix.background[row], strict=True)
        )
        segments = []
        start = 0
        for col in range(1, len(markers) + 1):
            if col == len(markers) or colours[col] != colours[start]:
                key = tuple(map(repr, colours[start]))
                style = styles.get(key)
                if style is None:
                    style = styles[key] = _style(*colours[start])
                segments.append(Segment("".join(markers[start:col]), style))
                start = col
        strips.append(Strip(segments))
    return strips


def _rgb(color: Color) -> tuple[int, int, int]:
    r, g, b = color.rgb
    return (r, g, b)


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
        self._series: tuple[Series, ...] = ()
        self._labels: tuple[str, ...] = ()
        self._previous: Series | None = None
        self._version = 0
        """Bumped by `show`: part of the key that decides whether to redraw."""
        self._drawn: tuple[object, ...] | None = None
        """The key (size, mode, theme, version) of what the figure holds now."""
        self._built: list[Strip] | None = None
        """The built figure for `_drawn`, as lines: a repaint with nothing changed reuses it."""

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
        """Draw these groups over these (short) factor labels; `previous` as a dim overlay."""
        self._series = tuple(series)
        self._labels = tuple(labels)
        self._previous = previous
        self._version += 1
        self.refresh()

    def watch_mode(self) -> None:
        self.refresh()

    def _ink(self) -> Ink:
        """Colours from the app's theme: text in the foreground, guides halfway to it."""
        variables = self.app.theme_variables
        canvas = Color.parse(variables.get("surface", "#1e1e1e"))
        text = Color.parse(variables.get("foreground", "#e0e0e0"))
        guide = canvas.blend(text, 0.5)
        return Ink(text=_rgb(text), guide=_rgb(guide), canvas=_rgb(canvas))

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
        draw = draw_bars if self.mode == "bars" else draw_radar
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
        key = (width, height, self.mode, self.app.theme, self._version)
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
        self._redraw(width, height)
        return grid_strips(plotext_compat.build_grid(self.plt, width, height))

"""Typing the groups' scores: the grid, and the chart beside it once revealed.

The console's view while the groups report (a digit on the group-work screen opens it; Esc
goes back), and the score round of the alternative program. While the chart is hidden until
the reveal and the room has no window of its own, the grid shows which cells are filled, not
their values: on a mirrored screen the room sees this too.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from amk_tui.config.content import Content
from amk_tui.core.series import Series
from amk_tui.core.series import chart_series as series_of
from amk_tui.views.context import ViewContext
from amk_tui.views.insights import insight_lines
from amk_tui.views.text_once import show_text
from amk_tui.widgets.radar import RadarChart
from amk_tui.widgets.score_grid import ScoreGrid


def chart_series(ctx: ViewContext) -> tuple[list[Series], Series | None]:
    """The groups' series for the scene's view, and last time's mean (if shown)."""
    previous = ctx.previous.groups if ctx.previous is not None else ()
    return series_of(
        ctx.session.groups,
        ctx.scene.series,
        ctx.scene.overlay,
        previous,
        ctx.t("chart.mean"),
        ctx.t("chart.previous"),
    )


class ScoringView(Horizontal):
    """Grid (left) and chart (right); on a narrow window one at a time (`f`)."""

    CHART_MIN_WIDTH = 42
    _fitted: tuple[int, int] = (0, 0)
    """Below this many columns the radar's labels collide: grid and chart become tabs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._prepared: Content | None = None
        """The content whose words the view holds (they are set once per language)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="grid-pane"):
            yield Label(id="instruction")
            yield ScoreGrid((), "", id="grid")
            yield Label(id="grid-hint")
            yield Label(id="tabs-hint")
        with Vertical(id="chart-pane"):
            yield RadarChart(id="chart")
            yield Static(id="chart-hidden")
            yield Label("", id="insights", classes="insights")

    def prepare(self, ctx: ViewContext) -> None:
        """The words that never change during a session (set once, before `show`)."""
        if self._prepared is ctx.content:
            return  # (each label update would cost a layout pass on every digit)
        self._prepared = ctx.content
        grid = self.query_one(ScoreGrid)
        grid.factors = ctx.content.factors
        grid.summary_label = ctx.t("grid.summary")
        grid.decimal = ctx.t("number.decimal")
        instruction = ctx.content.exercise.get("instruction", "")
        self.query_one("#instruction", Label).update(Text(instruction))
        self.query_one("#tabs-hint", Label).update(ctx.t("grid.tabs_hint"))
        self.query_one("#chart-hidden", Static).update(ctx.t("chart.hidden"))
        chart = self.query_one(RadarChart)
        chart.empty_text = ctx.t("chart.empty")
        chart.spread_label = ctx.t("chart.spread")

    def show(self, ctx: ViewContext) -> None:
        session = ctx.session
        hint = "grid.hint_readonly" if ctx.readonly else "grid.hint"
        show_text(self.query_one("#grid-hint", Label), ctx.t(hint))
        self.query_one(ScoreGrid).show(session.groups, masked=not ctx.values_visible)
        hidden = not session.revealed
        chart = self.query_one(RadarChart)
        chart.mode = "bars" if session.view.chart == "bars" else "radar"
        chart.display = not hidden
        self.query_one("#chart-hidden").display = hidden
        series, overlay = chart_series(ctx)
        chart.show(series, [f.short for f in ctx.content.factors], overlay)
        insights = self.query_one("#insights", Label)
        show_text(insights, Text("\n".join(insight_lines(ctx))))
        insights.display = not hidden  # "lowest" and "most split" would anchor the rest too
        self.fit(len(session.groups))

    def on_resize(self) -> None:
        if self._fitted != (0, 0):  # drawn once: the same groups, the new width
            self.fit(self._fitted[1])

    def fit(self, groups: int) -> None:
        """Side by side when the chart gets enough room, else one at a time (`f` switches)."""
        width = self.size.width or self.app.size.width
        if (width, groups) == self._fitted:
            return
        self._fitted = (width, groups)
        narrow = width < 120
        grid = self.query_one(ScoreGrid)
        grid.cell_padding = 0 if narrow else 1
        grid_width = 16 + (3 if narrow else 5) * max(1, groups) + (12 if narrow else 16)
        self.set_class(width - grid_width < self.CHART_MIN_WIDTH, "-tabs")

    def first_empty(self, ctx: ViewContext) -> tuple[int, int] | None:
        """The first cell without a score, group by group (where typing goes on)."""
        from amk_tui.core.scores import FACTOR_IDS

        for g, group in enumerate(ctx.session.groups):
            for f, factor in enumerate(FACTOR_IDS):
                if group.value(factor) is None:
                    return g, f
        return None

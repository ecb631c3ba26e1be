"""Opsamling opens on the comparison: every group's line on the chart, and what it says.

The radar (or the bars, `c`) fills the left; on the right, in words the room can read: the
lowest factor, the factor the groups disagree on most, and the change since last time. Until
the reveal the room sees that the result comes, not the result.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from amk_tui.views.context import ViewContext
from amk_tui.views.insights import insight_lines
from amk_tui.views.scoring import chart_series
from amk_tui.widgets.radar import RadarChart

SMALL_RADAR = (50, 16)
"""Below this chart size (columns, rows) the radar's letters pile up: bars instead."""


class ComparisonView(Horizontal):
    """The chart of all groups and the insights beside it."""

    DEFAULT_CSS = """
    ComparisonView > #comparison-chart { width: 2fr; height: 1fr; }
    ComparisonView > #comparison-side { width: 1fr; min-width: 30; max-width: 56; height: 1fr; }
    ComparisonView #comparison-hidden { width: 1fr; height: 1fr; display: none; }
    ComparisonView.-hidden > #comparison-chart { display: none; }
    ComparisonView.-hidden > #comparison-side { display: none; }
    ComparisonView.-hidden #comparison-hidden { display: block; }
    ComparisonView.-narrow { layout: vertical; }
    ComparisonView.-narrow > #comparison-chart { width: 100%; }
    ComparisonView.-narrow > #comparison-side { width: 100%; max-width: 100%; height: auto; }
    """

    def compose(self) -> ComposeResult:
        chart = RadarChart(id="comparison-chart")
        chart.bars_below = SMALL_RADAR  # bars when the chart's own size is small
        yield chart
        with Vertical(id="comparison-side"):
            yield Static(id="comparison-heading")
            yield Static(id="comparison-insights")
        yield Static(id="comparison-hidden")

    def show(self, ctx: ViewContext) -> None:
        hidden = not ctx.revealed
        self.set_class(hidden, "-hidden")
        key = "comparison.hidden_room" if ctx.room else "comparison.hidden"
        self.query_one("#comparison-hidden", Static).update(Text(ctx.t(key), Style(bold=True)))
        chart = self.query_one(RadarChart)
        chart.empty_text = ctx.t("chart.empty")
        chart.spread_label = ctx.t("chart.spread")
        self._kind = ctx.session.view.chart
        series, overlay = chart_series(ctx)
        chart.show(series, [f.short for f in ctx.content.factors], overlay)
        heading = Text(ctx.t("comparison.heading"), Style(bold=True))
        self.query_one("#comparison-heading", Static).update(heading)
        text = Text()
        for n, line in enumerate(insight_lines(ctx, long=True)):
            text.append(("\n\n" if n else "") + line)
        self.query_one("#comparison-insights", Static).update(text)
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.size.width
        if width:  # before the first layout the width is 0: no guess (a radar drawn for nothing)
            self.set_class(width < 90, "-narrow")
        chart = self.query_one(RadarChart)
        chart.mode = "bars" if getattr(self, "_kind", "radar") == "bars" else "radar"

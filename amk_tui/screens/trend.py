"""Udvikling over tid: an AMG's six factors over its workshops, for the room to see.

Opened with `t` from Opsamling's comparison (when the AMG has two or more earlier
workshops) and from the start screen for the AMG picked there. The chart fills the screen;
below it, per factor, the first and the last workshop's mean and the change between them.
The trend comes from the app (its listing index); this screen only draws it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from amk_tui.core.scores import format_mean, format_trend
from amk_tui.core.text import one_line
from amk_tui.core.trend import Trend, factor_series
from amk_tui.screens.base import AmkModal
from amk_tui.widgets.trend_chart import TrendChart


class TrendScreen(AmkModal[None]):
    """The trend of one AMG; Esc (or `t` again) goes back."""

    BINDINGS = [Binding("escape,t,q", "close", "key.close")]

    def __init__(self, trend: Trend) -> None:
        super().__init__(classes="trend-screen")
        self.trend = trend

    def compose(self) -> ComposeResult:
        with Vertical(id="trend-panel"):
            title = self.t("trend.title", amg=one_line(self.trend.amg, 60))
            yield Label(Text(title, Style(bold=True)), id="trend-title")
            yield TrendChart(id="trend-chart")
            yield Static(id="trend-table")
            yield Label(self.t("trend.hint"), id="trend-hint")

    def on_mount(self) -> None:
        trend, content = self.trend, self.content
        series = factor_series(trend, [f.short for f in content.factors])
        dates = [content.date(d) for d in trend.dates]
        self.query_one(TrendChart).show(series, dates)
        self.query_one("#trend-table", Static).update(self.table())

    def table(self) -> Text:
        """Per factor: first → last workshop and the change (decimal mark of the language)."""
        trend, content = self.trend, self.content
        decimal = self.t("number.decimal")
        first, last = trend.visits[0], trend.visits[-1]
        width = max(len(f.short) for f in content.factors) + 3
        head = self.t("trend.columns", first=content.date(first.date), last=content.date(last.date),
                      n=len(trend.visits))  # fmt: skip
        text = Text(f"{'':<{width}}{head}\n", Style(bold=True))
        for i, f in enumerate(content.factors):
            delta = trend.change(f.id)
            change = "" if delta is None else format_trend(delta, decimal)
            before, now = (format_mean(v.means[i], decimal) for v in (first, last))
            text.append(f"{f.number} {f.short:<{width - 2}}", Style(bold=True))
            text.append(f"{before:>6}  →  {now:<6} {change}\n")
        return text

    def action_close(self) -> None:
        self.dismiss()


def _signed(value: float, decimal: str) -> str:
    text = f"{abs(value):.1f}".replace(".", decimal)
    return ("±" if text.strip("0,.") == "" else "+" if value > 0 else "−") + text

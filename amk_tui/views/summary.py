"""The end of the workshop on the room's screen: the comparison, and the action plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from amk_tui.views.comparison import ComparisonView
from amk_tui.views.context import ViewContext
from amk_tui.views.plan import PlanView


class SummaryView(Vertical):
    """What the AMG takes home: where it stands, and what it will do."""

    DEFAULT_CSS = """
    SummaryView > ComparisonView { height: 3fr; }
    SummaryView > PlanView { height: 2fr; }
    """

    def compose(self) -> ComposeResult:
        yield ComparisonView(id="summary-comparison")
        yield PlanView(room=True, id="summary-plan")

    def show(self, ctx: ViewContext) -> None:
        self.query_one(ComparisonView).show(ctx)
        self.query_one(PlanView).show(ctx)

"""The end of the workshop on the room's screen: the comparison, and the action plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from amk_tui.views.comparison import ComparisonView
from amk_tui.views.plan import PlanView
from amk_tui.views.scene import ChartChoice, Scene


class SummaryView(Vertical):
    """What the AMG takes home: where it stands, and what it will do."""

    DEFAULT_CSS = """
    SummaryView > ComparisonView { height: 3fr; }
    SummaryView > PlanView { height: 2fr; }
    """

    def compose(self) -> ComposeResult:
        yield ComparisonView(id="summary-comparison")
        yield PlanView(room=True, id="summary-plan")

    def show(self, scene: Scene) -> None:
        self.query_one(ComparisonView).show(scene, ChartChoice())
        self.query_one(PlanView).show(scene)

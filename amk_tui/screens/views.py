"""Making, drawing and focusing the views of the program's items (console and room alike)."""

from __future__ import annotations

from textual.widget import Widget

from amk_tui.views.scene import ChartChoice, Scene


def make_view(kind: str, warn_seconds: float, scene: Scene, room: bool = False) -> Widget:
    """A new view for items of this kind, with its id (`view-<kind>`); `warn_seconds` is
    when the group work's big countdown turns amber."""
    from amk_tui.core.countdown import Countdown

    ident = f"view-{kind}"
    if kind == "slide":
        from amk_tui.views.slide import SlideView

        return SlideView(id=ident)
    if kind == "groupwork":
        from amk_tui.views.groupwork import GroupWorkView

        session = scene.session

        def countdown() -> Countdown | None:
            return session.agenda.countdown

        return GroupWorkView(countdown, warn_seconds, id=ident)
    if kind == "scoring":
        from amk_tui.views.scoring import ScoringView

        return ScoringView(id=ident)
    if kind == "comparison":
        from amk_tui.views.comparison import ComparisonView

        return ComparisonView(id=ident)
    if kind == "question":
        from amk_tui.views.question import QuestionView

        return QuestionView(room=room, id=ident)
    from amk_tui.views.plan import PlanView

    return PlanView(room=room, id=ident)


def draw(view: Widget, kind: str, scene: Scene, choice: ChartChoice) -> None:
    """Draw an item on its view from the scene."""
    from amk_tui.views.comparison import ComparisonView
    from amk_tui.views.scoring import ScoringView

    if isinstance(view, ScoringView):
        view.prepare(scene)
        view.show(scene, choice)
    elif isinstance(view, ComparisonView):
        view.show(scene, choice)
    else:
        view.show(scene)  # type: ignore[attr-defined]


def focus_target(view: Widget, kind: str) -> Widget | None:
    """What gets the keyboard on arriving at an item: never a text field (keys stay keys)."""
    if kind == "scoring":
        from amk_tui.widgets.score_grid import ScoreGrid

        return view.query_one(ScoreGrid)
    if kind == "question":
        from amk_tui.widgets.prompt_card import PromptCard

        return view.query_one(PromptCard)
    if kind == "plan":
        from amk_tui.widgets.action_table import ActionTable

        return view.query_one(ActionTable)
    if kind == "slide":
        return view
    return None

"""Making, drawing and focusing the views of the program's items (console and room alike)."""

from __future__ import annotations

from textual.widget import Widget

from amk_tui.views.context import ViewContext
from amk_tui.widgets.countdown import Now, TimerSource


def make_view(kind: str, timer: TimerSource, now: Now, room: bool = False) -> Widget:
    """A new view for items of this kind, with its id (`view-<kind>`), hidden until the
    owner's `ContentSwitcher` makes it current (a view made while another is on the screen
    must not show beside it). The group work's big countdown shows `timer()` — the owner's
    current scene's timer, never one it was made with — at the monotonic moment `now()`."""
    view = _new_view(kind, f"view-{kind}", timer, now, room)
    view.display = False
    return view


def _new_view(kind: str, ident: str, timer: TimerSource, now: Now, room: bool) -> Widget:
    if kind == "slide":
        from amk_tui.views.slide import SlideView

        return SlideView(id=ident)
    if kind in ("groupwork", "discuss"):  # a slide with every question and a big countdown
        from amk_tui.views.groupwork import GroupWorkView

        return GroupWorkView(timer, now, id=ident)
    if kind == "scoring":
        from amk_tui.views.scoring import ScoringView

        return ScoringView(id=ident)
    if kind == "comparison":
        from amk_tui.views.comparison import ComparisonView

        return ComparisonView(id=ident)
    if kind == "question":
        from amk_tui.views.question import QuestionView

        return QuestionView(room=room, id=ident)
    if kind == "followup":
        from amk_tui.views.followup import FollowupView

        return FollowupView(id=ident)
    if kind == "summary":
        from amk_tui.views.summary import SummaryView

        return SummaryView(id=ident)
    from amk_tui.views.plan import PlanView

    return PlanView(room=room, id=ident)


def draw(view: Widget, ctx: ViewContext) -> None:
    """Draw the scene on its view."""
    from amk_tui.views.scoring import ScoringView

    if isinstance(view, ScoringView):
        view.prepare(ctx)
    view.show(ctx)  # type: ignore[attr-defined]


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

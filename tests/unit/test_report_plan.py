"""The referat's action plan is the plan on the screen: carried-over actions included; one
action is said in the singular."""

from __future__ import annotations

from amk_tui.core.session import Action
from amk_tui.reports.markdown import markdown_report
from tests.unit.report_support import load, referat


def test_the_plan_holds_the_carried_over_actions_as_the_screen_does() -> None:
    session = load("session.toml")
    carried = [a for a in session.actions if a.origin]
    assert carried  # the fixture carries one over from last time
    plan = referat(session).actions
    assert len(plan) == len(session.actions)
    assert [a.what for a in plan][-len(carried) :] == [a.what for a in carried]


def test_one_action_is_one_handling() -> None:
    session = load("session.toml")
    session.actions = [Action("Fast punkt på AMG-mødet", owner="AMR")]
    text = markdown_report(referat(session))
    assert "Handlingsplan: 1 handling, ikke afsluttet." in text
    session.actions[0].status = "done"
    assert "Handlingsplan: 1 handling, afsluttet." in markdown_report(referat(session))
    assert "1 handlinger" not in text

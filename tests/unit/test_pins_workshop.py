"""The workshop's moves a facilitator sees the effect of: the discussion slide's own
countdown, last time's actions followed up, and the room's view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from amk_tui.config import load_config
from amk_tui.core.change import Change, Refusal
from amk_tui.core.clock import FakeClock
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.session import Action, Session
from amk_tui.core.setup import new_session
from amk_tui.core.workshop import Workshop

PROGRAM = load_config(Path(__file__).resolve().parents[2] / "config.toml").program


class Ear:
    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.refusals: list[Refusal] = []

    def workshop_changed(self, change: Change) -> None:
        self.changes.append(change)

    def workshop_refused(self, reason: Refusal) -> None:
        self.refusals.append(reason)


def items(step: Step) -> tuple[Item, ...]:
    """The wrap-up opens on its discussion slide, then a question; every other step has one."""
    if step.phase.kind == "wrapup":
        return (Item("discuss"), Item("answer", "a"))
    return (Item("slide", index=0, of=1),)


def make(previous: Session | None = None) -> tuple[Workshop, Ear]:
    session = new_session("AMG", PROGRAM, groups=["", ""], date=dt.date(2026, 11, 26),
                          clock=FakeClock())  # fmt: skip
    ear = Ear()
    return Workshop(session, items=items, listener=ear, previous=previous), ear


def wrapup(ws: Workshop) -> int:
    return next(i for i, s in enumerate(ws.session.agenda.steps) if s.phase.kind == "wrapup")


def test_the_discussion_slide_runs_its_own_countdown_only_while_it_is_shown() -> None:
    ws, _ = make()
    agenda = ws.session.agenda
    step = agenda.steps[wrapup(ws)]
    ws.go(wrapup(ws))
    discuss = agenda.countdowns[step.phase.discuss_key]
    assert ws.countdown is discuss and discuss.state == "running"  # arrived on it: it runs
    ws.set_item(1)
    assert discuss.state == "paused" and ws.countdown is agenda.countdowns[step.key]
    assert agenda.countdowns[step.key].state == "running"  # the phase's goes on meanwhile
    ws.set_item(0)
    assert discuss.state == "running"
    ws.go(0)  # away from the slide to another step: it stops with it
    assert discuss.state == "paused"


def test_following_up_last_times_actions_carries_on_what_goes_on() -> None:
    previous = new_session(
        "AMG", PROGRAM, groups=["A"], date=dt.date(2026, 5, 1), clock=FakeClock()
    )
    previous.id = "2026-05-01-amg"
    done = Action("Done", owner="AMR")
    going = Action("Going", owner="Leder", deadline=dt.date(2026, 6, 1))
    carried = Action("As it was", status="in-progress")
    dropped = Action("Dropped")
    previous.actions = [done, going, carried, dropped]
    ws, ear = make(previous)
    marks = [(done, "done"), (going, "in-progress"), (carried, "carry"), (dropped, "dropped")]
    change = ws.follow_up(marks, previous.id)
    assert change is not None and change.what == "followup" and ear.changes[-1] is change
    s = ws.session
    assert [(f.what, f.mark, f.session) for f in s.followups] == [
        ("Done", "done", previous.id), ("Going", "in-progress", previous.id),
        ("As it was", "carry", previous.id), ("Dropped", "dropped", previous.id),
    ]  # fmt: skip
    plan = [(a.what, a.status, a.origin, a.deadline) for a in s.actions]
    assert plan == [
        ("Going", "in-progress", previous.id, dt.date(2026, 6, 1)),
        ("As it was", "in-progress", previous.id, None),
    ]
    assert s.previous == previous.id and s.view.followup == []


def test_marking_last_times_actions_on_the_room_is_a_change_of_the_view() -> None:
    ws, ear = make()
    change = ws.review_followup(["done", ""])
    assert change is not None and change.what == "view" and change.save
    assert ws.session.view.followup == ["done", ""]
    assert ws.review_followup(["done", ""]) is None  # nothing new: no change
    assert len(ear.changes) == 1


def test_the_overlay_of_last_time_needs_a_last_time() -> None:
    ws, ear = make()
    assert ws.toggle_overlay() is None and ear.refusals == ["no_previous"]
    previous = new_session(
        "AMG", PROGRAM, groups=["A"], date=dt.date(2026, 5, 1), clock=FakeClock()
    )
    ws, ear = make(previous)
    before = ws.session.view.overlay
    change = ws.toggle_overlay()
    assert change is not None and change.what == "view"
    assert ws.session.view.overlay is (not before) and ear.refusals == []

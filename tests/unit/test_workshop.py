"""The core Workshop: every change goes through it, with its rules, as exactly one Change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from amk_tui.config import load_config
from amk_tui.core.change import CARRY, Change, Refusal
from amk_tui.core.clock import FakeClock
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.scores import MAX_GROUPS
from amk_tui.core.session import Action, Session
from amk_tui.core.setup import new_session
from amk_tui.core.workshop import Workshop

PROGRAM = load_config(Path(__file__).resolve().parents[2] / "config.toml").program


class Ear:
    """A listener that writes down what it hears."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.refusals: list[Refusal] = []

    def workshop_changed(self, change: Change) -> None:
        self.changes.append(change)

    def workshop_refused(self, reason: Refusal) -> None:
        self.refusals.append(reason)

    @property
    def whats(self) -> list[str]:
        return [c.what for c in self.changes]


def items(step: Step) -> tuple[Item, ...]:
    """Three slides, the group work (or a score round, two questions in a discuss round),
    four wrap-up items."""
    if step.phase.kind == "presentation":
        return tuple(Item("slide", index=i, of=3) for i in range(3))
    if step.round is not None and step.round.kind == "discuss":
        return (Item("question", "a"), Item("question", "b"))
    if step.phase.kind == "wrapup":
        return (Item("comparison"), Item("answer", "a"), Item("decisions"), Item("plan"))
    return (Item("scoring"),) if step.round is not None else (Item("groupwork"),)


def make(clock: FakeClock | None = None, **kwargs: object) -> tuple[Workshop, Ear]:
    session = new_session(
        "AMG", PROGRAM, groups=["", ""], date=dt.date(2026, 11, 26), clock=clock or FakeClock()
    )
    ear = Ear()
    return Workshop(session, items=items, listener=ear, **kwargs), ear  # type: ignore[arg-type]


def test_each_change_is_heard_once_with_a_rising_revision() -> None:
    w, ear = make()
    w.score(0, "viden", 4)
    w.toggle_reveal()
    w.add_group()
    assert ear.whats == ["scores", "reveal", "groups"]
    assert [c.revision for c in ear.changes] == [1, 2, 3]
    assert all(c.save for c in ear.changes)
    assert w.session.groups[0].scores == {"viden": 4}


def test_clearing_a_score_and_a_bad_group_or_factor() -> None:
    w, ear = make()
    w.score(1, "aabenhed", 2)
    w.score(1, "aabenhed", None)
    assert w.session.groups[1].scores == {}
    assert w.score(5, "aabenhed", 3) is None
    assert w.score(0, "tillid", 3) is None
    assert ear.refusals == ["no_group", "no_group"]
    assert ear.whats == ["scores", "scores"]


def test_read_only_refuses_every_edit_and_changes_nothing() -> None:
    w, ear = make(view_only=True)
    before = w.session.to_dict()
    results = [
        w.score(0, "viden", 3),
        w.add_group(),
        w.rename_group(0, "X"),
        w.remove_group(0),
        w.add_row(0, (1, 2, 3, 4, 5, 1)),
        w.toggle_reveal(),
        w.toggle_timer(),
        w.extend(1),
        w.reset_timer(),
        w.remove_action(0),
        w.follow_up([], "old"),
        w.finish(),
        w.toggle_room_notes(),
    ]
    assert results == [None] * len(results)
    assert set(ear.refusals) == {"readonly"} and len(ear.refusals) == len(results)
    assert w.answer("hvorfor", "notes", "tekst") is None  # a late field: silently ignored
    assert w.save_action(None, Action("x")) is None
    assert w.keep_draft({"what": "x"}, None) is None
    assert w.session.to_dict() == before
    assert ear.changes == []


def test_a_finished_workshop_is_read_only_until_reopened() -> None:
    w, ear = make()
    assert w.finish() is not None and w.readonly
    assert w.score(0, "viden", 3) is None
    assert w.reopen() is not None and not w.readonly
    assert w.reopen() is None
    assert ear.refusals == ["readonly", "not_finished"]
    assert ear.whats == ["status", "status"]


def test_a_view_only_workshop_cannot_be_reopened() -> None:
    w, ear = make(view_only=True)
    w.session.finish()
    assert w.reopen() is None and ear.refusals == ["readonly"]


def test_at_most_eight_groups() -> None:
    w, ear = make()
    for _ in range(MAX_GROUPS - 2):
        assert w.add_group("Gruppe {letter}") is not None
    assert len(w.session.groups) == MAX_GROUPS
    assert w.session.groups[-1].name == "Gruppe H"
    assert w.add_group() is None and ear.refusals == ["max_groups"]


def test_rename_and_remove_groups() -> None:
    w, _ = make()
    assert w.rename_group(0, "  Lager ") is not None
    assert w.session.groups[0].name == "Lager"
    assert w.rename_group(0, "   ") is None  # an empty name keeps the old one
    assert w.remove_group(0) is not None
    assert [g.letter for g in w.session.groups] == ["B"]
    assert w.remove_group(3) is None


def test_paper_slips_add_replace_remove() -> None:
    w, ear = make()
    w.add_row(0, (1, 2, 3, 4, 5, None))
    w.add_row(0, (2, 2, 2, 2, 2, 2))
    w.set_row(0, 0, (5, 5, 5, 5, 5, 5))
    w.remove_row(0, 1)
    assert w.session.groups[0].rows == [(5, 5, 5, 5, 5, 5)]
    assert w.set_row(0, 4, (1,) * 6) is None
    assert w.remove_row(9, 0) is None
    assert ear.whats == ["rows"] * 4


def test_stepping_through_items_and_steps() -> None:
    clock = FakeClock()
    w, ear = make(clock)
    assert w.step is None
    w.next()  # the program starts: first slide
    assert w.session.agenda.index == 0 and w.item == 0
    w.next()
    w.next()
    assert w.item == 2
    w.next()  # past the last slide: the group work
    assert w.step is not None and w.step.key == "dialog"
    assert w.current == Item("groupwork")
    w.next()  # then Opsamling, on the comparison
    assert w.step is not None and w.step.key == "opsamling" and w.current == Item("comparison")
    w.prev()  # back: the group work
    w.prev()  # back: the last slide of the presentation
    assert w.step is not None and w.step.key == "oplaeg" and w.item == 2
    assert set(ear.whats) == {"position"}


def test_stepping_through_the_rounds_of_the_alternative() -> None:
    alt = load_config(Path(__file__).resolve().parents[1] / "data/config/vurder-droeft.toml")
    session = new_session(
        "AMG", alt.program, groups=["", ""], date=dt.date(2026, 11, 26), clock=FakeClock()
    )
    w = Workshop(session, items=items)
    for _ in range(4):
        w.next()
    assert w.step is not None and w.step.key == "dialog/vurder" and w.current == Item("scoring")
    w.next()
    assert w.step is not None and w.step.key == "dialog/droeft" and w.item == 0
    w.next()
    w.next()
    assert w.step is not None and w.step.key == "opsamling"
    w.prev()  # back into the discuss round at its last question
    assert w.step is not None and w.step.key == "dialog/droeft" and w.item == 1


def test_the_end_of_the_program_is_a_refusal_that_says_so() -> None:
    w, ear = make()
    last = len(w.session.agenda.steps) - 1
    w.go(last)
    w.set_item(99)
    assert w.item == 3
    assert w.next() is None
    assert ear.refusals == ["end"]
    assert w.session.agenda.index == last


def test_prev_at_the_very_start_does_nothing() -> None:
    w, ear = make()
    assert w.prev() is None
    w.go(0)
    assert w.prev() is None
    assert ear.refusals == []


def test_going_to_a_step_starts_its_countdown_unless_read_only() -> None:
    clock = FakeClock()
    w, _ = make(clock)
    w.go(0)
    clock.advance(30)
    countdown = w.session.agenda.countdown
    assert countdown is not None and countdown.elapsed == 30
    ro, ear = make(clock, view_only=True)
    ro.go(1)
    clock.advance(30)
    assert ro.session.agenda.countdown is not None
    assert ro.session.agenda.countdown.elapsed == 0
    assert ear.changes[-1].save is False  # browsing a read-only workshop writes nothing


def test_timer_keys_need_a_current_step() -> None:
    w, ear = make()
    assert w.toggle_timer() is None and ear.refusals == ["no_timer"]
    w.go(0)
    w.extend(5)
    w.extend(-1)
    countdown = w.session.agenda.countdown
    assert countdown is not None and countdown.duration == 600 + 240
    w.toggle_timer()
    assert countdown.state == "paused"
    w.reset_timer()
    assert countdown.duration == 600
    assert ear.whats[-4:] == ["timer"] * 4


def test_the_alert_is_taken_once_and_is_a_change() -> None:
    clock = FakeClock()
    w, ear = make(clock)
    w.go(0)
    clock.advance(601)
    assert w.take_alert() is True
    assert w.take_alert() is False
    assert ear.whats == ["position", "timer"]


def test_answers_change_only_when_something_changed() -> None:
    w, ear = make()
    assert w.answer("hvorfor", "notes", "Fordi") is not None
    assert w.answer("hvorfor", "notes", "Fordi") is None
    assert w.answer("prioriter", "priorities", values=("viden", "tillid")) is not None
    assert w.session.priorities == ["viden"]
    assert ear.whats == ["answers", "answers"]


def test_an_action_draft_then_saved_then_edited_and_removed() -> None:
    w, ear = make()
    w.keep_draft({"what": "Fast pu"}, None)
    assert w.session.draft == {"what": "Fast pu", "index": ""}
    assert w.draft_index() is None
    w.save_action(None, Action("Fast punkt"))
    assert w.session.draft == {} and [a.what for a in w.session.actions] == ["Fast punkt"]
    w.keep_draft({"what": "Fast punkt!"}, 0)
    assert w.draft_index() == 0
    w.save_action(0, Action("Fast punkt!"))
    w.save_action(None, None)  # cancelled: only the draft goes
    assert [a.what for a in w.session.actions] == ["Fast punkt!"]
    assert w.remove_action(3) is None
    w.remove_action(0)
    assert w.session.actions == []
    assert ear.whats == ["draft", "actions", "draft", "actions", "actions", "actions"]


def test_a_draft_index_past_the_plan_means_a_new_action() -> None:
    w, _ = make()
    w.session.draft = {"what": "x", "index": "7"}
    assert w.draft_index() is None


def test_follow_up_is_recorded_here_and_carries_in_progress_and_carried_actions() -> None:
    """A finished workshop is a record: the follow-up lives in the new one; "i gang" and
    "c" carry the action into the new plan ("videreført"), done and dropped do not."""
    w, ear = make()
    old = [
        Action("Ny APV", owner="AMR", status="in-progress", extra={"carried_to": "x"}),
        Action("Fast punkt", owner="Leder", deadline=dt.date(2026, 6, 1)),
        Action("Gjort", owner="AMG"),
        Action("Opgivet", owner="AMG"),
    ]
    marks = ["in-progress", CARRY, "done", "dropped"]
    w.follow_up(list(zip(old, marks, strict=True)), "2026-05-01-amg")
    assert w.session.previous == "2026-05-01-amg"
    assert [(f.what, f.mark, f.session) for f in w.session.followups] == [
        ("Ny APV", "in-progress", "2026-05-01-amg"),
        ("Fast punkt", "carry", "2026-05-01-amg"),
        ("Gjort", "done", "2026-05-01-amg"),
        ("Opgivet", "dropped", "2026-05-01-amg"),
    ]
    assert [(a.what, a.status, a.origin, a.extra) for a in w.session.actions] == [
        ("Ny APV", "in-progress", "2026-05-01-amg", {}),
        ("Fast punkt", "open", "2026-05-01-amg", {}),
    ]
    assert w.session.actions[1].deadline == dt.date(2026, 6, 1)
    assert old[0].status == "in-progress" and old[1].status == "open"  # last time unchanged
    assert ear.whats == ["followup"] and CARRY == "carry"


def test_the_rooms_view_keys() -> None:
    w, ear = make()
    w.toggle_blank()
    w.toggle_room_notes()
    w.toggle_chart()
    view = w.session.view
    assert (view.blank, view.notes_hidden, view.chart) == (True, True, "bars")
    w.toggle_chart()
    assert view.chart == "radar"
    assert ear.whats == ["view"] * 4


def test_blank_and_chart_work_on_a_read_only_workshop_without_saving() -> None:
    w, ear = make(view_only=True)
    w.toggle_blank()
    w.toggle_chart()
    assert [c.save for c in ear.changes] == [False, False]


def test_item_count_and_position_before_the_start() -> None:
    w, _ = make()
    assert w.item_count() == 1 and w.item == 0
    assert w.set_item(2) is None


def test_a_negative_cursor_means_the_last_item() -> None:
    w, _ = make()
    w.go(0, at_end=True)
    assert w.item == 2


@pytest.mark.parametrize("session_kind", ["new", "finished"])
def test_a_workshop_without_a_listener_works(session_kind: str) -> None:
    session = Session(amg="AMG", program=PROGRAM, clock=FakeClock())
    if session_kind == "finished":
        session.finish()
    w = Workshop(session)
    w.add_group()
    assert len(session.groups) == (1 if session_kind == "new" else 0)


def test_a_follow_up_is_needed_only_for_open_actions_not_yet_followed_up() -> None:
    old = new_session("AMG", PROGRAM, groups=["A"], date=dt.date(2026, 5, 1), clock=FakeClock())
    old.id = "2026-05-01-amg"
    old.actions = [Action("Gjort", status="done")]
    w, _ = make(previous=old)
    assert not w.needs_followup  # nothing open last time
    old.actions.append(Action("Åben"))
    assert w.needs_followup
    w.follow_up([], old.id)
    assert not w.needs_followup  # followed up already
    fresh, _ = make(previous=old)
    fresh.go(0)
    assert not fresh.needs_followup  # the program has started
    assert not make(previous=old, view_only=True)[0].needs_followup

"""The Workshop's edges: positions at both ends, indexes one past the last, refusals heard.

(The mutation run found these unchecked: `<` for `<=` at an index bound, a refusal not
made, a position one off.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from amk_tui.config import load_config
from amk_tui.core.change import Change, Refusal
from amk_tui.core.clock import FakeClock
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.session import Action
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


def three_slides(step: Step) -> tuple[Item, ...]:
    n = 3 if step.phase.kind == "presentation" else 1
    return tuple(Item("slide", index=i, of=n) for i in range(n))


def make(items: bool = True, view_only: bool = False) -> tuple[Workshop, Ear]:
    session = new_session(
        "AMG", PROGRAM, groups=["", ""], date=dt.date(2026, 11, 26), clock=FakeClock()
    )
    session.groups[0].rows.append((1, 2, 3, 4, 5, None))
    session.actions.append(Action("x"))
    ear = Ear()
    workshop = Workshop(
        session, items=three_slides if items else None, listener=ear, view_only=view_only
    )
    return workshop, ear


def test_a_change_is_saved_unless_said_otherwise() -> None:
    assert Change("scores", 1).save is True


def test_without_an_item_counter_every_step_has_one_item() -> None:
    w, _ = make(items=False)
    assert w.item_count() == 1  # before the start, too
    w.go(0)
    assert w.item_count() == 1 and w.item == 0


def test_a_position_past_the_last_item_is_the_last() -> None:
    w, _ = make()
    w.go(0)
    w.session.cursor["oplaeg"] = 10
    assert w.item == 2
    w.session.cursor["oplaeg"] = -1
    assert w.item == 2


@pytest.mark.parametrize(("wanted", "item"), [(-5, 0), (0, 0), (1, 1), (2, 2), (99, 2)])
def test_set_item_stays_inside_the_step(wanted: int, item: int) -> None:
    w, _ = make()
    w.go(0)
    change = w.set_item(wanted)
    assert change is not None and change.save and w.item == item
    assert w.session.cursor["oplaeg"] == item


def test_browsing_a_read_only_workshop_is_not_saved() -> None:
    w, _ = make(view_only=True)
    w.go(0)
    change = w.set_item(1)
    assert change is not None and not change.save and w.item == 1


def test_prev_walks_back_one_item_then_to_the_last_item_of_the_step_before() -> None:
    w, _ = make()
    w.go(0)
    w.set_item(2)
    w.prev()
    assert w.item == 1
    w.prev()
    assert w.item == 0
    w.go(1)
    w.prev()
    assert w.step is not None and w.step.key == "oplaeg" and w.item == 2


def bound_cases() -> list[tuple[str, tuple[object, ...]]]:
    """Each call with an index one past the last."""
    return [
        ("score", (2, "viden", 3)),
        ("rename_group", (2, "New")),
        ("remove_group", (2,)),
        ("add_row", (2, (1, 1, 1, 1, 1, 1))),
        ("set_row", (2, 0, (1, 1, 1, 1, 1, 1))),
        ("remove_row", (2, 0)),
    ]


@pytest.mark.parametrize(("method", "args"), bound_cases(), ids=[m for m, _ in bound_cases()])
def test_one_group_past_the_last_is_refused_not_a_crash(
    method: str, args: tuple[object, ...]
) -> None:
    w, ear = make()
    before = w.session.to_dict()
    assert getattr(w, method)(*args) is None
    assert ear.refusals == ["no_group"] and ear.changes == []
    assert w.session.to_dict() == before


def test_one_row_or_action_past_the_last_changes_nothing() -> None:
    w, _ = make()
    row = (2, 2, 2, 2, 2, 2)
    assert w.set_row(0, 1, row) is None and w.remove_row(0, 1) is None
    assert w.remove_action(1) is None
    assert w.save_action(1, Action("y")) is not None  # the form closes, nothing replaced
    assert [a.what for a in w.session.actions] == ["x"]
    assert w.session.groups[0].rows == [(1, 2, 3, 4, 5, None)]
    assert w.set_row(0, 0, row) is not None and w.session.groups[0].rows == [row]
    assert w.remove_row(0, 0) is not None and w.session.groups[0].rows == []
    assert w.save_action(0, Action("z")) is not None and w.session.actions[0].what == "z"
    assert w.remove_action(0) is not None and w.session.actions == []


def test_a_draft_for_the_action_past_the_last_is_a_new_one() -> None:
    w, _ = make()
    w.keep_draft({"what": "y"}, 1)
    assert w.draft_index() is None
    w.keep_draft({"what": "y"}, 0)
    assert w.draft_index() == 0


def test_reveal_toggles_both_ways() -> None:
    w, ear = make()
    start = w.session.revealed
    w.toggle_reveal()
    assert w.session.revealed is (not start)
    w.toggle_reveal()
    assert w.session.revealed is start and [c.what for c in ear.changes] == ["reveal"] * 2


def test_lists_stop_at_their_limit_and_names_are_cut() -> None:
    from amk_tui.core.limits import MAX_ITEMS, MAX_NAME, MAX_ROWS

    workshop, ear = make()
    session = workshop.session
    session.groups[0].rows.extend([(1, 1, 1, 1, 1, 1)] * (MAX_ROWS - 1))
    assert workshop.add_row(0, (2, 2, 2, 2, 2, 2)) is None
    assert ear.refusals == ["full"] and len(session.groups[0].rows) == MAX_ROWS
    session.actions.extend([Action("y")] * (MAX_ITEMS - 1))
    workshop.save_action(None, Action("one too many"))
    assert ear.refusals == ["full", "full"] and len(session.actions) == MAX_ITEMS
    assert workshop.save_action(0, Action("edited")) is not None  # editing is still fine
    assert session.actions[0].what == "edited"
    assert workshop.rename_group(1, "n" * 5000) is not None
    assert len(session.groups[1].name) == MAX_NAME and session.groups[1].name.startswith("nnn")

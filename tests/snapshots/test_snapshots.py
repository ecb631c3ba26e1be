"""SVG snapshots of every screen at a small and a large size, with the clock frozen.

Re-record after a deliberate change of the look: `make snapshots`, then look at the diff.
The deck's program is the default; the score round and the discuss round are the
alternative program's (`alt=True`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.store import SessionStore
from tests.ui.conftest import (
    ALT_DISCUSS,
    ALT_SCORE,
    DIALOG,
    OPLAEG,
    OPSAMLING,
    MakeApp,
)
from tests.ui.history_support import earlier_workshops

SMALL, ROOM, LARGE = (80, 24), (100, 30), (160, 45)
"""80×24 must work; 100×30 is a zoomed terminal the back row reads; 160×45 a projector."""
SIZES = [pytest.param(SMALL, id="80x24"), pytest.param(LARGE, id="160x45")]
ROOM_SIZES = [pytest.param(ROOM, id="100x30"), pytest.param(LARGE, id="160x45")]
Snap = Callable[..., bool]
Before = Callable[[Pilot[Any]], Awaitable[None]]


def press(*keys: str) -> Before:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()

    return run


# -- before the program ------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(start=False), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_agenda(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo=True), terminal_size=size)


# -- Oplæg -------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [*SIZES, pytest.param(ROOM, id="100x30")])
def test_first_slide(
    snap_compare: Snap, make_app: MakeApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(step=OPLAEG)
    clock.advance(125)  # the countdown shows 07:55
    assert snap_compare(app, terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", [*SIZES, pytest.param(ROOM, id="100x30")])
def test_six_factor_slide(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(step=OPLAEG), terminal_size=size, run_before=press(*"nnnnn"))


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_example_slide(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(step=OPLAEG), terminal_size=size, run_before=press(*"nnnnnn"))


# -- Dialogøvelse: the group work ---------------------------------------------------------------
@pytest.mark.parametrize("variant", [1, 2], ids=["variant1", "variant2"])
@pytest.mark.parametrize("size", ROOM_SIZES)
def test_group_work(
    snap_compare: Snap, make_app: MakeApp, clock: FakeClock, size: tuple[int, int], variant: int
) -> None:
    app = make_app(step=DIALOG, variant=variant)
    clock.advance(125)  # the countdown shows 22:55
    assert snap_compare(app, terminal_size=size, run_before=press())


def test_group_work_at_80x24(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app(step=DIALOG), terminal_size=SMALL, run_before=press())


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_grid_from_the_group_work_before_the_reveal(
    snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]
) -> None:
    """Typed while the room may watch: filled cells show ●, no values, no chart."""
    app = make_app(step=DIALOG, revealed=False)
    assert snap_compare(app, terminal_size=size, run_before=press(*"32433243"))


# -- the grid and the chart (the alternative program's score round) ----------------------------
@pytest.mark.parametrize(
    "size", [*SIZES, pytest.param(ROOM, id="100x30"), pytest.param((200, 60), id="200x60")]
)
def test_scoring_three_groups(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(alt=True, step=ALT_SCORE, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", SIZES)
def test_scoring_nothing_scored_yet(
    snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(alt=True, step=ALT_SCORE)
    assert snap_compare(app, terminal_size=size, run_before=press())


def test_scoring_eight_groups(snap_compare: Snap, make_app: MakeApp) -> None:
    keys = [*"ggggg", *"3452341234", *"5"]
    app = make_app(alt=True, step=ALT_SCORE)
    assert snap_compare(app, terminal_size=LARGE, run_before=press(*keys))


def test_bars_view(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE, demo=True)
    assert snap_compare(app, terminal_size=(120, 36), run_before=press("c"))


@pytest.mark.parametrize("size", SIZES)
def test_dialogue_question(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(alt=True, step=ALT_DISCUSS, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press())


# -- Opsamling ---------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [*ROOM_SIZES, pytest.param(SMALL, id="80x24")])
def test_opsamling_comparison(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_trend_view(
    snap_compare: Snap,
    make_app: MakeApp,
    store: SessionStore,
    config: Config,
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    """Udvikling over tid (`t` on the comparison): the demo AMG's three earlier workshops
    and this one."""
    earlier_workshops(store, config, clock)
    app = make_app(step=OPSAMLING, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press("t"))


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_opsamling_answer(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    """A program that harvests each dialogue question on its own screen: the first one."""
    app = make_app(step=OPSAMLING, demo=True, each=True)
    assert snap_compare(app, terminal_size=size, run_before=press("pagedown"))


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_opsamling_share(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    """The deck's program: one screen for what the groups share from the dialogue."""
    app = make_app(step=OPSAMLING, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press("pagedown"))


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_opsamling_discuss(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    """'Opsamling: Drøft i grupperne': the three questions at once under their own countdown."""
    app = make_app(step=OPSAMLING, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press("pagedown", "pagedown"))


@pytest.mark.parametrize("size", SIZES)
def test_wrapup_question(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    """The deck's wrap-up question 2, being written."""
    app = make_app(step=OPSAMLING, demo=True)
    keys = ["pagedown"] * 4 + ["enter", *"Ja, især tid"]
    assert snap_compare(app, terminal_size=size, run_before=press(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_action_plan(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press("end"))


@pytest.mark.parametrize("size", ROOM_SIZES)
def test_minutes_form(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    """At finish, after the next assessment: the referat's own lines, all optional."""
    app = make_app(step=OPSAMLING, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press("F", "y", "enter"))


# -- everywhere --------------------------------------------------------------------------------
def test_help(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app(step=OPLAEG)
    assert snap_compare(app, terminal_size=SMALL, run_before=press("question_mark"))


def test_window_too_small(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app(step=DIALOG, demo=True)
    assert snap_compare(app, terminal_size=(50, 15), run_before=press())


def test_english(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app(step=DIALOG, demo=True, language="en")
    assert snap_compare(app, terminal_size=(120, 36), run_before=press())


def test_english_comparison(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True, language="en")
    assert snap_compare(app, terminal_size=ROOM, run_before=press())

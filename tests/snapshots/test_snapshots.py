"""SVG snapshots of every screen at a small and a large size, with the clock frozen.

Re-record after a deliberate change of the look: `make snapshots`, then look at the diff.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from amk_tui.core.clock import FakeClock
from tests.ui.conftest import MakeApp

SMALL, LARGE = (80, 24), (160, 45)
SIZES = [pytest.param(SMALL, id="80x24"), pytest.param(LARGE, id="160x45")]
Snap = Callable[..., bool]
Before = Callable[[Pilot[Any]], Awaitable[None]]


def press(*keys: str) -> Before:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(start=False), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_agenda(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo=True), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_first_slide(
    snap_compare: Snap, make_app: MakeApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(step=0)
    clock.advance(125)  # the countdown shows 07:55
    assert snap_compare(app, terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", SIZES)
def test_six_factor_slide(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(step=0), terminal_size=size, run_before=press(*"nnnnn"))


@pytest.mark.parametrize(
    "size", [*SIZES, pytest.param((120, 36), id="120x36"), pytest.param((200, 60), id="200x60")]
)
def test_scoring_three_groups(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(step=1, demo=True), terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", SIZES)
def test_scoring_nothing_scored_yet(
    snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(step=1), terminal_size=size, run_before=press())


def test_scoring_eight_groups(snap_compare: Snap, make_app: MakeApp) -> None:
    keys = [*"ggggg", *"3452341234", *"5"]
    assert snap_compare(make_app(step=1), terminal_size=LARGE, run_before=press(*keys))


def test_bars_view(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app(step=1, demo=True), terminal_size=(120, 36), run_before=press("c"))


@pytest.mark.parametrize("size", SIZES)
def test_dialogue_question(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(step=2, demo=True), terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", SIZES)
def test_wrapup_question(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(step=3, demo=True), terminal_size=size, run_before=press())


@pytest.mark.parametrize("size", SIZES)
def test_action_plan(snap_compare: Snap, make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(step=3, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=press("escape", "end"))


def test_help(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app(step=0), terminal_size=SMALL, run_before=press("question_mark"))


def test_window_too_small(snap_compare: Snap, make_app: MakeApp) -> None:
    assert snap_compare(make_app(step=1, demo=True), terminal_size=(50, 15), run_before=press())


def test_english(snap_compare: Snap, make_app: MakeApp) -> None:
    app = make_app(step=1, demo=True, language="en")
    assert snap_compare(app, terminal_size=(120, 36), run_before=press())

"""Screens get their size classes before they are styled; a Resize that changes nothing is
skipped, a real one still restyles and lays the screen out (amk_tui/screens/sizing.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.geometry import Size
from textual.screen import Screen

from amk_tui.screens import sizing
from amk_tui.screens.start import StartScreen
from amk_tui.store import SessionStore
from tests.ui.conftest import MakeApp

SIZE_CLASSES = ("-narrow", "-wide", "-short", "-tall")


def size_classes(screen: Screen[Any]) -> set[str]:
    return {name for name in SIZE_CLASSES if screen.has_class(name)}


async def test_breakpoint_classes_follow_the_apps_breakpoints(make_app: MakeApp) -> None:
    app = make_app(start=False)
    async with app.run_test(size=(100, 30)):
        screen = app.screen
        assert sizing.breakpoint_classes(screen, Size(119, 33)) == {
            "-narrow": True,
            "-wide": False,
            "-short": True,
            "-tall": False,
        }
        chosen = sizing.breakpoint_classes(screen, Size(120, 34))
        assert {name for name, on in chosen.items() if on} == {"-wide", "-tall"}


async def test_a_screen_has_its_size_classes_before_it_is_shown(make_app: MakeApp) -> None:
    app = make_app(start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        made = StartScreen()  # made, not yet mounted or styled
        assert size_classes(made) == {"-narrow", "-short"}
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert size_classes(StartScreen()) == {"-wide", "-tall"}


async def test_a_real_resize_still_restyles_the_screen(make_app: MakeApp) -> None:
    app = make_app(start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, StartScreen)
        grid = screen.query_one("#form-grid")
        narrow_label = grid.styles.grid_columns
        assert size_classes(screen) == {"-narrow", "-short"}
        assert sizing.unchanged(screen, Size(100, 30))
        assert not sizing.unchanged(screen, Size(160, 45))
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert size_classes(screen) == {"-wide", "-tall"}
        assert screen.size == Size(160, 45)
        assert grid.styles.grid_columns != narrow_label  # 26 columns of labels, not 22
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert size_classes(screen) == {"-narrow", "-short"}
        assert grid.styles.grid_columns == narrow_label


async def test_a_resize_within_the_same_classes_lays_the_screen_out(make_app: MakeApp) -> None:
    app = make_app(start=False)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = app.screen
        grid = screen.query_one("#form-grid")
        before = grid.region.width
        await pilot.resize_terminal(150, 44)  # still -wide and -tall
        await pilot.pause()
        assert size_classes(screen) == {"-wide", "-tall"}
        assert screen.outer_size == Size(150, 44)
        assert grid.region.width > before


async def test_the_first_showing_keeps_the_styles_given_at_mount(make_app: MakeApp) -> None:
    """The restyle on the first ScreenResume is skipped: the styles must already be right."""
    app = make_app(start=False)
    async with app.run_test(size=(100, 30)):
        screen = app.screen
        assert isinstance(screen, StartScreen) and screen._shown
        label = screen.query_one(".form-label")
        assert label.region.width == 22  # Screen.-narrow #form-grid { grid-columns: 22 1fr; }
        assert screen.query_one("#amg").has_focus


async def test_an_empty_folder_lists_no_past(tmp_path: Path, make_app: MakeApp) -> None:
    app = make_app(start=False)
    app.store = SessionStore(tmp_path / "empty")
    async with app.run_test(size=(120, 36)):
        screen = app.screen
        assert screen.has_class("-no-past")
        assert not screen.query("#past")  # not made at all, not only hidden

"""Faults, third round, in the running app: the rescue never crashes, a copy never forks the
workshop, keys typed while the window is too small are not lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from amk_tui.screens.forms import TextPrompt
from amk_tui.store import StoreError
from tests.ui.conftest import DIALOG, MakeApp, saved


def disk_full_for(app: object, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sessions folder's disk is full: the workshop's own file cannot be saved."""
    store = app.store  # type: ignore[attr-defined]
    real = store.write_text

    def write(target: Path, text: str) -> None:
        if target == path:
            raise StoreError(target, "save", OSError(28, "No space left on device"))
        real(target, text)

    monkeypatch.setattr(store, "write_text", write)


async def test_the_rescue_to_a_path_that_cannot_be_looked_at_asks_again_and_loses_nothing(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in the third hostile round: with the disk full and 7 scores typed, Ctrl+S to a
    name over 255 bytes (or into a folder without access) crashed the app: 7 scores lost."""
    app = make_app(step=DIALOG)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        disk_full_for(app, app.path, monkeypatch)
        await pilot.press(*"3452341")
        await pilot.pause()
        assert app.unsaved
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TextPrompt)
        too_long = str(tmp_path / ("x" * 300 + ".toml"))
        app.screen.query_one(Input).value = too_long
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running  # no crash …
        assert isinstance(app.screen, TextPrompt)  # … and it asks again, with what was typed
        assert app.screen.query_one(Input).value == too_long
        messages = [n.message for n in app._notifications]
        assert any("ikke gemt" in m for m in messages), messages
        rescue = tmp_path / "usb" / "redning.toml"
        rescue.parent.mkdir()
        app.screen.query_one(Input).value = str(rescue)
        await pilot.press("enter")
        await pilot.pause()
        copy = app.store.load(rescue)
        assert sum(len(g.scores) for g in copy.groups) == 7  # every score is in the copy


async def test_a_copy_into_the_sessions_folder_is_refused(make_app: MakeApp) -> None:
    """A Ctrl+S copy saved into the sessions folder counted the workshop twice and opened
    as a read-write fork."""
    app = make_app(step=DIALOG)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TextPrompt)
        twin = app.path.with_name("kopi.toml")
        app.screen.query_one(Input).value = str(twin)
        await pilot.press("enter")
        await pilot.pause()
        assert not twin.exists()
        messages = [n.message for n in app._notifications]
        assert any("mappen med workshops" in m for m in messages), messages
    assert len(app.store.files()) == 1
    assert saved(app).id == app.path.stem


async def test_keys_typed_while_the_window_is_too_small_go_in_afterwards_in_order(
    make_app: MakeApp,
) -> None:
    """A resize storm while scores were typed: keys typed during "Gør vinduet større" were
    dropped, and the digits after them landed in the wrong cells."""
    from amk_tui.screens.modals import TooSmallScreen

    app = make_app(step=DIALOG)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1")  # the grid opens on A's first factor
        await pilot.pause()
        digits = "23452"
        for n, digit in enumerate(digits):
            small = n % 2 == 0
            await pilot.resize_terminal(50 if small else 120, 15 if small else 36)
            assert isinstance(app.screen, TooSmallScreen) == small
            await pilot.press(digit)
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        session = app.session
        assert session is not None
        from amk_tui.core.scores import FACTOR_IDS

        typed = [session.groups[0].scores.get(f) for f in FACTOR_IDS]
        assert typed == [1, 2, 3, 4, 5, 2]  # every digit, each in its own cell, in order
    assert saved(app).groups[0].scores == session.groups[0].scores

"""The workshop runner: every timer key, stepping, agenda, help, blank, size, autosave, lock.

Time is a FakeClock moved by the test; `pilot.pause()` only lets the app process events.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from amk_tui.core.clock import FakeClock
from amk_tui.screens.agenda import AgendaOverlay, AgendaScreen
from amk_tui.screens.modals import BlankScreen, ConfirmScreen, HelpScreen, TooSmallScreen
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.widgets.countdown import CountdownDigits
from amk_tui.widgets.phase_bar import PhaseBar
from tests.ui.conftest import DIALOG, OPSAMLING, MakeApp, saved


def bar_text(app: object) -> str:
    from amk_tui.app import AmkApp

    assert isinstance(app, AmkApp)
    bar = app.screen.query_one(PhaseBar)
    bar.refresh_bar()
    return str(bar.render())


async def test_new_session_opens_on_the_agenda_and_n_starts_oplaeg(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.workshop is not None and app.workshop.current is not None
        assert app.workshop.current.kind == "slide"
        assert app.session is not None and app.countdown is not None
        assert app.countdown.state == "running"
        clock.advance(61)
        assert "08:59" in bar_text(app)
        assert saved(app).agenda.current is not None


async def test_space_pauses_and_resumes_and_is_saved(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(30)
        await pilot.press("space")
        assert app.countdown is not None and app.countdown.state == "paused"
        countdown = saved(app).agenda.countdown
        assert countdown is not None and countdown.state == "paused"
        clock.advance(100)
        assert "09:30" in bar_text(app) and "pause" in bar_text(app)
        await pilot.press("space")
        clock.advance(10)
        assert app.countdown.state == "running" and app.countdown.remaining == 560


async def test_plus_minus_and_plus_five(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("plus")
        assert app.countdown is not None and app.countdown.remaining == 660
        await pilot.press("minus", "minus")
        assert app.countdown.remaining == 540
        await pilot.press("greater_than_sign")
        assert app.countdown.remaining == 840
        assert saved(app).agenda.countdowns["oplaeg"].duration == 840


async def test_reset_asks_first(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(120)
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.countdown is not None and app.countdown.remaining == 480
        await pilot.press("r")
        await pilot.press("y")
        await pilot.pause()
        assert app.countdown.remaining == 600


async def test_enter_in_a_confirm_presses_the_safe_button_and_the_dialog_says_so(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(120)
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmScreen)
        hint = str(app.screen.query_one("#confirm-keys").render())
        assert "j = ja" in hint and "Esc = nej" in hint
        await pilot.press("enter")  # "Nej" has focus: a reset is not undone by a stray Enter
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.countdown is not None and app.countdown.remaining == 480


async def test_enter_confirms_a_finish_that_was_asked_for(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("F")  # finishing was asked for on purpose: Enter means yes
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the proposed next assessment
        await pilot.pause()
        await pilot.press("escape")  # the referat's own lines: skipped
        await pilot.pause()
        assert app.session is not None and app.session.status == "finished"


async def test_amber_red_overtime_and_a_single_bell(
    make_app: MakeApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(step=0)
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        digits = app.screen.query_one(CountdownDigits)
        clock.advance(9 * 60)
        digits.refresh_time()
        assert digits.has_class("-warn") and not digits.has_class("-over")
        clock.advance(60 + 75)
        digits.refresh_time()
        app.check_alert()
        app.check_alert()
        await pilot.pause()
        assert digits.has_class("-over") and digits.value == "+01:15"
        assert "+01:15" in bar_text(app)
        assert rings == [1]
        assert saved(app).agenda.countdowns["oplaeg"].alerted


async def test_no_bell_when_config_says_so(
    make_app: MakeApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    app = make_app(step=0)
    app.config = dataclasses.replace(app.config, bell=False)
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)):
        clock.advance(601)
        app.check_alert()
        assert rings == []


def where(app: object) -> tuple[str, str]:
    """(step key, item kind) of what the workshop screen shows."""
    from amk_tui.app import AmkApp

    assert isinstance(app, AmkApp) and app.workshop is not None
    step, item = app.workshop.step, app.workshop.current
    assert step is not None and item is not None
    return step.key, item.kind


async def walk(pilot: object, app: object, presses: int) -> list[tuple[str, str]]:
    """PageDown `presses` times; every (step, item kind) seen, repeats collapsed."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    seen: list[tuple[str, str]] = []
    for _ in range(presses):
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)  # type: ignore[attr-defined]
        if not seen or seen[-1] != where(app):
            seen.append(where(app))
    return seen


async def test_stepping_through_the_deck_s_program(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.session is not None
        seen = await walk(pilot, app, 10 + 1 + 9 + 1)  # one press past the end
        assert seen == [
            ("oplaeg", "slide"),
            ("dialog", "groupwork"),
            ("opsamling", "comparison"),
            ("opsamling", "share"),
            ("opsamling", "discuss"),
            ("opsamling", "wrapup"),
            ("opsamling", "priorities"),
            ("opsamling", "decisions"),
            ("opsamling", "plan"),
        ]
        assert app.session.cursor.get("opsamling") == 8  # the last item: the plan
        messages = [n.message for n in app._notifications]
        assert "Det var sidste punkt på programmet. Tryk F for at afslutte." in messages
        for _ in range(9):  # back through the plenary: no field takes the keys
            await pilot.press("pageup")
        await pilot.pause()
        assert where(app) == ("dialog", "groupwork")


async def test_stepping_through_every_phase_and_round_of_the_alternative(
    make_app: MakeApp,
) -> None:
    app = make_app(alt=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.session is not None
        seen = await walk(pilot, app, 10 + 1 + 5 + 9)
        assert seen == [
            ("oplaeg", "slide"),
            ("dialog/vurder", "scoring"),
            ("dialog/droeft", "question"),
            ("opsamling", "comparison"),
            ("opsamling", "share"),
            ("opsamling", "discuss"),
            ("opsamling", "wrapup"),
            ("opsamling", "priorities"),
            ("opsamling", "decisions"),
            ("opsamling", "plan"),
        ]
        await pilot.press("pageup")
        await pilot.pause()
        assert app.session.cursor.get("opsamling") == 7
        for _ in range(8):
            await pilot.press("pageup")
        await pilot.pause()
        assert where(app) == ("dialog/droeft", "question")
        assert app.workshop is not None and app.workshop.item == 4  # at its last question


async def test_slides_keep_their_countdown_running_per_step(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.session is not None
        clock.advance(300)
        for _ in range(10):
            await pilot.press("n")
        await pilot.pause()
        assert app.session.agenda.countdowns["oplaeg"].state == "paused"
        assert app.session.agenda.countdowns["oplaeg"].remaining == 300
        assert app.countdown is not None and app.countdown.remaining == 25 * 60  # the group work


async def test_agenda_jump_by_number_and_by_enter(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AgendaOverlay)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen) and where(app) == ("opsamling", "comparison")
        await pilot.press("a", "up", "enter")
        await pilot.pause()
        assert where(app) == ("dialog", "groupwork")
        await pilot.press("a", "escape")
        assert isinstance(app.screen, WorkshopScreen) and where(app) == ("dialog", "groupwork")


async def test_help_lists_the_keys_of_the_screen(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(f"{k} {d}" for k, d in app.screen.rows)
        for label in ("Pause", "+1 min", "+5 min", "Nulstil tid", "Næste", "Sort skærm", "Noter"):
            assert label in text
        assert "space Pause" in text or "␣ Pause" in text
        await pilot.press("escape")
        assert isinstance(app.screen, WorkshopScreen)


async def test_help_lists_only_amk_keys_once_each_and_fits_80x24(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # the grid, from the group work: every key of the grid
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((d, k) for k, d in app.screen.rows)
        assert len(rows) == len(app.screen.rows)  # one row per action
        assert rows["Vurdér"] == "1–5" and rows["Næste"] == "n/PgDn" and rows["Program"] == "a"
        text = " ".join(f"{k} {d}" for k, d in app.screen.rows)
        for textual_default in ("Cursor", "Scroll", "Copy", "Quit", "Focus Next"):
            assert textual_default not in text
        hint = app.screen.query_one("#help-hint")
        assert hint.region.bottom <= 24 and hint.region.height >= 1  # not cut off


async def test_palette_offers_the_same_actions(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Pause", "+1 min", "Næste", "Noter", "Program"} <= set(titles)
        for english in ("Quit", "Theme", "Screenshot", "Keys", "Maximize", "Copy selected text"):
            assert english not in titles  # Textual's own commands would leak English
        assert len(titles) == len(set(titles))


async def test_the_palette_asks_in_the_sessions_language(make_app: MakeApp) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input

    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Søg efter en kommando…"


async def test_blank_screen_keeps_time_running(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BlankScreen)
        clock.advance(60)
        assert app.countdown is not None and app.countdown.remaining == 540
        await pilot.press("b")
        assert isinstance(app.screen, WorkshopScreen)


async def test_too_small_window_says_so_and_recovers(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)


async def test_quit_saves(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(42)
        await pilot.press("q")
    again = saved(app)
    assert again.agenda.countdowns["oplaeg"].elapsed == pytest.approx(42)


async def test_a_second_amk_on_the_same_session_is_read_only(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)):
        assert app.path is not None and not app.readonly
        second_lock = app.store.lock(app.path)
        assert second_lock is None
        from amk_tui.app import AmkApp

        other = AmkApp(
            app.config, app.store, session=app.store.load(app.path), path=app.path, clock=app.clock
        )
        async with other.run_test(size=(80, 24)) as pilot:
            assert other.readonly
            before = app.path.read_bytes()
            await pilot.press("space", "plus")
            assert app.path.read_bytes() == before


async def test_a_failed_save_warns_keeps_the_work_and_quit_asks_where(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from amk_tui.screens.forms import TextPrompt
    from amk_tui.store import StoreError

    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        real_write = app.store.write_text

        def disk_full(path: Path, text: str) -> None:
            raise StoreError(path, "save", OSError(28, "No space left on device"))

        monkeypatch.setattr(app.store, "write_text", disk_full)
        before = saved(app)
        await pilot.press("space")
        assert app.unsaved and "IKKE GEMT" in bar_text(app)
        messages = [n.message for n in app._notifications]
        assert any("ikke gemt – disken er fuld" in m for m in messages), messages
        assert saved(app).to_dict() == before.to_dict()  # the old file is intact
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt) and app.is_running
        monkeypatch.setattr(app.store, "write_text", real_write)
        target = tmp_path / "elsewhere.toml"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running  # the copy holds everything: quitting loses nothing
    assert app.path is not None and app.path != target  # the workshop never moved
    countdown = app.store.load(target).agenda.countdown
    assert countdown is not None and countdown.state == "paused"


async def test_saving_resumes_once_the_folder_works_again(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from amk_tui.store import StoreError

    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        real_write = app.store.write_text

        def read_only(path: Path, text: str) -> None:
            raise StoreError(path, "save", OSError(30, "Read-only file system"))

        monkeypatch.setattr(app.store, "write_text", read_only)
        await pilot.press("plus")
        assert app.unsaved
        monkeypatch.setattr(app.store, "write_text", real_write)
        await pilot.press("plus")
        assert not app.unsaved
        assert saved(app).agenda.countdowns["oplaeg"].duration == 720

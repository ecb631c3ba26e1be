"""Nothing is lost or changed behind the facilitator's back: failed finish, Ctrl+Q, read-only
browsing, keys over open forms, notes typed right before a step, save-as onto another file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Label, TextArea

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Action
from amk_tui.core.setup import new_session
from amk_tui.screens.dialogs import save_copy
from amk_tui.screens.followup import FollowupScreen
from amk_tui.screens.forms import ActionForm, TextPrompt
from amk_tui.screens.modals import ConfirmScreen, HelpScreen
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.store import SessionStore, StoreError
from amk_tui.widgets.phase_bar import PhaseBar
from tests.ui.conftest import ALT_DISCUSS, ALT_SCORE, DIALOG, OPSAMLING, TODAY, MakeApp, saved


def finished_app(
    make_app: MakeApp,
    step: int,
    *,
    demo: bool = True,
    alt: bool = False,
    actions: list[Action] | None = None,
    clock: FakeClock | None = None,
) -> tuple[AmkApp, Path]:
    """A workshop finished and saved, opened again (read-only) in a new app."""
    first = make_app(step=step, demo=demo, alt=alt)
    session, path = first._initial
    assert session is not None and path is not None
    if actions is not None:
        session.actions = actions
    session.finish()
    first.store.save(session, path)
    loaded = first.store.load(path)
    if clock is None:
        return AmkApp(first.config, first.store, session=loaded, path=path), path
    return AmkApp(first.config, first.store, session=loaded, path=path, clock=clock), path


def fail_writes(app: AmkApp, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(path: Path, text: str) -> None:
        raise StoreError(path, "save", OSError(28, "No space left on device"))

    monkeypatch.setattr(app.store, "write_text", disk_full)


async def test_a_finish_that_cannot_be_saved_leaves_the_workshop_open(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        real_write = app.store.write_text
        fail_writes(app, monkeypatch)
        await pilot.press("F", "y", "enter", "escape")
        await pilot.pause()
        assert app.session is not None and not app.session.finished
        assert not app.readonly and app.unsaved
        countdown = app.session.agenda.countdown
        assert countdown is not None and countdown.state == "running"  # nothing was stopped
        assert any("ikke afsluttet" in n.message for n in app._notifications)
        monkeypatch.setattr(app.store, "write_text", real_write)
        await pilot.press("q")  # the work is saved on the way out
    assert saved(app).notes == app.session.notes
    assert not app.is_running


async def test_ctrl_q_saves_like_q(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        real_write = app.store.write_text
        fail_writes(app, monkeypatch)
        await pilot.press("space")  # paused in memory only
        assert app.unsaved
        monkeypatch.setattr(app.store, "write_text", real_write)
        await pilot.press("ctrl+q")
    countdown = saved(app).agenda.countdown
    assert countdown is not None and countdown.state == "paused"


async def test_browsing_a_finished_workshop_adds_no_time(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app, path = finished_app(make_app, OPSAMLING, clock=clock)
    session = app._initial[0]
    assert session is not None
    before = {k: c.elapsed for k, c in session.agenda.countdowns.items()}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", "1")  # back to the slides, then through them
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        clock.advance(600)
        await pilot.press("pagedown", "pagedown")
        clock.advance(600)
        await pilot.press("ctrl+r", "y")  # reopened on purpose: saved now
        await pilot.pause()
        assert not app.readonly
    after = {k: c.elapsed for k, c in app.store.load(path).agenda.countdowns.items()}
    assert after == pytest.approx(before)


async def test_read_only_action_plan_opens_no_form(make_app: MakeApp) -> None:
    app, path = finished_app(make_app, OPSAMLING, actions=[Action("Trivselsmåling", owner="AMR")])
    before = path.read_bytes()
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.readonly
        await pilot.press("end")  # the action plan
        await pilot.pause()
        assert app.screen.query_one("#actions").has_focus
        hint = str(app.screen.query_one("#actions-hint", Label).render())
        assert "Skrivebeskyttet" in hint and "i ny handling" not in hint  # offers no edit keys
        await pilot.press("enter", "e", "n")
        await pilot.pause()
        assert not isinstance(app.screen, ActionForm)
    assert path.read_bytes() == before


async def test_read_only_lists_take_no_new_items(make_app: MakeApp) -> None:
    app, _ = finished_app(make_app, ALT_DISCUSS, demo=False, alt=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end")  # the "do less of" list
        await pilot.pause()
        field = app.screen.query_one("#item-input", Input)
        assert field.disabled
        await pilot.press("enter", *"Mere", "enter")
        assert app.session is not None and app.session.less_of == []


async def test_the_agenda_does_not_open_over_a_form(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("a")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "r")  # reset asks first
        assert isinstance(app.screen, ConfirmScreen)
        app.go_step(OPSAMLING)  # and a jump still leaves one screen of the workshop
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["WorkshopScreen"]


async def test_a_note_typed_right_before_pagedown_is_kept(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_DISCUSS)
    async with app.run_test(size=(120, 36)) as pilot:
        notes = app.screen.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):  # as if its message were still in the queue
            notes.insert("Sidste ord")
        assert app.session is not None and "hvorfor" not in app.session.notes
        await pilot.press("pagedown")
        await pilot.pause()
        assert saved(app).notes["hvorfor"] == "Sidste ord"


async def test_a_copy_asks_before_overwriting_and_the_workshop_stays_where_it_is(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(step=0)
    target = tmp_path / "copy.toml"
    target.write_text("old = true\n")
    async with app.run_test(size=(120, 36)) as pilot:
        old_path = app.path
        assert old_path is not None
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert target.read_text() == "old = true\n"
        await pilot.press("y")
        await pilot.pause()
        assert app.store.load(target).amg == "Test AMG"
        assert app.path == old_path  # the sessions folder goes on being updated
        assert app.store.lock(old_path) is None  # and this amk still holds it
        messages = [n.message for n in app._notifications]
        assert any(str(target) in m and str(old_path) in m for m in messages), messages
        await pilot.press("plus")
        await pilot.pause()
        assert saved(app).agenda.countdowns["oplaeg"].duration == 660
        assert app.store.load(target).agenda.countdowns["oplaeg"].duration == 600


async def test_follow_up_never_writes_into_the_old_file_even_while_it_is_open_elsewhere(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """Last time's workshop is a record: its file is not written, even when someone has it
    open meanwhile; the follow-up is recorded in the new workshop."""
    old = new_session(
        "Lager AMG", config.program, groups=["A"], date=dt.date(2026, 5, 1), clock=clock
    )
    old.actions = [Action("Fast punkt", owner="AMR"), Action("Ny APV", owner="AMG")]
    old_path = store.create(old)
    held = store.lock(old_path)  # another amk has last time's workshop open
    assert held is not None
    before = old_path.read_bytes()
    new = new_session("Lager AMG", config.program, groups=["A"], date=TODAY, clock=clock)
    new_path = store.create(new)
    app = AmkApp(config, store, session=new, path=new_path, clock=clock, today=TODAY)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            assert isinstance(app.screen, FollowupScreen)
            await pilot.press("d", "x", "enter")
            await pilot.pause()
            assert not any("åben" in n.message for n in app._notifications)
    finally:
        held.release()
    assert old_path.read_bytes() == before
    assert [f.mark for f in store.load(new_path).followups] == ["done", "dropped"]


async def test_ctrl_q_offers_a_way_out_when_saving_keeps_failing(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        fail_writes(app, monkeypatch)
        await pilot.press("space", "ctrl+q")
        assert isinstance(app.screen, TextPrompt)  # where to save instead?
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)  # or quit without saving
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)  # not stacked again
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 1


async def test_a_read_only_amk_cannot_save_as_onto_the_live_file(make_app: MakeApp) -> None:
    app = make_app(step=0)
    assert app._initial[1] is not None
    path = app._initial[1]
    held = app.store.lock(path)  # the workshop is open in another amk
    assert held is not None
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            assert app.readonly
            before = path.read_bytes()
            save_copy(app, path)
            await pilot.pause()
            assert app.readonly and path.read_bytes() == before
    finally:
        held.release()


async def test_a_late_notes_change_does_not_answer_the_priorities(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_DISCUSS, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.session is not None
        chosen = list(app.session.priorities)
        assert chosen
        await pilot.press("pagedown")  # the second notes question
        notes = app.screen.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):
            notes.insert(" og mere")
        await pilot.press("pagedown")  # the priorities question
        notes.post_message(TextArea.Changed(notes))  # the change that was still queued
        await pilot.pause()
        assert saved(app).priorities == chosen
        assert saved(app).notes["faelles"].endswith(" og mere")


async def test_the_palette_offers_the_agenda(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        assert app.check_action("agenda", ())


async def test_the_score_grid_hint_says_read_only_until_reopened(make_app: MakeApp) -> None:
    app, _ = finished_app(make_app, ALT_SCORE, alt=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", "2")
        await pilot.pause()

        def hint() -> str:
            return str(app.screen.query_one("#grid-hint", Label).render())

        assert "Skrivebeskyttet" in hint() and "g ny gruppe" not in hint()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert not app.readonly and "g ny gruppe" in hint()


async def test_a_read_only_phase_bar_still_shows_the_whole_total_at_80_columns(
    make_app: MakeApp,
) -> None:
    app, _ = finished_app(make_app, OPSAMLING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(PhaseBar)
        bar.refresh_bar()
        text = str(bar.render())
        assert "SKRIVEBESKYTTET" in text and text.rstrip().endswith("45:00")  # the whole total
        assert len(text) <= 80


async def test_a_digit_on_a_finished_group_work_shows_the_grid_and_changes_nothing(
    make_app: MakeApp,
) -> None:
    app, path = finished_app(make_app, DIALOG)
    before = path.read_bytes()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", "2", "4")
        await pilot.pause()
        hint = str(app.screen.query_one("#grid-hint", Label).render())
        assert "Skrivebeskyttet" in hint
        messages = [n.message for n in app._notifications]
        assert any("Skrivebeskyttet" in m for m in messages), messages
    assert path.read_bytes() == before

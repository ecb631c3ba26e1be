"""The start screen: a new workshop from the form, resume, past and unreadable sessions."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, OptionList, RadioButton

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.setup import new_session
from amk_tui.screens.agenda import AgendaScreen
from amk_tui.screens.start import StartScreen
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.store import SessionStore
from tests.ui.conftest import TODAY, MakeApp


async def test_new_workshop_from_the_form(make_app: MakeApp, store: SessionStore) -> None:
    app = make_app(start=False)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        assert "AMG" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#amg", Input).value = "AMG Lager & Logistik"
        app.screen.query_one("#unit", Input).value = "Lageret"
        app.screen.query_one("#groups", Input).value = "Pak, Kontor"
        app.screen.query_one("#variant-2", RadioButton).value = True
        app.screen.query_one("#amg", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    entries, _ = store.scan()
    assert len(entries) == 2  # make_app's own session and the new one
    new = next(e for e in entries if e.session.amg == "AMG Lager & Logistik")
    assert new.path.name == "2026-11-26-amg-lager-logistik.toml"
    s = new.session
    assert (s.unit, s.variant, [g.name for g in s.groups]) == ("Lageret", 2, ["Pak", "Kontor"])


async def test_bad_date_and_too_many_groups_are_refused(make_app: MakeApp) -> None:
    app = make_app(start=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        screen.query_one("#amg", Input).value = "X"
        assert screen.query_one("#date", Input).value == "26.11.2026"  # as Danish writes it
        screen.query_one("#date", Input).value = "32/13"
        screen.query_one("#amg", Input).focus()
        await pilot.press("enter")
        error = str(screen.query_one("#form-error").render())
        assert "“32/13” er ikke en dato" in error and "26.11.2026" in error
        screen.query_one("#date", Input).value = "26/11"  # accepted as on the action form
        screen.query_one("#groups", Input).value = "9"
        await pilot.press("enter")
        assert "1–8" in str(screen.query_one("#form-error").render())
        assert isinstance(app.screen, StartScreen)


async def test_resume_and_unreadable_files(
    make_app: MakeApp, store: SessionStore, config: Config, clock: FakeClock
) -> None:
    app = make_app(start=False, step=0)
    (store.folder / "2026-01-01-broken.toml").write_text("amg = [")
    async with app.run_test(size=(120, 36)) as pilot:
        options = app.screen.query_one("#sessions", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Test AMG" in p for p in prompts)
        assert any("2026-01-01-broken.toml" in p and "kan ikke læses" in p for p in prompts)
        await pilot.click("#resume")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)


async def test_reopening_a_finished_workshop_on_purpose(
    make_app: MakeApp, store: SessionStore, config: Config, clock: FakeClock
) -> None:
    from amk_tui.app import AmkApp

    session = new_session("Done AMG", config.program, groups=["A"], date=TODAY, clock=clock)
    session.finish()
    path = store.create(session)
    app = AmkApp(config, store, session=session, path=path, clock=clock, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.readonly
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert not app.readonly
    assert store.load(path).status == "in-progress"


async def test_a_big_folder_fills_the_past_list_after_the_first_frame(
    config: Config, store: SessionStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A consultant's folder of years of workshops held the start screen's first frame for
    10 s: the past list is read in a thread once the form is there, the newest shown."""
    monkeypatch.setattr(StartScreen, "BIG", 5)
    monkeypatch.setattr(StartScreen, "SHOWN", 3)
    for n in range(8):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n)
        store.create(new_session(f"AMG {n % 2}", config.program, groups=["A"], date=day))
    app = AmkApp(config, store, clock=clock, today=dt.date(2026, 11, 26))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, StartScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        sessions = screen.query_one("#sessions", OptionList)
        assert sessions.option_count == 4  # the newest 3, and a line for the 5 older
        more = sessions.get_option_at_index(3)
        assert "5 ældre" in str(more.prompt) and more.disabled
        amgs = screen.query_one("#amgs", OptionList)
        assert amgs.display and amgs.option_count == 2
        assert screen.query_one("#resume").display  # the newest unfinished one


async def test_a_known_amg_typed_otherwise_keeps_its_name_and_symbols_are_refused(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    store.create(new_session("AMG Lager og Logistik", config.program, groups=["A"]))
    app = AmkApp(config, store, clock=clock, today=dt.date(2026, 11, 26))
    async with app.run_test(size=(120, 36)) as pilot:
        field = app.screen.query_one("#amg", Input)
        field.value = "★★★"
        await pilot.press("enter")
        await pilot.pause()
        assert "bogstav eller tal" in str(app.screen.query_one("#form-error").render())
        field.value = "amg lager og logistik"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.amg == "AMG Lager og Logistik"
        assert any("Kendt AMG" in n.message for n in app._notifications)

"""What the room says: notes, priorities, more/less, the action plan, finish, follow-up.

The dialogue questions one by one are the alternative program's discuss round (Drøft); the
deck's program asks them in Opsamling, as the groups' answers, after the comparison.
"""

from __future__ import annotations

import datetime as dt
import stat
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, TextArea

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Action, Session
from amk_tui.core.setup import new_session
from amk_tui.screens.agenda import AgendaOverlay, AgendaScreen
from amk_tui.screens.followup import FollowupScreen
from amk_tui.screens.forms import ActionForm, TextPrompt
from amk_tui.screens.minutes import MinutesForm
from amk_tui.screens.modals import ConfirmScreen, FinishedScreen
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.store import SessionStore
from amk_tui.widgets.radar import RadarChart
from tests.ui.conftest import ALT_DISCUSS, OPSAMLING, TODAY, MakeApp, saved, saved_text

DISCUSS = ALT_DISCUSS
"""The discuss round of the alternative program: the dialogue questions one at a time."""


def item_kind(app: AmkApp) -> str:
    assert app.workshop is not None and app.workshop.current is not None
    return app.workshop.current.kind


async def test_notes_priorities_and_lists_in_the_dialogue(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=DISCUSS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(
            "enter", *"Vi taler sjældent om det", "enter", *"- kun når noget går galt"
        )
        await pilot.pause()
        assert saved(app).notes["hvorfor"] == "Vi taler sjældent om det\n- kun når noget går galt"
        await pilot.press("pagedown", "enter", *"Faste punkter", "pagedown")
        await pilot.pause()
        assert saved(app).notes["faelles"] == "Faste punkter"
        # the priorities question: a list of factors, space picks, order is the priority
        await pilot.press("enter", "down", "down", "down", "space", "up", "up", "up", "space")
        await pilot.pause()
        assert saved(app).priorities == ["ressourcer", "aabenhed"]
        await pilot.press("pagedown", "enter", *"Mere dialog", "enter", *"Gå-ture", "enter")
        await pilot.press("pagedown", "enter", *"Brandslukning", "enter")
        await pilot.pause()
        s = saved(app)
        assert s.more_of == ["Mere dialog", "Gå-ture"] and s.less_of == ["Brandslukning"]
        # back to the first question: the note is shown again
        for _ in range(4):
            await pilot.press("pageup")
        await pilot.pause()
        assert app.screen.query_one("#notes", TextArea).text.startswith("Vi taler")


async def test_an_item_typed_without_enter_is_kept_when_the_question_is_left(
    make_app: MakeApp,
) -> None:
    app = make_app(alt=True, step=DISCUSS)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3):  # to the "more of" question
            await pilot.press("pagedown")
        await pilot.press("enter", *"Gå-ture", "pagedown")  # no Enter after the item
        await pilot.pause()
        assert saved(app).more_of == ["Gå-ture"]
        await pilot.press("pageup")
        await pilot.pause()
        assert app.screen.query_one("#item-input", Input).value == ""  # not added twice


async def test_enter_starts_writing_and_escape_stops(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=DISCUSS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert not notes.has_focus  # arriving on a question leaves the keys as keys
        assert "Enter: skriv" in str(notes.border_title)  # and the field says so
        await pilot.press("enter")
        assert notes.has_focus and "Esc: stop skrivning" in str(notes.border_title)
        await pilot.press("a")
        assert notes.text == "a"
        await pilot.press("escape")
        assert not notes.has_focus
        assert "Enter: skriv" in str(notes.border_title)  # the field says letters are keys now
        await pilot.pause()
        assert saved(app).notes["hvorfor"] == "a"
        await pilot.press("a")
        assert isinstance(app.screen, AgendaOverlay)
        assert notes.text == "a"


async def test_opsamling_opens_on_the_comparison_of_all_six_factors(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert item_kind(app) == "comparison"
        chart = app.screen.query_one("#comparison-chart", RadarChart)
        assert [s.letter for s in chart.series] == ["A", "B", "C"]
        assert all(len(s.values) == 6 for s in chart.series)
        drawn = str(chart.render())
        for factor in app.content.factors:
            assert f"{factor.number} {factor.short}" in drawn, factor.id
        insights = str(app.screen.query_one("#comparison-insights").render())
        assert "Lavest: 6 Teknikker og viden" in insights and "Størst uenighed" in insights


async def test_s_on_the_comparison_shows_the_facilitator_probes_and_the_room_never(
    make_app: MakeApp,
) -> None:
    """The facilitator's follow-up questions for the lowest factor (Viden in the demo) and the
    most split (Åbenhed): the console's notes, hidden until `s`, never part of the scene."""
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#slide-notes")
        assert not notes.display
        await pilot.press("s")
        await pilot.pause()
        assert notes.display
        text = str(notes.render())
        viden, aabenhed = app.content.factor("viden"), app.content.factor("aabenhed")
        assert "Lavest, Viden: Hvad skal der til for at flytte os ét trin op?" in text
        assert "Mest uenige, Åbenhed: Hvad ser I forskelligt – og hvad ser I ens?" in text
        for probe in (*viden.probes, *aabenhed.probes):
            assert probe in text
        assert len(viden.probes) >= 1 and len(aabenhed.probes) >= 1
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        assert "flytte os ét trin op" not in repr(screen.scene())  # what the room draws


async def test_the_comparison_waits_for_the_reveal(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True, revealed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        chart = app.screen.query_one("#comparison-chart", RadarChart)
        assert not chart.display and app.screen.query_one("#comparison-hidden").display
        await pilot.press("h")
        await pilot.pause()
        assert chart.display and saved(app).revealed


async def test_the_groups_answers_then_the_deck_s_three_wrapup_questions(
    make_app: MakeApp,
) -> None:
    from amk_tui.widgets.prompt_card import PromptCard

    app = make_app(step=OPSAMLING, demo=True, each=True)
    async with app.run_test(size=(120, 36)) as pilot:

        def card() -> str:
            return str(app.screen.query_one(PromptCard).render())

        await pilot.press("pagedown")
        await pilot.pause()
        assert item_kind(app) == "answer" and "Gruppernes svar · spørgsmål 1 / 5" in card()
        assert "Hvorfor ser vores arbejdsmiljøkompetence ud" in card()
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.text.startswith("Vi taler om arbejdsmiljø")  # the demo's note
        for _ in range(5):  # past the five answers
            await pilot.press("pagedown")
        await pilot.pause()
        assert item_kind(app) == "wrapup"
        assert "Opsamling: Drøft i grupperne" in card() and "1. Hvad tager I med jer" in card()
        await pilot.press("enter", *"Et fælles sprog", "pagedown", "enter", *"Ja", "pagedown")
        await pilot.press("enter", *"Møde i januar", "pagedown")
        await pilot.pause()
        notes_saved = saved(app).notes
        assert (notes_saved["tager_med"], notes_saved["behov"], notes_saved["naeste_skridt"]) == (
            "Et fælles sprog",
            "Ja",
            "Møde i januar",
        )
        assert item_kind(app) == "decisions"
        assert card().startswith("Opsamling")  # not numbered among the deck's questions


async def test_the_priorities_answer_shows_the_groups_ticks(make_app: MakeApp) -> None:
    from textual.widgets import OptionList

    app = make_app(step=OPSAMLING, demo=True, each=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown", "pagedown", "pagedown")  # the third answer: priorities
        await pilot.pause()
        options = app.screen.query_one("#factor-list", OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "✓ 1. 4 Tid og ressourcer" in lines
        assert "✓ 2. 5 Systematik og faste aftaler" in lines
        assert sum(line.startswith("✓") for line in lines) == 2


async def test_variant_2_gets_amk_s_own_priorities_step(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, variant=2, each=True)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.workshop is not None
        kinds = [item.kind for item in app.workshop.items()]
        assert kinds == [
            "comparison",
            *["answer"] * 4,
            *["wrapup"] * 3,
            "priorities",
            "decisions",
            "plan",
        ]
        await pilot.press("end", "pageup", "pageup")
        await pilot.pause()
        assert item_kind(app) == "priorities"
        await pilot.press("enter", "down", "space")
        await pilot.pause()
        assert saved(app).priorities == ["innovation"]


async def test_keys_on_a_question_stay_keys_until_enter(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown")  # the first answer: a notes question
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert app.countdown is not None
        await pilot.press("space")  # pauses the countdown …
        assert app.countdown.state == "paused"
        await pilot.press("plus", "plus", "minus")  # … +1, +1, −1 minute …
        assert app.countdown.duration == 11 * 60
        await pilot.press("F")  # … asks whether to finish
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert notes.text == ""  # and none of them is text
        assert "hvorfor" not in saved(app).notes
        await pilot.press("enter", "space", "plus", "minus", "F")  # writing: now they are text
        await pilot.pause()
        assert notes.text == " +-F" and app.countdown.state == "paused"
        assert app.countdown.duration == 11 * 60


async def test_m_hides_the_notes_from_the_room(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown", "m")
        await pilot.pause()
        assert saved(app).view.notes_hidden
        messages = [n.message for n in app._notifications]
        assert "Noterne vises ikke længere i rummet." in messages
        await pilot.press("m")
        await pilot.pause()
        assert not saved(app).view.notes_hidden


async def add_action(pilot: object, what: str, deadline: str, followup: str = "") -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("i")
    await pilot.press(*what, "tab", "ctrl+u", *"AMR", "tab", *deadline, "tab", *followup, "enter")
    await pilot.pause()


async def test_action_plan_add_edit_delete_and_bad_dates(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end")  # the action plan
        await pilot.pause()
        await add_action(pilot, "Fast punkt på AMG-møder", "32/13")
        assert isinstance(app.screen, ActionForm)
        error = str(app.screen.query_one("#form-error", Label).render())
        assert "32/13" in error and "ikke en dato" in error
        assert saved(app).actions == []
        deadline = app.screen.query_one("#deadline", Input)
        deadline.value = "15/12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ActionForm)
        await add_action(pilot, "Trivselsmåling", "2027-03-01", "1-4-2027")
        actions = saved(app).actions
        assert [(a.what, a.owner, a.deadline, a.followup) for a in actions] == [
            ("Fast punkt på AMG-møder", "AMR", dt.date(2026, 12, 15), None),
            ("Trivselsmåling", "AMR", dt.date(2027, 3, 1), dt.date(2027, 4, 1)),
        ]
        # edit the second, where the cursor is after adding it: its status
        assert app.screen.query_one("#actions", DataTable).cursor_row == 1
        await pilot.press("e")
        assert isinstance(app.screen, ActionForm)
        form = app.screen
        from textual.widgets import Select

        form.query_one("#status", Select).value = "in-progress"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved(app).actions[1].status == "in-progress"
        # delete the first, after a confirm
        await pilot.press("up", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [a.what for a in saved(app).actions] == ["Trivselsmåling"]


async def test_finish_marks_the_session_and_writes_the_report(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("F")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)  # næste vurdering: six months on, proposed
        assert app.screen.query_one("#answer", Input).value == "26.05.2027"
        await pilot.press("ctrl+u", *"1.13.2027", "enter")  # not a date: asked again
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("ctrl+u", *"1.6.2027", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesForm)  # the referat's own lines, all optional
        await pilot.press(*"13.00-13.45", "enter", "enter", "enter", *"Karin, Mette")
        await pilot.press("enter", *"Ole", "enter", *"31.02.2027", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesForm)  # not a date: said, and asked again
        assert "31.02.2027" in str(app.screen.query_one("#form-error", Label).render())
        await pilot.press("ctrl+u", *"12.1.2027", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        data = tomllib.loads(saved_text(app))
        assert data["status"] == "finished"
        assert data["next_assessment"] == dt.date(2027, 6, 1)
        assert all(c["state"] != "running" for c in data["timing"]["countdowns"].values())
        assert app.path is not None
        report = app.path.with_suffix(".md")
        assert report.is_file() and stat.S_IMODE(report.stat().st_mode) == 0o600
        assert "Demo-AMG" in report.read_text()
        assert app.readonly
        minutes = data["minutes"]
        assert minutes["time"] == "13.00-13.45" and minutes["attendees"] == "Karin, Mette"
        assert minutes["absent"] == "Ole" and minutes["next_meeting"] == dt.date(2027, 1, 12)
        assert minutes["purpose"].startswith("Starte en dialog")  # proposed, kept
        text = report.read_text()
        for line in ("13.00-13.45", "Karin, Mette", "Ole", "12. januar 2027", "godkendes"):
            assert line in text, line


async def test_a_finished_session_opens_read_only(make_app: MakeApp) -> None:
    first = make_app(step=OPSAMLING, demo=True)
    session, path = first._initial
    assert session is not None and path is not None
    session.finish()
    first.store.save(session, path)
    app = AmkApp(first.config, first.store, session=session, path=path, clock=first.clock)
    before = path.read_bytes()
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.readonly
        await pilot.press(*"tekst", "space", "plus")
        await pilot.pause()
        assert path.read_bytes() == before


async def test_follow_up_over_two_sessions(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    old = new_session(
        "Lager AMG", config.program, groups=["A"], date=dt.date(2026, 5, 1), clock=clock
    )
    old.actions = [
        Action("Fast punkt", owner="AMR"),
        Action("Trivselsmåling", owner="leder", status="in-progress"),
        Action("Ny APV", owner="AMG"),
        Action("Gammel sag", owner="AMG", status="done"),
    ]
    old_path = store.create(old)
    new = new_session("Lager AMG", config.program, groups=["A"], date=TODAY, clock=clock)
    new_path = store.create(new)
    app = AmkApp(config, store, session=new, path=new_path, clock=clock, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, FollowupScreen)
        assert len(app.screen.open_actions) == 3  # the done one is not asked about
        assert app.screen.marks == ["carry", "in-progress", "carry"]  # nothing let go by itself
        await pilot.press("d", "c", "x", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    old_again = store.load(old_path)
    assert [a.status for a in old_again.actions] == ["open", "in-progress", "open", "done"]
    new_again = store.load(new_path)
    assert [(f.what, f.mark) for f in new_again.followups] == [
        ("Fast punkt", "done"),
        ("Trivselsmåling", "carry"),
        ("Ny APV", "dropped"),
    ]
    assert [(a.what, a.status, a.origin) for a in new_again.actions] == [
        ("Trivselsmåling", "in-progress", old.id)
    ]
    assert new_again.previous == old.id
    # opening the new session again does not ask twice
    app2 = AmkApp(config, store, session=store.load(new_path), path=new_path, clock=clock)
    async with app2.run_test(size=(120, 36)):
        assert isinstance(app2.screen, AgendaScreen)


async def test_an_action_being_typed_survives_a_crash(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end", "i", *"Trivselsmåling", "tab", "ctrl+u", *"leder")
        await pilot.pause()
        assert saved(app).draft["what"] == "Trivselsmåling"
        assert saved(app).draft["owner"] == "leder"
    # a new process on the same file (the first never saved the form)
    assert app.path is not None
    again = AmkApp(
        app.config,
        app.store,
        session=app.store.load(app.path),
        path=app.path,
        clock=app.clock,
        today=TODAY,
    )
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()  # it opens where it was: the action plan, with the form again
        await pilot.pause()
        assert isinstance(again.screen, ActionForm)
        assert again.screen.query_one("#what", Input).value == "Trivselsmåling"
        await pilot.press("ctrl+s")
        await pilot.pause()
        s = saved(again)
        assert [a.what for a in s.actions] == ["Trivselsmåling"] and s.draft == {}


async def test_follow_up_never_writes_under_another_amk(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    old = new_session(
        "Lager AMG", config.program, groups=["A"], date=dt.date(2026, 5, 1), clock=clock
    )
    old.actions = [Action("Fast punkt", owner="AMR")]
    old_path = store.create(old)
    before = old_path.read_bytes()
    held = store.lock(old_path)  # last time's workshop is open in another window
    assert held is not None
    new = new_session("Lager AMG", config.program, groups=["A"], date=TODAY, clock=clock)
    new_path = store.create(new)
    app = AmkApp(config, store, session=new, path=new_path, clock=clock, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "enter")
        await pilot.pause()
    held.release()
    assert old_path.read_bytes() == before
    assert [a.what for a in store.load(new_path).actions] == ["Fast punkt"]


async def test_finishing_the_demo_says_its_files_go_when_amk_quits(make_app: MakeApp) -> None:
    app = make_app(step=OPSAMLING, demo=True)
    app.throwaway = True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F", "y", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        warning = str(app.screen.query_one(".warning", Label).render())
        assert "midlertidig" in warning and "Ctrl+S" in warning


async def test_a_long_question_wraps_inside_the_screen_at_80x24(make_app: MakeApp) -> None:
    from amk_tui.widgets.prompt_card import PromptCard

    app = make_app(alt=True, step=DISCUSS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("pagedown")  # question 2: longer than one 80-column line
        await pilot.pause()
        card = app.screen.query_one(PromptCard)
        assert card.region.right <= 80 and card.region.height >= 4  # wrapped, not cut
        lines = [strip.text for strip in card.render_lines(card.region.reset_offset)]
        assert "arbejdsmiljøkompetence?" in "".join(lines)


async def test_a_fourth_priority_is_refused_in_words(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=DISCUSS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("pagedown", "pagedown", "enter")  # into the priorities question
        await pilot.press("space", "down", "space", "down", "space", "down", "space")
        await pilot.pause()
        assert len(saved(app).priorities) == 3
        messages = [n.message for n in app._notifications]
        assert any("Højst tre faktorer" in m for m in messages), messages


def slips_session(
    config: Config, clock: FakeClock, group: int, rows: Sequence[tuple[int | None, ...]]
) -> Session:
    """A variant-2 workshop whose group `group` has these slips."""
    session = new_session(
        "Test AMG", config.program, groups=["", "", ""], date=TODAY, variant=2, clock=clock
    )
    session.groups[group].rows = list(rows)
    return session


async def test_finishing_with_slips_offers_to_keep_only_the_tally(
    make_app: MakeApp, config: Config, clock: FakeClock
) -> None:
    """Variant 2: F, the next assessment, then "keep only the count per factor?" (default
    yes): the file keeps the tally, not the slips, and the referat says the same."""
    session = slips_session(
        config, clock, 0, [(1, 5, 1, 1, 1, 1), (5, 1, 5, 5, 5, 5), (3, 3, 3, 3, 3, 3)]
    )
    app = make_app(session=session, step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("F", "y", "enter", "escape")  # yes; the proposed date; no minutes
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "kun fordelingen pr. faktor" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")  # the default: yes
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        data = tomllib.loads(saved_text(app))
        first = data["groups"][0]
        assert "rows" not in first and first["slips"] == 3
        assert first["tally"]["innovation"] == [1, 0, 1, 0, 1]
        assert app.path is not None
        referat = app.path.with_suffix(".md").read_text("utf-8")
        assert "3 sedler." in referat


async def test_no_keeps_the_slips_and_finishes_all_the_same(
    make_app: MakeApp, config: Config, clock: FakeClock
) -> None:
    rows = [(2, 2, 2, 2, 2, 2), (4, 4, 4, 4, 4, 4), (3, 3, 3, 3, 3, 3)]
    app = make_app(session=slips_session(config, clock, 1, rows), step=OPSAMLING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("F", "y", "enter", "escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        data = tomllib.loads(saved_text(app))
        assert data["groups"][1]["rows"] == ["222222", "333333", "444444"]  # sorted, kept


async def test_finishing_writes_the_session_once_and_the_referat_from_memory(
    make_app: MakeApp, config: Config, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F, the next assessment, the referat's lines and the tally are one finish: the session
    file is written once (no save per answer, none after the trial copy), the referat beside
    it is written from memory, and it is the referat `amk report` makes of the file."""
    from amk_tui.report import build_report

    rows = [(2, 2, 2, 2, 2, 2), (4, 4, 4, 4, 4, 4), (3, 3, 3, 3, 3, 3)]
    app = make_app(session=slips_session(config, clock, 0, rows), step=OPSAMLING)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        path = app.path
        writes: list[str] = []
        loads: list[str] = []
        real_write, real_load = app.store.write_text, app.store.load

        def counted_write(target: Path, text: str) -> None:
            writes.append(Path(target).name)
            real_write(target, text)

        def counted_load(target: Path) -> Session:
            loads.append(Path(target).name)
            return real_load(target)

        monkeypatch.setattr(app.store, "write_text", counted_write)
        monkeypatch.setattr(app.store, "load", counted_load)
        await pilot.press("F", "y", "enter")  # finish? yes; the proposed next assessment
        await pilot.pause()
        await pilot.press(*"13.00-13.45", "ctrl+s")  # the referat's lines
        await pilot.pause()
        await pilot.press("enter")  # keep only the tally: yes
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        assert writes.count(path.name) == 1, writes  # the session: once
        assert writes.count(path.with_suffix(".md").name) == 1
        assert path.name not in loads  # nothing read back
        data = tomllib.loads(path.read_text("utf-8"))
        assert data["status"] == "finished" and data["minutes"]["time"] == "13.00-13.45"
        assert "tally" in data["groups"][0] and "rows" not in data["groups"][0]
    monkeypatch.undo()
    written = path.with_suffix(".md").read_text("utf-8")
    assert written == build_report(app.store, path, fmt="md")

"""`amk room`: a console and a room window on one sessions folder, with the fake clock.

The room looks at the file when told to (`RoomApp.look`), so nothing here waits for real time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.countdown import format_clock
from amk_tui.core.setup import new_session
from amk_tui.room.app import PRESENCE_EVERY, WAIT_AFTER, RoomApp
from amk_tui.room.presence import console_alive, room_following
from amk_tui.room.screen import RoomScreen
from amk_tui.store import SessionStore
from amk_tui.views.groupwork import GroupWorkView
from amk_tui.views.question import QuestionView
from amk_tui.views.slide import SlideView
from amk_tui.widgets.radar import RadarChart
from tests.ui.room_support import looked, shown

TODAY = dt.date(2026, 11, 26)


def console(config: Config, store: SessionStore, clock: FakeClock, **kw: object) -> AmkApp:
    session = new_session(
        "AMG Rum",
        config.program,
        groups=["", "", ""],
        date=TODAY,
        clock=clock,
        **kw,  # type: ignore[arg-type]
    )
    path = store.create(session)
    return AmkApp(config, store, session=session, path=path, clock=clock, today=TODAY)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_the_room_follows_slides_and_never_shows_the_notes(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    app = console(config, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(160, 45)) as rpilot:
            await pilot.press("n", "n")  # the first slide, then the second
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            view = room.screen.query_one(SlideView)
            assert view.display
            assert "Hvad er psykisk arbejdsmiljø?" in shown(room)
            notes = room.content.slides[1].notes
            await pilot.press("s")  # the facilitator's notes on the console …
            await pilot.pause()
            await looked(room)
            assert notes.splitlines()[0] not in shown(room)  # … never on the room
            assert not room.screen.query("Footer")


async def test_typed_scores_reach_the_room_only_after_the_reveal(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    app = console(config, store, clock, revealed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(160, 45)) as rpilot:
            await pilot.press("a", "2")  # the group work
            await pilot.pause()
            await pilot.press("3", "4", "5")
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            assert room.screen.query_one(GroupWorkView).display
            text = shown(room)
            assert "A ■■■□□□" in text  # which cells are filled …
            assert "3" not in text.split("A ■■■□□□")[0][-40:]  # … not their values
            await pilot.press("escape", "a", "3")  # Opsamling: the comparison
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            assert "Resultatet vises om lidt" in shown(room)
            assert not room.screen.query_one("#comparison-chart").display
            await pilot.press("h")  # the reveal
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            chart = room.screen.query_one("#comparison-chart", RadarChart)
            assert chart.display
            assert chart.series[0].values[:3] == (3.0, 4.0, 5.0)


async def test_notes_are_live_minutes_unless_hidden_and_b_blanks_the_room(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    app = console(config, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(160, 45)) as rpilot:
            await pilot.press("a", "3", "n")  # the first answer of Opsamling
            await pilot.pause()
            await pilot.press("enter", *"Mere dialog", "escape")
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            assert room.screen.query_one(QuestionView).display
            assert "Mere dialog" in shown(room)
            await pilot.press("m")  # hidden from the room
            await pilot.pause()
            await looked(room)
            assert "Mere dialog" not in shown(room)
            await pilot.press("b")
            await pilot.pause()
            await looked(room)
            assert room.screen.has_class("-blank")
            await pilot.press("b")
            await pilot.pause()
            await looked(room)
            assert not room.screen.has_class("-blank")


async def test_the_console_knows_the_room_follows_and_the_room_knows_it_waits(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    app = console(config, store, clock)
    path: Path | None = None
    async with app.run_test(size=(120, 36)) as pilot:
        path = app.path
        assert path is not None
        assert console_alive(path) and not room_following(path)
        room = RoomApp(config, path, clock=clock)
        async with room.run_test(size=(160, 45)):
            assert room_following(path)
            app.look_for_room()
            await pilot.press("n")
            await pilot.pause()
            assert app.screen.has_class("-presenter")
            assert "RUMMET FØLGER" in str(app.screen.query_one("#presenter").render())
            before = digest(path)
            assert app.keeper is not None
            app.keeper.release()  # the console is killed: the kernel frees its lock
            for _ in range(PRESENCE_EVERY):
                await looked(room)
            assert "Venter" not in shown(room)  # not at the first look: no flicker
            for _ in range(WAIT_AFTER * PRESENCE_EVERY):
                await looked(room)
            assert "Venter på facilitatorens amk" in shown(room)
            assert digest(path) == before  # the room never wrote the file
        assert not room_following(path)


async def test_a_missing_or_broken_file_keeps_the_last_picture(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    app = console(config, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
    assert app.path is not None
    path = app.path
    room = RoomApp(config, path, clock=clock)
    async with room.run_test(size=(120, 36)) as rpilot:
        await rpilot.pause()
        assert "Arbejdsmiljø og Udvikling" in shown(room)
        kept = path.read_bytes()
        path.unlink()
        await looked(room)
        assert "Arbejdsmiljø og Udvikling" in shown(room)
        path.write_text("schema = 2\namg = [\n")
        await looked(room)
        assert "Arbejdsmiljø og Udvikling" in shown(room)
        assert room.follower is not None and room.follower.problem
        path.write_bytes(kept)
        await looked(room)
        assert room.follower is not None and room.follower.problem == ""


async def test_a_finished_workshop_shows_its_summary(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    session = new_session("AMG Slut", config.program, groups=["A", "B"], date=TODAY, clock=clock)
    session.groups[0].set_score("viden", 4)
    session.agenda.go(len(session.agenda.steps) - 1)
    session.finish()
    path = store.create(session)
    room = RoomApp(config, path, clock=clock)
    async with room.run_test(size=(160, 45)) as rpilot:
        await rpilot.pause()
        assert room.screen.query_one("#view-summary").display
        assert "Opsummering" in shown(room)


async def test_a_room_opened_without_a_file_moves_on_to_the_next_live_workshop(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """Found on a walk: a room left open showed the first workshop's summary while the
    second was running in the same folder."""
    first = new_session("AMG Først", config.program, groups=["A"], date=TODAY, clock=clock)
    first.finish()
    first_path = store.create(first)
    room = RoomApp(config, first_path, clock=clock, moves_on=True)
    fixed = RoomApp(config, first_path, clock=clock)  # `amk room FILE`: stays on that file
    app = console(config, store, clock)  # the next workshop starts, its console open
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert app.path is not None and app.path != first_path
        async with room.run_test(size=(120, 36)) as rpilot:
            for _ in range(PRESENCE_EVERY):
                await looked(room)
            assert room.path == app.path
            for _ in range(200):  # the redraw it scheduled mounts the slide view (slow under load)
                await rpilot.pause()
                if "Arbejdsmiljø og Udvikling" in shown(room):
                    break
            assert room.session is not None and room.session.amg == "AMG Rum"
            assert "Arbejdsmiljø og Udvikling" in shown(room)  # its first slide
        async with fixed.run_test(size=(120, 36)):
            for _ in range(PRESENCE_EVERY):
                await looked(fixed)
            assert fixed.path == first_path


# -- one truth for the room (the scene) ---------------------------------------------------------
def big_digits(room: RoomApp) -> str:
    from amk_tui.widgets.big_countdown import BigCountdown

    return room.screen.query_one(BigCountdown).text


def ticked(room: RoomApp) -> None:
    """One tick of the room's clock widgets (what the app's clock does four times a second)."""
    from amk_tui.widgets.big_countdown import BigCountdown
    from amk_tui.widgets.countdown import CountdownDigits

    room.screen.query_one(BigCountdown).refresh_time()
    room.screen.query_one(CountdownDigits).refresh_time()


async def test_a_paused_countdown_stands_still_on_the_room_and_plus_moves_it_at_once(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """Found on a walk: the room's big digits kept running while the console was paused,
    and kept the old time after `+` until the room was restarted."""
    app = console(config, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(120, 36)) as rpilot:
            await pilot.press("a", "2")  # the group work: 25 minutes, running
            await pilot.pause()
            await looked(room)
            clock.advance(2)
            ticked(room)
            assert big_digits(room) == "24:58"
            await pilot.press("space")  # paused on the console
            await pilot.pause()
            await looked(room)
            clock.advance(30)
            ticked(room)
            await rpilot.pause()
            assert big_digits(room) == "24:58"  # stands still, as the console's does
            await pilot.press("plus")
            await pilot.pause()
            await looked(room)
            ticked(room)
            assert big_digits(room) == "25:58"
            await pilot.press("space", "greater_than_sign")
            await pilot.pause()
            await looked(room)
            clock.advance(1)
            ticked(room)
            assert big_digits(room) == "30:57"
            assert app.countdown is not None  # the console's time, to the second
            assert format_clock(app.countdown.remaining) == "30:57"


async def test_pageup_into_the_oplaeg_shows_the_last_slide_on_both_windows(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    app = console(config, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(120, 36)):
            await pilot.press("a", "2", "pageup")  # from the group work back into the Oplæg
            await pilot.pause()
            await looked(room)
            n = len(app.content.slides)
            console_sub = str(app.screen.query_one("#phase-sub").render())
            assert console_sub == f"{n} / {n}"
            assert str(room.screen.query_one("#phase-sub").render()) == console_sub
            assert app.store.load(app.path).cursor["oplaeg"] == n - 1  # saved as the index


async def test_a_room_started_before_the_console_waits_and_then_follows(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    store.folder.mkdir(parents=True, exist_ok=True)
    room = RoomApp(config, folder=store.folder, clock=clock)
    async with room.run_test(size=(120, 36)):
        await room.drawn()
        assert "Workshoppen begynder om lidt" in shown(room)
        assert room.is_running  # no workshop: it waits, it does not exit
        app = console(config, store, clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("n")
            await pilot.pause()
            for _ in range(PRESENCE_EVERY):
                await looked(room)
            assert room.path == app.path
            assert room.screen.query_one(SlideView).display
            assert str(room.screen.query_one("#phase-sub").render()) == "1 / 10"


async def test_the_chart_view_and_round_reach_the_room_and_the_configs_labels_stay(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """`v` changed only the console; a session in another language lost the config's factor
    labels on the room; the room never said which round it was."""
    from amk_tui.config import load_config
    from tests.ui.conftest import ALT_CONFIG

    text = ALT_CONFIG.read_text("utf-8") + '\n[content.factors.viden]\nshort = "Vores viden"\n'
    own = store.folder.parent / "own.toml"
    own.write_text(text, "utf-8")
    alt = load_config(own)
    session = new_session("AMG Rum", alt.program, groups=["", ""], date=TODAY, clock=clock)
    session.language = "en"
    path = store.create(session)
    app = AmkApp(alt, store, session=session, path=path, clock=clock, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        room = RoomApp(alt, path, clock=clock)
        async with room.run_test(size=(120, 36)):
            await pilot.press("a", "2")  # the score round
            await pilot.pause()
            await looked(room)
            assert str(room.screen.query_one("#phase-sub").render()) == "Round 1 of 2: Assess"
            assert room.content.factor("viden").short == "Vores viden"
            await pilot.press("a", "3", "v")  # Opsamling: the comparison, then the mean
            await pilot.pause()
            await looked(room)
            chart = room.screen.query_one("#comparison-chart", RadarChart)
            assert [s.letter for s in chart.series] == ["*"]


async def test_a_resize_storm_while_the_console_steps_never_overlaps_two_draws(
    config: Config, store: SessionStore, clock: FakeClock, monkeypatch: object
) -> None:
    """Under load the room's redraws from mount, resize, the look and moving on ran two at
    once (`NoMatches '#slide-body'`): a room that could die when moved and maximised."""
    import pytest
    from textual.events import Resize
    from textual.geometry import Size

    drawing = {"now": 0, "most": 0}
    original = RoomScreen._draw

    async def counted(self: RoomScreen) -> None:
        drawing["now"] += 1
        drawing["most"] = max(drawing["most"], drawing["now"])
        try:
            await original(self)
        finally:
            drawing["now"] -= 1

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(RoomScreen, "_draw", counted)
    app = console(config, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(120, 36)) as rpilot:
            keys = ["pagedown"] * 12 + ["pageup"] * 3 + ["pagedown"] * 6
            for n, key in enumerate(keys):
                await pilot.press(key)
                size = Size(70 + (n * 37) % 100, 22 + (n * 11) % 30)
                room._driver._size = size  # type: ignore[union-attr]
                room.post_message(Resize(size, size))
                room.look()
                if n % 4 == 0:
                    await rpilot.pause()
            await looked(room)
            await rpilot.pause()
            assert drawing["most"] == 1
            sub = str(app.screen.query_one("#phase-sub").render())
            assert str(room.screen.query_one("#phase-sub").render()) == sub
            title = str(app.screen.query_one("#phase-title").render())
            assert str(room.screen.query_one("#phase-title").render()) == title


async def test_opsamling_shows_the_three_questions_at_once_under_their_own_countdown(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """The deck's 'Opsamling: Drøft i grupperne': after the comparison and what the groups
    share, the room shows the three wrap-up questions together and a 4-minute countdown that
    runs only while the slide is up (the phase's 10 minutes go on meanwhile)."""
    app = console(config, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(160, 45)) as rpilot:
            await pilot.press("a", "3", "pagedown", "pagedown")  # comparison, share, discuss
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            text = shown(room)
            assert "Opsamling: Drøft i grupperne" in text
            for question in app.content.wrapup:
                assert question.text in text
            clock.advance(30)
            ticked(room)
            assert big_digits(room) == "03:30"
            await pilot.press("pagedown")  # the first question's harvest: the 4 minutes stop
            await pilot.pause()
            clock.advance(60)
            await pilot.press("pageup")  # back on the slide: on from where it stood
            await pilot.pause()
            await looked(room)
            ticked(room)
            assert big_digits(room) == "03:30"
            assert app.session is not None
            phase = app.session.agenda.countdowns["opsamling"]
            assert format_clock(phase.remaining) == "08:30"  # the phase's own time went on


async def test_the_room_shows_last_times_actions_while_they_are_followed_up(
    config: Config, store: SessionStore, clock: FakeClock
) -> None:
    """The AMG reviews its plan together: while the console marks last time's open actions,
    the room lists them with each mark as it is given; Enter starts the program and the room
    moves on."""
    from amk_tui.core.session import Action
    from amk_tui.screens.followup import FollowupScreen

    old = new_session(
        "AMG Rum", config.program, groups=["A"], date=dt.date(2026, 5, 1), clock=clock
    )
    old.actions = [
        Action("Fast punkt om psykisk arbejdsmiljø", owner="Karin Holm, driftsleder"),
        Action("Trivselsmåling", owner="Leder", deadline=dt.date(2026, 9, 1)),
    ]
    old.finish()
    store.create(old)
    app = console(config, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, FollowupScreen)
        assert app.path is not None
        room = RoomApp(config, app.path, clock=clock)
        async with room.run_test(size=(160, 45)) as rpilot:
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            text = shown(room)
            assert "Handlingsplanen fra 01.05.2026" in text
            assert "Fast punkt om psykisk arbejdsmiljø" in text and "Trivselsmåling" in text
            assert "Karin Holm, driftsleder" in text  # the owner whole, never cut
            assert "01.09.2026" in text and text.count("▸ videreført") == 2
            await pilot.press("d")  # the first: done
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            assert "▸ udført" in shown(room) and shown(room).count("▸ videreført") == 1
            await pilot.press("enter")  # followed up: the program may start
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            from amk_tui.views.followup import FollowupView

            assert room.watcher.scene().kind == "start"
            assert not room.screen.query_one(FollowupView).display  # the list is gone
            assert store.load(app.path).view.followup == []

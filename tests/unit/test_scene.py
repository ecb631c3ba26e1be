"""The scene (`core.scene.derive`): what the room sees, from the session and its clock alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from amk_tui.config import Content, load_config, load_content
from amk_tui.config.flow import outline
from amk_tui.core.clock import FakeClock
from amk_tui.core.scene import Scene, Timer, derive, whole_seconds
from amk_tui.core.session import Session
from amk_tui.core.setup import new_session

REPO = Path(__file__).resolve().parents[2]
PROGRAM = load_config(REPO / "config.toml").program
ALT = load_config(REPO / "tests" / "data" / "config" / "vurder-droeft.toml").program
DA = load_content("da")
WARN = 120.0


def scene_of(session: Session | None, content: Content = DA) -> Scene:
    return derive(session, deck=outline(content), words=content, warn_seconds=WARN)


def workshop(clock: FakeClock, program: object = PROGRAM, **kw: object) -> Session:
    return new_session(
        "AMG Scene",
        program,  # type: ignore[arg-type]
        groups=["", "", ""],
        date=dt.date(2026, 12, 7),
        clock=clock,
        **kw,  # type: ignore[arg-type]
    )


def test_no_session_waits_and_a_program_not_started_says_it_begins_soon() -> None:
    waiting = scene_of(None)
    assert (waiting.kind, waiting.title, waiting.timer) == (
        "waiting",
        "Workshoppen begynder om lidt",
        None,
    )
    session = workshop(FakeClock())
    start = scene_of(session)
    assert (start.kind, start.item, start.step, start.timer) == ("start", None, None, None)
    assert start.title == "Workshoppen begynder om lidt"


def test_a_slide_is_numbered_and_the_cursor_minus_one_is_the_last_slide() -> None:
    session = workshop(FakeClock())
    session.agenda.go(0)
    session.cursor["oplaeg"] = 2
    scene = scene_of(session)
    assert (scene.kind, scene.title, scene.subtitle) == ("slide", "Oplæg", f"3 / {len(DA.slides)}")
    assert scene.item is not None and scene.item.index == 2 and scene.position == 2
    session.cursor["oplaeg"] = -1  # written by versions before 2026-12 on stepping back
    last = scene_of(session)
    assert last.subtitle == f"{len(DA.slides)} / {len(DA.slides)}"
    session.cursor["oplaeg"] = 999
    assert scene_of(session).position == len(DA.slides) - 1


def test_the_group_work_has_the_decks_title_and_a_round_says_which_round() -> None:
    session = workshop(FakeClock(), variant=2)
    session.agenda.go(1)
    scene = scene_of(session)
    assert (scene.kind, scene.title, scene.subtitle) == ("groupwork", "Dialogøvelse 2", "")
    alt = workshop(FakeClock(), program=ALT)
    alt.agenda.go(1)  # Vurdér: the score round
    first = scene_of(alt)
    assert (first.kind, first.title, first.subtitle) == (
        "groupwork",
        "Dialogøvelse",
        "Runde 1 af 2: Vurdér",
    )
    alt.agenda.go(2)
    second = scene_of(alt)
    assert (second.kind, second.subtitle) == ("question", "Runde 2 af 2: Drøft")


def test_opsamling_items_map_to_the_rooms_views_and_finished_is_the_summary() -> None:
    session = workshop(FakeClock())
    session.agenda.go(2)
    kinds = []
    for n in range(30):
        session.cursor["opsamling"] = n
        if scene_of(session).position < n:
            break
        kinds.append(scene_of(session).kind)
    # comparison, share, the discussion slide, 3 wrap-up questions, priorities, decisions, plan
    assert len(kinds) == 9
    assert kinds[0] == "comparison" and kinds[2] == "discuss" and kinds[-1] == "plan"
    assert set(kinds[1:2] + kinds[3:-1]) == {"question"}
    session.finish()
    done = scene_of(session)
    assert (done.kind, done.title, done.subtitle, done.finished) == (
        "summary",
        "Opsummering",
        "",
        True,
    )
    assert done.item_title == "Opsamling"  # the console still shows the item's heading


def test_what_the_facilitator_chose_is_in_the_scene() -> None:
    session = workshop(FakeClock(), revealed=False)
    session.agenda.go(2)
    session.view.blank = True
    session.view.chart = "bars"
    session.view.series = "B"
    session.view.overlay = False
    session.view.notes_hidden = True
    scene = scene_of(session)
    assert (scene.blank, scene.revealed, scene.chart, scene.series) == (True, False, "bars", "B")
    assert (scene.overlay, scene.notes_hidden) == (False, True)
    session.view.series = "Q"  # a group that is not there (removed): all groups
    assert scene_of(session).series == "all"


def test_the_timer_runs_stands_still_when_paused_and_turns_amber_then_red() -> None:
    clock = FakeClock()
    session = workshop(clock)
    session.agenda.go(1)  # the group work: 25 minutes, running
    timer = scene_of(session).timer
    assert timer is not None and timer.running and timer.text(clock.now) == "25:00"
    assert timer.text(clock.now + 61) == "23:59"
    assert timer.level(clock.now + 25 * 60 - WARN + 1) == "warn"
    assert timer.level(clock.now + 25 * 60) == "over"
    assert timer.text(clock.now + 25 * 60 + 5) == "+00:05"
    clock.advance(30)
    assert session.agenda.countdown is not None
    session.agenda.countdown.pause()
    paused = scene_of(session).timer
    assert paused is not None and paused.state == "paused"
    assert paused.text(clock.now + 3600) == "24:30"  # a paused countdown stands still
    session.agenda.countdown.extend(1)
    assert scene_of(session).timer == Timer(25 * 60 + 30, "paused", 26 * 60, WARN, clock.now)


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0.0, 0.0), (0.2, 1.0), (59.999, 60.0), (-0.5, -0.0), (-61.9, -61.0)]
)
def test_whole_seconds_are_what_the_clock_shows(seconds: float, shown: float) -> None:
    assert whole_seconds(seconds) == shown


def test_two_reads_a_moment_apart_compare_equal_to_the_second() -> None:
    clock = FakeClock()
    session = workshop(clock)
    session.agenda.go(1)
    first = scene_of(session)
    clock.advance(0.0004)
    second = scene_of(session)
    assert first != second  # read at two moments …
    assert first.at_second(clock.now) == second.at_second(clock.now)  # … the same picture
    clock.advance(1)
    assert first.at_second(clock.now) == second.at_second(clock.now)
    assert first.at_second(clock.now) != first.at_second(clock.now - 1)


def test_the_english_words_follow_the_sessions_language() -> None:
    en = load_content("en")
    session = workshop(FakeClock(), language="en")
    session.agenda.go(2)
    scene = scene_of(session, en)
    assert (scene.title, scene.language) == ("Wrap-up", "en")


def test_the_discussion_slide_has_the_decks_heading_and_its_own_countdown() -> None:
    """Opsamling as the deck runs it: "Opsamling: Drøft i grupperne", its three questions
    at once under a short countdown of its own (the phase's goes on)."""
    clock = FakeClock()
    session = workshop(clock)
    session.agenda.go(2)
    session.cursor["opsamling"] = 2
    scene = scene_of(session)
    assert (scene.kind, scene.title, scene.subtitle) == (
        "discuss",
        "Opsamling: Drøft i grupperne",
        "",
    )
    assert scene.timer is not None and scene.timer.duration == 4 * 60
    session.cursor["opsamling"] = 1
    assert scene_of(session).timer is not None
    assert scene_of(session).timer.duration == 10 * 60  # type: ignore[union-attr]

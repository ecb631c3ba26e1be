"""User text is text: brackets, escapes, bidi and NUL in every field, shown on every screen.

A workshop whose every free text is hostile is walked item by item on the console and on the
room's window, with the agenda, the help and the start screen; nothing may crash, no markup
may be run (a `[@click=app.quit]` stays a string) and the text must show as typed.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Label, OptionList, Static

from amk_tui.app import AmkApp
from amk_tui.config import Config, load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.session import Action, Session
from amk_tui.core.setup import new_session
from amk_tui.room.app import RoomApp
from amk_tui.store import SessionStore
from tests.ui.room_support import looked

REPO = Path(__file__).resolve().parents[2]
HOSTILE = (
    "Team [/ost]",
    "[@click=app.quit]Klik[/]",
    "Møder [hver uge]",
    "[bold]fed[/bold] [link=https://x]l[/link]",
    "\x1b]0;pwned\x07titel \x1b[2J",
    "RTL \u202eevil\u202c NUL\x00",
)


def hostile_session(config: Config, clock: FakeClock, text: str, other: str) -> Session:
    session = new_session(
        f"AMG {text}",
        config.program,
        groups=[text, other, "C"],
        unit=other,
        facilitator=text,
        date=dt.date(2026, 11, 26),
        clock=clock,
    )
    for g in session.groups:
        g.set_score("viden", 3)
    for qid in ("hvorfor", "faelles", "tager_med", "behov", "naeste_skridt"):
        session.notes[qid] = f"{text}\n{other}"
    session.more_of, session.less_of, session.decisions = [text], [other], [text, other]
    session.actions = [Action(text, owner=other, deadline=dt.date(2026, 12, 15))]
    return session


def texts_on(app: AmkApp | RoomApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Label) if w.display) + "\n".join(
        str(w.render()) for w in app.screen.query(Static) if w.display
    )


async def walk(config: Config, folder: Path, text: str, other: str, size: tuple[int, int]) -> None:
    clock = FakeClock()
    store = SessionStore(folder, clock=clock)
    session = hostile_session(config, clock, text, other)
    path = store.create(session)
    app = AmkApp(config, store, session=session, path=path, clock=clock)
    room = RoomApp(config, path, clock=clock)
    async with app.run_test(size=size) as pilot, room.run_test(size=size) as rpilot:
        assert "[/ost]" not in text or "[/ost]" in texts_on(app)  # the agenda's title
        steps = 0
        while steps < 40:
            await pilot.press("n")
            await pilot.pause()
            await looked(room)
            await rpilot.pause()
            assert app.is_running and room.is_running
            steps += 1
            if session.agenda.index == len(session.agenda.steps) - 1 and (
                session.cursor.get(session.agenda.steps[-1].key, 0) >= 7
            ):
                break
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "a")
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
    assert app.return_code in (None, 0)


async def test_every_screen_shows_hostile_text_as_typed(tmp_path: Path) -> None:
    config = load_config(REPO / "config.toml")
    for n, text in enumerate(HOSTILE):
        other = HOSTILE[(n + 1) % len(HOSTILE)]
        await walk(config, tmp_path / str(n), text, other, (100, 30))


async def test_the_start_screen_lists_hostile_names(tmp_path: Path) -> None:
    config = load_config(REPO / "config.toml")
    clock = FakeClock()
    store = SessionStore(tmp_path, clock=clock)
    for n, text in enumerate(HOSTILE):
        store.create(hostile_session(config, clock, text, HOSTILE[n - 1]))
    app = AmkApp(config, store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#sessions")
        await pilot.pause()
        assert app.is_running  # a click on `[@click=app.quit]` runs nothing
        options = app.screen.query_one("#sessions", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("AMG Team [/ost]" in p for p in prompts), prompts
        assert any("[@click=app.quit]Klik[/]" in p for p in prompts), prompts


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=ANY_TEXT.filter(lambda s: s.strip() != ""), other=ANY_TEXT)
async def test_any_text_anywhere(text: str, other: str) -> None:
    config = load_config(REPO / "config.toml")
    with tempfile.TemporaryDirectory() as folder:
        await walk(config, Path(folder), text, other, (80, 24))

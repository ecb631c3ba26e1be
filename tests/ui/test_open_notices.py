"""Opening a workshop says what amk had to assume: a clock that jumped while it was closed,
texts cut because the file held more than a workshop may."""

from __future__ import annotations

import tomllib

import tomli_w

from amk_tui.core.clock import FakeClock
from amk_tui.store import SessionStore
from tests.ui.conftest import MakeApp


async def test_a_clock_that_jumped_and_cut_texts_are_told(
    make_app: MakeApp, store: SessionStore, clock: FakeClock
) -> None:
    make_app(step=0)
    (path,) = store.files()
    data = tomllib.loads(path.read_text("utf-8"))
    data["timing"]["countdowns"]["oplaeg"]["saved_at"] = clock.wall() - 40 * 3600  # 40 h ago
    data["amg"] = "A" * 5000  # longer than a file may hold a name
    path.write_text(tomli_w.dumps(data), "utf-8")
    session = store.load(path)
    assert session.agenda.clock_jumped and session.trimmed == ["amg"]
    app = make_app(session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Uret sprang" in m for m in messages)
        assert any("for lange" in m and "amg" in m for m in messages)


async def test_an_ordinary_open_says_neither(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert not any("Uret sprang" in m or "for lange" in m for m in messages)

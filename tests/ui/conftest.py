"""Pilot fixtures: an app on a temporary sessions folder with a frozen clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.core.session import Session
from amk_tui.core.setup import new_session
from amk_tui.store import SessionStore

TODAY = dt.date(2026, 11, 26)
MakeApp = Callable[..., AmkApp]


@pytest.fixture
def make_app(config: Config, store: SessionStore, clock: FakeClock) -> MakeApp:
    """`make_app()` a new 3-group workshop; `make_app(demo=True)` the filled-in demo."""

    def make(
        *,
        demo: bool = False,
        session: Session | None = None,
        language: str = "da",
        variant: int = 1,
        start: bool = True,
        step: int | None = None,
        revealed: bool = True,
    ) -> AmkApp:
        if session is None:
            if demo:
                session = demo_session(config.program, language, clock=clock, date=TODAY)
            else:
                session = new_session(
                    "Test AMG",
                    config.program,
                    groups=["", "", ""],
                    date=TODAY,
                    language=language,
                    variant=variant,
                    clock=clock,
                )
        session.revealed = revealed
        path = store.create(session) if not session.id else store.folder / f"{session.id}.toml"
        if step is not None:
            session.agenda.go(step)
            store.save(session, path)
        if not start:
            return AmkApp(config, store, clock=clock, today=TODAY)
        return AmkApp(config, store, session=session, path=path, clock=clock, today=TODAY)

    return make


def saved(app: AmkApp) -> Session:
    """The session as it is on disk now."""
    assert app.path is not None
    return app.store.load(app.path)


def saved_text(app: AmkApp) -> str:
    assert app.path is not None
    return Path(app.path).read_text("utf-8")

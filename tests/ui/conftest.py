"""Pilot fixtures: an app on a temporary sessions folder with a frozen clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from amk_tui.app import AmkApp
from amk_tui.config import Config, load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.demo import demo_session
from amk_tui.core.program import Program
from amk_tui.core.session import Session
from amk_tui.core.setup import new_session
from amk_tui.store import SessionStore

TODAY = dt.date(2026, 11, 26)
MakeApp = Callable[..., AmkApp]
ALT_CONFIG = Path(__file__).resolve().parents[1] / "data" / "config" / "vurder-droeft.toml"
"""The alternative program of config.toml switched on: Vurdér 10 + Drøft 15 in rounds."""

# Where each step is in the default program (the deck's) and in the alternative one.
OPLAEG, DIALOG, OPSAMLING = 0, 1, 2
"""The default program: Oplæg → Dialogøvelse (group work) → Opsamling."""
ALT_SCORE, ALT_DISCUSS, ALT_WRAPUP = 1, 2, 3
"""The alternative program: Oplæg → Vurdér → Drøft → Opsamling."""


@pytest.fixture
def make_app(config: Config, store: SessionStore, clock: FakeClock) -> MakeApp:
    """`make_app()` a new 3-group workshop; `make_app(demo=True)` the filled-in demo;
    `alt=True` runs the alternative program (Vurdér + Drøft in rounds)."""

    def make(
        *,
        demo: bool = False,
        alt: bool = False,
        session: Session | None = None,
        language: str = "da",
        variant: int = 1,
        start: bool = True,
        step: int | None = None,
        revealed: bool = True,
        each: bool = False,
    ) -> AmkApp:
        cfg = load_config(ALT_CONFIG) if alt else config
        if each:  # Opsamling as before 2026-12: each dialogue question on its own screen
            cfg = each_question(cfg)
        if session is None:
            if demo:
                session = demo_session(cfg.program, language, clock=clock, date=TODAY)
            else:
                session = new_session(
                    "Test AMG",
                    cfg.program,
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
            return AmkApp(cfg, store, clock=clock, today=TODAY)
        return AmkApp(cfg, store, session=session, path=path, clock=clock, today=TODAY)

    return make


def each_question(config: Config) -> Config:
    """`config` with its wrap-up harvesting each dialogue question on its own screen and no
    discussion slide (what a program that does not say gets)."""
    phases = tuple(
        dataclasses.replace(p, dialogue="each", discuss_minutes=0.0) if p.kind == "wrapup" else p
        for p in config.program.phases
    )
    return dataclasses.replace(config, program=Program(phases))


def saved(app: AmkApp) -> Session:
    """The session as it is on disk now."""
    assert app.path is not None
    return app.store.load(app.path)


def saved_text(app: AmkApp) -> str:
    assert app.path is not None
    return Path(app.path).read_text("utf-8")

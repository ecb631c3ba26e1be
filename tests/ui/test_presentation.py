"""Oplæg: stepping through slides, Home/End, notes, leaving the phase, own slides."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, Markdown

from amk_tui.app import AmkApp
from amk_tui.config import load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.setup import new_session
from amk_tui.screens.exercise import ExerciseScreen
from amk_tui.screens.presentation import PresentationScreen
from amk_tui.store import SessionStore
from amk_tui.widgets.factor_model import FactorModel
from amk_tui.widgets.slide import SlideView
from tests.ui.conftest import TODAY, MakeApp, saved


def position(app: AmkApp) -> str:
    return str(app.screen.query_one("#slide-position", Label).render())


def title(app: AmkApp) -> str:
    return app.screen.query_one(SlideView).slide.title


async def test_stepping_home_end_and_arrows(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PresentationScreen)
        assert position(app) == "1 / 9" and title(app) == "Formålet med workshoppen"
        await pilot.press("n", "pagedown", "right")
        await pilot.pause()
        assert position(app) == "4 / 9"
        await pilot.press("p", "left")
        await pilot.pause()
        assert position(app) == "2 / 9"
        await pilot.press("end")
        await pilot.pause()
        assert position(app) == "9 / 9" and title(app) == "Dialogøvelse"
        await pilot.press("home")
        await pilot.pause()
        assert position(app) == "1 / 9"
        assert saved(app).cursor["oplaeg"] == 0


async def test_the_factor_slide_draws_the_model(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(5):
            await pilot.press("n")
        await pilot.pause()
        assert position(app) == "6 / 9"
        model = app.screen.query_one(FactorModel)
        assert model.factors[0].id == "aabenhed"
        parts = app.screen.query_one(SlideView).query(Markdown)
        assert len(parts) == 1  # the numbered full wording, below the picture
        assert "6. Teknikker og viden" in parts.first().source


async def test_notes_are_hidden_until_s(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = app.screen.query_one("#slide-notes", Markdown)
        assert not notes.display
        await pilot.press("s")
        assert notes.display
        assert "workshop" in notes.source.lower() or notes.source
        await pilot.press("s")
        assert not notes.display


async def test_past_the_last_slide_enters_the_exercise_and_back(make_app: MakeApp) -> None:
    app = make_app(step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        await pilot.press("pageup")
        await pilot.pause()
        assert isinstance(app.screen, PresentationScreen) and position(app) == "9 / 9"


async def test_a_long_slide_scrolls_with_a_hint(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "slides"
    folder.mkdir()
    (folder / "02-long.md").write_text("# Long\n\n" + "\n\n".join(f"Line {i}" for i in range(60)))
    (folder / "01-short.md").write_text("# Short\n\nHello")
    cfg = tmp_path / "config.toml"
    repo_cfg = Path(__file__).resolve().parents[2] / "config.toml"
    cfg.write_text(
        repo_cfg.read_text().replace('# slides_dir = "my-slides"', 'slides_dir = "slides"')
    )
    config = load_config(cfg)
    store = SessionStore(tmp_path / "sessions", clock=clock)
    session = new_session("X", config.program, groups=["A"], date=TODAY, clock=clock)
    path = store.create(session)
    session.agenda.go(0)
    app = AmkApp(config, store, session=session, path=path, clock=clock, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert position(app) == "1 / 2" and title(app) == "Short"
        assert str(app.screen.query_one("#scroll-hint", Label).render()) == ""
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert title(app) == "Long"
        assert "▼" in str(app.screen.query_one("#scroll-hint", Label).render())

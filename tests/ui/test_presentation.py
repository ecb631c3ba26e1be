"""Oplæg: stepping through slides, Home/End, notes, leaving the phase, own slides, and every
built-in slide fitting a zoomed terminal (100×30) in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label, Static

from amk_tui.app import AmkApp
from amk_tui.config import load_config
from amk_tui.core.clock import FakeClock
from amk_tui.core.setup import new_session
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.store import SessionStore
from amk_tui.views.groupwork import GroupWorkView
from amk_tui.views.slide import SlideView
from amk_tui.widgets.radar import RadarChart
from tests.ui.conftest import OPLAEG, TODAY, MakeApp, saved

SLIDES = 10


def position(app: AmkApp) -> str:
    return str(app.screen.query_one("#phase-sub", Label).render())


def title(app: AmkApp) -> str:
    return str(app.screen.query_one("#slide-title", Static).render())


def body(app: AmkApp) -> str:
    return str(app.screen.query_one("#slide-body", Static).render())


async def test_stepping_home_end_and_arrows(make_app: MakeApp) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WorkshopScreen)
        assert position(app) == f"1 / {SLIDES}" and title(app) == "Arbejdsmiljø og Udvikling"
        await pilot.press("n", "pagedown", "right")
        await pilot.pause()
        assert position(app) == f"4 / {SLIDES}"
        await pilot.press("p", "left")
        await pilot.pause()
        assert position(app) == f"2 / {SLIDES}"
        await pilot.press("end")
        await pilot.pause()
        assert position(app) == f"{SLIDES} / {SLIDES}"
        assert title(app) == "Hvorfor arbejde dialogbaseret?"
        await pilot.press("home")
        await pilot.pause()
        assert position(app) == f"1 / {SLIDES}"
        assert saved(app).cursor["oplaeg"] == 0


async def test_the_deck_opens_on_its_title_slide_with_purpose_and_program(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = body(app)
        assert "Starte en dialog om arbejdsmiljøkompetencen i jeres AMG" in text
        for line in ("10 min. oplæg", "25 min. dialogøvelse i grupper", "10 min. opsamling"):
            assert line in text


async def test_the_factor_slide_draws_the_model_beside_the_full_wording(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press(*"nnnnn")
        await pilot.pause()
        await pilot.pause()
        assert position(app) == f"6 / {SLIDES}"
        slide = app.screen.query_one(SlideView)
        model = slide.query_one("#model-chart", RadarChart)
        assert model.series == ()  # the empty hexagon: no group's line on it
        text = body(app)
        assert "6. Teknikker og viden om arbejdsmiljø" in text
        words = slide.query_one("#slide-body")
        assert model.region.right <= words.region.x  # beside the text, not above it


async def test_the_example_slide_draws_a_line_that_says_it_is_an_example(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"nnnnnn")
        await pilot.pause()
        await pilot.pause()
        assert title(app) == "Eksempel på arbejdsmiljøkompetencemodellen"
        model = app.screen.query_one("#model-chart", RadarChart)
        assert [s.values for s in model.series] == [(4.0, 3.0, 3.0, 2.0, 2.0, 4.0)]
        body = str(app.screen.query_one("#slide-body").render())
        assert "Eksempel (fiktive tal)" in body  # said beside the chart, never cut off


async def test_the_64_departments_slide_says_what_its_figure_shows_and_cites_it(
    make_app: MakeApp,
) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"nnnnnnn")
        await pilot.pause()
        assert title(app) == "Arbejdsmiljøkompetence i 64 afdelinger"
        text = body(app)
        assert "64 afdelinger" in text
        assert "(Det Nationale Forskningscenter for Arbejdsmiljø, 2024)" in text


async def test_notes_are_hidden_until_s(make_app: MakeApp) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(80, 24)) as pilot:
        notes = app.screen.query_one("#slide-notes", Static)
        assert not notes.display
        await pilot.press("s")
        assert notes.display
        assert "Byd velkommen" in str(notes.render())
        await pilot.press("s")
        assert not notes.display


async def test_past_the_last_slide_is_the_group_work_and_back(make_app: MakeApp) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.screen.query_one(GroupWorkView).display
        await pilot.press("pageup")
        await pilot.pause()
        assert position(app) == f"{SLIDES} / {SLIDES}"
        assert app.screen.query_one(SlideView).display


async def test_a_long_slide_of_ones_own_scrolls(tmp_path: Path, clock: FakeClock) -> None:
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
        view = app.screen.query_one(SlideView)
        assert position(app) == "1 / 2" and title(app) == "Short"
        assert view.max_scroll_y == 0
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert title(app) == "Long"
        assert view.max_scroll_y > 0 and view.show_vertical_scrollbar  # the bar says: more


async def walk_slides(app: AmkApp, size: tuple[int, int]) -> list[tuple[str, float]]:
    """Every slide in turn at `size`: (title, how far its view could scroll)."""
    seen: list[tuple[str, float]] = []
    async with app.run_test(size=size) as pilot:
        for _ in app.content.slides:
            await pilot.pause()
            await pilot.pause()
            view = app.screen.query_one(SlideView)
            assert view.region.right <= size[0] and view.region.bottom <= size[1]
            seen.append((title(app), view.max_scroll_y))
            await pilot.press("n")
    return seen


@pytest.mark.parametrize("language", ["da", "en"])
async def test_every_built_in_slide_fits_100x30_without_scrolling(
    make_app: MakeApp, language: str
) -> None:
    app = make_app(step=OPLAEG, language=language)
    seen = await walk_slides(app, (100, 30))
    assert len(seen) == SLIDES
    assert [t for t, scroll in seen if scroll > 0] == []
    assert len({t for t, _ in seen}) == SLIDES  # every slide was shown, none twice


@pytest.mark.parametrize("language", ["da", "en"])
async def test_every_built_in_slide_draws_at_80x24(make_app: MakeApp, language: str) -> None:
    app = make_app(step=OPLAEG, language=language)
    seen = await walk_slides(app, (80, 24))  # may scroll here, but never crashes
    assert len({t for t, _ in seen}) == SLIDES

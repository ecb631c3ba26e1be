"""Dialogøvelse as the deck runs it: the group-work screen, scores typed as groups report.

The default program's exercise is one step without rounds: the deck's exercise slide of the
session's variant with every question and a big countdown. A digit there opens the score
grid at the first empty cell and enters it; Esc goes back. While the chart is hidden until
the reveal and no room window follows, the grid shows which cells are filled, not values.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Static

from amk_tui.app import AmkApp
from amk_tui.config import Config
from amk_tui.core.clock import FakeClock
from amk_tui.core.scores import FACTOR_IDS
from amk_tui.core.setup import new_session
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.store import SessionStore
from amk_tui.views.groupwork import GroupWorkView
from amk_tui.views.scoring import ScoringView
from amk_tui.widgets.big_countdown import BigCountdown
from amk_tui.widgets.radar import RadarChart
from amk_tui.widgets.score_grid import ScoreGrid
from tests.ui.conftest import DIALOG, TODAY, MakeApp, saved


def shown(app: AmkApp) -> str:
    """Which view the workshop screen shows now: groupwork, scoring, …"""
    switcher_current = app.screen.query_one("#views").current  # type: ignore[attr-defined]
    assert isinstance(switcher_current, str)
    return switcher_current.removeprefix("view-")


def exercise_text(app: AmkApp) -> str:
    return str(app.screen.query_one("#exercise", Static).render())


def ink_rows(big: BigCountdown) -> list[str]:
    """The countdown's lines that hold block characters."""
    lines = [big.render_line(y).text for y in range(big.size.height)]
    return [line for line in lines if line.strip()]


def cell(grid: ScoreGrid, group: int, factor: int) -> str:
    return str(grid.get_cell(FACTOR_IDS[factor], f"g{group}"))


async def test_variant_1_shows_the_deck_s_exercise_slide_with_all_five_questions(
    make_app: MakeApp,
) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen) and shown(app) == "groupwork"
        text = exercise_text(app)
        assert "Mindre grupper, 25 min til øvelsen" in text
        assert "1 er lav og 5 er høj" in text
        assert "Placér jer i diagrammet" in text and "Dialogspørgsmål" in text
        questions = app.content.questions[1]
        assert len(questions) == 5
        for n, question in enumerate(questions, 1):
            assert f"{n}. {question.text}" in text
        assert str(app.screen.query_one("#phase-title").render()) == "Dialogøvelse"
        view = app.screen.query_one(GroupWorkView)
        scroll = view.query_one("#groupwork-text")
        assert scroll.max_scroll_y == 0  # all of it in sight at 100×30


async def test_variant_2_shows_its_own_four_questions_and_drøft(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG, variant=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = exercise_text(app)
        assert "Drøft dialogspørgsmålene" in text
        assert "Placér jer i diagrammet" not in text  # variant 1's paper task
        questions = app.content.questions[2]
        assert len(questions) == 4
        for n, question in enumerate(questions, 1):
            assert f"{n}. {question.text}" in text
        assert "hos jer hver især" in text
        assert "5." not in text  # four, not five
        assert str(app.screen.query_one("#phase-title").render()) == "Dialogøvelse 2"


async def test_the_countdown_is_the_largest_thing_on_the_screen(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigCountdown)
        assert big.text == "25:00"
        assert len(ink_rows(big)) >= 11  # the acceptance: at least 11 rows at 160×45
        await pilot.resize_terminal(120, 35)
        await pilot.pause()
        assert len(ink_rows(big)) >= 35 / 4  # at least a quarter of the window from 120×35 on


async def test_a_digit_opens_the_grid_at_the_first_empty_cell_and_esc_goes_back(
    make_app: MakeApp, config: Config, clock: FakeClock
) -> None:
    session = new_session("Test AMG", config.program, groups=["", "", ""], date=TODAY, clock=clock)
    for factor, value in zip(FACTOR_IDS, (3, 2, 4, 3, 3, 2), strict=True):
        session.groups[0].set_score(factor, value)  # A has reported
    session.groups[1].set_score("aabenhed", 4)  # B's first score is in
    app = make_app(session=session, step=DIALOG)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert shown(app) == "groupwork"
        await pilot.press("5")
        await pilot.pause()
        assert shown(app) == "scoring"
        grid = app.screen.query_one(ScoreGrid)
        assert grid.has_focus
        assert saved(app).groups[1].scores == {"aabenhed": 4, "innovation": 5}
        await pilot.press("1")
        await pilot.pause()
        assert saved(app).groups[1].scores["motivation"] == 1  # typing goes on from there
        assert saved(app).groups[0].scores["innovation"] == 2  # nothing else was touched
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == "groupwork"
        reported = str(app.screen.query_one("#reported", Static).render())
        assert "A ■■■■■■" in reported and "B ■■■□□□" in reported and "C □□□□□□" in reported
        await pilot.press("2")  # again: on from the next empty cell
        await pilot.pause()
        assert shown(app) == "scoring"
        assert saved(app).groups[1].scores["ressourcer"] == 2


async def test_a_burst_of_digits_from_the_group_work_lands_in_order(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for digit in "324332435":  # typed faster than the grid opens
            app.post_message(events.Key(digit, digit))
        await pilot.pause(0.2)
        await pilot.pause()
        groups = saved(app).groups
        assert [groups[0].scores.get(f) for f in FACTOR_IDS] == [3, 2, 4, 3, 3, 2]
        assert [groups[1].scores.get(f) for f in FACTOR_IDS] == [4, 3, 5, None, None, None]


async def test_hidden_until_reveal_the_grid_shows_dots_and_no_chart(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG, revealed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "2")
        await pilot.pause()
        assert saved(app).groups[0].scores == {"aabenhed": 4, "innovation": 2}
        view = app.screen.query_one(ScoringView)
        grid = view.query_one(ScoreGrid)
        assert grid.masked
        assert cell(grid, 0, 0) == "●" and cell(grid, 0, 1) == "●" and cell(grid, 0, 2) == "–"
        drawn = "\n".join(strip.text for strip in grid.render_lines(grid.region.reset_offset))
        assert "4" not in drawn.replace("1 Åbenhed", "").replace("4 Ressourcer", "")
        chart = view.query_one(RadarChart)
        assert not chart.display and not view.query_one("#insights").display
        assert view.query_one("#chart-hidden").display
        await pilot.press("h")  # the reveal: now the room may see the values and the chart
        await pilot.pause()
        assert not grid.masked and cell(grid, 0, 0) == "4" and chart.display


async def test_with_a_room_window_the_console_grid_shows_values_but_not_the_chart(
    make_app: MakeApp, store: SessionStore
) -> None:
    from amk_tui.room.presence import RoomMark

    app = make_app(step=DIALOG, revealed=False)
    (path,) = store.files()
    mark = RoomMark(path)  # a room window follows: its lock is held all along (the app looks)
    app.room_following = True  # … and the console knows it from the start
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            assert app.room_following  # a look at the room's lock in between agrees
            view = app.screen.query_one(ScoringView)
            grid = view.query_one(ScoreGrid)
            assert not grid.masked and cell(grid, 0, 0) == "4"
            assert not view.query_one(RadarChart).display
    finally:
        mark.release()


async def test_esc_on_the_group_work_itself_changes_nothing(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = saved(app).to_dict()
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == "groupwork" and saved(app).to_dict() == before


async def test_stepping_on_from_the_grid_leaves_the_group_work(make_app: MakeApp) -> None:
    app = make_app(step=DIALOG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert shown(app) == "scoring"
        await pilot.press("pagedown")
        await pilot.pause()
        assert shown(app) == "comparison"
        await pilot.press("pageup")  # back: the group work again, not the grid
        await pilot.pause()
        assert shown(app) == "groupwork"


async def test_a_digit_on_the_group_work_never_replaces_a_score_when_all_are_in(
    make_app: MakeApp, config: Config, clock: FakeClock
) -> None:
    """Found on a walk: with every cell filled, a digit typed on the group work went into
    the grid's cursor cell and replaced a group's score without a word."""
    session = new_session("Test AMG", config.program, groups=["", "", ""], date=TODAY, clock=clock)
    for group in session.groups:
        for factor in FACTOR_IDS:
            group.set_score(factor, 5)
    app = make_app(session=session, step=DIALOG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert shown(app) == "scoring"  # the grid opens, to correct a cell on purpose
        assert all(g.scores[f] == 5 for g in saved(app).groups for f in FACTOR_IDS)
        assert any("Alle felter er udfyldt" in n.message for n in app._notifications)


async def test_variant_2_slips_are_typed_from_the_group_work_with_i(make_app: MakeApp) -> None:
    """Found on a walk: in "hver især" the only way in from the group work was a digit,
    which wrote the group's joint score; `i` now opens the slips for the first group."""
    from amk_tui.screens.rows import RowsScreen

    app = make_app(step=DIALOG, variant=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "tryk i for at skrive sedlerne ind" in str(
            app.screen.query_one(GroupWorkView).query_one("#reported", Static).render()
        )
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, RowsScreen)
        await pilot.press(*"324332", "enter")
        await pilot.pause()
        group = saved(app).groups[0]
        assert group.rows == [(3, 2, 4, 3, 3, 2)] and group.scores == {}
        await pilot.press("pagedown", *"555555", "enter")  # group B's slips, without leaving
        await pilot.pause()
        assert saved(app).groups[1].rows == [(5, 5, 5, 5, 5, 5)]
        assert "gruppe B" in str(app.screen.query_one("#rows-title").render())
        await pilot.press("pageup", "pageup")  # round to the last group, C
        await pilot.pause()
        assert "gruppe C" in str(app.screen.query_one("#rows-title").render())
        await pilot.press("escape", "i")  # `i` again: the first group without slips, C
        await pilot.pause()
        assert "gruppe C" in str(app.screen.query_one("#rows-title").render())


async def test_slips_read_out_in_a_burst_are_each_kept_and_a_bad_one_comes_back(
    make_app: MakeApp,
) -> None:
    """Found on a walk: "324332⏎445343⏎333333⏎" typed fast kept two slips; the third was
    wiped when the first was stored. Now every slip of a burst is kept, in order."""
    app = make_app(step=DIALOG, variant=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        field = app.screen.query_one("#row-input", Input)
        for slip in ("324332", "445343", "333333"):  # a burst: all in the field's queue
            field.insert_text_at_cursor(slip)  # before the screen has stored the first
            await field.action_submit()
        await pilot.pause()
        slips = [(3, 2, 4, 3, 3, 2), (4, 4, 5, 3, 4, 3), (3, 3, 3, 3, 3, 3)]
        assert saved(app).groups[0].rows == sorted(slips)  # (the file keeps them sorted)
        await pilot.press(*"12", "enter")  # not a slip: said, and back in the field
        await pilot.pause()
        assert field.value == "12"
        assert str(app.screen.query_one("#form-error").render())
        assert len(saved(app).groups[0].rows) == 3

"""The score grid: groups, individual rows, chart, reveal — in the alternative program's score
round (Vurdér), where the grid is the step's own screen. The grid reached from the group work
of the default program is tested in test_groupwork.py."""

from __future__ import annotations

import tomllib

from amk_tui.core.scores import FACTOR_IDS
from amk_tui.screens.forms import TextPrompt
from amk_tui.screens.modals import ConfirmScreen
from amk_tui.screens.rows import RowsScreen
from amk_tui.screens.workshop import WorkshopScreen
from amk_tui.views.scoring import ScoringView
from amk_tui.widgets.radar import RadarChart
from amk_tui.widgets.score_grid import ScoreGrid
from tests.ui.conftest import ALT_SCORE, MakeApp, saved, saved_text


async def test_typing_scores_for_three_groups_lands_in_the_file(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, WorkshopScreen)
        await pilot.press(*"324332", *"435242", *"213421")
        await pilot.pause()
        data = tomllib.loads(saved_text(app))
        assert [g["scores"] for g in data["groups"]] == [
            dict(zip(FACTOR_IDS, map(int, digits), strict=True))
            for digits in ("324332", "435242", "213421")
        ]
        chart = app.screen.query_one("#chart", RadarChart)
        assert [s.letter for s in chart.series] == ["A", "B", "C"]
        assert chart.series[2].values == (2.0, 1.0, 3.0, 4.0, 2.0, 1.0)
        insights = str(app.screen.query_one("#insights").render())
        assert "Lavest: 6 Viden (1,7)" in insights and "Størst uenighed" in insights


async def test_clearing_is_not_scored_not_zero(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "up", "backspace")
        await pilot.pause()
        assert saved(app).groups[0].scores == {}
        await pilot.press("0", "5", "up", "delete")
        await pilot.pause()
        assert "aabenhed" not in saved(app).groups[0].scores
        grid = app.screen.query_one(ScoreGrid)
        assert str(grid.get_cell_at(grid.cursor_coordinate)) == "–"


async def test_digits_outside_1_to_5_do_nothing(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("7", "9")
        await pilot.pause()
        assert saved(app).groups[0].scores == {}


async def test_add_rename_and_remove_groups(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert [g.letter for g in saved(app).groups] == ["A", "B", "C", "D"]
        await pilot.press("right", "e")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Lager", "enter")
        await pilot.pause()
        assert saved(app).groups[1].name == "Lager"
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(saved(app).groups) == 4
        await pilot.press("x", "y")
        await pilot.pause()
        assert [g.letter for g in saved(app).groups] == ["A", "C", "D"]


async def test_individual_rows_and_their_statistics(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE, variant=2)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, RowsScreen)
        await pilot.press(*"324332", "enter", *"4-5331", "enter")
        await pilot.press(*"12", "enter")
        await pilot.pause()
        stats = str(app.screen.query_one("#row-stats").render())
        assert "1 Åbenhed: 3, 4" in stats  # fewer than three rows: the values, not a mean
        assert "Kan ikke bruges" in str(app.screen.query_one("#form-error").render())
        await pilot.press("ctrl+u", *"2222")
        await pilot.pause()
        assert str(app.screen.query_one("#form-error").render()) == ""  # no stale complaint
        await pilot.press(*"22", "enter")
        await pilot.pause()
        stats = str(app.screen.query_one("#row-stats").render())
        assert "1 Åbenhed: 3 (2–4, n=3)" in stats
        assert "2 Innovation: 2, 2" in stats  # this factor has two answers: no mean
        # correct the first row, then delete the second
        await pilot.press("tab", "enter")
        await pilot.press("ctrl+u", *"555555", "enter")
        await pilot.press("tab", "down", "delete")
        await pilot.pause()
        rows = saved(app).groups[0].rows
        assert app.session is not None
        assert app.session.groups[0].rows == [(5, 5, 5, 5, 5, 5), (2, 2, 2, 2, 2, 2)]
        assert rows == [(2, 2, 2, 2, 2, 2), (5, 5, 5, 5, 5, 5)]  # saved sorted, not as typed
        await pilot.press("escape")
        await pilot.pause()
        chart = app.screen.query_one("#chart", RadarChart)
        # two slips left: no point and no spread on the chart (a mean of two gives both away)
        assert chart.series[0].values[0] is None
        assert chart.series[0].spread is not None and chart.series[0].spread[0] is None


async def test_reveal_and_chart_toggle(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE, revealed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        chart = app.screen.query_one("#chart", RadarChart)
        assert not chart.display and app.screen.query_one("#chart-hidden").display
        await pilot.press("3")
        await pilot.pause()
        assert saved(app).groups[0].scores == {"aabenhed": 3}  # the grid still takes scores
        insights = app.screen.query_one("#insights")
        assert not insights.display  # "lowest" / "most split" would anchor the others too
        await pilot.press("h")
        await pilot.pause()
        assert chart.display and saved(app).revealed and insights.display
        await pilot.press("c")
        assert chart.mode == "bars"
        await pilot.press("c")
        assert chart.mode == "radar"


async def test_views_cycle_through_all_mean_and_each_group(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE, demo=True)
    async with app.run_test(size=(120, 36)) as pilot:
        chart = app.screen.query_one("#chart", RadarChart)
        assert len(chart.series) == 3
        await pilot.press("v")
        assert [s.letter for s in chart.series] == ["*"]
        await pilot.press("v")
        assert [s.letter for s in chart.series] == ["A"]


async def test_at_80_columns_many_groups_become_tabs(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        view = screen.query_one(ScoringView)
        assert not view.has_class("-tabs")
        await pilot.press("g", "g", "g")
        await pilot.pause()
        assert view.has_class("-tabs")
        chart = screen.query_one("#chart-pane")
        assert not chart.display
        await pilot.press("f")
        await pilot.pause()
        assert chart.display and not screen.query_one("#grid-pane").display


async def test_grid_shows_a_count_until_three_rows_then_the_mean(make_app: MakeApp) -> None:
    app = make_app(alt=True, step=ALT_SCORE, variant=2)
    async with app.run_test(size=(120, 36)) as pilot:
        grid = app.screen.query_one(ScoreGrid)
        await pilot.press("i", *"324332", "enter", *"412332", "enter", "escape")
        await pilot.pause()
        assert str(grid.get_cell_at(grid.cursor_coordinate)) == "n=2"  # no mean of two
        assert app.session is not None and app.session.groups[0].value("aabenhed") is None
        await pilot.press("i", *"512332", "enter", "escape")
        await pilot.pause()
        assert (
            str(grid.get_cell_at(grid.cursor_coordinate)) == "4,0"
        )  # a mean of slips: one decimal, beside "3,3"


async def test_the_individual_rows_dialog_fits_80x24_with_its_statistics(
    make_app: MakeApp,
) -> None:
    app = make_app(alt=True, step=ALT_SCORE, variant=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.press(*"324332", "enter", *"4-5331", "enter", *"222222", "enter")
        await pilot.pause()
        stats = app.screen.query_one("#row-stats")
        assert stats.region.bottom <= 23 and stats.region.height <= 4  # 2 columns, in sight
        assert "6 Viden: 1,7 (1–2, n=3)" in str(stats.render())

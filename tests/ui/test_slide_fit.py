"""Every slide's hexagon fits the window it is drawn in: found on a walk, the example
slide's chart was laid out twice as wide as the screen and lost its right half."""

from __future__ import annotations

import pytest

from amk_tui.widgets.radar import RadarChart
from tests.ui.conftest import OPLAEG, MakeApp


@pytest.mark.parametrize("size", [(100, 30), (160, 45)])
async def test_every_model_chart_lies_inside_the_screen(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(step=OPLAEG)
    async with app.run_test(size=size) as pilot:
        seen = 0
        for _ in range(10):
            await pilot.pause()
            for chart in app.screen.query(RadarChart):
                if chart.display and chart.region.width:
                    seen += 1
                    screen = app.screen.region
                    assert chart.region.right <= screen.right, chart.region
                    assert chart.region.width <= screen.width
            await pilot.press("pagedown")
        assert seen >= 2  # the six-factor model and the example line

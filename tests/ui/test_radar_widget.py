"""RadarChart in a tiny app: it renders the groups, switches to bars, survives resizes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult

from amk_tui.chart_bars import bar_labels
from amk_tui.charts import Series, group_color
from amk_tui.widgets.radar import RadarChart

LABELS = ("Åbenhed", "Innovation", "Motivation", "Ressourcer", "Systematik", "Viden")
SERIES = (
    Series("A", "Gruppe 1", (4, 3, 5, 2, 3, 4), group_color(0)),
    Series("B", "Gruppe 2", (3, 3, 4, None, 2, 5), group_color(1)),
    Series("C", "Ledelsen", (2, 4, 3, 3, 3, 3), group_color(2)),
)
SnapCompare = Callable[..., bool]


class RadarApp(App[None]):
    """Just the chart, filling the screen, with three groups."""

    def __init__(self, series: tuple[Series, ...] = SERIES, mode: str = "radar") -> None:
        super().__init__()
        self.series = series
        self.mode = mode

    def compose(self) -> ComposeResult:
        yield RadarChart(empty_text="Ingen point endnu")

    def on_mount(self) -> None:
        chart = self.query_one(RadarChart)
        chart.mode = "bars" if self.mode == "bars" else "radar"
        chart.show(self.series, LABELS)


def rendered(chart: RadarChart) -> str:
    """The chart's text as the screen shows it."""
    return "\n".join(strip.text for strip in chart.render_lines(chart.region.reset_offset))


async def test_radar_shows_labels_letters_and_legend() -> None:
    for size in ((80, 24), (200, 60)):
        app = RadarApp()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            text = rendered(app.query_one(RadarChart))
            for i, label in enumerate(LABELS, start=1):
                assert f"{i} {label}" in text, (size, label)
            for s in SERIES:
                assert s.letter in text
                assert s.name in text


async def test_toggling_mode_redraws_as_bars() -> None:
    app = RadarApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(RadarChart)
        await pilot.pause()
        radar = rendered(chart)
        chart.mode = "bars"
        await pilot.pause()
        bars = rendered(chart)
        assert bars != radar
        assert "█" in bars and "█" not in radar
        chart.mode = "radar"
        await pilot.pause()
        assert rendered(chart) == radar


@pytest.mark.parametrize("width", [44, 60, 80, 120])
async def test_every_factor_keeps_a_label_under_its_bars(width: int) -> None:
    """At 80×24 the bars get ~44 columns; the last factor's label once went missing."""
    app = RadarApp(mode="bars")
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        chart = app.query_one(RadarChart)
        bottom = rendered(chart).rstrip("\n").split("\n")[-1]
        for number, label in enumerate(LABELS, start=1):  # none dropped, each recognisable
            cut = re.search(rf"(^|\s){number} {re.escape(label[:2])}", bottom)
            assert label in bottom or cut, f"{label} missing: {bottom!r}"


def test_bar_labels_number_and_cut_when_the_clusters_are_narrow() -> None:
    assert bar_labels(LABELS, 20) == [f"{n} {t}" for n, t in enumerate(LABELS, 1)]
    assert bar_labels(LABELS, 12) == list(LABELS)
    assert bar_labels(LABELS, 8.3) == ["1 Åben", "2 Inno", "3 Moti", "4 Ress", "5 Syst", "6 Vide"]
    assert bar_labels(LABELS, 2) == ["1", "2", "3", "4", "5", "6"]


async def test_resize_redraws_without_error() -> None:
    app = RadarApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(RadarChart)
        for size in ((200, 60), (40, 12), (120, 36), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert chart.size.width == size[0]
            assert "1 Åbenhed" in rendered(chart) or size[0] < 60


async def test_empty_text_until_scored() -> None:
    app = RadarApp(series=(Series("A", "Gruppe 1", (None,) * 6, group_color(0)),))
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(RadarChart)
        await pilot.pause()
        assert "Ingen point endnu" in rendered(chart)
        chart.show(SERIES, LABELS)
        await pilot.pause()
        assert "Ingen point endnu" not in rendered(chart)


def test_snapshot_radar_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(RadarApp(), terminal_size=(80, 24))


def test_snapshot_radar_120x36(snap_compare: SnapCompare) -> None:
    assert snap_compare(RadarApp(), terminal_size=(120, 36))


def test_snapshot_bars_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(RadarApp(mode="bars"), terminal_size=(80, 24))

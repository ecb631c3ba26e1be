"""Radar geometry (no terminal) and the plain-text radar for the report."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from amk_tui.charts import Series, radar_text
from amk_tui.core import radar
from amk_tui.core.radar import Point

REPO = Path(__file__).resolve().parents[2]
LABELS = ("Åbenhed", "Innovation", "Motivation", "Ressourcer", "Systematik", "Viden")
SERIES = (
    Series("A", "Gruppe 1", (4, 3, 5, 2, 3, 4)),
    Series("B", "Gruppe 2", (3, 3, 4, None, 2, 5)),
    Series("C", "Ledelsen", (2, 4, 3, 3, 3, 3)),
)
COS30 = math.sqrt(3) / 2


def test_first_spoke_points_straight_up() -> None:
    assert radar.spoke_point(0, 6, 5) == Point(0.0, 5.0)
    assert radar.spoke_angles(6)[0] == pytest.approx(math.pi / 2)


def test_spokes_go_clockwise() -> None:
    # GIVEN six spokes WHEN walking factor 1 → 6 THEN the angle decreases (clockwise)
    angles = radar.spoke_angles(6)
    assert all(b < a for a, b in itertools.pairwise(angles))
    # factor 2 is upper right, factor 4 at the bottom, factor 6 upper left
    p2, p4, p6 = (radar.spoke_point(i, 6, 5) for i in (1, 3, 5))
    assert p2.x > 0 and p2.y > 0
    assert p4 == Point(0.0, -5.0)
    assert p6.x < 0 and p6.y > 0


def test_all_fives_is_the_outer_hexagon() -> None:
    vertices = radar.polygon((5,) * 6)
    assert [v.index for v in vertices] == list(range(6))
    for v in vertices:
        assert math.hypot(v.point.x, v.point.y) == pytest.approx(5)
    assert vertices[1].point.x == pytest.approx(5 * COS30)
    assert vertices[1].point.y == pytest.approx(2.5)
    assert [v.point for v in vertices] == list(radar.ring(5, 6))


def test_all_ones_is_the_inner_ring() -> None:
    vertices = radar.polygon((1,) * 6)
    assert [v.point for v in vertices] == list(radar.rings(6)[0])
    assert all(math.hypot(v.point.x, v.point.y) == pytest.approx(1) for v in vertices)


def test_mixed_values_lie_on_their_spokes() -> None:
    values = (1.0, 2.0, 3.0, 4.0, 5.0, 2.5)
    for v, angle in zip(radar.polygon(values), radar.spoke_angles(6), strict=True):
        assert math.hypot(v.point.x, v.point.y) == pytest.approx(v.value)
        assert v.point.x == pytest.approx(v.value * math.cos(angle))
        assert v.point.y == pytest.approx(v.value * math.sin(angle))


def test_not_scored_has_no_vertex_and_neighbours_join() -> None:
    vertices = radar.polygon((4, None, 3, None, None, 2))
    assert [v.index for v in vertices] == [0, 2, 5]
    path = radar.closed([v.point for v in vertices])
    assert path[0] == path[-1] and len(path) == 4
    assert radar.polygon((None,) * 6) == ()
    assert radar.closed([Point(1, 1)]) == (Point(1, 1),)


def test_values_are_clamped_to_the_scale() -> None:
    (v,) = radar.polygon((7.0, None, None, None, None, None))
    assert v.point == Point(0.0, 5.0)


def test_rings_one_to_five() -> None:
    rings = radar.rings(6)
    assert len(rings) == 5
    for level, ring in enumerate(rings, start=1):
        assert all(math.hypot(p.x, p.y) == pytest.approx(level) for p in ring)


@pytest.mark.parametrize("cols, rows", [(40, 20), (120, 36), (200, 60), (80, 23), (61, 9)])
def test_hexagon_is_regular_on_screen(cols: int, rows: int) -> None:
    # GIVEN a canvas WHEN fitting the view THEN a row step is 2× a column step in data units,
    # so the hexagon's on-screen width/height is the true cos 30° ≈ 0.866
    view = radar.fit_view(cols, rows, cell_aspect=2.0)
    assert view.pitch_y == pytest.approx(2.0 * view.pitch_x)
    left, right, bottom, top = radar.extent(6)
    width_on_screen = (right - left) / view.pitch_x  # in column widths
    height_on_screen = (top - bottom) / view.pitch_y * 2.0  # rows are twice as tall
    assert width_on_screen / height_on_screen == pytest.approx(COS30, rel=1e-9)
    # and the whole hexagon is on the canvas, centred
    assert view.xlim[0] <= left and right <= view.xlim[1]
    assert view.ylim[0] <= bottom and top <= view.ylim[1]
    assert view.cell(Point(0, 0)) == ((cols - 1) // 2, (rows - 1) // 2)


def test_hexagon_fills_the_tighter_dimension() -> None:
    # tall and narrow: limited by width; wide and short: limited by height
    narrow = radar.fit_view(30, 60)
    wide = radar.fit_view(200, 20)
    assert (narrow.cols - 1) // 2 * narrow.pitch_x == pytest.approx(5 * COS30)
    assert (wide.rows - 1) // 2 * wide.pitch_y == pytest.approx(5)


def test_labels_sit_outside_the_outer_ring() -> None:
    texts = [f"{i} {t}" for i, t in enumerate(LABELS, start=1)]
    pad_cols, pad_rows = radar.label_room(texts)
    view = radar.fit_view(80, 24, pad_cols=pad_cols, pad_rows=pad_rows)
    anchors = radar.label_anchors(6, view)
    assert [a.align for a in anchors] == ["center", "left", "left", "center", "right", "right"]
    for a in anchors:
        tip = radar.spoke_point(a.index, 6, 5)
        assert math.hypot(a.point.x, a.point.y) > 5
        assert a.point.x * tip.x >= 0 and a.point.y * tip.y >= 0  # same side as its tip
        col, row = view.cell(a.point)
        width = len(texts[a.index])
        first = {"left": col, "center": col - width // 2, "right": col - width + 1}[a.align]
        assert first >= 0 and first + width <= view.cols, a
        assert 0 <= row < view.rows
    assert view.cell(anchors[0].point)[1] == view.cell(radar.spoke_point(0, 6, 5))[1] + 1


def test_radar_text_has_every_letter_label_and_name() -> None:
    text = radar_text(SERIES, LABELS)
    for i, label in enumerate(LABELS, start=1):
        assert f"{i} {label}" in text
    for s in SERIES:
        assert s.letter in text and s.name in text
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert len(lines) <= 28 and max(map(len, lines)) <= 72


def test_radar_text_fits_80x24_and_keeps_labels() -> None:
    text = radar_text(SERIES, LABELS, 80, 24)
    assert all(f"{i} {label}" in text for i, label in enumerate(LABELS, start=1))


SCRIPT = textwrap.dedent(
    """
    from amk_tui.chart_bars import draw_bars
    from amk_tui.charts import Series, radar_text, text_figure
    labels = ("Åbenhed", "Innovation", "Motivation", "Ressourcer", "Systematik", "Viden")
    series = [
        Series("A", "Gruppe 1", (4, 3, 5, 2, 3, 4), spread=((3, 5), None, None, None, None, None)),
        Series("B", "Gruppe 2", (3, 3, 4, None, 2, 5), (0, 114, 178)),
        Series("C", "Ledelsen", (2, 4, 3, 3, 3, 3), (0, 158, 115)),
        Series("", "Sidst", (3, 3, 3, 3, 3, 3), dim=True),
    ]
    out = radar_text(series, labels) + radar_text(series, labels, 40, 16)
    fig = text_figure()
    draw_bars(fig, series, labels, 80, 24)
    print(out + fig.build())
    """
)


def test_drawing_is_the_same_for_every_hash_seed() -> None:
    # GIVEN the same data WHEN drawn in fresh interpreters with different PYTHONHASHSEEDs
    # THEN the text (and the coloured bars) are identical: plotext's set-based de-dup is fixed
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_geometry_module_loads_without_ui_libraries() -> None:
    code = (
        "import sys, amk_tui.core.radar; "
        "print(sorted(m for m in ('textual', 'rich', 'plotext') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


# -- exact geometry (what the mutation run found untested) -------------------------------------
def test_a_view_steps_its_span_over_cells_minus_one() -> None:
    view = radar.View(11, 5, (0.0, 10.0), (0.0, 8.0))
    assert (view.pitch_x, view.pitch_y, view.cell_aspect) == (1.0, 2.0, 2.0)
    one = radar.View(1, 1, (0.0, 3.0), (0.0, 4.0))
    assert (one.pitch_x, one.pitch_y) == (3.0, 4.0)
    p = Point(2.0, 4.0)
    assert view.shift(p, rows=1) == Point(2.0, 6.0) and view.shift(p, cols=1) == Point(3.0, 4.0)
    assert view.at_cell(3, 2) == Point(3.0, 4.0) and view.cell(Point(3.0, 4.0)) == (3, 2)


def test_the_default_cell_is_twice_as_tall_as_wide() -> None:
    view = radar.fit_view(41, 21)
    assert view.cell_aspect == 2.0 and view.pitch_y == 2.0 * view.pitch_x


def test_a_canvas_is_at_least_two_by_two() -> None:
    view = radar.fit_view(1, 0)
    assert (view.cols, view.rows) == (2, 2)


@pytest.mark.parametrize(
    ("cols", "rows", "pads", "pitch_x"),
    [
        (41, 21, (5, 2), 5 / (8 * 2)),  # height-bound: 10 rows less 2 of labels
        (41, 61, (5, 2), 5 * COS30 / 15),  # width-bound: 20 columns less 5 of labels
        (41, 61, (19, 0), 5 * COS30 / 1),  # labels take all but one column
        (41, 61, (18, 0), 5 * COS30 / 2),
        (41, 61, (100, 0), 5 * COS30 / 1),  # more than there is: one column stays
        (41, 61, (-5, 0), 5 * COS30 / 20),  # a negative pad is no pad
        (41, 21, (0, 9), 5 / (1 * 2)),
        (41, 21, (0, 8), 5 / (2 * 2)),
    ],
)
def test_fit_view_leaves_room_for_labels(
    cols: int, rows: int, pads: tuple[int, int], pitch_x: float
) -> None:
    view = radar.fit_view(cols, rows, pad_cols=pads[0], pad_rows=pads[1])
    assert view.pitch_x == pytest.approx(pitch_x)


def test_fit_view_of_a_small_radar() -> None:
    view = radar.fit_view(41, 21, radius=0.5)
    assert view.pitch_x == pytest.approx(0.5 / 20)


def test_spokes_of_one_and_none() -> None:
    assert radar.spoke_angles(1) == (math.pi / 2,)
    with pytest.raises(ValueError):
        radar.spoke_angles(0)


def test_a_point_on_an_axis_is_plus_zero() -> None:
    left = radar.spoke_point(3, 4, 5)  # sin(-π) is a tiny negative number
    assert left == Point(-5.0, 0.0) and math.copysign(1, left.y) == 1.0


def test_values_below_the_scale_are_clamped_to_zero_not_one() -> None:
    corners = radar.polygon([0.5, None, -1.0])
    assert [v.index for v in corners] == [0, 2]
    assert corners[0].point == Point(0.0, 0.5) and corners[1].point == Point(0.0, 0.0)


def test_closed_paths() -> None:
    a, b = Point(0, 1), Point(1, 0)
    assert radar.closed([a, b]) == (a, b, a)
    assert radar.closed([a]) == (a,) and radar.closed([]) == ()


def test_label_anchors_two_columns_beyond_the_tip() -> None:
    view = radar.fit_view(81, 41)
    anchors = radar.label_anchors(6, view)
    tip = radar.spoke_point(1, 6, 5)
    assert anchors[1].point.x == pytest.approx(tip.x + 2 * view.pitch_x)
    assert anchors[1].point.y == tip.y
    small = radar.label_anchors(6, view, radius=1.0)
    assert [a.align for a in small] == ["center", "left", "left", "center", "right", "right"]


@pytest.mark.parametrize(
    ("labels", "room"),
    [
        (("a" * 15, "b", "cc", "d" * 20, "e", "f"), (2 + 2, 1)),  # up/down labels take rows
        (LABELS, (10 + 2, 1)),
        (("a",), (0, 1)),  # a single spoke points up
        (("a", "bbb", "c", "dd"), (3 + 2, 1)),
        ((), (0, 0)),
    ],
)
def test_label_room(labels: tuple[str, ...], room: tuple[int, int]) -> None:
    assert radar.label_room(labels) == room

"""The papers as a reader sees them: where the SVG charts draw each value, the xlsx chart's
axis read back, and what a referat without notes still tells.

Issue 31: the report tests checked that bars and polygons exist, not where they are; these
measure them (a bar's top at its value on the printed scale, a radar corner at its value on
its spoke, the legend inside the picture).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import openpyxl
import pytest

from amk_tui.core.palette import group_color, hex_color, readable
from amk_tui.core.session import Session
from amk_tui.reports.build import build_referat
from amk_tui.reports.html import html_report
from amk_tui.reports.model import Options
from amk_tui.reports.svg import DASHES, Line, bars_svg, radar_svg
from amk_tui.reports.words import report_content
from amk_tui.reports.xlsx import xlsx_report
from tests.unit.report_support import load, referat

LABELS = ["1 Åbenhed", "2 Retfærd", "3 Samarbejde", "4 Indflyd.", "5 Mening", "6 Nyt"]
"""Short enough to stay on one line under the bars (twelve characters)."""


# -- reading an SVG back ------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    x: float
    y: float
    anchor: str
    size: float
    lines: tuple[str, ...]
    """One per printed line (a wrapped text has a tspan per line)."""
    dys: tuple[float, ...]
    fill: str
    bold: bool

    @property
    def bottom(self) -> float:
        """The baseline of its last line."""
        return self.y + sum(self.dys)


def svg(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def view_box(root: ET.Element) -> tuple[float, float]:
    x0, y0, width, height = (float(v) for v in root.attrib["viewBox"].split())
    assert (x0, y0) == (0, 0)
    return width, height


def f(element: ET.Element, name: str) -> float:
    return float(element.attrib[name])


def texts(root: ET.Element) -> list[Text]:
    out = []
    for t in root.iter("text"):
        spans = list(t.iter("tspan"))
        lines = tuple(s.text or "" for s in spans) if spans else (t.text or "",)
        dys = tuple(float(s.attrib["dy"]) for s in spans) if spans else (0.0,)
        out.append(
            Text(f(t, "x"), f(t, "y"), t.attrib["text-anchor"], f(t, "font-size"), lines,
                 dys, t.attrib["fill"], t.attrib.get("font-weight") == "bold")
        )  # fmt: skip
    return out


def chart_texts(root: ET.Element) -> list[Text]:
    """The texts outside the legend."""
    legend = group_of(root, "legend")
    inside = {id(t) for t in legend.iter("text")}
    out = ET.Element("svg")
    out.extend(t for t in root.iter("text") if id(t) not in inside)
    return texts(out)


def text_of(root: ET.Element, line: str) -> Text:
    found = [t for t in texts(root) if line in t.lines]
    assert len(found) == 1, (line, found)
    return found[0]


def group_of(root: ET.Element, cls: str) -> ET.Element:
    found = [g for g in root.iter("g") if g.attrib.get("class") == cls]
    assert len(found) == 1, cls
    return found[0]


def color(index: int) -> str:
    return hex_color(readable(group_color(index), (255, 255, 255), 3.0))


def approx(value: float) -> object:
    return pytest.approx(value, abs=0.11)  # coordinates are printed with one decimal


# -- the bar chart -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scale:
    """The printed 1–5 scale: where level 0 (the baseline) and one step are."""

    base: float
    unit: float
    left: float
    right: float

    def y(self, value: float) -> float:
        return self.base - value * self.unit


def scale_of(root: ET.Element) -> Scale:
    guides = [ln for ln in group_of(root, "guides").iter("line")]
    ys = [f(ln, "y1") for ln in guides]
    assert [f(ln, "y2") for ln in guides] == ys  # across, level
    assert len(ys) == 5 and ys == sorted(ys, reverse=True)  # 1 lowest … 5 highest
    steps = {round(a - b, 1) for a, b in itertools.pairwise(ys)}
    assert len(steps) == 1  # evenly spaced
    unit = steps.pop()
    assert unit > 0
    return Scale(ys[0] + unit, unit, f(guides[0], "x1"), f(guides[0], "x2"))


BARS = [
    Line("A", "A (Gruppe A)", 0, (1, 2, 3, 4, 5, None)),
    Line("B", "B (Gruppe B)", 1, (5, 4, 3, 2, 1, 2.5)),
    Line("C", "C", 2, (2, None, 4.5, 3, 3, 1)),
]


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter("rect") if r.attrib.get("class") == "bar"]


def test_each_bar_stands_on_the_baseline_and_reaches_its_value_on_the_printed_scale() -> None:
    root = svg(bars_svg(LABELS, BARS, title="Søjler"))
    scale = scale_of(root)
    drawn = bars(root)
    values = [(k, line, v) for i in range(6) for k, line in enumerate(BARS)
              if (v := line.values[i]) is not None]  # fmt: skip
    assert len(drawn) == len(values) == 16
    for rect, (_, line, value) in zip(drawn, values, strict=True):
        top, height = f(rect, "y"), f(rect, "height")
        assert rect.attrib["data-group"] == line.letter
        assert rect.attrib["fill"] == color(line.index)
        assert height > 0
        assert top == approx(scale.y(value)), (line.letter, value)
        assert top + height == approx(scale.base)  # never below (nor above) the baseline
    # The scale's numbers stand at the left of their lines.
    for level in range(1, 6):
        number = text_of(root, str(level))
        assert number.anchor == "end" and number.x < scale.left
        assert scale.y(level) < number.y < scale.y(level) + scale.unit / 2


def test_the_letter_of_each_bar_stands_right_above_it_in_its_colour() -> None:
    root = svg(bars_svg(LABELS, BARS))
    letters = [t for t in chart_texts(root) if t.bold and t.lines[0] in "ABC"]
    drawn = bars(root)
    assert len(letters) == len(drawn)
    for rect, letter in zip(drawn, letters, strict=True):
        x, top, width = f(rect, "x"), f(rect, "y"), f(rect, "width")
        assert letter.lines == (rect.attrib["data-group"],)
        assert letter.fill == rect.attrib["fill"]
        assert letter.x == approx(x + width / 2)  # centred on the bar
        assert top - letter.size < letter.y < top  # just above its top


def test_bars_of_a_factor_stand_side_by_side_under_its_label_in_group_order() -> None:
    root = svg(bars_svg(LABELS, BARS))
    scale = scale_of(root)
    drawn = bars(root)
    width, _ = view_box(root)
    clusters: list[list[ET.Element]] = [[] for _ in LABELS]
    i = 0
    for n, line_values in enumerate(zip(*(line.values for line in BARS), strict=True)):
        for value in line_values:
            if value is not None:
                clusters[n].append(drawn[i])
                i += 1
    previous_right = scale.left
    for label, cluster in zip(LABELS, clusters, strict=True):
        name = text_of(root, label)
        assert name.y > scale.base  # the factor's name below the baseline
        lefts = [f(r, "x") for r in cluster]
        rights = [f(r, "x") + f(r, "width") for r in cluster]
        assert lefts == sorted(lefts)  # A, B, C from left to right
        assert all(r <= n for r, n in zip(rights, lefts[1:], strict=False))  # no overlap
        assert lefts[0] > previous_right  # a gap between factors
        assert min(lefts) < name.x < max(rights)  # the name under its bars
        previous_right = max(rights)
    assert previous_right < scale.right <= width


def test_an_unscored_value_is_a_dash_on_the_baseline_not_a_bar() -> None:
    root = svg(bars_svg(LABELS, BARS))
    scale = scale_of(root)
    dashes = [t for t in texts(root) if t.lines == ("–",)]
    assert len(dashes) == 2  # A's factor 6, C's factor 2
    for dash in dashes:
        assert scale.base - scale.unit / 2 < dash.y < scale.base
    assert dashes[0].x < dashes[1].x  # factor 2, then factor 6


def test_one_bar_per_group_fills_its_slot_and_the_scale_spans_every_factor() -> None:
    lone = [Line("A", "A", 0, (5, 1, 3, 3, 3, 3))]
    root = svg(bars_svg(LABELS, lone))
    scale = scale_of(root)
    width, _ = view_box(root)
    drawn = bars(root)
    assert len(drawn) == 6
    widths = {f(r, "width") for r in drawn}
    assert len(widths) == 1 and widths.pop() > 40  # one wide bar, not a sliver
    assert f(drawn[0], "x") > scale.left and f(drawn[-1], "x") + 40 < scale.right
    assert scale.right < width and scale.left > 0


# -- legends: inside the picture -----------------------------------------------------------------
def legend_texts(root: ET.Element) -> list[Text]:
    return texts(group_of(root, "legend"))


def assert_inside(root: ET.Element) -> None:
    width, height = view_box(root)
    for t in texts(root):
        assert t.y > 0 and t.bottom + 0.2 * t.size <= height, t
        assert 0 <= t.x <= width, t
    for element in root.iter("line"):
        for name in ("x1", "x2"):
            assert 0 <= f(element, name) <= width
        for name in ("y1", "y2"):
            assert 0 <= f(element, name) <= height
    for rect in root.iter("rect"):
        assert f(rect, "y") >= 0 and f(rect, "y") + f(rect, "height") <= height


MANY = [
    Line(chr(65 + i), f"{chr(65 + i)} (Gruppe {chr(65 + i)} fra lageret på første sal)", i,
         (1 + i % 5, 2, 3, 4, 5, 1))
    for i in range(8)
]  # fmt: skip


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 8])
def test_the_legend_lies_inside_the_view_box_below_the_chart(count: int) -> None:
    lines = MANY[:count]
    for root in (
        svg(bars_svg(LABELS, lines)),
        svg(radar_svg(LABELS, lines, legend_title="Grupper")),
    ):
        assert_inside(root)
        legend = legend_texts(root)
        chart_bottom = max(t.bottom for t in texts(root) if t not in legend and t.lines[0] != "")
        entries = [t for t in legend if t.anchor == "start" and not t.bold]
        assert len(entries) == count
        assert all(t.y > chart_bottom for t in entries)  # under the chart, not over it
        assert all(
            line.label.split()[0] in t.lines[0] for t, line in zip(entries, lines, strict=True)
        )
        _, height = view_box(root)
        lowest = max(t.bottom for t in entries)
        assert height - lowest < 3 * lines[0].index + 40  # no page of empty space below


def test_legend_entries_sit_in_rows_each_with_its_sample_line_and_letter() -> None:
    root = svg(radar_svg(LABELS, MANY[:4], legend_title="Grupper"))
    legend = group_of(root, "legend")
    title = legend_texts(root)[0]
    assert title.lines == ("Grupper",) and title.bold
    samples = list(legend.iter("line"))
    assert len(samples) == 4
    entries = [t for t in legend_texts(root) if t.anchor == "start" and not t.bold]
    letters = [t for t in legend_texts(root) if t.bold and t.lines != ("Grupper",)]
    width, _ = view_box(root)
    for k, (sample, entry, letter) in enumerate(zip(samples, entries, letters, strict=True)):
        assert sample.attrib["stroke"] == color(k)
        assert sample.attrib.get("stroke-dasharray", "") == DASHES[k]
        x1, x2 = f(sample, "x1"), f(sample, "x2")
        assert x1 < letter.x < x2 < entry.x  # line, its letter on it, then the label
        assert letter.lines == (chr(65 + k),) and letter.fill == color(k)
        assert f(sample, "y1") == f(sample, "y2")
        assert entry.y - entry.size < f(sample, "y1") < entry.y  # beside the label's text
        assert letter.y < f(sample, "y1")  # the letter above its sample line
        assert title.y < entry.y
    # three per row on a wide picture: the fourth starts the second row, at the left
    assert entries[0].y == entries[1].y == entries[2].y < entries[3].y
    assert entries[3].x == entries[0].x
    assert entries[0].x < entries[1].x < entries[2].x < width


def test_a_long_group_name_wraps_within_its_legend_cell() -> None:
    root = svg(radar_svg(LABELS, MANY[:3], legend_title="Grupper"))
    entries = [t for t in legend_texts(root) if t.anchor == "start" and not t.bold]
    for a, b in itertools.pairwise(entries):
        longest = max(len(s) for s in a.lines)
        assert a.x + longest * a.size * 0.6 <= b.x  # never into the next entry
    assert all(len(t.lines) > 1 for t in entries)
    for t in entries:
        assert t.dys[0] == 0 and all(dy == pytest.approx(t.size * 1.15) for dy in t.dys[1:])
        assert " ".join(t.lines) == next(m.label for m in MANY if m.label.startswith(t.lines[0]))


# -- the radar ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Radar:
    cx: float
    cy: float
    radius: float

    def at(self, factor: int, value: float, n: int = 6) -> tuple[float, float]:
        """Factor 1 points up, the others clockwise; value 5 is the outer ring."""
        angle = 2 * math.pi * factor / n
        r = self.radius * value / 5
        return self.cx + r * math.sin(angle), self.cy - r * math.cos(angle)


def radar_of(root: ET.Element) -> Radar:
    spokes = list(group_of(root, "guides").iter("line"))
    centres = {(f(s, "x1"), f(s, "y1")) for s in spokes}
    assert len(centres) == 1
    cx, cy = centres.pop()
    lengths = {round(math.dist((cx, cy), (f(s, "x2"), f(s, "y2"))), 0) for s in spokes}
    assert len(lengths) == 1
    return Radar(cx, cy, lengths.pop())


def points(element: ET.Element) -> list[tuple[float, float]]:
    return [
        (float(x), float(y)) for x, y in (p.split(",") for p in element.attrib["points"].split())
    ]


def test_each_corner_of_a_group_lies_at_its_value_on_its_factors_spoke() -> None:
    lines = BARS[:2]
    root = svg(radar_svg(LABELS, lines, radius=150))
    radar = radar_of(root)
    assert radar.radius == 150
    spokes = list(group_of(root, "guides").iter("line"))
    assert (f(spokes[0], "x2"), f(spokes[0], "y2")) == (radar.cx, approx(radar.cy - 150))
    assert f(spokes[1], "x2") > radar.cx and f(spokes[5], "x2") < radar.cx  # clockwise
    shapes = {p.attrib["data-group"]: p for p in root.iter() if "data-group" in p.attrib}
    assert shapes["B"].tag == "polygon"  # all six scored: closed
    assert shapes["A"].tag == "polyline"  # factor 6 not scored: the line stops at 5
    assert shapes["A"].attrib["fill"] == "none"  # an open line fills nothing
    for line in lines:
        shape = shapes[line.letter]
        assert shape.attrib["stroke"] == color(line.index)
        assert shape.attrib.get("stroke-dasharray", "") == DASHES[line.index]
        corners = [(i, v) for i, v in enumerate(line.values) if v is not None]
        assert len(points(shape)) == len(corners)
        for (x, y), (i, v) in zip(points(shape), corners, strict=True):
            ex, ey = radar.at(i, v)
            assert (x, y) == (approx(ex), approx(ey)), (line.letter, i, v)


def test_the_rings_are_levels_1_to_5_numbered_up_the_first_spoke() -> None:
    root = svg(radar_svg(LABELS, BARS[:1]))
    radar = radar_of(root)
    rings = list(group_of(root, "guides").iter("polygon"))
    assert len(rings) == 5
    for level, ring in enumerate(rings, 1):
        corners = points(ring)
        assert len(corners) == 6
        for i, (x, y) in enumerate(corners):
            ex, ey = radar.at(i, level)
            assert (x, y) == (approx(ex), approx(ey))
        # the outer ring is drawn stronger than the inner ones
        assert float(ring.attrib["stroke-width"]) == (1.6 if level == 5 else 0.8)
        number = text_of(root, str(level))
        _, ey = radar.at(0, level)
        assert number.x > radar.cx and ey + number.size / 2 < number.y < ey + number.size * 1.2
        assert number.anchor == "start"


def test_factor_names_stand_outside_the_hexagon_each_beside_its_own_spoke() -> None:
    long = [*LABELS[:3], "4 Indflydelse på eget arbejde og udvikling", *LABELS[4:]]
    root = svg(radar_svg(long, BARS[:1]))
    radar = radar_of(root)
    _, height = view_box(root)
    names = [text_of(root, label.split()[0] + " " + label.split()[1]) if i != 3
             else text_of(root, "4 Indflydelse på") for i, label in enumerate(long)]  # fmt: skip
    top, right_up, right_down, bottom, left_down, left_up = names
    assert top.anchor == bottom.anchor == "middle"
    assert top.x == bottom.x == radar.cx
    assert top.bottom < radar.cy - radar.radius  # above the hexagon
    assert bottom.y - bottom.size > radar.cy + radar.radius  # below it
    assert len(bottom.lines) > 1 and bottom.bottom < height  # wrapped, still inside
    for name in (right_up, right_down):
        assert name.anchor == "start" and name.x > radar.cx + radar.radius * math.sqrt(3) / 2
    for name in (left_up, left_down):
        assert name.anchor == "end" and name.x < radar.cx - radar.radius * math.sqrt(3) / 2
        assert name.x - len(name.lines[0]) * name.size * 0.6 > 0  # room for it on the left
    assert right_up.y < radar.cy < right_down.y and left_up.y < radar.cy < left_down.y
    assert all(n.bold for n in names)
    assert_inside(root)


def test_a_long_top_label_pushes_the_chart_down_not_off_the_picture() -> None:
    short = svg(radar_svg(LABELS, BARS[:1]))
    tall = svg(radar_svg(["1 Åbenhed tillid og psykologisk tryghed", *LABELS[1:]], BARS[:1]))
    top = text_of(tall, "1 Åbenhed tillid")
    assert len(top.lines) > 1
    assert top.y > 0 and top.bottom < radar_of(tall).cy - radar_of(tall).radius
    assert radar_of(tall).cy > radar_of(short).cy


def test_each_groups_letter_marks_every_corner_in_a_badge_of_its_colour() -> None:
    lines = [Line("A", "A", 0, (3, 3, 3, 3, 3, 3)), Line("B", "B", 1, (3, 3, 3, 3, 3, None))]
    root = svg(radar_svg(LABELS, lines))
    radar = radar_of(root)
    circles = list(root.iter("circle"))
    dots = [c for c in circles if f(c, "r") < 3]
    badges = [c for c in circles if f(c, "r") >= 3]
    assert len(dots) == len(badges) == 11
    letters = [t for t in texts(root) if t.lines[0] in "AB" and t.bold and t.anchor == "middle"]
    letters = [t for t in letters if t.size < 12]  # not the legend's
    centres = []
    for dot, badge in zip(dots, badges, strict=True):
        x, y = f(dot, "cx"), f(dot, "cy")
        bx, by = f(badge, "cx"), f(badge, "cy")
        assert 3 < math.dist((x, y), (bx, by)) < 20  # beside its corner, not on it
        assert badge.attrib["fill"] == "#fff" and badge.attrib["stroke"] == dot.attrib["fill"]
        centres.append((bx, by))
    # equal scores: A's and B's badges of one corner lie apart, on either side
    for i in range(5):
        assert math.dist(centres[i], centres[6 + i]) > 2 * f(badges[0], "r")
        ex, ey = radar.at(i, 3)
        assert (f(dots[i], "cx"), f(dots[i], "cy")) == (approx(ex), approx(ey))
    for (bx, by), letter in zip(centres, letters[: len(centres)], strict=False):
        assert letter.x == approx(bx) and by < letter.y < by + letter.size / 2


def dots_of(root: ET.Element) -> list[tuple[float, float]]:
    return [(f(c, "cx"), f(c, "cy")) for c in root.iter("circle") if f(c, "r") == 4]


def test_a_line_breaks_where_a_factor_was_not_scored_and_never_bridges_it() -> None:
    one = svg(radar_svg(LABELS, [Line("A", "A", 0, (None, 4, None, None, None, None))]))
    radar = radar_of(one)
    assert dots_of(one) == [tuple(approx(v) for v in radar.at(1, 4))]
    apart = svg(radar_svg(LABELS, [Line("A", "A", 0, (2, None, None, 5, None, None))]))
    assert list(apart.iter("polyline")) == [] and list(apart.iter("polygon"))[5:] == []
    assert dots_of(apart) == [tuple(approx(v) for v in radar.at(i, v)) for i, v in ((0, 2), (3, 5))]
    runs = svg(radar_svg(LABELS, [Line("A", "A", 0, (2, 3, None, 5, 4, 1))]))
    (through,) = list(runs.iter("polyline"))  # 4, 5, 6 and round to 1 and 2: one line
    assert dots_of(runs) == []
    assert points(through) == [
        tuple(approx(v) for v in radar.at(i, v))
        for i, v in ((3, 5), (4, 4), (5, 1), (0, 2), (1, 3))
    ]
    round_ = svg(radar_svg(LABELS, [Line("A", "A", 0, (2, None, None, None, 4, 1))]))
    (line,) = list(round_.iter("polyline"))
    assert points(line) == [  # factor 5, 6, then on round to 1
        tuple(approx(v) for v in radar.at(i, v)) for i, v in ((4, 4), (5, 1), (0, 2))
    ]


def test_a_line_of_its_own_ink_and_the_dashes_come_round_again() -> None:
    assert Line("x", "x", 0, (), ink="#777777").color == "#777777"
    assert Line("A", "A", 0, ()).color == color(0)
    assert Line("I", "I", len(DASHES), ()).dash == DASHES[0]
    assert Line("B", "B", 1, ()).dash == DASHES[1] != ""
    root = svg(radar_svg(LABELS, [Line("x", "forrige", 0, (2,) * 6, ink="#777777")]))
    shape = next(p for p in root.iter("polygon") if "data-group" in p.attrib)
    assert shape.attrib["stroke"] == "#777777"


def test_every_text_is_escaped_and_the_title_is_the_pictures_name() -> None:
    evil = [Line("A", 'A (<b>&"x"</b>)', 0, (1,) * 6)]
    markup = radar_svg(["<1>", *LABELS[1:]], evil, title="Radar & co", legend_title="G<")
    root = svg(markup)  # still well-formed XML
    assert root.find("title") is not None and root.find("title").text == "Radar & co"  # type: ignore[union-attr]
    assert 'A (<b>&"x"</b>)' in [t.lines[0] for t in texts(root)]
    assert "<b>" not in markup and "xmlns" not in markup
    assert root.attrib["role"] == "img" and root.attrib["class"] == "chart"
    assert "Arial" in root.attrib["font-family"]
    assert "<title>" not in radar_svg(LABELS, evil)


# -- the xlsx workbook, read back with openpyxl --------------------------------------------------
@pytest.fixture
def session() -> Session:
    return load("session-v2.toml")


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_the_radar_axis_runs_from_0_to_5_in_whole_steps(session: Session) -> None:
    """Excel picks its own bounds otherwise: a chart from 1.5 to 4 exaggerates differences."""
    chart = workbook(xlsx_report(referat(session, "da")))["Vurderinger"]._charts[0]
    scaling = chart.y_axis.scaling
    assert (scaling.min, scaling.max, chart.y_axis.majorUnit) == (0, 5, 1)
    assert chart.type == "marker"  # lines with a marker at each factor
    assert chart.legend.position == "b"
    title = chart.title.tx.rich.p[0].r[0].t
    assert title == "Arbejdsmiljøkompetence: de seks faktorer"


def test_each_group_is_a_series_of_its_column_in_its_colour_and_dash(session: Session) -> None:
    chart = workbook(xlsx_report(referat(session, "da")))["Vurderinger"]._charts[0]
    assert len(chart.series) == 3
    dashes = ["solid", "dash", "sysDot"]
    for j, (series, column) in enumerate(zip(chart.series, "CDE", strict=True)):
        assert series.tx.strRef.f == f"Vurderinger!${column}$1"  # the group's header
        assert series.cat.strRef.f == "Vurderinger!$B$2:$B$7"  # the six factor names
        assert series.val.numRef.f == f"Vurderinger!${column}$2:${column}$7"
        ink = color(j).lstrip("#").upper()
        assert series.spPr.ln.solidFill.srgbClr == ink
        assert series.spPr.ln.prstDash == dashes[j]
        assert series.spPr.ln.w == 28575  # 2.25 pt
        assert series.marker.symbol == "circle" and series.marker.size == 6
        assert series.marker.spPr.solidFill.srgbClr == ink
        assert series.marker.spPr.ln.solidFill.srgbClr == ink


def test_the_chart_stands_below_the_notes_and_is_large(session: Session) -> None:
    ws = workbook(xlsx_report(referat(session, "da")))["Vurderinger"]
    anchor = ws._charts[0].anchor
    # six factors in rows 2–7, the scale's note in row 9, the slips' note in row 10
    assert ws["B9"].value.startswith("Skala fra 1 (lav) til 5 (høj)") and ws["B9"].font.i
    assert ws["B10"].value.startswith("Under 3 sedler vises kun antallet") and ws["B10"].font.i
    assert (anchor._from.row, anchor._from.col) == (11, 1)  # row 12, column B
    assert anchor.to.row - anchor._from.row >= 20 and anchor.to.col - anchor._from.col >= 4


def test_the_scores_sheet_reads_as_a_table(session: Session) -> None:
    ws = workbook(xlsx_report(referat(session, "da")))["Vurderinger"]
    assert ws.freeze_panes == "A2"  # the header stays in sight
    head = ws["A1"]
    assert head.font.b and head.fill.fgColor.rgb == "FFECECEC" and head.border.left.style
    assert all(ws.cell(1, c).font.b for c in range(1, 9))
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGH"}
    assert widths["A"] < 6 and 40 < widths["B"] < 45
    assert all(12 <= widths[c] < 14 for c in "CDEFGH")
    assert ws["A2"].number_format == "0" and ws["A2"].value == 1
    # a group's own score is whole; a mean of slips and the statistics have one decimal
    assert ws["C2"].number_format == "0" and ws["E2"].number_format == "0.0"
    assert [ws.cell(2, c).number_format for c in (6, 7, 8)] == ["0.0"] * 3
    rows = list(ws.iter_rows(min_row=2, max_row=7, values_only=True))
    # C's slips of factor 1: 3, 4, 3 → 3.33; mean over A, B, C; min. and max.
    assert rows[0][4] == 3.33 and rows[0][5] == round((3 + 2 + 10 / 3) / 3, 2)
    assert rows[0][6:] == (2, 3.33)
    assert [r[1] for r in rows][-1] == "Teknikker og viden"


def test_a_withheld_value_is_an_empty_cell_with_its_count_and_no_mean_of_it(
    session: Session,
) -> None:
    ws = workbook(xlsx_report(referat(session, "da")))["Vurderinger"]
    # C's factor 3 rests on two slips: withheld; factor 3 is then A's and B's only
    assert ws["E4"].value is None and ws["E4"].comment.text.startswith("n=2")
    assert ws["C4"].comment is None  # a consensus value has no comment
    assert ws["F4"].value == round((4 + 4) / 2, 2)


def test_without_notes_the_workbook_leaves_out_the_free_text(session: Session) -> None:
    book = workbook(xlsx_report(referat(session, "da", notes=False)))
    actions = list(book["Handlingsplan"].iter_rows(values_only=True))
    assert actions[0] == ("Nr.", "Frist", "Opfølgning", "Status")
    assert actions[1][0] == 1 and actions[2][3] == "i gang"
    notes = list(book["Noter"].iter_rows(values_only=True))
    assert len(notes) == 2 and notes[1][0] == ""
    assert notes[1][1].startswith("Fritekst (noter, svar")
    info = list(book["Referat"].iter_rows(min_row=2, values_only=True))
    assert ("", "Fritekst (noter, svar") in [(r[0], str(r[1])[:21]) for r in info]
    assert "Gruppe A" not in str(list(book["Vurderinger"].iter_rows(values_only=True)))
    text = str([list(ws.iter_rows(values_only=True)) for ws in book.worksheets])
    for typed in ("Sekretær Søren", "Lene Leder", "Trivselsmåling", "AMG tager modellen"):
        assert typed not in text


def test_actions_have_real_dates_left_aligned_and_words_for_their_status(
    session: Session,
) -> None:
    ws = workbook(xlsx_report(referat(session, "da")))["Handlingsplan"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    shown = ws["D2"].number_format  # a date, shown as one: day, month, year
    assert all(part in shown for part in ("dd", "mm", "yyyy")) and ws["D2"].is_date
    assert ws["D2"].alignment.horizontal == "left"
    assert ws["E3"].value is None  # no follow-up date set: an empty cell, not 1900
    assert [ws.cell(r, 6).value for r in (2, 3, 4)] == ["åben", "i gang", "udført"]
    assert ws["B2"].alignment.wrap_text and ws["B2"].alignment.vertical == "top"
    widths = [ws.column_dimensions[c].width for c in "ABCDEF"]
    assert widths[0] < 6 and widths[1] > 45 and 17 < widths[2] < 20
    assert all(12 <= w < 14 for w in widths[3:])


def test_notes_and_info_sheets_wrap_and_skip_what_is_empty(session: Session) -> None:
    session.unit = ""
    book = workbook(xlsx_report(referat(session, "da")))
    notes = book["Noter"]
    assert notes.freeze_panes == "A2" and [c.value for c in notes[1]] == ["Spørgsmål", "Note"]
    assert notes["A2"].alignment.wrap_text and notes["B2"].alignment.vertical == "top"
    assert notes.column_dimensions["A"].width > 40 and notes.column_dimensions["B"].width > 75
    said = [row for row in notes.iter_rows(min_row=2, values_only=True)]
    assert ("Beslutninger", "AMG tager modellen op igen om et halvt år") in said
    assert ("Hvad skal vi gøre mere af?", "Især på aftenholdet.") in said
    assert ("Hvad skal vi gøre mindre af?", "- Mails efter kl. 22") in said
    assert said[0] == ("Hvorfor ser vores arbejdsmiljøkompetence ud, som den gør?",
                       "Vi har *for lidt* tid | ingen faste møder.")  # fmt: skip
    assert ("Hvilke faktorer har vi især brug for at gøre noget ved for at styrke vores "
            "arbejdsmiljøkompetence?", "Systematik og faste aftaler") in said  # fmt: skip
    info = book["Referat"]
    assert [c.value for c in info[1]][:2] == ["Felt", "Værdi"] and info.freeze_panes == "A2"
    assert info.column_dimensions["A"].width > 30 and info.column_dimensions["B"].width > 65
    rows = list(info.iter_rows(min_row=2, values_only=True))
    fields = {row[0]: row[1] for row in rows}
    assert "Arbejdsplads/enhed" not in fields  # no unit typed: no row for it
    assert fields["Øvelse"] == "Dialogøvelse (gruppernes fælles vurdering)"
    assert fields["Næste opfølgning"].startswith("Første opfølgning på handlingsplanen")
    assert fields["Dato"] == "26. november 2026"
    people = {row[0]: row[1:] for row in rows if row[0] in ("Ledere", "Medarbejdere")}
    assert str(people["Ledere"][0]) == "2" and "Lene Leder, Lars Lagerchef" in str(people)
    assert str(people["Medarbejdere"][0]) == "5"
    assert info["A2"].alignment.wrap_text


def test_the_workbook_is_named_and_dated_by_the_workshop(session: Session) -> None:
    book = workbook(xlsx_report(referat(session, "da")))
    assert book.properties.title == "Workshop om arbejdsmiljøkompetence – Lager & Logistik"
    assert book.properties.created.isoformat() == "2026-11-26T12:00:00"


def test_an_overlong_note_is_cut_to_what_a_cell_holds(session: Session) -> None:
    session.notes["hvorfor"] = "x" * 40_000
    notes = workbook(xlsx_report(referat(session, "da")))["Noter"]
    longest = max(len(str(row[1] or "")) for row in notes.iter_rows(values_only=True))
    assert longest == 32_000


def test_sheet_names_are_ones_excel_accepts() -> None:
    from amk_tui.reports.xlsx import _sheet_name

    assert _sheet_name("Vurderinger") == "Vurderinger"
    assert _sheet_name("a[b]:c*d?e/f\\g") == "a b  c d e f g"
    assert _sheet_name("'Noter' ") == "Noter"
    assert _sheet_name("[]") == "Ark" and _sheet_name("") == "Ark"
    assert _sheet_name("x" * 40) == "x" * 31


def test_no_groups_no_chart_and_an_english_workbook(session: Session) -> None:
    session.groups = []
    book = workbook(xlsx_report(referat(session, "en")))
    assert book.sheetnames == ["Assessments", "Action plan", "Notes", "Minutes"]
    assert book["Assessments"]._charts == []
    assert [c.value for c in book["Assessments"][1]] == ["#", "Factor", "Mean", "Min.", "Max."]


# -- the referat's facts without notes ------------------------------------------------------------
def test_without_notes_the_html_referat_still_counts_the_decisions(session: Session) -> None:
    html = html_report(referat(session, "da", notes=False))
    assert "<p>2 beslutninger; teksten er udeladt.</p>" in html
    assert "AMG tager modellen" not in html
    session.decisions = session.decisions[:1]
    assert "<p>1 beslutning; teksten er udeladt.</p>" in html_report(
        referat(session, "da", notes=False)
    )
    session.decisions = []
    empty = html_report(referat(session, "da", notes=False))
    assert "teksten er udeladt." not in empty.split('id="beslutninger"')[1]


def test_without_notes_the_html_actions_are_numbered_with_dates_and_status(
    session: Session,
) -> None:
    html = html_report(referat(session, "da", notes=False))
    plan = html.split('<section id="handlingsplan">', 1)[1].split("</section>", 1)[0]
    assert "<th>Nr.</th>" in plan and "Hvad" not in plan and "Ansvarlig" not in plan
    assert '<td class="date">15.01.2027</td>' in plan and "<td>i gang</td>" in plan
    assert "Fast punkt" not in plan
    assert '<p class="remark">Fritekst (noter, svar' in html


def test_the_first_follow_up_counts_actions_in_progress(session: Session) -> None:
    """The referat's next follow-up: the earliest date of an action still open *or in
    progress* (a done one has nothing left to follow up)."""
    session.actions[0].followup = dt.date(2027, 3, 1)  # open
    session.actions[1].followup = session.actions[1].deadline  # in progress: 2027-02-01
    session.actions[2].followup = dt.date(2026, 9, 1)  # done: not followed up any more
    r = referat(session, "da")
    assert r.first_followup == dt.date(2027, 2, 1)
    html = html_report(r)
    assert "1. februar 2027" in html.split('id="naeste-opfoelgning"', 1)[1]


# -- the printed layout, by the numbers ------------------------------------------------------------
# The referat prints these charts at a fixed size; the numbers below are what a reader's page
# shows (in SVG units, 12 px type). A change to any of them moves something on paper.
def attrs(root: ET.Element, tag: str, **match: str) -> list[dict[str, str]]:
    return [
        dict(e.attrib)
        for e in root.iter(tag)
        if all(e.attrib.get(k.replace("_", "-")) == v for k, v in match.items())
    ]


def test_the_bar_charts_page_layout() -> None:
    root = svg(bars_svg(["1 Å", "2 R", "3 S", "4 I", "5 M", "6 N"], BARS))
    assert root.attrib["viewBox"] == "0 0 594 292"
    guides = group_of(root, "guides").attrib
    assert (guides["stroke"], guides["stroke-width"]) == ("#9a9a9a", "0.8")
    scale = scale_of(root)
    assert (scale.base, scale.unit, scale.left, scale.right) == (208, 38, 30, 582)
    first = bars(root)[0].attrib
    assert (first["x"], first["y"], first["width"], first["height"]) == ("39", "170", "23.3", "38")
    second = bars(root)[1].attrib
    assert (second["x"], second["width"]) == ("64.3", "23.3")
    fourth = bars(root)[3].attrib  # factor 2's first bar: one slot (92) to the right
    assert fourth["x"] == "131"
    number = text_of(root, "1")
    assert (number.x, number.y, number.size, number.anchor) == (24, 174, 10.2, "end")
    assert number.fill == "#1a1a1a" and not number.bold
    label = text_of(root, "1 Å")
    assert (label.x, label.y, label.size) == (76, 224.8, 12)  # under its cluster's middle
    letter = next(t for t in chart_texts(root) if t.lines == ("A",))
    assert (letter.x, letter.y, letter.size) == (pytest.approx(50.7), 167, 9.6)
    dash = next(t for t in texts(root) if t.lines == ("–",))
    assert (dash.y, dash.size, dash.fill) == (205, 10.2, "#555")
    entries = [t for t in legend_texts(root) if t.anchor == "start" and t.lines[0] != ""]
    assert [(t.x, t.y) for t in entries] == [(55.2, 280), (245.2, 280), (435.2, 280)]
    sample = attrs(group_of(root, "legend"), "line")[0]
    assert (sample["x1"], sample["x2"], sample["y1"], sample["stroke-width"]) == (
        "12", "48", "275.8", "2.6"
    )  # fmt: skip
    mark = next(t for t in legend_texts(root) if t.lines == ("A",))
    assert (mark.x, mark.y, mark.size) == (30, 270.4, 9.6)


def test_many_groups_widen_the_bar_chart_not_squeeze_it() -> None:
    nine = [Line(chr(65 + i), chr(65 + i), i, (3,) * 6) for i in range(9)]
    root = svg(bars_svg(["1", "2", "3", "4", "5", "6"], nine))
    width, height = view_box(root)
    assert width == 1110  # 9 × 18 + 16 = 178 per factor
    assert {a["width"] for a in attrs(root, "rect")} == {"16"}
    assert height == 208 + 48 + 3 * 24 + 12  # three rows of three in the legend


def test_the_radars_page_layout() -> None:
    root = svg(radar_svg(LABELS, BARS, legend_title="Grupper"))
    assert root.attrib["viewBox"] == "0 0 580 420"
    radar = radar_of(root)
    assert (radar.cx, radar.cy, radar.radius) == (290, 190.2, 150)
    guides = group_of(root, "guides").attrib
    assert (guides["fill"], guides["stroke"], guides["stroke-width"]) == ("none", "#9a9a9a", "1")
    one = text_of(root, "1")
    assert (one.x, one.y, one.size, one.fill, one.anchor) == (295, 171, 10.2, "#555", "start")
    top = text_of(root, LABELS[0])
    assert (top.x, top.y, top.size, top.anchor) == (290, 30.6, 12, "middle") and top.bold
    right = text_of(root, LABELS[1])
    assert (right.x, right.y) == (429.5, 119.4)
    left = text_of(root, LABELS[5])
    assert (left.x, left.y) == (150.5, 119.4)
    bottom = text_of(root, LABELS[3])
    assert (bottom.x, bottom.y) == (290, 359.4)
    shape = attrs(root, "polygon", **{"data_group": "B"})[0]
    assert (shape["stroke-width"], shape["fill-opacity"], shape["stroke-linejoin"]) == (
        "2.6", "0.08", "round"
    )  # fmt: skip
    dots = [c for c in attrs(root, "circle") if c["r"] == "2.6"]
    badges = [c for c in attrs(root, "circle") if c["r"] == "8.16"]
    assert len(dots) == len(badges) == 16
    assert {b["stroke-width"] for b in badges} == {"1.4"}
    # three groups: B's badges lie on its corners, A's and C's 17.4 px to either side
    a0, b0, c0 = badges[0], badges[5], badges[11]
    assert (a0["cx"], a0["cy"]) == ("272.6", "160.2")
    assert (b0["cx"], b0["cy"]) == ("290", "40.2")
    assert (c0["cx"], c0["cy"]) == ("307.4", "130.2")
    mark = next(t for t in chart_texts(root) if t.lines == ("B",))
    assert (mark.x, mark.y, mark.size) == (290, 44.2, 10.2)
    title = legend_texts(root)[0]
    assert (title.x, title.y, title.size) == (12, 384, 12)


def test_a_smaller_radar_keeps_its_proportions() -> None:
    root = svg(radar_svg(LABELS, BARS[:1], radius=100, label_width=100, font=10, wrap=8))
    radar = radar_of(root)
    assert (radar.cx, radar.radius) == (200, 100)
    assert root.attrib["viewBox"].startswith("0 0 400 ")
    ring = next(t for t in texts(root) if t.lines == ("1",) and not t.bold)
    assert ring.size == 8.5
    assert text_of(root, "Retfærd").lines == ("2", "Retfærd")  # wrapped at eight characters


def test_every_coordinate_is_printed_with_at_most_one_decimal() -> None:
    markup = radar_svg(LABELS, MANY[:5], legend_title="G") + bars_svg(LABELS, MANY[:5])
    numbers = re.findall(r'(?<![-\w])(?:x|y|x1|x2|y1|y2|cx|cy|width|height|dy)="([^"]+)"', markup)
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d)?", n) for n in numbers), numbers[:5]
    for points_ in re.findall(r'points="([^"]+)"', markup):
        assert all(re.fullmatch(r"-?\d+(\.\d)?,-?\d+(\.\d)?", p) for p in points_.split())


def test_the_dash_patterns_and_inks_as_printed() -> None:
    assert DASHES == ("", "9 4", "3 3", "12 4 3 4", "6 6", "2 5", "14 3", "4 2 1 2")
    inks = [Line("X", "X", i, ()).color for i in range(8)]
    # Okabe–Ito, the pale ones (yellow, sky blue) darkened to read on white paper
    assert inks == ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#c48700", "#4999c6",
                    "#9c942b", "#000000"]  # fmt: skip


# -- the referat's privacy rules and facts (model.py) ----------------------------------------------
def slips(*rows: str) -> list[tuple[int | None, ...]]:
    return [tuple(None if c == "-" else int(c) for c in row) for row in rows]


def test_one_slip_is_withheld_and_the_note_says_so(session: Session) -> None:
    """A value resting on a single answer is the surest give-away: withheld, n=1, and the
    note on withheld slips is there."""
    session.groups[2].rows = slips("3-----")
    r = referat(session, "da")
    c = r.scores[0].cells[2]
    assert (c.value, c.n, c.withheld, c.consensus) == (None, 1, True, False)
    assert r.withheld == 1 and r.slips_note == {"mean": 3, "spread": 5}
    html = html_report(r)
    assert ">n=1<" in html and "Under 3 sedler vises kun antallet" in html
    assert r.scores[0].stats.n == 2  # A's and B's values only
    assert [v for _, v in r.series()][2] == (None,) * 6  # C draws nothing


def test_a_slip_beside_a_groups_own_score_is_withheld_too(session: Session) -> None:
    """A's own score for factor 1 stands; the one slip typed for it as well is still a
    single answer: its count is kept back and the note says so."""
    session.groups[2].rows = []
    session.groups[0].rows = slips("5-----")
    r = referat(session, "da")
    assert r.scores[0].cells[0].value == 3.0 and not r.scores[0].cells[0].withheld
    assert r.withheld == 1 and r.slips_note is not None
    ((_, stats), *_) = r.individuals[0].rows
    assert (stats.n, stats.mean) == (1, None)


def test_groups_that_scored_nothing_are_not_counted_as_assessing(session: Session) -> None:
    session.groups[1].scores = {}
    r = referat(session, "da")
    assert r.scored_groups == 2
    annual = [p.text() for p in section(page(html_report(r)), "aarlig-droeftelse").iter("li")]
    assert annual[0] == words()("annual.assessed", groups=2)


def test_the_note_goes_when_nothing_is_withheld(session: Session) -> None:
    session.groups[2].rows = []
    r = referat(session, "da")
    assert r.withheld == 0 and not r.spread_withheld and r.slips_note is None
    assert r.individuals == ()
    assert "sedler vises" not in html_report(r)


def test_slips_show_their_mean_from_three_and_their_range_from_five(session: Session) -> None:
    session.groups[2].rows = slips("3-----", "4-----", "5-----")
    r = referat(session, "da")
    c = r.scores[0].cells[2]
    assert (c.value, c.n, c.withheld, c.consensus) == (4.0, 3, False, False)
    ((_, stats), *_) = r.individuals[0].rows
    assert (stats.n, stats.mean, stats.low, stats.high) == (3, 4.0, None, None)
    assert r.spread_withheld and r.withheld == 0 and r.slips_note is not None
    session.groups[2].rows = slips("3-----", "4-----", "5-----", "1-----", "2-----")
    r = referat(session, "da")
    ((_, stats), *_) = r.individuals[0].rows
    assert (stats.n, stats.mean, stats.low, stats.high) == (5, 3.0, 1, 5)
    assert not r.spread_withheld and r.slips_note is None
    assert r.individuals[0].count == 5 and r.individuals[0].column.letter == "C"


def test_a_consensus_score_is_no_slip(session: Session) -> None:
    r = referat(session, "da")
    c = r.scores[0].cells[0]
    assert (c.value, c.n, c.consensus, c.withheld) == (3.0, 0, True, False)
    assert r.scores[1].cells[1].value is None and not r.scores[1].cells[1].consensus


def test_what_the_referat_picks_out(session: Session) -> None:
    r = referat(session, "da")
    assert r.lowest is not None and r.lowest.factor.id == "ressourcer"  # 2, 1 and 2.7
    assert r.split is not None and r.split.factor.id == "systematik"  # 1 against 4
    means = [row.stats.mean for row in r.scores if row.stats.mean is not None]
    assert r.overall_mean == pytest.approx(sum(means) / len(means))
    assert r.stats["viden"].mean == pytest.approx((3 + 3 + 7 / 3) / 3)  # C: slips 2, 2, 3
    session.groups = []
    empty = referat(session, "da")
    assert empty.overall_mean is None and empty.lowest is None and empty.split is None


def test_groups_are_letters_and_names_without_notes(session: Session) -> None:
    session.groups[1].letter = "bb"  # not a letter A–Z: the letter of its place
    session.groups[2].name = "D"  # just its letter: no name beside it
    session.groups[2].letter = " D "  # B went: C kept its letter, D
    r = referat(session, "da")
    assert [c.letter for c in r.columns] == ["A", "B", "D"]
    assert [c.label for c in r.columns] == ["A (Gruppe A)", "B (Gruppe B)", "D"]
    assert [c.label for c in referat(session, "da", notes=False).columns] == ["A", "B", "D"]


def test_typed_text_loses_what_could_hide_or_reorder_it() -> None:
    from amk_tui.reports.model import clean, one_line

    assert clean("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert clean("x\x00\x07\x0b\x1b\x7f\x85y") == "xy"
    assert clean("\u202eevil\u202c \u2066iso\u2069\ufeff") == "evil iso"
    assert clean("tab\there") == "tab\there"
    assert one_line("  a \n b\t c  ") == "a b c"


def test_the_change_since_last_time() -> None:
    from amk_tui.reports.model import Change

    factor = referat(load("session-v2.toml")).scores[0].factor
    assert Change(factor, 2.0, 3.5).delta == 1.5
    assert Change(factor, None, 3.5).delta is None and Change(factor, 2.0, None).delta is None


# -- the html referat, read as a reader does -------------------------------------------------------
class Node:
    """An element of the parsed page: its tag, attributes and children (text or elements)."""

    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str = "") -> Iterator[Node]:
        if not tag or self.tag == tag:
            yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter(tag)

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


class _Tree(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, (tag, self.stack[-1].tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def page(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == [tree.root]  # every element closed
    return tree.root


def section(root: Node, key: str) -> Node:
    found = [s for s in root.iter("section") if s.attrs.get("id") == key]
    assert len(found) == 1, key
    return found[0]


def rows(table: Node) -> list[list[str]]:
    return [[c.text() for c in tr.elements()] for tr in table.iter("tr")]


def words(language: str = "da") -> Callable[..., str]:
    from amk_tui.reports.words import Words, report_content

    return Words(report_content(language)).t


LAYOUT = frozenset({"html", "head", "body", "main", "header", "section", "table", "thead",
                    "tbody", "tr", "ul", "ol", "dl", "figure", "div"})  # fmt: skip
"""Elements whose own text a browser would print as stray words between the boxes."""


def variants(session: Session) -> list[str]:
    previous = load("previous.toml")
    out = [html_report(referat(session, "da", previous, timing=True))]
    out.append(html_report(referat(session, "en", notes=False)))
    session.status = "in-progress"
    session.groups[2].rows = slips("3-----")
    session.participants = []
    session.decisions, session.actions, session.priorities = [], [], []
    session.more_of = []
    out.append(html_report(referat(session, "da")))
    session.groups = []
    out.append(html_report(referat(session, "da")))
    return out


def test_no_stray_text_stands_between_the_boxes_of_the_page(session: Session) -> None:
    for html in variants(session):
        for node in page(html).iter():
            if node.tag in LAYOUT:
                loose = [c for c in node.children if isinstance(c, str) and c.strip()]
                assert loose == [], (node.tag, node.attrs, loose)


def test_the_page_names_itself_and_lists_the_workshop(session: Session) -> None:
    t = words()
    root = page(html_report(referat(session, "da")))
    assert next(root.iter("title")).text() == (f"{t('kind')}: {t('title', amg='Lager & Logistik')}")
    header = next(root.iter("header"))
    pairs = dict(
        zip(
            (d.text() for d in header.iter("dt")),
            (d.text() for d in header.iter("dd")),
            strict=True,
        )
    )
    assert pairs == {
        t("meta.date"): "26. november 2026",
        t("meta.amg"): "Lager & Logistik",
        t("meta.unit"): "Pakkeri og forsendelse",
        t("meta.place"): "Mødelokale 2, Lagervej 4",
        t("meta.facilitator"): "Hanne Facilitatorsen",
        t("meta.referent"): "Sekretær Søren",
        t("meta.groups"): "3",
        t("meta.variant"): t("meta.variant1"),
    }
    assert [p.text() for p in header.iter("p")] == [t("kind")]
    session.status = "in-progress"
    session.unit = ""
    header = next(page(html_report(referat(session, "da"))).iter("header"))
    assert t("meta.unit") not in [d.text() for d in header.iter("dt")]
    remarks = [p.text() for p in header.iter("p") if p.attrs.get("class") == "remark"]
    assert remarks == [t("not_finished")]


def test_the_sections_in_the_order_a_referat_tells_them(session: Session) -> None:
    t = words()
    root = page(html_report(referat(session, "da", load("previous.toml"), timing=True)))
    found = [(s.attrs["id"], next(s.iter("h2")).text()) for s in root.iter("section")]
    assert found == [
        ("deltagere", t("participants.heading")),
        ("tid", t("program.heading")),
        ("vurdering", t("scores.heading")),
        ("diagrammer", t("chart.heading")),
        ("vurderingerne", t("summary.heading")),
        ("udvikling", t("change.heading", date="4. maj 2026")),
        ("dialogue", t("dialogue.heading")),
        ("wrapup", t("wrapup.heading")),
        ("beslutninger", t("decisions.heading")),
        ("handlingsplan", t("actions.heading")),
        ("opfoelgning-sidst", t("followup.heading", date="4. maj 2026")),
        ("naeste-opfoelgning", t("next.heading")),
        ("aarlig-droeftelse", t("annual.heading")),
    ]


def test_the_tables_read_as_printed(session: Session) -> None:
    t = words()
    root = page(html_report(referat(session, "da", load("previous.toml"), timing=True)))
    people = next(section(root, "deltagere").iter("table"))
    assert rows(people) == [
        [t("participants.role"), t("participants.count"), t("participants.names")],
        [t("participants.leder"), "2", "Lene Leder, Lars Lagerchef"],
        [t("participants.amr"), "3", "Anne AMR"],
        [t("participants.medarbejder"), "5", ""],
        [t("participants.total"), "10", ""],
    ]
    assert [td.attrs.get("class") for td in people.iter("td")][:3] == [None, "num", None]
    timing = next(section(root, "tid").iter("table"))
    assert rows(timing)[1:] == [
        ["Oplæg", "10:00", "10:52", "+00:52"],
        ["Dialogøvelse", "25:00", "26:50", "+01:50"],
        ["Opsamling", "10:00", "09:00", "−01:00"],
        [t("program.total"), "45:00", "46:42", "+01:42"],
    ]
    assert [td.attrs.get("class") for td in timing.iter("td")][:4] == [None, "num", "num", "num"]
    scores_, individual = list(section(root, "vurdering").iter("table"))
    assert scores_.attrs["class"] == "scores"
    assert rows(scores_)[0] == [t("scores.factor"), "A Gruppe A", "B Gruppe B", "C Gruppe C",
                                t("scores.mean"), t("scores.range")]  # fmt: skip
    assert rows(scores_)[1] == ["1. Åbenhed, tillid og psykologisk tryghed", "3", "2",
                                "3,3 (n=3)", "2,8", "2–3,3"]  # fmt: skip
    assert rows(scores_)[3][3] == "n=2" and rows(scores_)[2][2] == "–"
    assert rows(individual)[0] == [t(f"scores.{k}") for k in ("factor", "n", "mean", "range")]
    assert rows(individual)[3] == ["3. Motivation fra ledere og medarbejdere", "2", "–", "–"]
    change = next(section(root, "udvikling").iter("table"))
    assert rows(change)[0] == [t("scores.factor"), t("change.before"), t("change.now"),
                               t("change.change")]  # fmt: skip
    assert rows(change)[1] == ["1. Åbenhed, tillid og psykologisk tryghed", "2,5", "2,8", "↑ +0,3"]
    plan = next(section(root, "handlingsplan").iter("table"))
    assert rows(plan)[2] == ["Afsæt 2 timer/måned til `AMG`-arbejdet", "Leder", "01.02.2027",
                             "–", "i gang"]  # fmt: skip
    followed = next(section(root, "opfoelgning-sidst").iter("table"))
    assert rows(followed) == [
        [t(f"actions.{k}") for k in ("what", "owner", "deadline", "status")],
        ["Trivselsmåling i pakkeriet", "AMR", "01.08.2026", "udført"],
    ]


def test_each_section_says_what_it_is_about(session: Session) -> None:
    t = words()
    root = page(html_report(referat(session, "da", load("previous.toml"))))

    def paragraphs(key: str) -> list[str]:
        return [p.text() for p in section(root, key).iter("p")]

    assert t("scores.scale") in paragraphs("vurdering")
    assert t("scores.rows_note", groups="C") in paragraphs("vurdering")
    assert t("scores.individual_count", n=3) in paragraphs("vurdering")
    assert [h.text() for h in section(root, "vurdering").iter("h3")] == [
        t("scores.individual_heading", group="C (Gruppe C)")
    ]
    assert paragraphs("diagrammer")[0] == t("chart.intro")
    captions = [c.text() for c in section(root, "diagrammer").iter("figcaption")]
    assert captions == [t("chart.radar"), t("chart.bars")]
    assert [f.attrs["class"] for f in section(root, "diagrammer").iter("figure")] == [
        "radar", "bars"
    ]  # fmt: skip
    assert paragraphs("udvikling")[0] == t("change.legend")
    assert paragraphs("aarlig-droeftelse")[0] == t("annual.intro")
    decided = section(root, "beslutninger")
    assert [h.text() for h in decided.iter("h3")] == [
        t("priorities.heading"), t("decisions.list_heading")
    ]  # fmt: skip
    assert [li.text() for li in next(decided.iter("ol")).iter("li")] == [
        "Tid og ressourcer", "Systematik og faste aftaler"
    ]  # fmt: skip
    summary = [li.text() for li in section(root, "vurderingerne").iter("li")]
    assert summary[0].startswith("Lavest vurderet: Tid og ressourcer")
    assert next(section(root, "vurderingerne").iter("strong")).text() == "Tid og ressourcer"


def test_what_an_empty_part_says(session: Session) -> None:
    t = words()
    session.participants = []
    session.decisions, session.actions, session.priorities = [], [], []
    session.more_of, session.less_of = [], []
    session.notes = {}
    root = page(html_report(referat(session, "da")))
    assert [p.text() for p in section(root, "deltagere").iter("p")] == [t("participants.none")]
    assert [p.text() for p in section(root, "handlingsplan").iter("p")] == [t("actions.empty")]
    decided = [p.text() for p in section(root, "beslutninger").iter("p")]
    assert decided == [t("priorities.empty"), t("decisions.empty")]
    said = [p.text() for p in section(root, "dialogue").iter("p")]
    assert said == [t("dialogue.empty"), t("dialogue.empty"), t("priorities.empty"),
                    t("lists.empty"), t("lists.empty")]  # fmt: skip
    session.groups = []
    root = page(html_report(referat(session, "da")))
    assert [p.text() for p in section(root, "vurdering").iter("p")] == [t("scores.no_groups")]
    assert not [
        s for s in root.iter("section") if s.attrs.get("id") in ("diagrammer", "vurderingerne")
    ]


def test_one_slip_is_counted_in_the_singular_and_named_in_the_legend(session: Session) -> None:
    t = words()
    session.groups[2].rows = slips("3-----")
    root = page(html_report(referat(session, "da")))
    assert t("scores.individual_count_one", n=1) in [
        p.text() for p in section(root, "vurdering").iter("p")
    ]
    radar_figure = next(section(root, "diagrammer").iter("figure"))
    legend = [x.text().replace(" ", "") for x in radar_figure.iter("text")]  # wrapped: tspans
    assert t("chart.withheld_all", label="C (Gruppe C)", n=1).replace(" ", "") in legend
    session.groups[2].rows = slips("32----", "4-----", "5-----")
    root = page(html_report(referat(session, "da")))
    radar_figure = next(section(root, "diagrammer").iter("figure"))
    legend = [x.text().replace(" ", "") for x in radar_figure.iter("text")]
    assert t("chart.withheld_some", label="C (Gruppe C)").replace(" ", "") in legend
    assert "A(GruppeA)" in legend  # nothing withheld: just its name


def test_the_trend_section_from_the_third_workshop(session: Session) -> None:
    from amk_tui.core.trend import Trend, visit_of

    t = words()
    first, second = load("previous.toml"), load("previous.toml")
    first.date, second.date = dt.date(2025, 5, 1), dt.date(2025, 11, 1)
    first.id, second.id = "2025-05-01-a", "2025-11-01-a"
    visits = tuple(visit_of(s) for s in (first, second, session))
    trend = Trend("Lager & Logistik", "lager-logistik", visits)
    r = build_referat(session, report_content("da"), None, Options(), trend)
    root = page(html_report(r))
    part = section(root, "udvikling-over-tid")
    assert next(part.iter("h2")).text() == t("trend.heading")
    assert r.trend is trend
    short = build_referat(session, report_content("da"), None, Options(),
                          Trend("x", "x", visits[1:]))  # fmt: skip
    assert short.trend is None and 'id="udvikling-over-tid"' not in html_report(short)


def test_the_charts_are_titled_for_a_screen_reader_and_the_numbers_right_aligned(
    session: Session,
) -> None:
    t = words()
    root = page(html_report(referat(session, "da", load("previous.toml"))))
    titles = [next(s.iter("title")).text() for s in section(root, "diagrammer").iter("svg")]
    assert titles == [t("chart.radar"), t("chart.bars")]
    legend = [x.text() for x in next(section(root, "diagrammer").iter("svg")).iter("text")]
    assert t("chart.legend") in legend
    change = next(section(root, "udvikling").iter("table"))
    assert [td.attrs.get("class") for td in change.iter("td")][:4] == [None, "num", "num", "num"]
    scores_ = next(section(root, "vurdering").iter("table"))
    assert [td.attrs.get("class") for td in scores_.iter("td")][:6] == [None] + ["num"] * 5


def test_a_group_whose_every_value_is_withheld_names_its_largest_count(session: Session) -> None:
    t = words()
    session.groups[2].rows = slips("3-----", "42----")  # factor 1: two slips, factor 2: one
    root = page(html_report(referat(session, "da")))
    radar_figure = next(section(root, "diagrammer").iter("figure"))
    legend = [x.text().replace(" ", "") for x in radar_figure.iter("text")]
    assert t("chart.withheld_all", label="C (Gruppe C)", n=2).replace(" ", "") in legend


def test_who_was_there_and_who_sent_apologies_by_name(session: Session) -> None:
    t = words()
    session.minutes.attendees = "Lene, Lars og Anne"
    session.minutes.absent = "Søren"
    root = page(html_report(referat(session, "da")))
    people = section(root, "deltagere")
    assert next(people.iter("h2")).text() == t("participants.heading")
    named = dict(
        zip(
            (d.text() for d in people.iter("dt")),
            (d.text() for d in people.iter("dd")),
            strict=True,
        )
    )
    assert named == {t("participants.attendees"): "Lene, Lars og Anne",
                     t("participants.absent"): "Søren"}  # fmt: skip
    for node in people.iter("dl"):
        assert [c for c in node.children if isinstance(c, str) and c.strip()] == []
    session.participants = []
    alone = section(page(html_report(referat(session, "da"))), "deltagere")
    assert [p.text() for p in alone.iter("p")] == [] and len(list(alone.iter("dt"))) == 2


def test_writing_the_workbook_raises_no_warning(session: Session) -> None:
    """XlsxWriter warns (on the facilitator's terminal) about an option it does not know."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        xlsx_report(referat(session, "da"))
        xlsx_report(referat(session, "en", notes=False))


def test_the_svg_holds_no_stray_characters_between_its_elements() -> None:
    for markup in (
        radar_svg(LABELS, MANY[:4], title="R", legend_title="G"),
        bars_svg(LABELS, MANY[:4], title="B"),
    ):
        for element in svg(markup).iter():
            if element.tag not in ("text", "tspan", "title"):
                assert not (element.text or "").strip(), (element.tag, element.text)
            assert not (element.tail or "").strip(), (element.tag, element.tail)


def test_a_wrapped_bottom_label_keeps_clear_of_the_legend() -> None:
    long = [*LABELS[:3], "4 Indflydelse på eget arbejde og udvikling", *LABELS[4:]]
    root = svg(radar_svg(long, BARS, legend_title="Grupper"))
    bottom = text_of(root, "4 Indflydelse på")
    title = legend_texts(root)[0]
    assert title.lines == ("Grupper",)
    assert bottom.bottom + bottom.size <= title.y - title.size  # a line's room between them


def test_a_picture_540_wide_has_room_for_three_legend_entries_a_row() -> None:
    root = svg(radar_svg(LABELS, MANY[:3], label_width=120))
    assert view_box(root)[0] == 540
    entries = [t for t in legend_texts(root) if t.anchor == "start" and t.lines[0] != ""]
    assert len({t.y for t in entries}) == 1
    narrow = svg(radar_svg(LABELS, MANY[:3], label_width=119))
    entries = [t for t in legend_texts(narrow) if t.anchor == "start" and t.lines[0] != ""]
    assert len({t.y for t in entries}) == 2  # two a row below 540


# -- building the referat (build.py) -----------------------------------------------------------
def test_without_notes_the_referat_itself_holds_no_typed_text(session: Session) -> None:
    """The model is where privacy is kept: whatever a format prints, the names and texts are
    not in it to print."""
    session.minutes.attendees = "Lene"
    r = referat(session, "da", notes=False)
    assert [p.names for p in r.participants] == ["", "", ""]
    assert [p.count for p in r.participants] == [2, 3, 5]
    assert {a.what for a in r.actions} == {""} and {a.owner for a in r.actions} == {""}
    assert [a.status for a in r.actions] == ["open", "in-progress", "done"]
    assert (r.facilitator, r.referent, r.decisions, r.decision_count) == ("", "", (), 2)
    assert (r.dialogue, r.wrapup, r.other_notes) == ((), (), ())
    assert r.minutes.attendees == "" and [c.name for c in r.columns] == ["", "", ""]
    people = section(page(html_report(r)), "deltagere")
    assert rows(next(people.iter("table")))[0] == [
        words()("participants.role"), words()("participants.count")
    ]  # fmt: skip


def test_a_group_with_only_blank_slips_did_not_take_part_last_time(session: Session) -> None:
    t = words()
    previous = load("previous.toml")
    previous.groups[0].scores = {}
    previous.groups[0].rows = slips("------")
    r = referat(session, "da", previous)
    assert r.previous_groups == 1
    notes = [p.text() for p in section(page(html_report(r)), "udvikling").iter("p")]
    assert t("change.groups_differ", before=1, now=3) in notes


def test_lists_no_question_asked_for_still_reach_the_referat(session: Session) -> None:
    """Content whose variant asks for no 'more of' / 'less of' list: what was typed into
    them is not lost, it gets a heading of its own after the questions."""
    from amk_tui.reports.words import report_content as content_of

    content = content_of("da")
    only_notes = {1: tuple(q for q in content.questions[1] if q.kind not in ("more", "less"))}
    bare = dataclasses.replace(content, questions=only_notes)
    r = build_referat(session, bare, None, Options())
    more, less = r.dialogue[-2:]
    assert (more.kind, more.title, more.items) == (
        "more", content.t("report.more.heading"), ("Korte møder på gulvet hver mandag",
                                                    "Ros *når* det går godt | også fra ledelsen")
    )  # fmt: skip
    assert (less.kind, less.title) == ("less", content.t("report.less.heading"))
    assert all(a.kind not in ("more", "less") for a in r.dialogue[:-2])
    session.less_of = []
    r = build_referat(session, bare, None, Options())
    assert [a.kind for a in r.dialogue[-1:]] == ["more"]


def test_last_times_actions_as_this_workshop_followed_them_up(session: Session) -> None:
    from amk_tui.core.session import FollowUp

    t = words()
    previous = load("previous.toml")
    session.followups = [
        FollowUp(previous.id, "Trivselsmåling", "AMR", dt.date(2026, 8, 1), mark="done"),
        FollowUp(previous.id, "Møder", "Leder", None, mark="carry"),
        FollowUp(previous.id, "Kursus", "", None, mark="in-progress"),
        FollowUp(previous.id, "Plakat", "", None, mark="dropped"),
    ]
    r = referat(session, "da", previous)
    assert [a.status for a in r.followups] == ["done", "carry", "carried-in-progress", "dropped"]
    assert r.followup_date == previous.date
    table = next(section(page(html_report(r)), "opfoelgning-sidst").iter("table"))
    assert [row[-1] for row in rows(table)[1:]] == [
        t("action_status.done"), t("action_status.carry"),
        t("action_status.carried-in-progress"), t("action_status.dropped"),
    ]  # fmt: skip


def test_the_sheets_columns_are_as_wide_as_set(session: Session) -> None:
    """XlsxWriter adds 0.71 to a width for the cell padding, as Excel shows it."""
    book = workbook(xlsx_report(referat(session, "da")))
    widths = {
        name: {k: v.width for k, v in book[name].column_dimensions.items()}
        for name in book.sheetnames
    }
    pad = 0.7109375
    assert widths["Vurderinger"] == {"A": 4 + pad, "B": 42 + pad, "C": 12 + pad}
    group_columns = book["Vurderinger"].column_dimensions["C"]
    assert (group_columns.min, group_columns.max) == (3, 8)  # C to H: three groups, three stats
    assert widths["Noter"] == {"A": 45 + pad, "B": 80 + pad}
    assert widths["Referat"]["A"] == 34 + pad and widths["Referat"]["B"] == 70 + pad
    plan = widths["Handlingsplan"]
    assert (plan["A"], plan["B"], plan["C"], plan["D"]) == (5 + pad, 50 + pad, 18 + pad, 12 + pad)


def test_six_groups_get_six_line_styles(session: Session) -> None:
    from amk_tui.core.scores import Group

    for i, letter in enumerate("DEF"):
        session.groups.append(Group(f"G{i}", letter, scores={"viden": 3}))
    chart = workbook(xlsx_report(referat(session, "da")))["Vurderinger"]._charts[0]
    assert [s.spPr.ln.prstDash for s in chart.series] == [
        "solid", "dash", "sysDot", "lgDashDot", "lgDash", "sysDash"
    ]  # fmt: skip


def test_the_minutes_lines_go_on_the_info_sheet(session: Session) -> None:
    t = words()
    session.minutes.time = "kl. 9–12"
    session.minutes.agenda_item = "Punkt 3"
    info = workbook(xlsx_report(referat(session, "da")))["Referat"]
    rows_ = [row[:2] for row in info.iter_rows(min_row=2, values_only=True)]
    assert (t("meta.time"), "kl. 9–12") in rows_ and (t("meta.agenda_item"), "Punkt 3") in rows_
    assert rows_[0] == (t("meta.date"), "26. november 2026")


def test_the_info_sheet_names_who_was_there_and_the_plans_last_columns(session: Session) -> None:
    t = words()
    session.minutes.attendees = "Lene og Lars"
    session.minutes.absent = "Søren"
    book = workbook(xlsx_report(referat(session, "da")))
    rows_ = [row[:2] for row in book["Referat"].iter_rows(min_row=2, values_only=True)]
    assert (t("participants.attendees"), "Lene og Lars") in rows_
    assert (t("participants.absent"), "Søren") in rows_
    pad = 0.7109375
    assert book["Referat"].column_dimensions["C"].width == 40 + pad  # the names beside counts
    plan = book["Handlingsplan"].column_dimensions
    assert plan["D"].width == 12 + pad and (plan["D"].min, plan["D"].max) == (4, 6)

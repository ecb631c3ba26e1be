"""A radar line never bridges a factor without a value (it looked like a low score), and the
legend says why a group has no line (too few slips)."""

from __future__ import annotations

import re

from amk_tui.reports.html import html_report
from amk_tui.reports.svg import Line, radar_svg
from tests.unit.report_support import load, referat

LABELS = [f"{n} F{n}" for n in range(1, 7)]


def shapes(svg: str, letter: str) -> list[str]:
    return re.findall(rf'<(polygon|polyline) class="group" data-group="{letter}"[^>]*>', svg)


def test_a_missing_value_breaks_the_line_instead_of_bridging_it() -> None:
    whole = radar_svg(LABELS, [Line("A", "A", 0, (3, 4, 4, 2, 3, 3))])
    assert shapes(whole, "A") == ["polygon"]
    gap = radar_svg(LABELS, [Line("A", "A", 0, (3, None, 4, 4, None, 2))])
    found = re.findall(r'<polyline class="group" data-group="A" points="([^"]+)"', gap)
    assert len(found) == 2 and not shapes(gap, "A").count("polygon")
    counts = sorted(len(points.split()) for points in found)
    assert counts == [2, 2]  # 3–4 and 6–1 (round the hexagon), each with its own ends
    assert 'fill="none"' in gap


def test_a_lone_value_is_a_dot() -> None:
    svg = radar_svg(LABELS, [Line("A", "A", 0, (None, None, 4, None, None, None))])
    color = Line("A", "A", 0, ()).color
    assert not shapes(svg, "A") and f'r="4" fill="{color}"' in svg


def test_the_legend_says_a_group_is_left_out_for_too_few_slips() -> None:
    session = load("session-v2.toml")
    group = session.groups[2]
    group.scores = {}
    group.rows = [(3, 3, 3, 3, 3, 3), (2, 2, 2, 2, 2, 2)]  # two slips: never summarised
    html = html_report(referat(session))
    legend = html[html.index('<g class="legend">') :]
    legend = " ".join(re.sub(r"<[^>]+>", " ", legend[: legend.index("</g>")]).split())
    assert f"C ({group.name}) – for få sedler (n=2), vises ikke" in legend

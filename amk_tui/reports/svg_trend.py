"""An AMG's trend as an SVG line chart: one line per factor over its workshops.

The referat's drawing (`svg.py`) reused: each factor is a `Line` with its number as the
letter at every point, its own colour and dash (so a black-and-white print still reads),
and the legend below. x runs over the workshops in date order (evenly spaced, the date under
each); y is the 1–5 scale. Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from amk_tui.core import radar
from amk_tui.reports.svg import Line, _legend, _n, _svg, _text, scale_lines


def trend_svg(
    dates: Sequence[str], lines: Sequence[Line], *, title: str = "", font: float = 12
) -> str:
    """`dates` label the x axis (one per workshop); each line has one value per workshop."""
    n = max(len(dates), 1)
    left, top, plot_h = font * 2.5, font * 1.5, 220.0
    step = max(70.0, 560.0 / max(n - 1, 1)) if n > 1 else 120.0
    plot_w = step * (n - 1) if n > 1 else 0.0
    width = left + plot_w + font * 6
    unit = plot_h / radar.SCALE_MAX
    base = top + plot_h
    x0 = left + font * 2

    def x_of(i: int) -> float:
        return x0 + i * step

    out = scale_lines(left, width - font, base, unit, font)
    every = max(1, round(len(dates) * 80 / max(width, 1) / 8)) if len(dates) > 8 else 1
    for i, label in enumerate(dates):
        if i % every == 0 or i == len(dates) - 1:
            out.append(_text(x_of(i), base + font * 1.4, label, size=font * 0.85))
    for line in lines:
        out.append(_path(line, x_of, base, unit, font))
    height = base + font * 3.5
    legend, below = _legend(lines, width, height, font, "")
    return _svg(width, height + below + font, title, [*out, legend])


def _path(line: Line, x_of: Callable[[int], float], base: float, unit: float, font: float) -> str:
    points = [(x_of(i), base - v * unit) for i, v in enumerate(line.values) if v is not None]
    if not points:
        return ""
    dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
    coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
    out = [
        f'<polyline class="factor" data-factor="{line.letter}" points="{coords}" fill="none" '
        f'stroke="{line.color}" stroke-width="2.4"{dash} stroke-linejoin="round"/>'
    ]
    if len(points) <= 24:  # the factor's number at each point, while they stay apart
        for x, y in points:
            out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{font * 0.6:g}" fill="#fff" '
                       f'stroke="{line.color}" stroke-width="1.4"/>')  # fmt: skip
            out.append(_text(x, y + font * 0.3, line.letter, size=font * 0.75, bold=True,
                             fill=line.color))  # fmt: skip
    return "".join(out)

"""The radar and the bars as inline SVG for paper: vectors, colours *and* letters, a legend.

Pure drawing from `amk_tui.core.radar`'s geometry (data coordinates, y up; factor 1 points
up and the others follow clockwise, as on the groups' paper hexagon). Each group has its
Okabe–Ito colour (darkened where it would be pale on white paper), a dash pattern and its
letter at every vertex, so the chart still reads in black and white. Every text is escaped.

The SVG carries no `xmlns` (inline SVG in HTML does not need one) so a referat holds no
http(s) reference at all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from amk_tui.core import radar
from amk_tui.core.palette import group_color, hex_color, readable

PAPER = (255, 255, 255)
DASHES = ("", "9 4", "3 3", "12 4 3 4", "6 6", "2 5", "14 3", "4 2 1 2")
"""One dash pattern per group: lines stay apart in a black-and-white print."""
GUIDE = "#9a9a9a"
INK = "#1a1a1a"


@dataclass(frozen=True)
class Line:
    """One group on a chart."""

    letter: str
    label: str
    """The legend's text: "A (Gruppe A)" or "A"."""
    index: int
    """The group's place: its colour and dash."""
    values: tuple[float | None, ...]
    """One per factor; None = not scored (or withheld)."""
    ink: str = ""
    """A colour of its own (last time's mean, grey), instead of the group's."""

    @property
    def color(self) -> str:
        if self.ink:
            return self.ink
        return hex_color(readable(group_color(self.index), PAPER, 3.0))

    @property
    def dash(self) -> str:
        return DASHES[self.index % len(DASHES)]


def _n(v: float) -> str:
    """A coordinate with at most one decimal."""
    return f"{round(v, 1):g}"


def _wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most `width` characters (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _text(x: float, y: float, text: str, *, anchor: str = "middle", size: float = 12,
          bold: bool = False, fill: str = INK, wrap: int = 0) -> str:  # fmt: skip
    lines = _wrap(text, wrap) if wrap else [text]
    weight = ' font-weight="bold"' if bold else ""
    head = f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size:g}"'
    head += f'{weight} fill="{fill}">'
    if len(lines) == 1:
        return f"{head}{escape(lines[0])}</text>"
    spans = "".join(
        f'<tspan x="{_n(x)}" dy="{0 if i == 0 else size * 1.15:g}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f"{head}{spans}</text>"


@dataclass(frozen=True)
class _Frame:
    """Where data coordinates land in the picture."""

    cx: float
    cy: float
    unit: float

    def xy(self, p: radar.Point) -> tuple[float, float]:
        return self.cx + p.x * self.unit, self.cy - p.y * self.unit

    def pts(self, points: Sequence[radar.Point]) -> str:
        return " ".join(f"{_n(x)},{_n(y)}" for x, y in map(self.xy, points))


def radar_svg(
    labels: Sequence[str],
    lines: Sequence[Line] = (),
    *,
    title: str = "",
    radius: float = 150,
    label_width: float = 140,
    font: float = 12,
    wrap: int = 16,
    legend_title: str = "",
) -> str:
    """The hexagon with rings 1–5, numbered factor labels and a polygon per group."""
    n = len(labels)
    up = len(_wrap(labels[0], wrap)) if labels else 1
    down = len(_wrap(labels[n // 2], wrap)) if n % 2 == 0 and labels else 1
    top = font * (2.2 + 1.15 * up)
    frame = _Frame(label_width + radius, top + radius, radius / radar.SCALE_MAX)
    width = 2 * (label_width + radius)
    parts = [_guides(frame, n, font)]
    parts += [_labels(frame, labels, font, wrap)]
    for line in lines:
        parts.append(_polygon(frame, line, n))
    for line in lines:
        parts.append(_badges(frame, line, n, len(lines), font))
    height = top + 2 * radius + font * (2.5 + 1.15 * down)
    if lines:
        legend, below = _legend(lines, width, height, font, legend_title)
        parts.append(legend)
        height += below + font
    return _svg(width, height, title, parts)


def _svg(width: float, height: float, title: str, parts: Sequence[str]) -> str:
    label = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<svg class="chart" viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'font-family="Arial, Helvetica, sans-serif">{label}{"".join(parts)}</svg>'
    )


def _guides(frame: _Frame, n: int, font: float) -> str:
    out = [f'<g class="guides" fill="none" stroke="{GUIDE}" stroke-width="1">']
    for level, ring in zip(radar.RING_LEVELS, radar.rings(n), strict=True):
        width = 1.6 if level == radar.SCALE_MAX else 0.8
        out.append(f'<polygon points="{frame.pts(ring)}" stroke-width="{width:g}"/>')
    for i in range(n):
        x, y = frame.xy(radar.spoke_point(i, n, radar.SCALE_MAX))
        out.append(f'<line x1="{_n(frame.cx)}" y1="{_n(frame.cy)}" x2="{_n(x)}" y2="{_n(y)}"/>')
    out.append("</g>")
    for level in radar.RING_LEVELS:
        x, y = frame.xy(radar.spoke_point(0, n, level))
        out.append(_text(x + 5, y + font * 0.9, str(level), anchor="start", size=font * 0.85,
                         fill="#555"))  # fmt: skip
    return "".join(out)


def _labels(frame: _Frame, labels: Sequence[str], font: float, wrap: int) -> str:
    n = len(labels)
    out = []
    for i, label in enumerate(labels):
        tip = radar.spoke_point(i, n, radar.SCALE_MAX)
        x, y = frame.xy(tip)
        rows = len(_wrap(label, wrap))
        if abs(tip.x) < 0.2 * radar.SCALE_MAX:  # straight up or down: centred above/below
            y += -font * (0.8 + 1.15 * (rows - 1)) if tip.y > 0 else font * 1.6
            out.append(_text(x, y, label, size=font, bold=True, wrap=wrap))
        else:
            anchor = "start" if tip.x > 0 else "end"
            x += font * 0.8 if tip.x > 0 else -font * 0.8
            y += font * 0.35 - font * 0.575 * (rows - 1)
            out.append(_text(x, y, label, anchor=anchor, size=font, bold=True, wrap=wrap))
    return "".join(out)


def _polygon(frame: _Frame, line: Line, n: int) -> str:
    vertices = radar.polygon(line.values)
    if not vertices:
        return ""
    dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
    style = f'stroke="{line.color}" stroke-width="2.6"{dash}'
    if len(vertices) == 1:
        x, y = frame.xy(vertices[0].point)
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="{line.color}"/>'
    if len(vertices) < n:  # a factor without a value: the line breaks there, never bridges it
        return "".join(_run(frame, run, line, style) for run in _runs(vertices, n))
    points = frame.pts([v.point for v in vertices])
    shape = "polygon" if len(vertices) > 2 else "polyline"
    return (
        f'<{shape} class="group" data-group="{escape(line.letter)}" points="{points}" '
        f'fill="{line.color}" fill-opacity="0.08" {style} stroke-linejoin="round"/>'
    )


def _runs(vertices: Sequence[radar.Vertex], n: int) -> list[list[radar.Vertex]]:
    """The vertices in runs of neighbouring factors (round the hexagon, 6 next to 1)."""
    runs: list[list[radar.Vertex]] = []
    for v in vertices:
        if runs and v.index == runs[-1][-1].index + 1:
            runs[-1].append(v)
        else:
            runs.append([v])
    if len(runs) > 1 and runs[-1][-1].index == n - 1 and runs[0][0].index == 0:
        runs[0] = runs.pop() + runs[0]
    return runs


def _run(frame: _Frame, run: list[radar.Vertex], line: Line, style: str) -> str:
    if len(run) == 1:
        x, y = frame.xy(run[0].point)
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="{line.color}"/>'
    return (
        f'<polyline class="group" data-group="{escape(line.letter)}" '
        f'points="{frame.pts([v.point for v in run])}" fill="none" {style} '
        'stroke-linejoin="round"/>'
    )


def _badges(frame: _Frame, line: Line, n: int, count: int, font: float) -> str:
    """The group's letter beside each vertex, in its own lane so equal scores don't hide it."""
    out = []
    lane = (line.index % max(count, 1) - (count - 1) / 2) * font * 1.45
    for v in radar.polygon(line.values):
        x, y = frame.xy(v.point)
        angle = math.pi / 2 - 2 * math.pi * v.index / n
        bx, by = x + lane * math.sin(angle), y + lane * math.cos(angle)
        out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.6" fill="{line.color}"/>')
        out.append(
            f'<circle cx="{_n(bx)}" cy="{_n(by)}" r="{font * 0.68:g}" fill="#fff" '
            f'stroke="{line.color}" stroke-width="1.4"/>'
        )
        out.append(_text(bx, by + font * 0.33, line.letter, size=font * 0.85, bold=True,
                         fill=line.color))  # fmt: skip
    return "".join(out)


def _legend(
    lines: Sequence[Line], width: float, top: float, font: float, title: str
) -> tuple[str, float]:
    """The legend: a sample of each group's line with its letter, then its label, wrapped
    within its cell (a long name never runs into the next one or off the picture); returns
    the legend and the height it adds below `top`."""
    per_row = 3 if width >= 540 else 2
    cell = (width - 2 * font) / per_row
    chars = max(6, int((cell - font * 4.2) / (font * 0.6)))
    out = [f'<g class="legend">{_text(font, top, title, anchor="start", bold=True)}']
    y = top
    for start in range(0, len(lines), per_row):
        row = lines[start : start + per_row]
        y += font * 2
        for k, line in enumerate(row):
            x = font + k * cell
            dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
            out.append(
                f'<line x1="{_n(x)}" y1="{_n(y - font * 0.35)}" x2="{_n(x + font * 3)}" '
                f'y2="{_n(y - font * 0.35)}" stroke="{line.color}" stroke-width="2.6"{dash}/>'
            )
            out.append(_text(x + font * 1.5, y - font * 0.8, line.letter, size=font * 0.8,
                             bold=True, fill=line.color))  # fmt: skip
            out.append(_text(x + font * 3.6, y, line.label, anchor="start", size=font, wrap=chars))
        y += max(len(_wrap(line.label, chars)) - 1 for line in row) * font * 1.15
    out.append("</g>")
    return "".join(out), y - top


def bars_svg(
    labels: Sequence[str], lines: Sequence[Line], *, title: str = "", font: float = 12
) -> str:
    """Per factor a cluster of bars, one per group, its letter on top; a 1–5 scale behind."""
    n, groups = len(labels), max(len(lines), 1)
    left, top, plot_h = font * 2.5, font * 1.5, 190.0
    slot = max(92.0, groups * 18.0 + 16)
    width = left + n * slot + font
    unit = plot_h / radar.SCALE_MAX
    base = top + plot_h
    out = scale_lines(left, width - font, base, unit, font)
    bar_w = (slot - 16) / groups
    for i, label in enumerate(labels):
        x0 = left + i * slot + 8
        for k, line in enumerate(lines):
            v = line.values[i] if i < len(line.values) else None
            out.append(_bar(x0 + k * bar_w, bar_w, base, unit, v, line, font))
        out.append(_text(x0 + (slot - 16) / 2, base + font * 1.4, label, size=font, wrap=12))
    height = base + font * 4
    legend, below = _legend(lines, width, height, font, "")
    return _svg(width, height + below + font, title, [*out, legend])


def _bar(x: float, w: float, base: float, unit: float, v: float | None, line: Line,
         font: float) -> str:  # fmt: skip
    if v is None:
        return _text(x + w / 2, base - 3, "–", size=font * 0.85, fill="#555")
    h = v * unit
    return (
        f'<rect class="bar" data-group="{escape(line.letter)}" x="{_n(x + 1)}" '
        f'y="{_n(base - h)}" width="{_n(w - 2)}" height="{_n(h)}" fill="{line.color}"/>'
        + _text(x + w / 2, base - h - 3, line.letter, size=font * 0.8, bold=True, fill=line.color)
    )


def scale_lines(left: float, right: float, base: float, unit: float, font: float) -> list[str]:
    """The 1–5 scale behind bars or lines: a guide across per level, its number at the left."""
    out = [f'<g class="guides" stroke="{GUIDE}" stroke-width="0.8">']
    for level in radar.RING_LEVELS:
        y = base - level * unit
        out.append(f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}"/>')
    out.append("</g>")
    out += [_text(left - 6, base - v * unit + 4, str(v), anchor="end", size=font * 0.85)
            for v in radar.RING_LEVELS]  # fmt: skip
    return out

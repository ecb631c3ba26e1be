"""The groups' colours: one colour per group index, and colour arithmetic to keep it readable.

Okabe–Ito, colour-blind safe, ordered so the first groups differ most. No fixed colour reads
well on both a dark and a light canvas (yellow vanishes on white, black on black): drawing
code passes each through `readable` against its canvas, which keeps the hue and darkens or
lightens it until the contrast is high enough. Every group also has a letter, because
projectors wash colours out.
"""

from __future__ import annotations

from functools import lru_cache

RGB = tuple[int, int, int]

GROUP_COLORS: tuple[RGB, ...] = (
    (213, 94, 0),  # vermillion
    (0, 114, 178),  # blue
    (0, 158, 115),  # bluish green
    (204, 121, 167),  # reddish purple
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky blue
    (240, 228, 66),  # yellow
    (0, 0, 0),  # black (lightened on a dark canvas by `readable`)
)


def group_color(index: int) -> RGB:
    """The colour of the group at `index` (wraps after eight)."""
    return GROUP_COLORS[index % len(GROUP_COLORS)]


FACTOR_COLORS: tuple[int, ...] = (0, 1, 2, 3, 6, 7)
"""The six factors' lines over time (`amk trend`): vermillion, blue, green, purple, yellow and
black (light on a dark canvas) — no two blues or two oranges side by side, as the groups'
first six would give."""


def factor_color(index: int) -> RGB:
    """The colour of factor number `index + 1` in a chart of the six factors."""
    return GROUP_COLORS[FACTOR_COLORS[index % len(FACTOR_COLORS)]]


def hex_color(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _luminance(c: RGB) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio of two colours (1–21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@lru_cache(maxsize=256)
def readable(color: RGB, canvas: RGB, ratio: float = 4.5) -> RGB:
    """`color` mixed towards black (light canvas) or white (dark canvas) until it reaches
    `ratio` against `canvas`; the hue is kept."""
    target = (0, 0, 0) if _luminance(canvas) > 0.18 else (255, 255, 255)
    out = color
    for step in range(21):
        t = step / 20
        out = (
            round(color[0] + (target[0] - color[0]) * t),
            round(color[1] + (target[1] - color[1]) * t),
            round(color[2] + (target[2] - color[2]) * t),
        )
        if contrast(out, canvas) >= ratio:
            break
    return out


def ink_on(rgb: RGB) -> str:
    """Black or white text, whichever reads on this background."""
    r, g, b = rgb
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 110 else "white"

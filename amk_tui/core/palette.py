"""The groups' colours and the contrast arithmetic that keeps them readable on any ground.

Shared by the terminal charts (`amk_tui.charts`, plotext) and the printed ones
(`amk_tui.reports.svg`), so it lives in the core: no textual, rich or plotext here.
"""

from __future__ import annotations

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
"""Okabe–Ito, colour-blind safe, ordered so the first groups differ most.

No fixed colour reads well on both a dark and a light canvas (yellow vanishes on white,
black on black): each is passed through :func:`readable` against its canvas, which keeps
the hue and darkens or lightens until the contrast is high enough.
"""


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


def group_color(index: int) -> RGB:
    """The palette colour for the group at `index` (wraps after 8)."""
    return GROUP_COLORS[index % len(GROUP_COLORS)]


def hex_color(c: RGB) -> str:
    """`#d55e00` for (213, 94, 0)."""
    return "#{:02x}{:02x}{:02x}".format(*c)

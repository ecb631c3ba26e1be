"""core.palette: the groups' colour-blind-safe colours and the WCAG arithmetic that keeps
them readable on any canvas."""

from __future__ import annotations

import pytest

from amk_tui.core.palette import (
    GROUP_COLORS,
    _luminance,
    contrast,
    group_color,
    hex_color,
    ink_on,
    readable,
)

WHITE, BLACK = (255, 255, 255), (0, 0, 0)
OKABE_ITO = [
    (213, 94, 0),
    (0, 114, 178),
    (0, 158, 115),
    (204, 121, 167),
    (230, 159, 0),
    (86, 180, 233),
    (240, 228, 66),
    (0, 0, 0),
]


def test_the_eight_okabe_ito_colours_in_order_then_again() -> None:
    assert list(GROUP_COLORS) == OKABE_ITO
    assert [group_color(i) for i in range(10)] == [*OKABE_ITO, *OKABE_ITO[:2]]
    assert hex_color((213, 94, 0)) == "#d55e00" and hex_color((0, 0, 0)) == "#000000"


@pytest.mark.parametrize(
    ("rgb", "luminance"),
    [
        ((255, 0, 0), 0.2126),
        ((0, 255, 0), 0.7152),
        ((0, 0, 255), 0.0722),
        ((255, 255, 255), 1.0),
        ((10, 10, 10), 10 / 255 / 12.92),  # the linear part, just below 0.03928
        ((11, 11, 11), ((11 / 255 + 0.055) / 1.055) ** 2.4),
    ],
)
def test_relative_luminance(rgb: tuple[int, int, int], luminance: float) -> None:
    assert _luminance(rgb) == pytest.approx(luminance, rel=1e-9)


def test_wcag_contrast_reference_values() -> None:
    assert contrast(WHITE, BLACK) == pytest.approx(21.0)
    assert contrast(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast((90, 90, 90), (90, 90, 90)) == pytest.approx(1.0)
    assert contrast((118, 118, 118), WHITE) == pytest.approx(4.5422, abs=1e-4)  # AA passes
    assert contrast((119, 119, 119), WHITE) == pytest.approx(4.4781, abs=1e-4)  # AA fails


@pytest.mark.parametrize(
    ("color", "canvas", "ratio", "out"),
    [
        ((240, 228, 66), WHITE, 4.5, (120, 114, 33)),  # yellow darkened half way
        ((240, 228, 66), WHITE, 3.0, (156, 148, 43)),
        ((86, 180, 233), WHITE, 4.5, (56, 117, 151)),
        ((0, 114, 178), WHITE, 4.5, (0, 114, 178)),  # already readable: kept
        (BLACK, BLACK, 4.5, (128, 128, 128)),  # black lightened on a dark canvas
        ((213, 94, 0), (118, 118, 118), 4.5, BLACK),  # a mid grey just light enough: darker
        ((213, 94, 0), (117, 117, 117), 4.5, WHITE),  # just too dark: lighter
        ((213, 94, 0), (118, 118, 118), 30.0, BLACK),  # unreachable: as far as it goes
    ],
)
def test_readable_keeps_the_hue_and_reaches_the_contrast(
    color: tuple[int, int, int],
    canvas: tuple[int, int, int],
    ratio: float,
    out: tuple[int, int, int],
) -> None:
    assert readable(color, canvas, ratio) == out


def test_readable_defaults_to_aa() -> None:
    assert readable((240, 228, 66), WHITE) == (120, 114, 33)


@pytest.mark.parametrize(
    ("rgb", "ink"),
    [
        ((110, 110, 110), "white"),
        ((111, 111, 111), "black"),
        ((255, 0, 0), "white"),
        ((0, 255, 0), "black"),
        ((0, 0, 255), "white"),
        ((0, 187, 0), "white"),  # 0.587 × 187 = 109.8: just too dark for black ink
        ((0, 188, 0), "black"),  # 110.4
        ((368, 0, 0), "black"),  # 0.299 × 368 = 110.03 (the weights, one by one)
        ((0, 0, 965), "black"),  # 0.114 × 965 = 110.01
        ((0, 0, 964), "white"),
    ],
)
def test_ink_on(rgb: tuple[int, int, int], ink: str) -> None:
    assert ink_on(rgb) == ink

"""Projector themes: near-black on white and near-white on black, with strong accents.

A projector washes colours out, so both themes keep text at full contrast and use colour only
for accents that are also carried by bold text, letters or position.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="amk-dark",
    primary="#3d9bff",
    secondary="#ffb000",
    accent="#ffb000",
    warning="#ffb000",
    error="#ff4d3d",
    success="#3ddc84",
    foreground="#f2f2f2",
    background="#0b0b0b",
    surface="#1a1a1a",
    panel="#262626",
    dark=True,
)
LIGHT = Theme(
    name="amk-light",
    primary="#0050b3",
    secondary="#8a4b00",
    accent="#0050b3",
    warning="#a65400",
    error="#c4141b",
    success="#0a7a32",
    foreground="#111111",
    background="#ffffff",
    surface="#f0f0f0",
    panel="#e0e0e0",
    dark=False,
)
THEMES = (DARK, LIGHT)

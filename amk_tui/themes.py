"""Projector themes: near-black on white and near-white on black, with strong accents.

A projector washes colours out, so both themes keep text at full contrast and use colour only
for accents that are also carried by bold text, letters or position.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
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


def start_with(app: App[Any], theme: Theme = DARK) -> None:
    """Register the projector themes and take `theme` from the first frame — called in the
    app's `__init__`, before any CSS is parsed. Setting `app.theme` once the app runs makes
    Textual parse every stylesheet a second time (~30 ms of a start)."""
    for each in THEMES:
        app.register_theme(each)
    app.set_reactive(App.theme, theme.name)
    app.stylesheet.set_variables(app.get_css_variables())
    dark = theme.dark
    app.update_classes({f"-theme-{theme.name}": True, "-dark-mode": dark, "-light-mode": not dark},
                       update=False)  # fmt: skip

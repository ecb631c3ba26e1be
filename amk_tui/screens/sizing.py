"""A screen's size classes, set before it is first styled, and Resize events that change
nothing skipped.

Textual gives a screen its breakpoint classes (`-narrow`/`-wide`, `-short`/`-tall`, from
`App.HORIZONTAL_BREAKPOINTS` and `VERTICAL_BREAKPOINTS`) on its first Resize, after it was
styled and laid out once: a second restyle and layout of the whole screen before the first
frame. And the terminal's own report of its size, the same size the app started with, reaches
the screen as one more Resize, which lays the whole screen out again. `preset` sets the
classes when the screen is made; `unchanged` tells a Resize that would do nothing.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.screen import Screen


def breakpoint_classes(screen: Screen[Any], size: Size) -> dict[str, bool]:
    """Each breakpoint class of the screen (its own breakpoints, else the app's) and whether
    `size` gives it: the same choice as Textual's `Screen._on_resize`."""
    app = screen.app
    horizontal, vertical = screen.HORIZONTAL_BREAKPOINTS, screen.VERTICAL_BREAKPOINTS
    classes: dict[str, bool] = {}
    for breakpoints, extent in (
        (app.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal, size.width),
        (app.VERTICAL_BREAKPOINTS if vertical is None else vertical, size.height),
    ):
        ordered = sorted(breakpoints or [])
        chosen = [name for at, name in ordered if extent >= at][-1:]
        classes.update((name, name in chosen) for _, name in ordered)
    return classes


def preset(screen: Screen[Any]) -> None:
    """Give a screen not yet styled the classes of the app's present size."""
    chosen = [name for name, on in breakpoint_classes(screen, screen.app.size).items() if on]
    screen.add_class(*chosen, update=False)


def unchanged(screen: Screen[Any], size: Size) -> bool:
    """True if a Resize to `size` would change nothing: the screen is laid out at that size
    and has that size's classes."""
    if screen.outer_size != size:  # its last layout (`Screen.size` is the app's size)
        return False
    wanted = breakpoint_classes(screen, size)
    return all(screen.has_class(name) == on for name, on in wanted.items())

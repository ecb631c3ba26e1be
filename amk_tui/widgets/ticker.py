"""One clock tick for every widget that shows the time.

Each clock widget had its own interval (the phase bar every 0.5 s, the countdown every
0.25 s), so the same second reached the screen at two moments: two frames a second where
one does, on a projector that shows the workshop for 45 minutes. `on_tick` subscribes a
widget to one tick per app; every clock widget looks at the clock in the same moment, and
what changed is drawn in one frame. Each widget still decides whether its text changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.signal import Signal
from textual.widget import Widget

TICK = 0.25
"""Seconds between looks at the clock: a second's change shows within a quarter second."""

_ticks: WeakKeyDictionary[App[Any], Signal[None]] = WeakKeyDictionary()


def on_tick(widget: Widget | App[Any], callback: Callable[[], None]) -> None:
    """Call `callback` on every tick of the widget's app (the tick starts with the first).

    An app may tick at its own pace (`CLOCK_TICK`, seconds) and subscribe itself: the room
    looks at the file on the same tick its clocks use, one wake-up instead of two."""
    app = widget if isinstance(widget, App) else widget.app
    tick = _ticks.get(app)
    if tick is None:
        tick = _ticks[app] = Signal(app, "amk-clock-tick")
        app.set_interval(getattr(app, "CLOCK_TICK", TICK), lambda: tick.publish(None))
    tick.subscribe(widget, lambda _none: callback())

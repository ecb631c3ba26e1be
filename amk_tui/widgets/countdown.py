"""The countdown in the heading: `Digits` showing the scene's timer.

The widget shows the timer of its owner's current scene (`core.scene.Timer`, read at one
moment) moved on to the monotonic moment `now()`, on every tick of the app's clock
(`ticker`): the display can never drift, and ticks only decide how often it looks. The
owner gives it the source; a new scene (a pause, `+`, another step) shows at the next look,
or at once with `refresh_time()`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Digits

from amk_tui.core.scene import Timer
from amk_tui.widgets.ticker import on_tick

TimerSource = Callable[[], Timer | None]
"""The timer of the owner's current scene (None: no countdown here)."""
Now = Callable[[], float]
"""The monotonic clock the scenes are read with."""


def look(timer: Timer | None, now: float) -> tuple[str, str, bool]:
    """The text, the level and whether it is paused: what a countdown widget shows."""
    if timer is None:
        return "--:--", "normal", False
    return timer.text(now), timer.level(now), not timer.running


class CountdownDigits(Digits):
    """Remaining time as `MM:SS` (overtime `+MM:SS`); amber near the end, red at zero."""

    DEFAULT_CSS = """
    CountdownDigits { width: auto; }
    """

    def __init__(self, timer: TimerSource, now: Now, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._timer = timer
        self._now = now

    def on_mount(self) -> None:
        self.refresh_time()
        on_tick(self, self.refresh_time)

    def refresh_time(self) -> None:
        text, level, paused = look(self._timer(), self._now())
        if text != self.value:
            self.update(text)
        self.set_class(level == "warn", "-warn")
        self.set_class(level == "over", "-over")
        self.set_class(paused, "-paused")

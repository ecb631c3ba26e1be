"""The big countdown the back row reads: `Digits` fed by a core `Countdown`.

The widget reads the countdown's remaining time from the clock on every tick of the app's
clock (`ticker`), so the display can never drift; ticks only decide how often it looks.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Digits

from amk_tui.core.countdown import Countdown, format_clock
from amk_tui.widgets.ticker import on_tick

CountdownSource = Callable[[], Countdown | None]


class CountdownDigits(Digits):
    """Remaining time as `MM:SS` (overtime `+MM:SS`); amber near the end, red at zero."""

    DEFAULT_CSS = """
    CountdownDigits { width: auto; }
    """

    def __init__(self, source: CountdownSource, warn_seconds: float, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._source = source
        self._warn = warn_seconds

    def on_mount(self) -> None:
        self.refresh_time()
        on_tick(self, self.refresh_time)

    def refresh_time(self) -> None:
        countdown = self._source()
        if countdown is None:
            if self.value != "--:--":
                self.update("--:--")
            return
        text = format_clock(countdown.remaining)
        if text != self.value:
            self.update(text)
        level = countdown.level(self._warn)
        self.set_class(level == "warn", "-warn")
        self.set_class(level == "over", "-over")
        self.set_class(countdown.state != "running", "-paused")

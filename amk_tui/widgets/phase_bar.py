"""The phase bar: where we are in the program, the time left as plain text, and the total.

Plain text on purpose: it is what `capture-pane` and a screen reader see, and it stays when
the big digits don't fit.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from amk_tui.core.agenda import Agenda
from amk_tui.core.countdown import format_elapsed
from amk_tui.widgets.countdown import Now, TimerSource
from amk_tui.widgets.ticker import on_tick


class PhaseBar(Widget):
    """`1 Oplæg ▸ 2 Dialogøvelse: Vurdér ▸ 3 Opsamling   ⏱ 07:12   I alt 12:30 / 45:00`."""

    COMPONENT_CLASSES = {
        "phase-bar--now",
        "phase-bar--time",
        "phase-bar--warn",
        "phase-bar--over",
        "phase-bar--flag",
        "phase-bar--separator",
    }
    """The current phase, the time (normal, near the end, over) and a warning flag."""

    DEFAULT_CSS = """
    PhaseBar { height: 1; width: 1fr; }
    PhaseBar > .phase-bar--now { text-style: bold reverse; }
    PhaseBar > .phase-bar--time { text-style: bold; }
    PhaseBar > .phase-bar--warn { background: $warning; color: auto 95%; text-style: bold; }
    PhaseBar > .phase-bar--over { background: $error; color: auto 95%; text-style: bold; }
    PhaseBar > .phase-bar--flag { background: $error; color: auto 95%; text-style: bold; }
    PhaseBar > .phase-bar--separator { text-style: dim; }
    """

    def __init__(
        self,
        agenda: Callable[[], Agenda | None],
        titles: Callable[[int], str],
        t: Callable[..., str],
        timer: TimerSource,
        now: Now,
        flags: Callable[[], str] = str,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = Text()
        self._agenda = agenda
        self._titles = titles
        self._t = t
        self._timer = timer
        """The countdown of the owner's scene (the same the digits show)."""
        self._now = now
        self._flags = flags
        """Returns a warning to show at the end (read-only, not saved), or an empty string."""

    def on_mount(self) -> None:
        self.refresh_bar()
        on_tick(self, self.refresh_bar)

    def refresh_bar(self) -> None:
        agenda = self._agenda()
        text = Text()
        if agenda is not None:
            # The widest that fits: then other phases by number only, then a terse tail.
            width = self.size.width
            for short, compact in ((False, False), (True, False), (True, True)):
                phases, tail = self._phases(agenda, short), self._tail(agenda, compact)
                if not width or phases.cell_len + tail.cell_len <= width:
                    break
            text = phases + tail
        if text != self._text:
            self._text = text
            self.refresh()  # one line of fixed height: no layout needed

    def render(self) -> Text:
        return self._text

    def on_resize(self) -> None:
        self.refresh_bar()

    def _phases(self, agenda: Agenda, short: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        current = agenda.current
        for i in range(len(agenda.program.phases)):
            if i:
                text.append(" ▸ ", style=self._style("separator"))
            now = current is not None and current.phase_index == i
            label = f" {i + 1} {self._titles(i)} " if now or not short else f" {i + 1} "
            text.append(label, style=self._style("now") if now else "")
        return text

    def _tail(self, agenda: Agenda, compact: bool = False) -> Text:
        gap = " " if compact else "   "
        text = Text(gap, no_wrap=True)
        timer = self._timer()
        if timer is not None:
            now = self._now()
            level = timer.level(now)
            style = self._style({"normal": "time", "warn": "warn", "over": "over"}[level])
            paused = "" if timer.running else f" {self._t('timer.paused')}"
            text.append(f" {timer.text(now)}{paused} ", style=style)
        if flags := self._flags():  # before the total: on a narrow bar the total goes first
            text.append(gap[:2])
            text.append(f" {flags} ", style=self._style("flag"))
        actual, planned = format_elapsed(agenda.total_actual), format_elapsed(agenda.total_planned)
        total = (
            f"{actual}/{planned}"
            if compact
            else self._t("bar.total", actual=actual, planned=planned)
        )
        text.append(f"{gap}{total}")
        return text

    def _style(self, part: str) -> Style:
        return self.get_component_rich_style(f"phase-bar--{part}", partial=True)

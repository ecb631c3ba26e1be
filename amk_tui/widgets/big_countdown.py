"""The countdown the back row reads: `MM:SS` in block digits as large as the widget allows.

Textual's `Digits` is three rows high; a room of twelve needs more. Each glyph is drawn from a
5 × 7 bitmap with half-block characters (two pixels per cell, so the pixels are square) and
scaled by the largest whole factor that fits the widget's size. It shows the timer of its
owner's current scene at the clock's moment on every tick (see `widgets.countdown`), so it
never drifts and never keeps a countdown it was made with.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from amk_tui.widgets.countdown import Now, TimerSource, look
from amk_tui.widgets.ticker import on_tick

GLYPHS: dict[str, tuple[str, ...]] = {
    "0": (" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "),
    "1": ("  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "),
    "2": (" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"),
    "3": (" ### ", "#   #", "    #", "  ## ", "    #", "#   #", " ### "),
    "4": ("   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "),
    "5": ("#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "),
    "6": (" ### ", "#    ", "#    ", "#### ", "#   #", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "),
    "8": (" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "),
    "9": (" ### ", "#   #", "#   #", " ####", "    #", "    #", " ### "),
    ":": ("   ", " # ", " # ", "   ", " # ", " # ", "   "),
    "+": ("     ", "  #  ", "  #  ", "#####", "  #  ", "  #  ", "     "),
    "-": ("     ", "     ", "     ", "#####", "     ", "     ", "     "),
}
"""5 × 7 pixel glyphs (the colon 3 wide); `#` is ink."""
GLYPH_ROWS = 7
GAP = 1
"""Pixels between two glyphs."""
HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def pixels(text: str) -> list[list[bool]]:
    """The text as rows of pixels (unknown characters are left out)."""
    rows: list[list[bool]] = [[] for _ in range(GLYPH_ROWS)]
    glyphs = [GLYPHS[c] for c in text if c in GLYPHS]
    for n, glyph in enumerate(glyphs):
        for r in range(GLYPH_ROWS):
            if n:
                rows[r].extend([False] * GAP)
            rows[r].extend(ch == "#" for ch in glyph[r])
    return rows


def fit_scale(text: str, width: int, height: int) -> int:
    """The largest whole scale at which `text` fits `width` × `height` cells (at least 1)."""
    columns = len(pixels(text)[0]) if text else 0
    scale = 1
    while columns * (scale + 1) <= width and _rows(scale + 1) <= height:
        scale += 1
    return scale


def _rows(scale: int) -> int:
    return (GLYPH_ROWS * scale + 1) // 2


def render_lines(text: str, scale: int) -> list[str]:
    """The text in block characters at `scale`: two pixel rows per line of cells."""
    grid = pixels(text)
    tall = [[p for p in row for _ in range(scale)] for row in grid for _ in range(scale)]
    if len(tall) % 2:
        tall.append([False] * len(tall[0]))
    return [
        "".join(HALF[(top, bottom)] for top, bottom in zip(tall[y], tall[y + 1], strict=True))
        for y in range(0, len(tall), 2)
    ]


class BigCountdown(Widget):
    """`MM:SS` (overtime `+MM:SS`) as large as fits; amber near the end, red at zero."""

    DEFAULT_CSS = """
    BigCountdown { width: 1fr; height: 1fr; }
    """

    def __init__(
        self,
        timer: TimerSource,
        now: Now,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._timer = timer
        self._now = now
        self._text = ""

    @property
    def text(self) -> str:
        """What it shows now (`12:30`, `+01:05`, `--:--`)."""
        return self._text

    def on_mount(self) -> None:
        self.refresh_time()
        on_tick(self, self.refresh_time)

    def on_resize(self) -> None:
        self.refresh()

    def refresh_time(self) -> None:
        text, level, paused = look(self._timer(), self._now())
        self.set_class(level == "warn", "-warn")
        self.set_class(level == "over", "-over")
        self.set_class(paused, "-paused")
        if text != self._text:
            self._text = text
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        scale = fit_scale(self._text, width, height)
        lines = render_lines(self._text, scale)
        top = max(0, (height - len(lines)) // 2)
        style = self.rich_style
        if not top <= y < top + len(lines):
            return Strip.blank(width, style)
        line = lines[y - top]
        left = max(0, (width - len(line)) // 2)
        text = (" " * left + line)[:width]
        return Strip([Segment(text.ljust(width), style)])

"""The score grid: factors down, groups across, a summary column; typed into with digits.

Digits 1–5 score the cell under the cursor and move on to the next factor (after the sixth,
to the next group's first); Backspace/Delete/0 clears it to "not scored" (`–`). The grid only
posts `ScoreGrid.Scored`; the screen changes the session and calls `show()` with the result.

A small widget of its own rather than a `DataTable`: a typed score redraws seven short lines
(a DataTable cleared its whole cache on every cell update, 16 ms a key on this machine).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from amk_tui.config.content import Factor
from amk_tui.core import anonymity
from amk_tui.core.palette import group_color, hex_color, ink_on
from amk_tui.core.scores import FACTOR_IDS, Group, format_mean, stats_by_factor
from amk_tui.core.text import visible

NOT_SCORED = "–"


def format_value(value: float | None, decimal: str = ".") -> str:
    """A score as shown: whole numbers plain, others with one decimal (`,` in Danish)."""
    if value is None:
        return NOT_SCORED
    return f"{value:.0f}" if value == int(value) else format_mean(value, decimal)


class ScoreGrid(Widget, can_focus=True):
    """Factors × groups; the cursor is the cell the next digit goes into."""

    DEFAULT_CSS = """
    ScoreGrid { width: auto; height: auto; }
    ScoreGrid > .score-grid--header { text-style: bold; }
    ScoreGrid > .score-grid--label { text-style: bold; }
    ScoreGrid > .score-grid--odd { background: $surface; }
    ScoreGrid > .score-grid--cursor { background: $primary 40%; text-style: bold; }
    ScoreGrid:focus > .score-grid--cursor { background: $primary; color: $text; }
    ScoreGrid > .score-grid--dim { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "score-grid--header",
        "score-grid--label",
        "score-grid--odd",
        "score-grid--cursor",
        "score-grid--dim",
    }

    BINDINGS = [
        *[
            Binding(str(n), f"score({n})", "key.score", show=n == 1, key_display="1–5")
            for n in range(1, 6)
        ],
        Binding("backspace,delete,0", "score(0)", "key.clear"),
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
    ]

    cursor: reactive[tuple[int, int]] = reactive((0, 1))
    """(factor row, column): column 1 is the first group."""
    cell_padding: reactive[int] = reactive(1, layout=True)
    """Spaces on each side of a group's cell (0 on a narrow window)."""

    @dataclass
    class Scored(Message):
        """A score was typed (value None = cleared)."""

        grid: ScoreGrid
        group_index: int
        factor: str
        value: int | None

        @property
        def control(self) -> ScoreGrid:
            return self.grid

    def __init__(
        self, factors: Sequence[Factor], summary_label: str, decimal: str = ".", **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.factors = tuple(factors)
        self.summary_label = summary_label
        self.decimal = decimal
        self._groups: tuple[Group, ...] = ()
        self.masked = False
        """Filled cells show `●`, not their values (the room may see this screen before the
        reveal)."""

    # -- data --------------------------------------------------------------------------------
    def show(self, groups: Sequence[Group], masked: bool = False) -> None:
        """Redraw from the session's groups, keeping the cursor where it was."""
        resized = len(groups) != len(self._groups)
        self._groups, self.masked = tuple(groups), masked
        row, column = self.cursor
        self.cursor = (row, max(1, min(column, len(groups))))
        self.refresh(layout=resized)

    def cell(self, group: Group, factor: str) -> Text:
        """Bold: the group's own score. Italic: the mean of its individual rows, or only
        their count while there are fewer than three (`n=2`: a mean of two exposes people)."""
        values = group.row_values(factor)
        if self.masked:
            filled = factor in group.scores or bool(values)
            return Text("●" if filled else NOT_SCORED, style="bold")
        if factor in group.scores:
            return Text(str(group.scores[factor]), style="bold")
        if not values:
            return Text(NOT_SCORED, style="dim")
        if not anonymity.current().shows_mean(len(values)):
            return Text(f"n={len(values)}", style="italic dim")
        mean = group.value(factor)  # a mean of slips: always one decimal ("4,0", not "4")
        return Text(format_mean(mean, self.decimal), style="italic")

    def summary(self, factor: str) -> Text:
        stats = stats_by_factor(self._groups)[factor]
        if self.masked:
            return Text(f"{stats.n}/{len(self._groups)}", style="dim")
        if stats.mean is None:
            return Text(NOT_SCORED, style="dim")
        span = f"{format_value(stats.low, self.decimal)}–{format_value(stats.high, self.decimal)}"
        return Text(f"{format_mean(stats.mean, self.decimal)}  {span}")

    def get_cell_at(self, where: Coordinate) -> Text:
        """The text of a cell (column 0 the factor, then the groups, then the summary)."""
        factor = self.factors[where.row]
        if where.column == 0:
            return Text(f"{factor.number} {visible(factor.short)}")
        if where.column <= len(self._groups):
            return self.cell(self._groups[where.column - 1], factor.id)
        return self.summary(factor.id)

    def get_cell(self, row_key: str, column_key: str) -> Text:
        """A cell by its keys, as a DataTable names them: the factor's id, and `factor`,
        `g0`, `g1` … or `summary`."""
        row = next(i for i, f in enumerate(self.factors) if f.id == row_key)
        if column_key == "factor":
            column = 0
        elif column_key == "summary":
            column = len(self._groups) + 1
        else:
            column = int(column_key.removeprefix("g")) + 1
        return self.get_cell_at(Coordinate(row, column))

    # -- the cursor ------------------------------------------------------------------------------
    @property
    def cursor_coordinate(self) -> Coordinate:
        return Coordinate(*self.cursor)

    def move_cursor(
        self, row: int | None = None, column: int | None = None, animate: bool = False
    ) -> None:
        r, c = self.cursor
        r = r if row is None else row
        c = c if column is None else column
        rows, columns = max(1, len(self.factors)), max(1, len(self._groups))
        self.cursor = (max(0, min(r, rows - 1)), max(1, min(c, columns)))

    def go_to(self, group_index: int, factor_index: int) -> None:
        """Put the cursor on a cell (the first empty one, when scores start coming in)."""
        self.move_cursor(row=factor_index, column=group_index + 1)

    @property
    def group_index(self) -> int | None:
        column = self.cursor[1]
        return column - 1 if 1 <= column <= len(self._groups) else None

    @property
    def factor_id(self) -> str:
        return FACTOR_IDS[self.cursor[0]]

    def watch_cursor(self) -> None:
        self.refresh()

    def action_move(self, rows: int, columns: int) -> None:
        r, c = self.cursor
        self.move_cursor(row=r + rows, column=c + columns)

    def action_score(self, value: int) -> None:
        entered = self.enter(value)
        if entered is not None:
            self.post_message(self.Scored(self, *entered))

    def enter(self, value: int) -> tuple[int, str, int | None] | None:
        """The cell a typed digit goes into — (group, factor, value; 0 clears) — and the
        cursor moves on; None without groups. The caller hands it to the workshop."""
        index = self.group_index
        if index is None:
            if not self._groups:
                return None
            self.move_cursor(column=1)
            index = 0
        entered = (index, self.factor_id, value or None)
        if value:
            row, column = self.cursor
            if row < len(FACTOR_IDS) - 1:
                self.move_cursor(row=row + 1)
            elif column < len(self._groups):
                self.move_cursor(row=0, column=column + 1)
        return entered

    def on_click(self, event: events.Click) -> None:
        """A click on a group's cell puts the cursor there."""
        widths = self._widths()
        x, row = event.x, event.y - 1
        if not 0 <= row < len(self.factors):
            return
        edge = widths[0]
        for column, width in enumerate(widths[1:-1], start=1):
            if edge <= x < edge + width:
                self.move_cursor(row=row, column=column)
                return
            edge += width

    # -- drawing --------------------------------------------------------------------------------
    def _widths(self) -> list[int]:
        pad = self.cell_padding
        label = max((cell_len(f"{f.number} {f.short}") for f in self.factors), default=8) + 1
        summary = max(
            [cell_len(self.summary_label)]
            + [cell_len(self.summary(f.id).plain) for f in self.factors]
        )
        cells = [  # "n=2" or "3,3" with a space either side: cells never run together
            max(3 + 2 * pad, max(cell_len(self.cell(g, f.id).plain) for f in self.factors) + 2)
            for g in self._groups
        ]
        return [label, *cells, summary + 1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(self._widths())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.factors) + 1

    def render(self) -> Text:
        widths = self._widths()
        styles = {
            name: self.get_component_rich_style(f"score-grid--{name}", partial=True)
            for name in ("header", "label", "odd", "cursor", "dim")
        }
        lines = [self._header(widths, styles["header"])]
        for r, factor in enumerate(self.factors):
            lines.append(self._row(r, factor, widths, styles))
        return Text("\n").join(lines)

    def _header(self, widths: list[int], style: Style) -> Text:
        line = Text(" " * widths[0])
        for i, g in enumerate(self._groups):
            rgb = group_color(i)
            look = Style(bold=True, color=ink_on(rgb), bgcolor=hex_color(rgb))
            line.append(f" {visible(g.letter)} ".center(widths[i + 1]), look)
        line.append(self.summary_label.ljust(widths[-1]), style)
        return line

    def _row(self, r: int, factor: Factor, widths: list[int], styles: dict[str, Style]) -> Text:
        base = styles["odd"] if r % 2 else Style()
        line = Text(style=base)
        label = f"{factor.number} {visible(factor.short)}"
        line.append(label.ljust(widths[0]), styles["label"])
        for i, g in enumerate(self._groups):
            cell = self.cell(g, factor.id)
            cell.align("center", widths[i + 1])
            if self.cursor == (r, i + 1):
                cell.stylize(styles["cursor"])
            line.append_text(cell)
        summary = self.summary(factor.id)
        summary.align("left", widths[-1])
        line.append_text(summary)
        return line

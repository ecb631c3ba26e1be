"""The score grid: factors down, groups across, a summary column; typed into with digits.

Digits 1–5 score the cell under the cursor and move on to the next factor (after the sixth,
to the next group's first); Backspace/Delete clears it to "not scored" (`–`). The grid only
posts `ScoreGrid.Scored`; the screen changes the session and calls `show()` with the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from amk_tui.config.content import Factor
from amk_tui.core.palette import group_color, hex_color, ink_on
from amk_tui.core.scores import FACTOR_IDS, Group, format_mean, stats_by_factor

NOT_SCORED = "–"
MIN_ROWS_FOR_MEAN = 3
"""Fewer individual rows than this are shown as values, not as a mean."""


def format_value(value: float | None, decimal: str = ".") -> str:
    """A score as shown: whole numbers plain, others with one decimal (`,` in Danish)."""
    if value is None:
        return NOT_SCORED
    return f"{value:.0f}" if value == int(value) else format_mean(value, decimal)


class ScoreGrid(DataTable[Text]):
    """Factors × groups; the cursor is the cell the next digit goes into."""

    BINDINGS = [
        *[
            Binding(str(n), f"score({n})", "key.score", show=n == 1, key_display="1–5")
            for n in range(1, 6)
        ],
        Binding("backspace,delete,0", "score(0)", "key.clear"),
    ]

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
        super().__init__(cursor_type="cell", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.factors = tuple(factors)
        self.summary_label = summary_label
        self.decimal = decimal
        self._groups: tuple[tuple[str, str], ...] = ()

    def show(self, groups: Sequence[Group]) -> None:
        """Redraw from the session's groups, keeping the cursor where it was."""
        shape = tuple((g.letter, g.name) for g in groups)
        row, column = self.cursor_coordinate
        if shape != self._groups or not self.columns:
            self.clear(columns=True)
            self.add_column(Text(""), key="factor")
            for i, g in enumerate(groups):
                rgb = group_color(i)
                header = Text(f" {g.letter} ", style=f"bold {ink_on(rgb)} on {hex_color(rgb)}")
                self.add_column(header, key=f"g{i}")
            self.add_column(Text(self.summary_label, style="bold"), key="summary")
            for factor in self.factors:
                self.add_row(*self._row(factor, groups), key=factor.id)
            self._groups = shape
        else:
            for r, factor in enumerate(self.factors):
                for c, cell in enumerate(self._row(factor, groups)):
                    where = Coordinate(r, c)
                    if self.get_cell_at(where) != cell:  # a key changes one cell and a mean
                        self.update_cell_at(where, cell)
        self.move_cursor(row=row, column=max(1, min(column, len(groups))), animate=False)

    def _row(self, factor: Factor, groups: Sequence[Group]) -> list[Text]:
        cells = [Text(f"{factor.number} {factor.short}", style="bold")]
        for g in groups:
            cells.append(self._cell(g, factor.id))
        stats = stats_by_factor(groups)[factor.id]
        if stats.mean is None:
            cells.append(Text(NOT_SCORED, style="dim"))
        else:
            span = f"{self.format(stats.low)}–{self.format(stats.high)}"
            cells.append(Text(f"{format_mean(stats.mean, self.decimal)}  {span}"))
        return cells

    def format(self, value: float | None) -> str:
        return format_value(value, self.decimal)

    def _cell(self, group: Group, factor: str) -> Text:
        """Bold: the group's own score. Italic: from individual rows — their mean, or the
        values themselves while there are fewer than three (a mean of two exposes people)."""
        if factor in group.scores:
            return Text(str(group.scores[factor]), style="bold", justify="center")
        values = group.row_values(factor)
        if not values:
            return Text(NOT_SCORED, style="dim", justify="center")
        if len(values) < MIN_ROWS_FOR_MEAN:
            return Text("·".join(map(str, values)), style="italic", justify="center")
        return Text(self.format(group.value(factor)), style="italic", justify="center")

    @property
    def group_index(self) -> int | None:
        column = self.cursor_coordinate.column
        return column - 1 if 1 <= column <= len(self._groups) else None

    @property
    def factor_id(self) -> str:
        return FACTOR_IDS[self.cursor_coordinate.row]

    def action_score(self, value: int) -> None:
        index = self.group_index
        if index is None:
            self.move_cursor(column=1)
            index = 0
            if not self._groups:
                return
        self.post_message(self.Scored(self, index, self.factor_id, value or None))
        if value:
            row, column = self.cursor_coordinate
            if row < len(FACTOR_IDS) - 1:
                self.move_cursor(row=row + 1, animate=False)
            elif column < len(self._groups):
                self.move_cursor(row=0, column=column + 1, animate=False)

"""Individual anonymous rows of a group ("hver især"): six digits per paper slip.

Type `324332` and Enter; `-` leaves a factor blank. Pick a row and Enter to correct it,
Delete to remove it. Shown per factor: count, mean and min–max (the values themselves while
there are fewer than three rows, so no one is exposed by a mean).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label

from amk_tui.core.change import Change
from amk_tui.core.scores import MIN_ANSWERS, Group, RowError, format_row, parse_row, row_stats
from amk_tui.core.text import visible
from amk_tui.screens.base import AmkModal
from amk_tui.widgets.fields import Field
from amk_tui.widgets.score_grid import format_value


class RowsScreen(AmkModal[None]):
    """One group's paper slips."""

    BINDINGS = [
        Binding("escape", "close", "key.close"),
        Binding("delete", "delete_row", "key.delete_row"),
        Binding("pagedown", "group(1)", "key.next_group", priority=True),
        Binding("pageup", "group(-1)", "key.previous_group", priority=True),
    ]

    def __init__(self, group_index: int) -> None:
        super().__init__(classes="modal")
        self.group_index = group_index
        self.editing: int | None = None
        self._returned = ""
        """A bad row put back into the field to be corrected (not new typing)."""

    @property
    def group(self) -> Group:
        return self.session.groups[self.group_index]

    def compose(self) -> ComposeResult:
        g = self.group
        with Vertical(id="dialog", classes="wide"):
            title = self.t("rows.title", letter=g.letter, name=visible(g.name))
            yield Label(Text(title, style="bold"), id="rows-title")
            yield Label(self.t("rows.hint"), classes="hint")
            field = Field(placeholder="324332", id="row-input", max_length=20)
            field.clear_on_submit = True  # slips read out in a burst: "324332⏎445343⏎" are two
            yield field
            yield Label("", id="form-error")
            yield DataTable(id="rows", cursor_type="row")
            yield Label("", id="row-stats")

    def on_mount(self) -> None:
        table = self.query_one("#rows", DataTable)
        table.add_column("#")
        for f in self.content.factors:
            table.add_column(str(f.number))
        self.compact_fields()  # a one-line field on a short window: the stats stay in sight
        self.refresh_rows()
        self.query_one("#row-input", Input).focus()

    def refresh_rows(self) -> None:
        table = self.query_one("#rows", DataTable)
        table.clear()
        for i, row in enumerate(self.group.rows):
            table.add_row(str(i + 1), *[("–" if v is None else str(v)) for v in row])
        stats = row_stats(self.group)

        decimal = self.t("number.decimal")
        parts = []
        for f in self.content.factors:
            s = stats[f.id]
            if s.n == 0:
                parts.append(f"{f.number} {f.short}: –")
            elif s.n < MIN_ANSWERS:
                values = ", ".join(str(v) for v in self.group.row_values(f.id))
                parts.append(f"{f.number} {f.short}: {values}")
            else:
                mean, low, high = (format_value(v, decimal) for v in (s.mean, s.low, s.high))
                parts.append(f"{f.number} {f.short}: {mean} ({low}–{high}, n={s.n})")
        # Two columns (factors 1–3 beside 4–6), so the dialog fits an 80×24 window.
        width = max(len(p) for p in parts[:3]) + 3
        lines = [f"{a:<{width}}{b}" for a, b in zip(parts[:3], parts[3:], strict=False)]
        self.query_one("#row-stats", Label).update("\n".join(lines))

    @on(Input.Submitted, "#row-input")
    def add_row(self, event: Input.Submitted) -> None:
        error = self.query_one("#form-error", Label)
        try:
            row = parse_row(event.value)
        except RowError as exc:
            error.update(Text(self.t(f"rows.bad_{exc.kind}", value=visible(exc.value))))
            if not event.input.value:  # back in the field to be corrected
                self._put_back(event.input, event.value)
            return
        error.update("")
        if self.editing is not None:
            done = self.workshop.set_row(self.group_index, self.editing, row)
        else:
            done = self.workshop.add_row(self.group_index, row)
        if done is not None:
            self.editing = None
        elif not event.input.value:
            self._put_back(event.input, event.value)

    def _put_back(self, field: Input, text: str) -> None:
        """A slip that was not stored goes back into the field, the cursor at its end."""
        self._returned = text
        field.value = text
        field.cursor_position = len(text)

    def workshop_changed(self, change: Change) -> None:
        if change.what in ("rows", "groups") and self.group_index < len(self.session.groups):
            self.refresh_rows()

    @on(Input.Changed, "#row-input")
    def typing(self, event: Input.Changed) -> None:
        """A row being typed again: the message about the last one no longer applies (the
        field emptied by Enter, or the bad row put back to correct, is no new typing)."""
        if event.value and event.value != self._returned:
            self.query_one("#form-error", Label).update("")

    @on(DataTable.RowSelected, "#rows")
    def edit_row(self, event: DataTable.RowSelected) -> None:
        self.editing = event.cursor_row
        field = self.query_one("#row-input", Input)
        field.value = format_row(self.group.rows[event.cursor_row])
        field.focus()

    def action_delete_row(self) -> None:
        table = self.query_one("#rows", DataTable)
        if not table.has_focus or not self.group.rows:
            return
        if self.workshop.remove_row(self.group_index, table.cursor_row) is not None:
            self.editing = None

    def action_group(self, step: int) -> None:
        """PageDown / PageUp: the next or previous group's slips, without leaving (the slips
        of every group are typed in one go)."""
        count = len(self.session.groups)
        if count < 2:
            return
        self.group_index = (self.group_index + step) % count
        self.editing = None
        g = self.group
        title = self.t("rows.title", letter=g.letter, name=visible(g.name))
        self.query_one("#rows-title", Label).update(Text(title, style="bold"))
        field = self.query_one("#row-input", Input)
        field.clear()
        self.query_one("#form-error", Label).update("")
        self.refresh_rows()
        field.focus()

    def action_close(self) -> None:
        self.dismiss()

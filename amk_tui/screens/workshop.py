"""The facilitator's keys on the workshop screen; what each may do depends on the item.

Stepping works everywhere (PageDown/PageUp even while typing: a presenter remote). Digits on
the group work open the grid at the first empty cell and score it; Esc closes the grid again.
On a question, Enter starts writing and Esc stops, so arriving never puts letters into the
notes. Keys that move the focus are priority keys: they act before the next key is routed,
however fast the keys come.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widgets import ContentSwitcher

from amk_tui import keys
from amk_tui.core.flow import Item
from amk_tui.core.series import ALL
from amk_tui.screens.workshop_base import WorkshopBase, view_kind

if TYPE_CHECKING:
    from amk_tui.views.question import QuestionView
    from amk_tui.widgets.action_table import ActionTable
    from amk_tui.widgets.score_grid import ScoreGrid

CHART_KEYS = {"toggle_chart", "toggle_full", "cycle_view", "toggle_overlay"}
GROUP_KEYS = {"add_group", "rename_group", "remove_group", "rows"}
PLAN_KEYS = {"new_action", "edit_action", "delete_action"}


class WorkshopScreen(WorkshopBase):
    """The workshop, with the keys of the item on the screen."""

    BINDINGS = [
        *keys.bindings(*keys.STEP_COMMANDS, keys.FIRST, keys.LAST),
        Binding("right", "next", "key.next", show=False),
        Binding("left", "prev", "key.prev", show=False),
        Binding("s", "toggle_notes", "key.notes"),
        *[
            Binding(
                str(n),
                f"score_digit({n})",
                "key.score",
                show=n == 1,
                key_display="1–5",
                priority=True,
            )
            for n in range(1, 6)
        ],
        Binding("6,7,8,9", "bad_digit", show=False, priority=True),
        Binding("escape", "leave_field", "key.leave_field", priority=True),
        Binding("escape", "close_grid", "key.close_grid"),
        Binding("enter", "write", "key.write", priority=True),
        Binding("c", "toggle_chart", "key.chart", show=False),
        Binding("h", "toggle_reveal", "key.reveal", show=False),
        Binding("f", "toggle_full", "key.full", show=False),
        Binding("v", "cycle_view", "key.view", show=False),
        Binding("o", "toggle_overlay", "key.overlay", show=False),
        Binding("g", "add_group", "key.add_group", show=False),
        Binding("e", "rename_group", "key.rename_group", show=False),
        Binding("x", "remove_group", "key.remove_group", show=False),
        Binding("i", "rows", "key.rows", show=False),
        Binding("m", "toggle_room_notes", "key.room_notes", show=False),
        Binding("i,insert,ctrl+n", "new_action", "key.new_action"),
        Binding("e", "edit_action", "key.edit_action", show=False),
        Binding("delete,d", "delete_action", "key.delete_action", show=False),
        Binding("t", "trend", "key.trend"),
        Binding("F", "finish", "key.finish"),
    ]

    _digits: list[int] | None = None
    """Digits typed while the grid opens (they follow the first one, in order)."""

    # -- which keys now --------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        view = self._question_view()
        return view is not None and view.display and view.editing

    def _question_view(self) -> QuestionView | None:
        """The questions' view once it is made (its module loads with it, not at start)."""
        view = self.open_view("question")
        if view is None:
            return None
        from amk_tui.views.question import QuestionView

        return view if isinstance(view, QuestionView) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.workshop.current if self.session.agenda.current is not None else None
        if item is None:
            return action in ("next", "prev", "first", "last")
        return self._allowed(action, item)

    def _allowed(self, action: str, item: Item) -> bool:
        shown = view_kind(item, self.scoring)
        if action in CHART_KEYS:
            return shown in ("scoring", "comparison")
        if action == "rows" and item.kind == "groupwork" and self.session.variant == 2:
            return not self.readonly  # "hver især": each slip typed from the group work
        if action in GROUP_KEYS:
            return shown == "scoring" and not self.readonly
        if action in PLAN_KEYS:
            return item.kind == "plan" and not self.readonly
        # Asked for every binding on every refresh: each rule is only worked out when asked.
        allowed: dict[str, Callable[[], bool]] = {
            "toggle_notes": lambda: item.kind in ("slide", "comparison"),
            "score_digit": lambda: item.kind in ("groupwork", "scoring"),
            "bad_digit": lambda: item.kind in ("groupwork", "scoring"),
            "leave_field": lambda: self.editing,
            "close_grid": lambda: self.scoring and item.kind == "groupwork",
            "write": lambda: shown == "question" and not self.editing,
            "toggle_reveal": lambda: item.kind in ("groupwork", "scoring", "comparison"),
            "toggle_room_notes": lambda: shown == "question",
            "finish": lambda: self.step.phase.kind == "wrapup" and not self.readonly,
            "trend": lambda: shown == "comparison" and self.workshop.earlier_workshops >= 2,
        }
        rule = allowed.get(action)
        return True if rule is None else rule()

    def action_trend(self) -> None:
        """Udvikling over tid: this AMG's workshops up to this one."""
        from amk_tui.screens.trend import TrendScreen

        if (trend := self.workshop.trend()) is not None:
            self.app.push_screen(TrendScreen(trend))

    # -- stepping ----------------------------------------------------------------------------
    def action_next(self) -> None:
        self.flush_edits()
        self.workshop.next()

    def action_prev(self) -> None:
        self.flush_edits()
        self.workshop.prev()

    def action_first(self) -> None:
        self.flush_edits()
        self.workshop.set_item(0)

    def action_last(self) -> None:
        self.flush_edits()
        self.workshop.set_item(self.workshop.item_count() - 1)

    def action_toggle_notes(self) -> None:
        notes = self.query_one("#slide-notes")
        notes.display = not notes.display

    # -- scores --------------------------------------------------------------------------------
    _opening: list[int] | None = None
    """Digits typed while the grid opens (None: it is not opening): they go in, in order."""

    def action_score_digit(self, value: int) -> None:
        """A digit: on the group work the grid opens at the first empty cell and takes it.

        Digits typed while the grid is still opening wait in order and follow the first.
        """
        if self._digits is not None:
            self._digits.append(value)
            return
        grid = self._grid()
        if self.item.kind == "groupwork" and (not self.scoring or grid is None):
            self._digits = [value]
            self.scoring = True
            self.call_after_refresh(self._open_grid)
            return
        if grid is not None:
            self._enter(grid, value)

    def _enter(self, grid: ScoreGrid, value: int) -> None:
        """The digit into the grid's cell, straight to the workshop (no message round)."""
        entered = grid.enter(value)
        if entered is not None:
            self.workshop.score(*entered)

    def action_bad_digit(self) -> None:
        """6–9 are no score: say what is."""
        self.notify(self.t("grid.digits"), severity="warning", timeout=3)

    async def _open_grid(self) -> None:
        """The grid is shown: the cursor on the first empty cell, then the waiting digits —
        which go in even if Esc or PageDown came before the grid was there."""
        from amk_tui.views.scoring import ScoringView
        from amk_tui.widgets.score_grid import ScoreGrid

        await self.redraw.settled()  # the redraw that `scoring` asked for makes the grid
        digits, self._digits = self._digits or [], None
        if self.session.agenda.current is None:
            return
        view = await self._view("scoring")
        if not isinstance(view, ScoringView) or self.session.agenda.current is None:
            return
        ctx = self.context(self.scene())
        shown = self.query_one("#views", ContentSwitcher).current == "view-scoring"
        if not shown:  # stepped on meanwhile: the grid is drawn to take the digits
            self._draw(view, ctx)
        grid = view.query_one(ScoreGrid)
        empty = view.first_empty(ctx)
        if empty is not None:
            grid.go_to(*empty)
        elif digits and not self.readonly:  # all filled: a digit from afar replaces nothing
            self.app.notify(self.t("grid.full"), severity="warning", timeout=8)
            digits = []
        if shown:
            self.set_focus(grid)
        for value in digits:
            self._enter(grid, value)

    def _grid(self) -> ScoreGrid | None:
        from amk_tui.views.scoring import ScoringView
        from amk_tui.widgets.score_grid import ScoreGrid

        view = self.open_view("scoring")
        return view.query_one(ScoreGrid) if isinstance(view, ScoringView) else None

    def on_score_grid_scored(self, event: ScoreGrid.Scored) -> None:  # the grid's own keys
        self.workshop.score(event.group_index, event.factor, event.value)

    def action_close_grid(self) -> None:
        self.scoring = False

    # -- questions -----------------------------------------------------------------------------
    def action_write(self) -> None:
        """Start typing under the question (Esc leaves the field again)."""
        if (view := self._question_view()) is not None:
            view.focus_editor()
            self.refresh_bindings()

    def action_leave_field(self) -> None:
        if (view := self._question_view()) is not None:
            self.flush_edits()
            view.focus_card()
            self.refresh_bindings()

    def action_toggle_room_notes(self) -> None:
        if self.workshop.toggle_room_notes() is not None:
            hidden = self.session.view.notes_hidden
            self.notify(self.t("notify.room_notes_hidden" if hidden else "notify.room_notes_shown"))

    # -- the chart -----------------------------------------------------------------------------
    def action_toggle_chart(self) -> None:
        self.workshop.toggle_chart()

    def action_toggle_reveal(self) -> None:
        self.workshop.toggle_reveal()

    def action_toggle_full(self) -> None:
        self.toggle_class("-full-chart")
        self.refresh_scene()

    def action_cycle_view(self) -> None:
        """`v`: all groups, their mean, each group — on the room's window too."""
        self.workshop.cycle_series()
        view = self.scene().series
        self.notify(self.t("chart.view", view=self.view_name(view)), timeout=2)

    def view_name(self, view: str) -> str:
        if view == ALL:
            return self.t("chart.all")
        if view == "mean":
            return self.t("chart.mean")
        return self.t("chart.group", letter=view)

    def action_toggle_overlay(self) -> None:
        self.workshop.toggle_overlay()

    # -- groups ---------------------------------------------------------------------------------
    def focused_group(self) -> int | None:
        grid = self._grid()
        return None if grid is None else grid.group_index

    def action_add_group(self) -> None:
        self.workshop.add_group(default_name=self.t("group.default"))

    def action_rename_group(self) -> None:
        from amk_tui.screens.forms import TextPrompt

        index = self.focused_group()
        if index is None:
            return
        group = self.session.groups[index]

        def rename(name: str | None) -> None:
            if name:
                self.workshop.rename_group(index, name)

        self.app.push_screen(
            TextPrompt(self.t("group.rename", letter=group.letter), group.name), rename
        )

    def action_remove_group(self) -> None:
        from amk_tui.screens.modals import ConfirmScreen

        index = self.focused_group()
        if index is None:
            return
        group = self.session.groups[index]

        def remove(yes: bool | None) -> None:
            if yes and index < len(self.session.groups) and self.session.groups[index] is group:
                self.workshop.remove_group(index)

        question = self.t("group.remove", letter=group.letter, name=group.name)
        self.app.push_screen(ConfirmScreen(question), remove)

    def action_rows(self) -> None:
        from amk_tui.screens.rows import RowsScreen

        index = self.focused_group()
        if index is None and self.session.groups:  # from the group work: the first group
            groups = self.session.groups  # whose slips are not typed yet (else the first)
            index = next((i for i, g in enumerate(groups) if not g.rows), 0)
        if index is not None:
            self.app.push_screen(RowsScreen(index))

    # -- the action plan ---------------------------------------------------------------------------
    def _selected_action(self) -> int | None:
        view = self.open_view("plan")
        if view is None:
            return None
        from amk_tui.widgets.action_table import ActionTable

        row = view.query_one(ActionTable).cursor_row
        return row if 0 <= row < len(self.session.actions) else None

    def action_new_action(self) -> None:
        self.open_form(None)

    def action_edit_action(self) -> None:
        self.open_form(self._selected_action())

    def open_form(self, index: int | None, draft: dict[str, str] | None = None) -> None:
        """The action form; what is typed is kept in the session until it is saved."""
        from amk_tui.screens.forms import ActionForm

        session = self.session
        current = session.actions[index] if index is not None else None

        def keep(fields: dict[str, str]) -> None:
            self.workshop.keep_draft(fields, index)

        def done(action: object) -> None:
            from amk_tui.core.session import Action

            self.workshop.save_action(index, action if isinstance(action, Action) else None)
            if isinstance(action, Action) and index is None:  # the cursor on the new row
                self.call_after_refresh(self._cursor_on_last_action)

        form = ActionForm(current, self.amk.today, draft=draft, on_draft=keep)
        self.app.push_screen(form, done)

    async def _cursor_on_last_action(self) -> None:
        self.redraw.request(here=True)  # on this screen's own loop: the worker starts now
        await self.redraw.settled()
        view = self.open_view("plan")
        if view is not None:
            from amk_tui.widgets.action_table import ActionTable

            view.query_one(ActionTable).move_cursor(row=len(self.session.actions) - 1)

    def resume_draft(self) -> None:
        """An action was being typed when amk stopped: open the form with it again."""
        draft = {k: v for k, v in self.session.draft.items() if k != "index"}
        self.open_form(self.workshop.draft_index(), draft)

    def action_delete_action(self) -> None:
        from amk_tui.screens.modals import ConfirmScreen

        index = self._selected_action()
        if index is None:
            return
        action = self.session.actions[index]

        def delete(yes: bool | None) -> None:
            actions = self.session.actions
            if yes and index < len(actions) and actions[index] is action:
                self.workshop.remove_action(index)

        self.app.push_screen(ConfirmScreen(self.t("actions.delete", what=action.what)), delete)

    def on_action_table_row_selected(self, event: ActionTable.RowSelected) -> None:
        event.stop()
        if self.readonly:
            self.notify(self.t("notify.readonly"), severity="warning")
            return
        self.action_edit_action()

    # -- the end -------------------------------------------------------------------------------
    def action_finish(self) -> None:
        self.amk.finish_workshop()

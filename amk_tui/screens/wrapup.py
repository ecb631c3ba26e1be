"""Opsamling: the three wrap-up questions with notes, the priorities, the action plan, finish."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Input, Label, TextArea

from amk_tui.config.content import Question
from amk_tui.core.session import Action
from amk_tui.core.workshop import Change
from amk_tui.screens.phase import PhaseScreen
from amk_tui.widgets.action_table import ActionTable
from amk_tui.widgets.question_panel import QuestionPanel

PRIORITIES = "prioriter"


class WrapupScreen(PhaseScreen):
    """Items: each wrap-up question, then the priorities, then the action plan."""

    BINDINGS = [
        Binding("i,insert,ctrl+n", "new_action", "key.new_action"),
        Binding("e", "edit_action", "key.edit_action", show=False),
        Binding("delete,d", "delete_action", "key.delete_action", show=False),
        Binding("F", "finish", "key.finish"),
        Binding("escape", "leave_field", "key.leave_field"),
        Binding("enter", "write", "key.write"),
    ]

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(id="wrapup-switcher", initial="wrapup-question"):
            yield QuestionPanel(
                self.content.factors,
                self.t("priorities.hint"),
                self.t("items.placeholder"),
                (self.t("question.writing"), self.t("question.not_writing")),
                too_many=self.t("priorities.too_many"),
                id="wrapup-question",
            )
            with Vertical(id="plan-view"):
                yield Label(self.t("actions.title"), classes="section")
                yield Label(self.t("actions.none"), id="actions-empty", classes="hint")
                yield ActionTable(
                    [
                        self.t(f"actions.{k}")
                        for k in ("what", "owner", "deadline", "followup", "status")
                    ],
                    lambda s: self.t(f"action_status.{s}"),
                    id="actions",
                )
                yield Label(self.t("actions.hint"), classes="hint", id="actions-hint")

    @property
    def questions(self) -> tuple[Question, ...]:
        priorities = Question(PRIORITIES, self.t("wrapup.priorities"), "priorities")
        return (*self.content.wrapup, priorities)

    def item_count(self) -> int:
        return len(self.questions) + 1

    @property
    def on_plan(self) -> bool:
        return self.cursor == len(self.questions)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"new_action", "edit_action", "delete_action"}:
            return self.on_plan and not self.amk.readonly
        if action == "leave_field":
            return not self.on_plan and self.query_one(QuestionPanel).editing
        if action == "write":
            return not self.on_plan and not isinstance(self.focused, TextArea | Input)
        if action == "finish":
            return not self.amk.readonly
        return True

    def show_item(self) -> None:
        switcher = self.query_one("#wrapup-switcher", ContentSwitcher)
        total = self.item_count()
        if self.on_plan:
            switcher.current = "plan-view"
            self.show_actions()
            self.query_one("#actions", ActionTable).focus()
            if self.session.draft and not self.amk.readonly:
                self.call_after_refresh(self.resume_draft)
        else:
            switcher.current = "wrapup-question"
            question = self.questions[self.cursor]
            panel = self.query_one(QuestionPanel)
            position = self.t("question.position", n=self.cursor + 1, of=total)
            heading = self.content.wrapup_heading
            panel.show(
                f"{heading} · {position}" if heading else position,
                question,
                self.session,
                self.amk.readonly,
            )
            panel.focus_editor()
        self.refresh_bindings()

    def show_actions(self) -> None:
        self.query_one("#actions", ActionTable).show(self.session.actions)
        self.query_one("#actions-empty").display = not self.session.actions
        # A read-only workshop offers no keys that change it.
        suffix = "_readonly" if self.amk.readonly else ""
        self.query_one("#actions-empty", Label).update(self.t(f"actions.none{suffix}"))
        self.query_one("#actions-hint", Label).update(self.t(f"actions.hint{suffix}"))

    def flush_edits(self) -> None:
        if not self.on_plan and (pending := self.query_one(QuestionPanel).pending()) is not None:
            self.edited(pending)

    @on(QuestionPanel.Edited)
    def edited(self, event: QuestionPanel.Edited) -> None:
        q = event.question
        self.workshop.answer(q.id, q.kind, event.text, event.values)

    def redraw(self, change: Change) -> None:
        if change.what in ("actions", "followup", "status") and self.on_plan:
            self.show_actions()
        if change.what == "status":
            self.show_item()  # fields lock (or unlock), hints stop offering edit keys
        super().redraw(change)

    def action_write(self) -> None:
        """Start typing under the question (Escape leaves the field again)."""
        self.query_one(QuestionPanel).focus_editor()

    def action_leave_field(self) -> None:
        if not self.on_plan:
            self.query_one(QuestionPanel).focus_card()

    # -- action plan -----------------------------------------------------------------------
    def _selected(self) -> int | None:
        table = self.query_one("#actions", ActionTable)
        row = table.cursor_row
        return row if 0 <= row < len(self.session.actions) else None

    def action_new_action(self) -> None:
        self.open_form(None)

    def action_edit_action(self) -> None:
        index = self._selected()
        self.open_form(index)

    def open_form(self, index: int | None, draft: dict[str, str] | None = None) -> None:
        """The action form; what is typed is kept in the session until it is saved."""
        from amk_tui.screens.forms import ActionForm

        session = self.session
        current = session.actions[index] if index is not None else None

        def keep(fields: dict[str, str]) -> None:
            self.workshop.keep_draft(fields, index)

        def done(action: Action | None) -> None:
            self.workshop.save_action(index, action)
            if action is not None and index is None:  # the cursor on the row just added
                self.show_actions()
                table = self.query_one("#actions", ActionTable)
                table.move_cursor(row=len(session.actions) - 1)

        form = ActionForm(current, self.amk.today, draft=draft, on_draft=keep)
        self.app.push_screen(form, done)

    def resume_draft(self) -> None:
        """An action was being typed when amk stopped: open the form with it again."""
        draft = {k: v for k, v in self.session.draft.items() if k != "index"}
        self.open_form(self.workshop.draft_index(), draft)

    def action_delete_action(self) -> None:
        from amk_tui.screens.modals import ConfirmScreen

        index = self._selected()
        if index is None:
            return
        action = self.session.actions[index]

        def delete(yes: bool | None) -> None:
            actions = self.session.actions
            if yes and index < len(actions) and actions[index] is action:
                self.workshop.remove_action(index)

        self.app.push_screen(ConfirmScreen(self.t("actions.delete", what=action.what)), delete)

    @on(ActionTable.RowSelected)
    def row_selected(self, event: ActionTable.RowSelected) -> None:
        event.stop()
        if self.readonly:
            self.notify(self.t("notify.readonly"), severity="warning")
            return
        self.action_edit_action()

    # -- finish ---------------------------------------------------------------------------------
    def action_finish(self) -> None:
        self.amk.finish_workshop()

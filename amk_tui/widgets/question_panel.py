"""A question with what the room says about it: notes, a priority pick, or a list.

Used by the dialogue round and the wrap-up. It posts `QuestionPanel.Edited` up; the screen
writes the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, TextArea

from amk_tui.config.content import Factor, Question
from amk_tui.core.session import Session
from amk_tui.widgets.fields import NotesArea
from amk_tui.widgets.item_list import ItemList
from amk_tui.widgets.priorities import PriorityPicker
from amk_tui.widgets.prompt_card import PromptCard


class QuestionPanel(Vertical):
    """PromptCard above the editor that fits the question's kind."""

    DEFAULT_CSS = """
    QuestionPanel { height: 1fr; }
    QuestionPanel > ContentSwitcher { height: 1fr; }
    QuestionPanel TextArea { height: 1fr; }
    """

    @dataclass
    class Edited(Message):
        """What the room said changed: `kind` notes/priorities/more/less, with its value."""

        panel: QuestionPanel
        question: Question
        text: str = ""
        values: tuple[str, ...] = ()

        @property
        def control(self) -> QuestionPanel:
            return self.panel

    def __init__(
        self,
        factors: Sequence[Factor],
        priorities_hint: str,
        items_hint: str,
        notes_titles: tuple[str, str] = ("", ""),
        too_many: str = "1–3",
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.factors = tuple(factors)
        self.hints = (priorities_hint, items_hint)
        self.notes_titles = notes_titles
        self.too_many = too_many
        """The notes field's title while typing (how to get the keys back) and while not."""
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        yield PromptCard(classes="question")
        with ContentSwitcher(initial="notes"):
            yield NotesArea(id="notes", soft_wrap=True, show_line_numbers=False)
            yield PriorityPicker(self.factors, self.hints[0], self.too_many, id="priorities")
            yield ItemList(self.hints[1], id="items")

    def show(self, position: str, question: Question, session: Session, readonly: bool) -> None:
        """Show a question and what the session holds for it."""
        self.question = question
        self.query_one(PromptCard).show(position, question.text)
        switcher = self.query_one(ContentSwitcher)
        if question.kind == "priorities":
            switcher.current = "priorities"
            self.query_one(PriorityPicker).show(session.priorities, readonly)
        elif question.kind in ("more", "less"):
            switcher.current = "items"
            self.query_one(ItemList).show(
                session.more_of if question.kind == "more" else session.less_of, readonly
            )
        else:
            switcher.current = "notes"
            notes = self.query_one(TextArea)
            text = session.notes.get(question.id, "")
            if notes.text != text:
                notes.load_text(text)
                notes.move_cursor(notes.document.end)
            notes.read_only = readonly
            self._title_notes()

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _title_notes(self) -> None:
        """Say on the field which mode the keyboard is in: letters type, or they are keys."""
        notes = self.query_one(TextArea)
        if notes.read_only:
            notes.border_title = ""
        else:
            notes.border_title = self.notes_titles[0 if self.screen.focused is notes else 1]

    def pending(self) -> QuestionPanel.Edited | None:
        """What the field shows but has not reported, for a screen about to leave the question.

        `TextArea.Changed` arrives through the message queue; a PageDown typed right after the
        last letter can switch the question first. The screen applies this before it does.
        """
        current = self.query_one(ContentSwitcher).current
        if self.question is None:
            return None
        if current == "items":  # typed, but Enter not pressed: the room said it all the same
            typed = self.query_one(ItemList).take_typed()
            return None if typed is None else self.Edited(self, self.question, values=typed)
        if current != "notes":
            return None
        return self.Edited(self, self.question, text=self.query_one(TextArea).text)

    @property
    def editing(self) -> bool:
        """True while the notes field (or another editor) has the focus."""
        focused = self.screen.focused
        return (
            focused is not None
            and focused is not self.query_one(PromptCard)
            and (self in focused.ancestors)
        )

    def focus_editor(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        if switcher.current:
            self.query_one(f"#{switcher.current}").focus()

    def focus_card(self) -> None:
        self.query_one(PromptCard).focus()

    @on(TextArea.Changed)
    def _notes(self, event: TextArea.Changed) -> None:
        event.stop()
        # A change that arrives after the panel moved on to a priorities or list question
        # belongs to the notes already taken by `pending()`; it must not answer that one.
        if self.question is not None and self.query_one(ContentSwitcher).current == "notes":
            self.post_message(self.Edited(self, self.question, text=event.text_area.text))

    @on(PriorityPicker.Changed)
    def _priorities(self, event: PriorityPicker.Changed) -> None:
        event.stop()
        if self.question is not None:
            self.post_message(self.Edited(self, self.question, values=event.factors))

    @on(ItemList.Changed)
    def _items(self, event: ItemList.Changed) -> None:
        event.stop()
        if self.question is not None:
            self.post_message(self.Edited(self, self.question, values=event.items))

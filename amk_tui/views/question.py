"""A plenary question, large and centred, with what the room says about it below.

Notes grow with their text (no big empty box); a priorities question is a list of the six
factors to tick (✓, not only colour); more-of / less-of and the decisions are lists. On the
console, arriving on a question leaves the keys as keys: Enter starts writing, Esc stops.
On the room's window the notes are the live minutes, unless the facilitator hides them.
The view posts `QuestionView.Edited`; the screen hands it to the workshop.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, Input, OptionList, Static

from amk_tui.config.content import Question
from amk_tui.core.flow import DECISIONS_ID, PRIORITIES_ID, SHARE_ID, Item
from amk_tui.core.text import visible
from amk_tui.views.context import ViewContext
from amk_tui.widgets.item_list import ItemList
from amk_tui.widgets.notes_area import NotesArea
from amk_tui.widgets.priorities import PriorityPicker
from amk_tui.widgets.prompt_card import PromptCard

LISTS = ("more", "less", "decisions")


def question_of(ctx: ViewContext) -> Question:
    """The question an item asks, in the session's language."""
    item, content = ctx.item, ctx.content
    if item.kind == "priorities":
        return Question(PRIORITIES_ID, ctx.t("wrapup.priorities"), "priorities")
    if item.kind == "decisions":
        return Question(DECISIONS_ID, ctx.t("decisions.question"), "decisions")
    if item.kind == "share":
        return Question(SHARE_ID, ctx.t("wrapup.share"), "notes")
    pool = (
        content.wrapup if item.kind == "wrapup" else content.questions.get(ctx.session.variant, ())
    )
    for q in pool:
        if q.id == item.ref:
            return q
    return Question(item.ref, item.ref, item.question_kind)


def heading_of(ctx: ViewContext) -> str:
    """Above the question: where it comes from, and its number."""
    item = ctx.item
    n, of = item.index + 1, item.of
    if item.kind == "answer":
        return ctx.t("question.answers", n=n, of=of)
    if item.kind == "wrapup":
        return ctx.content.wrapup_heading or ctx.t("question.position", n=n, of=of)
    if item.kind in ("priorities", "decisions", "share"):
        return ctx.t("question.amk")
    return ctx.t("question.position", n=n, of=of)


def recorded(ctx: ViewContext, question: Question) -> list[str]:
    """What the session holds under a question, as lines to show."""
    s = ctx.session
    if question.kind == "priorities":
        names = {f.id: f"{f.number} {f.name}" for f in ctx.content.factors}
        return [f"{i}. {names[fid]}" for i, fid in enumerate(s.priorities, 1) if fid in names]
    if question.kind in LISTS:
        items = {"more": s.more_of, "less": s.less_of, "decisions": s.decisions}[question.kind]
        return [f"• {item}" for item in items]
    return s.notes.get(question.id, "").splitlines()


def prompt_of(ctx: ViewContext) -> tuple[str, str]:
    """The heading above the question, and the question (numbered among the deck's
    wrap-up questions)."""
    question = question_of(ctx)
    number = f"{ctx.item.index + 1}. " if ctx.item.kind == "wrapup" else ""
    return heading_of(ctx), number + question.text


def room_record(ctx: ViewContext) -> tuple[list[str], bool]:
    """What the room sees under the question, and whether the notes are hidden from it."""
    question = question_of(ctx)
    if question.kind == "notes" and ctx.scene.notes_hidden:
        return [], True
    return recorded(ctx, question), False


class QuestionView(Vertical):
    """The question (PromptCard) above the editor that fits its kind."""

    @dataclass
    class Edited(Message):
        """What the room said changed: notes text, or the list / the priorities."""

        view: QuestionView
        question: Question
        text: str = ""
        values: tuple[str, ...] = ()

        @property
        def control(self) -> QuestionView:
            return self.view

    def __init__(self, *, room: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="-room" if room else "")
        self.room = room
        self.question: Question | None = None
        self._titles = ("", "")
        self._loaded = ""
        """The question whose notes the field holds."""

    def compose(self) -> ComposeResult:
        yield PromptCard(classes="question")
        if self.room:
            yield Static(id="record")
            return
        with ContentSwitcher(initial="notes", id="editors"):
            yield NotesArea(id="notes", soft_wrap=True, show_line_numbers=False)
            yield PriorityPicker((), "", id="priorities")
            yield ItemList("", id="items")

    def show(self, ctx: ViewContext) -> None:
        question = question_of(ctx)
        self.question = question
        self.query_one(PromptCard).show(*prompt_of(ctx))
        if self.room:
            self._show_record(ctx)
        else:
            self._show_editor(ctx, question)

    def _show_record(self, ctx: ViewContext) -> None:
        lines, hidden = room_record(ctx)
        if hidden:
            text = Text(ctx.t("question.notes_hidden"), Style(dim=True))
        else:
            text = Text(visible("\n".join(lines)))
        self.query_one("#record", Static).update(text)

    def _show_editor(self, ctx: ViewContext, question: Question) -> None:
        session, readonly = ctx.session, ctx.readonly
        switcher = self.query_one(ContentSwitcher)
        self._titles = (ctx.t("question.writing"), ctx.t("question.not_writing"))
        if question.kind == "priorities":
            switcher.current = "priorities"
            picker = self.query_one(PriorityPicker)
            picker.prepare(
                ctx.content.factors, ctx.t("priorities.hint"), ctx.t("priorities.too_many")
            )
            picker.show(session.priorities, readonly)
        elif question.kind in LISTS:
            switcher.current = "items"
            items = self.query_one(ItemList)
            items.placeholder = ctx.t("items.placeholder")
            current = {
                "more": session.more_of,
                "less": session.less_of,
                "decisions": session.decisions,
            }
            items.show(current[question.kind], readonly)
        else:
            switcher.current = "notes"
            notes = self.query_one(NotesArea)
            text = session.notes.get(question.id, "")
            # While this question's notes are being typed the field is ahead of the session
            # (its last keys not reported yet): a redraw must not put the older text back.
            typing = self.screen.focused is notes and self._loaded == question.id
            if notes.text != text and not typing:
                notes.load_text(text)
                notes.move_cursor(notes.document.end)
            self._loaded = question.id
            notes.read_only = readonly
            self._title_notes()

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _title_notes(self) -> None:
        """Say on the field which mode the keys are in: letters type, or they are keys."""
        if self.room:
            return
        notes = self.query_one(NotesArea)
        if notes.read_only:
            notes.border_title = ""
        else:
            notes.border_title = self._titles[0 if self.screen.focused is notes else 1]

    def pending(self) -> QuestionView.Edited | None:
        """What the field shows but has not reported (a PageDown typed right after the last
        letter can switch the question before `TextArea.Changed` arrives)."""
        if self.room or self.question is None:
            return None
        current = self.query_one(ContentSwitcher).current
        if current == "items":  # typed, but Enter not pressed: the room said it all the same
            typed = self.query_one(ItemList).take_typed()
            return None if typed is None else self.Edited(self, self.question, values=typed)
        if current != "notes":
            return None
        return self.Edited(self, self.question, text=self.query_one(NotesArea).text)

    @property
    def editing(self) -> bool:
        """True while an editor of this question has the focus."""
        focused = self.screen.focused
        return (
            focused is not None
            and not isinstance(focused, PromptCard)
            and self in focused.ancestors
        )

    def focus_editor(self) -> None:
        """Start writing. The focus moves at once (not deferred like `Widget.focus`), so the
        letters typed right after Enter reach the field however fast they come."""
        current = self.query_one(ContentSwitcher).current
        if self.room or not current:
            return
        editor = self.query_one(f"#{current}")
        if isinstance(editor, PriorityPicker):
            editor = editor.query_one(OptionList)
        elif isinstance(editor, ItemList):
            editor = editor.query_one(Input)
        self.screen.set_focus(editor)

    def focus_card(self) -> None:
        """Stop writing: keys are keys again, from the next key on."""
        self.screen.set_focus(self.query_one(PromptCard))

    @on(NotesArea.Changed)
    def _notes(self, event: NotesArea.Changed) -> None:
        event.stop()
        # A change that arrives after the view moved on to a list or priorities question
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


def is_question(item: Item) -> bool:
    return item.kind in ("question", "answer", "wrapup", "priorities", "decisions")

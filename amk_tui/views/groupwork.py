"""The group work, as the deck runs it: the exercise slide in full and a countdown for the room.

"Mindre grupper, 25 min til øvelsen", the scoring task with its scale, variant 1's "Placér
jer i diagrammet …" or variant 2's "Drøft dialogspørgsmålene", and every dialogue question
of the session's variant — with the largest countdown the window allows. Below, which groups
have reported their scores (never the scores themselves: the room sees them at the reveal).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from amk_tui.config.content import Content
from amk_tui.core.scores import FACTOR_IDS, Group
from amk_tui.views.context import ViewContext
from amk_tui.widgets.big_countdown import BigCountdown
from amk_tui.widgets.countdown import Now, TimerSource


class GroupWorkView(Vertical):
    """Exercise slide, big countdown, and who has reported."""

    DEFAULT_CSS = """
    GroupWorkView { align-vertical: middle; }
    GroupWorkView > BigCountdown { height: 1fr; min-height: 5; max-height: 50%; }
    GroupWorkView > #groupwork-text {
        height: auto;
        max-height: 75%;
        width: 100%;
        align-horizontal: center;
    }
    GroupWorkView #exercise, GroupWorkView #reported { height: auto; width: 100%; max-width: 116; }
    """
    """The slide's text takes the rows it needs (up to three quarters); the countdown the rest,
    up to half the height (both together centred).
    Textual centres children as one block, so the text's column is centred inside its own
    full-width scroll, not beside the full-width countdown."""

    def __init__(self, timer: TimerSource, now: Now, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._timer = timer
        self._now = now

    def compose(self) -> ComposeResult:
        yield BigCountdown(self._timer, self._now, id="big-countdown")
        with VerticalScroll(id="groupwork-text"):
            yield Static(id="exercise")
            yield Static(id="reported")

    def show(self, ctx: ViewContext) -> None:
        self._ctx = ctx
        roomy = self.size.height >= 36
        if ctx.item.kind == "discuss":  # Opsamling: the deck's slide, its three questions
            self.query_one("#exercise", Static).update(discuss_text(ctx, roomy))
            self.query_one("#reported", Static).update("")
            return
        self.query_one("#exercise", Static).update(exercise_text(ctx, roomy))
        self.query_one("#reported", Static).update(reported_text(ctx))

    def on_resize(self) -> None:
        if getattr(self, "_ctx", None) is not None:
            self.show(self._ctx)


ExercisePart = tuple[str, str]
"""(`groups` | `instruction` | `draw` | `heading` | `question`, its text)."""


def exercise_parts(content: Content, variant: int) -> list[ExercisePart]:
    """The deck's exercise slide of a variant, word for word, in order: every room window
    (the terminal's text, the browser's page) draws these."""
    ex = content.exercise
    parts: list[ExercisePart] = [
        ("groups", ex.get("groups", "")),
        ("instruction", ex.get("instruction", "")),
    ]
    if variant == 1:
        parts.append(("draw", ex.get("draw", "")))
    parts.append(("heading", ex.get("questions_heading" if variant == 1 else "discuss", "")))
    parts += [("question", q.text) for q in content.questions.get(variant, ())]
    return parts


def exercise_text(ctx: ViewContext, roomy: bool = True) -> Text:
    """The deck's exercise slide of the session's variant, word for word."""
    bold = Style(bold=True)
    gap = "\n\n" if roomy else "\n"
    text = Text()
    number = 0
    for kind, part in exercise_parts(ctx.content, ctx.session.variant):
        if kind == "groups":
            text.append(part, bold)
        elif kind in ("instruction", "draw"):
            text.append(gap + part)
        elif kind == "heading":
            text.append("\n\n" + part, bold)
        else:
            number += 1
            text.append(f"\n{number}. ", bold)
            text.append(part)
    return text


def discuss_parts(content: Content) -> list[str]:
    """The deck's slide "Opsamling: Drøft i grupperne": its three questions, word for word."""
    return [q.text for q in content.wrapup]


def discuss_text(ctx: ViewContext, roomy: bool = True) -> Text:
    bold = Style(bold=True)
    text = Text()
    for n, question in enumerate(discuss_parts(ctx.content), start=1):
        text.append(("\n\n" if roomy else "\n") if n > 1 else "")
        text.append(f"{n}. ", bold)
        text.append(question)
    return text


def filled_cells(groups: Sequence[Group]) -> list[tuple[str, str]]:
    """Each group's letter and `■■□□□□`: which cells are filled, never their values."""
    total = len(FACTOR_IDS)
    cells = []
    for g in groups:
        filled = sum(g.value(f) is not None for f in FACTOR_IDS)
        cells.append((g.letter, "■" * filled + "□" * (total - filled)))
    return cells


def reported_text(ctx: ViewContext) -> Text:
    """`Indtastet: A ■■■■■■  B ■■□□□□ …` — which cells are filled, never their values."""
    groups = ctx.session.groups
    if not groups:
        return Text()
    text = Text(ctx.t("groupwork.reported") + "  ", Style(dim=True))
    for letter, boxes in filled_cells(groups):
        text.append(f"{letter} ", Style(bold=True))
        text.append(boxes)
        text.append("   ")
    if not ctx.room:
        hint = "groupwork.hint_rows" if ctx.session.variant == 2 else "groupwork.hint"
        text.append("\n" + ctx.t(hint), Style(dim=True))
    return text

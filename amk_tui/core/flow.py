"""What each step of the program shows, item by item: the workshop as the deck runs it.

A step's items are named, so that any window — the facilitator's console or the room's
screen — can tell from the session alone what is on the screen now:

- a presentation shows its slides, one `slide` item each;
- an exercise without rounds is the deck's group work: one `groupwork` item (the exercise
  slide with every dialogue question and the big countdown);
- an exercise in rounds (the alternative program "Vurdér + Drøft") shows a `scoring` item
  in its score round and the dialogue questions one `question` item each in a discuss round;
- the wrap-up opens on the `comparison`, then what the groups share from the dialogue
  (one `share` screen, each dialogue question's `answer`, or nothing: the phase's
  `dialogue`), the deck's slide "Opsamling: Drøft i grupperne" with its three questions at
  once under its own countdown (`discuss`, when the phase has `discuss_minutes`), the
  three wrap-up `question`s harvested, and amk's own steps: the `priorities` (when the
  variant's questions don't ask for them), the `decisions` and the `plan`.

The content (how many slides, which questions) comes in as a `DeckOutline`, so the core
knows the shape of the deck without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from amk_tui.core.program import Step

ItemKind = Literal[
    "slide",
    "groupwork",
    "scoring",
    "question",
    "comparison",
    "answer",
    "share",
    "discuss",
    "wrapup",
    "priorities",
    "decisions",
    "plan",
]
AMK_STEPS: tuple[ItemKind, ...] = ("priorities", "decisions", "plan")
"""amk's own steps, labelled as amk's (not numbered among the deck's questions)."""
PRIORITIES_ID = "prioriter"
"""The id under which the priorities are kept (the deck's variant-1 question has it too)."""
DECISIONS_ID = "beslutninger"
SHARE_ID = "dele"
"""The notes of "Hvad vil grupperne dele fra dialogen?" (the dialogue harvested at once)."""


@dataclass(frozen=True)
class QuestionRef:
    """A question as the flow needs it: its id and what is recorded under it."""

    id: str
    kind: str = "notes"
    """notes | priorities | more | less."""


@dataclass(frozen=True)
class DeckOutline:
    """The shape of the content: enough to lay out the items."""

    slides: int
    questions: dict[int, tuple[QuestionRef, ...]] = field(default_factory=dict)
    """The dialogue questions per exercise variant."""
    wrapup: tuple[QuestionRef, ...] = ()
    """The deck's wrap-up questions ("Opsamling: Drøft i grupperne")."""


@dataclass(frozen=True)
class Item:
    """One thing on the screen: a slide, a question, the comparison …"""

    kind: ItemKind
    ref: str = ""
    """The question's id (question, answer, wrapup), else empty."""
    index: int = 0
    """The slide's index, or the question's number among its kind (0-based)."""
    of: int = 1
    """How many items of this kind the step has (for "2 / 5")."""
    question_kind: str = "notes"
    """What is recorded under a question: notes | priorities | more | less | decisions."""


def resolve(cursor: int, count: int) -> int:
    """A saved cursor within a step of `count` items; `-1` (older files) is the last item."""
    count = max(1, count)
    if cursor < 0:
        return count - 1
    return min(cursor, count - 1)


def items_for(step: Step, variant: int, deck: DeckOutline) -> tuple[Item, ...]:
    """The items of a step, in order (never empty)."""
    kind = step.phase.kind
    questions = deck.questions.get(variant, ())
    if kind == "presentation":
        n = max(1, deck.slides)
        return tuple(Item("slide", index=i, of=n) for i in range(n))
    if kind == "exercise":
        if step.round is None:
            return (Item("groupwork"),)
        if step.round.kind == "score":
            return (Item("scoring"),)
        return _questions("question", questions) or (Item("groupwork"),)
    return _wrapup(step, questions, deck.wrapup)


def _questions(kind: ItemKind, questions: tuple[QuestionRef, ...]) -> tuple[Item, ...]:
    n = len(questions)
    return tuple(
        Item(kind, q.id, index=i, of=n, question_kind=q.kind) for i, q in enumerate(questions)
    )


def _wrapup(
    step: Step, questions: tuple[QuestionRef, ...], wrapup: tuple[QuestionRef, ...]
) -> tuple[Item, ...]:
    phase = step.phase
    items: list[Item] = [Item("comparison")]
    if phase.dialogue == "each":
        items += _questions("answer", questions)
    elif phase.dialogue == "share":
        items.append(Item("share", SHARE_ID))
    if phase.discuss_minutes and wrapup:
        items.append(Item("discuss"))
    items += _questions("wrapup", wrapup)
    asked = phase.dialogue == "each" and any(q.kind == "priorities" for q in questions)
    if not asked:  # no dialogue question on its own screen asks for the priorities
        items.append(Item("priorities", PRIORITIES_ID, question_kind="priorities"))
    items.append(Item("decisions", DECISIONS_ID, question_kind="decisions"))
    items.append(Item("plan"))
    return tuple(items)

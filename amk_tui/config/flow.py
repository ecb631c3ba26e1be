"""The content's shape for the core's flow: how many slides, which questions (per variant)."""

from __future__ import annotations

from amk_tui.config.content import Content
from amk_tui.core.flow import DeckOutline, Item, QuestionRef, items_for
from amk_tui.core.program import Step


def outline(content: Content) -> DeckOutline:
    return DeckOutline(
        slides=len(content.slides),
        questions={
            variant: tuple(QuestionRef(q.id, q.kind) for q in questions)
            for variant, questions in content.questions.items()
        },
        wrapup=tuple(QuestionRef(q.id, q.kind) for q in content.wrapup),
    )


def step_items(content: Content, step: Step, variant: int) -> tuple[Item, ...]:
    """The items a step shows with this content (see `core.flow`)."""
    return items_for(step, variant, outline(content))


def step_title(content: Content, step: Step) -> str:
    """`Dialogøvelse` or, in a program with rounds, `Dialogøvelse: Vurdér`."""
    phase = content.phase_title(step.phase.id, step.phase.title)
    if step.round is None:
        return phase
    return f"{phase}: {content.round_title(step.round.id, step.round.title)}"

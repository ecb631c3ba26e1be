"""What each step shows, item by item (core.flow): the deck's program and the alternative."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from amk_tui.config import load_config, load_content
from amk_tui.config.flow import outline, step_items
from amk_tui.core.flow import DeckOutline, Item, QuestionRef, items_for
from amk_tui.core.program import Step

REPO = Path(__file__).resolve().parents[2]
DECK = load_config(REPO / "config.toml").program
ALT = load_config(REPO / "tests/data/config/vurder-droeft.toml").program
OUTLINE = DeckOutline(
    slides=3,
    questions={
        1: (QuestionRef("a"), QuestionRef("p", "priorities"), QuestionRef("m", "more")),
        2: (QuestionRef("a"), QuestionRef("l", "less")),
    },
    wrapup=(QuestionRef("w1"), QuestionRef("w2")),
)


def kinds(items: tuple[Item, ...]) -> list[str]:
    return [item.kind for item in items]


def each(step: Step) -> Step:
    """The step with its wrap-up as before 2026-12: each dialogue question on its own, no
    discussion slide (a program that does not say)."""
    phase = dataclasses.replace(step.phase, dialogue="each", discuss_minutes=0.0)
    return dataclasses.replace(step, phase=phase)


def test_the_deck_s_program_slides_group_work_then_the_plenary() -> None:
    oplaeg, dialog, opsamling = DECK.steps
    assert items_for(oplaeg, 1, OUTLINE) == tuple(Item("slide", index=i, of=3) for i in range(3))
    assert items_for(dialog, 1, OUTLINE) == (Item("groupwork"),)
    assert kinds(items_for(opsamling, 1, OUTLINE)) == [
        "comparison",  # it opens on the comparison
        "share",  # "Hvad vil grupperne dele fra dialogen?": one screen, not one per question
        "discuss",  # the deck's slide with the three questions, under its own countdown
        "wrapup",
        "wrapup",
        "priorities",  # no dialogue question on a screen of its own asks for them
        "decisions",
        "plan",
    ]
    assert kinds(items_for(each(opsamling), 1, OUTLINE)) == [
        "comparison",
        "answer",
        "answer",
        "answer",
        "wrapup",
        "wrapup",
        "decisions",
        "plan",
    ]
    none = dataclasses.replace(opsamling.phase, dialogue="none")
    skipped = items_for(dataclasses.replace(opsamling, phase=none), 1, OUTLINE)
    assert kinds(skipped)[:3] == ["comparison", "discuss", "wrapup"]


def test_priorities_are_amk_s_own_step_only_when_no_question_asks_for_them() -> None:
    opsamling = each(DECK.steps[2])
    variant1 = items_for(opsamling, 1, OUTLINE)
    variant2 = items_for(opsamling, 2, OUTLINE)
    assert "priorities" not in kinds(variant1)
    assert variant1[2] == Item("answer", "p", index=1, of=3, question_kind="priorities")
    assert kinds(variant2) == [
        "comparison",
        "answer",
        "answer",
        "wrapup",
        "wrapup",
        "priorities",
        "decisions",
        "plan",
    ]
    assert [i.index for i in variant2 if i.kind == "wrapup"] == [0, 1]  # numbered 1, 2


def test_the_alternative_scores_in_a_round_then_asks_question_by_question() -> None:
    _, vurder, droeft, opsamling = ALT.steps
    assert items_for(vurder, 1, OUTLINE) == (Item("scoring"),)
    questions = items_for(droeft, 2, OUTLINE)
    assert questions == (
        Item("question", "a", index=0, of=2),
        Item("question", "l", index=1, of=2, question_kind="less"),
    )
    assert items_for(opsamling, 2, OUTLINE)[0] == Item("comparison")


def test_a_step_always_has_an_item() -> None:
    empty = DeckOutline(slides=0)
    for step in (*DECK.steps, *ALT.steps):
        assert items_for(step, 1, empty)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_built_in_content_gives_the_deck_s_shape(language: str) -> None:
    content = load_content(language)
    shape = outline(content)
    assert shape.slides == 10
    assert [len(shape.questions[v]) for v in (1, 2)] == [5, 4]
    assert [q.id for q in shape.wrapup] == ["tager_med", "behov", "naeste_skridt"]
    opsamling = DECK.steps[2]
    # comparison, share, discuss, 3 wrap-up questions, priorities, decisions, plan
    assert len(step_items(content, opsamling, 1)) == 1 + 1 + 1 + 3 + 1 + 1 + 1
    assert len(step_items(content, each(opsamling), 1)) == 1 + 5 + 3 + 1 + 1
    assert len(step_items(content, each(opsamling), 2)) == 1 + 4 + 3 + 1 + 1 + 1

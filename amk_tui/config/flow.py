"""What each step of the program shows, item by item, for a session's content.

A presentation shows its slides; a dialogue round its questions one at a time; the wrap-up
its questions, the priorities and the action plan. The core steps through items by count;
the content decides the count.
"""

from __future__ import annotations

from amk_tui.config.content import Content
from amk_tui.core.program import Step


def item_count(content: Content, step: Step, variant: int) -> int:
    """How many items the step shows (at least one)."""
    kind = step.phase.kind
    if kind == "presentation":
        return max(1, len(content.slides))
    if kind == "exercise":
        discussing = step.round is not None and step.round.kind == "discuss"
        return max(1, len(content.questions.get(variant, ()))) if discussing else 1
    return len(content.wrapup) + 2  # the questions, the priorities, the action plan

"""An item in a few words (the presenter's "next" preview, the agenda, a test's eye)."""

from __future__ import annotations

from amk_tui.config.content import Content
from amk_tui.core.flow import Item
from amk_tui.core.program import Step
from amk_tui.core.session import Session
from amk_tui.core.text import clip, visible


def item_label(content: Content, session: Session, step: Step, item: Item) -> str:
    """`Slide 3/10: Hvad er psykisk arbejdsmiljø?`, `Dialogøvelse`, a question's text …"""
    t = content.t
    if item.kind == "slide" and content.slides:
        slide = content.slides[min(item.index, len(content.slides) - 1)]
        return t("presenter.slide", n=item.index + 1, of=item.of, title=visible(slide.title))
    if item.kind == "groupwork":
        return content.exercise.get(f"title{session.variant}", t("phase.dialog"))
    if item.kind == "discuss":
        return content.wrapup_heading or t("phase.opsamling")
    if item.kind == "share":
        return t("wrapup.share")
    if item.kind in ("comparison", "plan", "scoring", "decisions", "priorities"):
        return t(f"presenter.{item.kind}")
    questions = (
        content.wrapup if item.kind == "wrapup" else content.questions.get(session.variant, ())
    )
    text = next((q.text for q in questions if q.id == item.ref), item.ref)
    return clip(visible(text), 160)

"""Oplæg: the slides one at a time, with the countdown, a position and optional notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Markdown

from amk_tui.screens.phase import PhaseScreen
from amk_tui.widgets.slide import SlideView


class PresentationScreen(PhaseScreen):
    """Slides; → / ← also step, `s` shows the facilitator's notes."""

    BINDINGS = [
        Binding("right", "next", "key.next", show=False),
        Binding("left", "prev", "key.prev", show=False),
        Binding("s", "toggle_notes", "key.notes"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="slide-scroll"):
            yield Widget(id="slide-holder")
        with Horizontal(id="slide-status"):  # position on the left: toasts appear on the right
            yield Label("", id="slide-position")
            yield Label("", id="scroll-hint")
        yield Markdown("", id="slide-notes")

    def on_mount(self) -> None:
        self.query_one("#slide-notes").display = False
        super().on_mount()
        scroll = self.query_one("#slide-scroll", VerticalScroll)
        scroll.focus()
        self.watch(scroll, "scroll_y", lambda _: self.update_scroll_hint(), init=False)
        self.watch(scroll, "virtual_size", lambda _: self.update_scroll_hint(), init=False)

    def item_count(self) -> int:
        return max(1, len(self.content.slides))

    def show_item(self) -> None:
        slides = self.content.slides
        if not slides:
            return
        slide = slides[self.cursor]
        scroll = self.query_one("#slide-scroll", VerticalScroll)
        holder = self.query_one("#slide-holder")
        holder.remove_children()
        holder.mount(SlideView(slide, self.model_widget, classes="slide"))
        scroll.scroll_home(animate=False)
        self.query_one("#slide-position", Label).update(f"{self.cursor + 1} / {len(slides)}")
        notes = self.query_one("#slide-notes", Markdown)
        notes.update(slide.notes or self.t("slides.no_notes"))
        self.call_after_refresh(self.update_scroll_hint)

    def model_widget(self) -> Widget:
        from amk_tui.widgets.factor_model import FactorModel

        return FactorModel(self.content.factors)

    def update_scroll_hint(self) -> None:
        scroll = self.query_one("#slide-scroll", VerticalScroll)
        more = scroll.max_scroll_y > 0 and scroll.scroll_y < scroll.max_scroll_y
        self.query_one("#scroll-hint", Label).update(self.t("slides.more") if more else "")

    def action_toggle_notes(self) -> None:
        notes = self.query_one("#slide-notes")
        notes.display = not notes.display

"""One slide: a bold title, Markdown body in a readable column, the factor model where asked."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Markdown

from amk_tui.config.content import MODEL_MARKER, Slide


class SlideView(Vertical):
    """Title and body of a slide; the body splits around the model marker."""

    DEFAULT_CSS = """
    SlideView { height: auto; }
    SlideView > Markdown { height: auto; }
    """

    def __init__(self, slide: Slide, model: Callable[[], Widget], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.slide = slide
        self._model = model

    def compose(self) -> ComposeResult:
        yield Label(self.slide.title, classes="slide-title")
        before, marker, after = self.slide.body.partition(MODEL_MARKER)
        if before.strip():
            yield Markdown(before.strip(), classes="slide-body")
        if marker:
            yield self._model()
        if after.strip():
            yield Markdown(after.strip(), classes="slide-body")

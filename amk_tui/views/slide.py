"""A slide as the room reads it: centred on the window, the title standing out, room spacing.

On a slide with the factor model the hexagon stands beside the text when there is room (and
above it when not); the example hexagon, whose slide has only its source, always above. Long
slides of a facilitator's own scroll, with a scrollbar that says there is more.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from amk_tui.config.content import EXAMPLE_MARKER, MODEL_MARKER, Slide
from amk_tui.core.palette import group_color
from amk_tui.core.text import visible
from amk_tui.views.context import ViewContext
from amk_tui.views.slide_text import blocks, compose_text

SIDE_BY_SIDE_FROM = 96
"""Columns from which the model stands beside the text."""
COLUMN = 110
"""Most columns a slide's text takes (lines longer than that are hard to follow)."""
MODEL_ROWS = (12, 32)
"""The hexagon's height: at least, and at most (rows), as the window allows."""
LABELS = 28
"""Columns the factors' labels take beside a hexagon (the longest short label, twice)."""


class SlideView(VerticalScroll):
    """The slide at the cursor of a presentation."""

    DEFAULT_CSS = """
    SlideView { align: center middle; }
    SlideView > #slide-column { height: auto; width: 100%; max-width: 110; }
    SlideView.-model > #slide-column { max-width: 160; }
    SlideView #slide-main { height: auto; }
    SlideView #slide-body { height: auto; width: 1fr; }
    SlideView #slide-model { width: 46; height: 20; display: none; }
    SlideView.-model #slide-model { display: block; }
    SlideView.-stacked #slide-main { layout: vertical; }
    SlideView.-stacked #slide-model { width: 100%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._slide: Slide | None = None
        self._ctx: ViewContext | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="slide-column"):
            yield Static(id="slide-title")
            with Horizontal(id="slide-main"):
                yield Vertical(id="slide-model")
                yield Static(id="slide-body")

    def show(self, ctx: ViewContext) -> None:
        slides = ctx.content.slides
        if not slides:
            return
        slide = slides[min(ctx.item.index, len(slides) - 1)]
        changed = slide is not self._slide
        self._slide, self._ctx = slide, ctx
        self.query_one("#slide-title", Static).update(Text(visible(slide.title)))
        if changed:
            self.call_after_refresh(self._place_model)
            self.scroll_home(animate=False)
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Room spacing when it fits the window, else tight; the model beside when wide."""
        slide = self._slide
        if slide is None:
            return
        example = EXAMPLE_MARKER in slide.body
        body = slide.body.replace(MODEL_MARKER, "").replace(EXAMPLE_MARKER, "")
        if example and self._ctx is not None:  # the made-up line says so, beside the chart
            body = f"**{self._ctx.content.example[0]}**\n\n{body}"
        self.set_class(example, "-example")
        parts = blocks(body)
        wide = self.size.width >= SIDE_BY_SIDE_FROM
        # The example has only its source beside it: above the text, its legend has room.
        stacked = slide.has_model and (not wide or EXAMPLE_MARKER in slide.body)
        self.set_class(slide.has_model, "-model")
        self.set_class(stacked, "-stacked")
        column = min(self.size.width, COLUMN)
        above = 0
        if slide.has_model:  # the hexagon as large as the window allows, title and margins off
            model = self.query_one("#slide-model", Vertical)
            model_rows = max(MODEL_ROWS[0], min(MODEL_ROWS[1], self.size.height - 6))
            if stacked:  # above the text, across the column
                model_rows = min(model_rows, 24)
                model.styles.width, above = "100%", 20
            else:  # beside the text: as wide as a regular hexagon of that height needs
                width = min(self.size.width - 4, COLUMN + 50)
                model_cols = min(2 * model_rows + LABELS, width // 2)
                model.styles.width = model_cols
                column = width - model_cols - 2
            model.styles.height = model_rows
        roomy = compose_text(parts, roomy=True)
        rows = len(roomy.wrap(self.app.console, max(20, column - 2)))
        model_rows = above
        fits = rows + model_rows + 3 <= self.size.height
        self.query_one("#slide-body", Static).update(roomy if fits else compose_text(parts, False))

    async def _place_model(self) -> None:
        """The hexagon where the slide asks for it (the factor model, or the example line)."""
        holder = self.query_one("#slide-model", Vertical)
        await holder.remove_children()
        slide, ctx = self._slide, self._ctx
        if slide is None or ctx is None or not slide.has_model:
            return
        await holder.mount(model_chart(ctx, example=EXAMPLE_MARKER in slide.body))


def model_chart(ctx: ViewContext, example: bool) -> Widget:
    """The six-factor hexagon (empty, or with the content's example line)."""
    from amk_tui.core.series import Series
    from amk_tui.widgets.radar import RadarChart

    chart = RadarChart(id="model-chart")
    labels = [f.short for f in ctx.content.factors]
    values = ctx.content.example[1]
    series = []
    if example and len(values) == len(labels):
        series = [Series("", "", tuple(float(v) for v in values), group_color(1))]
    chart.show(series, labels)
    return chart

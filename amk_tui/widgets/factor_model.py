"""The six-factor model as a picture: the hexagon with each factor's number and short label."""

from __future__ import annotations

from collections.abc import Sequence

from amk_tui.config.content import Factor
from amk_tui.widgets.radar import RadarChart


class FactorModel(RadarChart):
    """The empty radar: six spokes, rings 1–5 and the labels — the diagram groups draw on."""

    DEFAULT_CSS = """
    FactorModel { width: 1fr; }
    """

    def __init__(self, factors: Sequence[Factor], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.factors = tuple(factors)

    def on_mount(self) -> None:
        self.show([], [f.short for f in self.factors])

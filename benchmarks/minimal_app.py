"""The baseline for the start-up, CPU and memory figures: the smallest useful Textual app.

One Label and a Footer, nothing else: what every Textual app pays before doing anything of
its own. `python -m benchmarks.minimal_app` runs it; `q` quits.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label

MARKER = "Minimal benchmark app"
"""The label's text: the start-up benchmark waits until it is on the screen."""
FOOTER_MARKER = "Quit"
"""The footer's one key description, the other half of the first frame."""


class MinimalApp(App[None]):
    """A Label and a Footer."""

    BINDINGS = [Binding("q", "quit", FOOTER_MARKER)]

    def compose(self) -> ComposeResult:
        yield Label(MARKER)
        yield Footer()


def main() -> None:
    MinimalApp().run()


if __name__ == "__main__":
    main()

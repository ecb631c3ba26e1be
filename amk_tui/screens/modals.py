"""Small screens over the workshop: confirm, blank, help (every key), window too small."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

from amk_tui.screens.base import AmkScreen


class ConfirmScreen(AmkScreen[bool]):
    """Yes / no, with y/j/Enter and n/Escape."""

    BINDINGS = [
        Binding("y,j,enter", "answer(True)", "key.yes"),
        Binding("n,escape", "answer(False)", "key.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="modal")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.question, id="question")
            with Horizontal(id="buttons"):
                yield Button(self.t("button.yes"), variant="error", id="yes")
                yield Button(self.t("button.no"), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class BlankScreen(ModalScreen[None]):
    """Black, as presenter software does with `b`; the timers go on underneath."""

    BINDINGS = [Binding("b,escape,space", "dismiss", "", show=False)]

    def compose(self) -> ComposeResult:
        yield Static("", id="blank")

    def on_click(self) -> None:
        self.dismiss()


class HelpScreen(AmkScreen[None]):
    """Every key of the screen it was opened from, with what it does."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "key.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="modal")
        self.under = under
        self.rows: list[tuple[str, str]] = []
        """(keys, what they do), as shown."""

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        rows: dict[tuple[str, str], list[str]] = {}
        for active in self.under.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action == "command_palette":
                continue
            labels = rows.setdefault((binding.action, binding.description), [])
            label = self.app.get_key_display(binding)
            if label not in labels:
                labels.append(label)
        self.rows = [(" / ".join(labels), text) for (_, text), labels in rows.items()]
        self.rows.append(("Ctrl+P", self.t("help.palette")))
        for key_text, description in self.rows:
            table.add_row(key_text, description)
        with Vertical(id="dialog"):
            yield Label(Text(self.t("help.title"), style="bold"), id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(table)
            yield Label(self.t("help.close"), id="help-hint")


class TooSmallScreen(ModalScreen[None]):
    """Shown instead of a mangled screen while the window is too small."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield Static(self.message, id="too-small")


class FinishedScreen(AmkScreen[None]):
    """The workshop is finished: where the session and the report are."""

    BINDINGS = [
        Binding("escape,enter", "dismiss", "key.close"),
        Binding("q", "app.save_quit", "key.quit"),
    ]

    def __init__(self, session_path: object, report_path: object | None) -> None:
        super().__init__(classes="modal")
        self.paths = (session_path, report_path)

    def compose(self) -> ComposeResult:
        session_path, report_path = self.paths
        with Vertical(id="dialog"):
            yield Label(Text(self.t("finished.title"), style="bold"), id="question")
            yield Label(self.t("finished.session", path=str(session_path)))
            if report_path is not None:
                yield Label(self.t("finished.report", path=str(report_path)))
            yield Label(self.t("finished.hint"), classes="hint")

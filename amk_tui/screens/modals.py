"""Small screens over the workshop: confirm, blank, help (every key), window too small."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

from amk_tui.core.text import visible
from amk_tui.screens.base import AmkModal


class ConfirmScreen(AmkModal[bool]):
    """Yes / no, with y/j and n/Escape; Enter presses the focused button.

    The focused button is the safe one (no) unless the caller asks for yes: a facilitator who
    pressed F or Ctrl+R meant it, one who pressed r or x may not have.
    """

    BINDINGS = [
        Binding("y,j", "answer(True)", "key.yes"),
        Binding("n,escape", "answer(False)", "key.no"),
    ]

    def __init__(self, question: str, *, default: bool = False) -> None:
        super().__init__(classes="modal")
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(visible(self.question)), id="question")
            with Horizontal(id="buttons"):
                yield Button(self.t("button.yes"), variant="error", id="yes")
                yield Button(self.t("button.no"), variant="primary", id="no")
            yield Label(self.t("confirm.keys"), classes="hint", id="confirm-keys")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class BlankScreen(ModalScreen[None]):
    """Black, as presenter software does with `b`; the timers go on underneath."""

    BINDINGS = [Binding("b,escape,space", "app.blank", "", show=False)]

    def compose(self) -> ComposeResult:
        yield Static("", id="blank")

    def on_click(self) -> None:
        self.app.action_blank()  # type: ignore[attr-defined]


class HelpScreen(AmkModal[None]):
    """Every amk key of the screen it was opened from, with what it does.

    Only amk's own actions are listed (their labels are translated); the generic keys of
    Textual's widgets (cursor, scrolling, copy) are summed up in one line. The rows are taken
    when `?` is pressed, so actions that depend on what is open (the agenda) are judged then.
    """

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "key.close")]

    TWO_COLUMNS_FROM = 12
    """More rows than this are laid out in two columns, so the list fits 80×24."""

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="modal")
        self.rows = self._rows(under)
        """(keys, what they do), as shown."""

    def _rows(self, under: Screen[object]) -> list[tuple[str, str]]:
        ours = self.content.key_labels()
        ours.discard(self.t("key.close"))
        # description → (labels of keys with a key_display, labels of the others); a
        # key_display (`n/PgDn`) stands for all the keys it names.
        rows: dict[str, tuple[list[str], list[str]]] = {}
        for active in under.active_bindings.values():
            binding = active.binding
            if binding.description not in ours:
                continue
            label = self.app.get_key_display(binding)
            shown, plain = rows.setdefault(binding.description, ([], []))
            labels = shown if binding.key_display else plain
            if label not in labels:
                labels.append(label)
        result = [(" / ".join(shown or plain), text) for text, (shown, plain) in rows.items()]
        result.append(("Tab ⇧Tab", self.t("help.fields")))
        return result

    def compose(self) -> ComposeResult:
        two = len(self.rows) > self.TWO_COLUMNS_FROM
        table = Table.grid(padding=(0, 1))
        for _ in range(2 if two else 1):
            table.add_column(style="bold", no_wrap=True)
            table.add_column(ratio=1)
        half = (len(self.rows) + 1) // 2 if two else len(self.rows)
        for i in range(half):
            cells = [*self.rows[i]]
            if two:
                cells += [*self.rows[half + i]] if half + i < len(self.rows) else ["", ""]
            table.add_row(*cells)
        table.expand = True
        with Vertical(id="dialog", classes="wide" if two else ""):
            yield Label(Text(self.t("help.title"), style="bold"), id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(table)
            yield Label(self.t("help.close"), id="help-hint")


class TooSmallScreen(ModalScreen[None]):
    """Shown instead of a mangled screen while the window is too small. Keys typed meanwhile
    (a resize storm while scores are typed) are kept in order and handed on when the window
    is large enough again: none is lost, none lands in another cell."""

    KEEP = 200
    """Most keys kept (a stuck key is not replayed for ever)."""
    PASS = frozenset({"ctrl+c", "ctrl+q"})
    """Keys that act at once: quitting never waits for a larger window."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
        self.kept: list[tuple[str, str | None]] = []
        """The keys typed while shown, in order (key, character)."""

    def compose(self) -> ComposeResult:
        yield Static(self.message, id="too-small")

    def on_key(self, event: events.Key) -> None:
        if event.key in self.PASS:
            return
        event.stop()
        event.prevent_default()
        if len(self.kept) < self.KEEP:
            self.kept.append((event.key, event.character))


class FinishedScreen(AmkModal[None]):
    """The workshop is finished: where the session and the report are."""

    BINDINGS = [
        Binding("escape,enter", "dismiss", "key.close"),
        Binding("q", "app.save_quit", "key.quit"),
    ]

    def __init__(
        self, session_path: object, report_path: object | None, *, throwaway: bool = False
    ) -> None:
        super().__init__(classes="modal")
        self.paths = (session_path, report_path)
        self.throwaway = throwaway

    def compose(self) -> ComposeResult:
        session_path, report_path = self.paths
        with Vertical(id="dialog", classes="wide"):
            yield Label(Text(self.t("finished.title"), style="bold"), id="question")
            path = visible(shown_path(session_path))
            yield Label(Text(self.t("finished.session", path=path)))
            if report_path is not None:
                yield Label(Text(self.t("finished.report", path=visible(shown_path(report_path)))))
            if self.throwaway:
                yield Label(self.t("finished.demo"), classes="warning")
            yield Label(self.t("finished.hint"), classes="hint")


def shown_path(path: object) -> str:
    """A path as short as it can be said: relative to where amk runs, else from ~."""
    full = Path(str(path))
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(full.relative_to(base))
        except ValueError:
            continue
    return str(full)

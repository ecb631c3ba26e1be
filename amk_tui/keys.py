"""Every user action declared once: its keys, its label, footer visibility and scope.

Screens build their `BINDINGS` from these; the Footer, the help screen (`?`) and the command
palette (Ctrl+P) all read the resulting bindings, so a key, its text and its palette entry
can never disagree. Labels are UI-string keys (`key.pause`), translated per node on mount.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.dom import DOMNode


@dataclass(frozen=True)
class Command:
    """One user action."""

    action: str
    """The Textual action it runs (`toggle_timer` → `action_toggle_timer`)."""
    keys: str
    """Comma-separated Textual key names."""
    label: str
    """UI-string key of its description."""
    show: bool = True
    """Shown in the Footer."""
    priority: bool = False
    """Runs even while a text field has focus (presenter-remote keys)."""
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            priority=self.priority,
            key_display=self.key_display,
            id=self.action,
        )


def bindings(*commands: Command) -> list[BindingType]:
    return [c.binding() for c in commands]


# -- the app: everywhere ---------------------------------------------------------------------
QUIT = Command("save_quit", "q,ctrl+c", "key.quit", show=False)
HELP = Command("help", "question_mark,f1", "key.help", key_display="?")
AGENDA = Command("agenda", "a", "key.agenda", show=False)
BLANK = Command("blank", "b", "key.blank", show=False)
THEME = Command("toggle_theme", "ctrl+l", "key.theme", show=False)
SAVE_AS = Command("save_as", "ctrl+s", "key.save_as", show=False)
REOPEN = Command("reopen", "ctrl+r", "key.reopen", show=False)
PALETTE = Command("command_palette", "ctrl+p", "key.palette", show=False, priority=True)
"""Textual's command palette, declared here so its footer label is in the session's words."""

# -- timer: on every phase screen --------------------------------------------------------------
PAUSE = Command("toggle_timer", "space", "key.pause", key_display="␣")
PLUS = Command("extend(1)", "plus", "key.plus1", show=False, key_display="+")
MINUS = Command("extend(-1)", "minus", "key.minus1", show=False, key_display="-")
PLUS5 = Command("extend(5)", "greater_than_sign", "key.plus5", show=False, key_display=">")
RESET = Command("reset_timer", "r", "key.reset", show=False)

# -- stepping (a presenter remote sends PageDown / PageUp) --------------------------------------
NEXT = Command("next", "n", "key.next", key_display="n/PgDn")
PREV = Command("prev", "p", "key.prev", key_display="p/PgUp")
# The remote's keys work even while a note is being typed; n and p are letters there.
NEXT_REMOTE = Command("next", "pagedown", "key.next", show=False, priority=True)
PREV_REMOTE = Command("prev", "pageup", "key.prev", show=False, priority=True)
FIRST = Command("first", "home", "key.first", show=False)
LAST = Command("last", "end", "key.last", show=False)

APP_COMMANDS = (QUIT, HELP, AGENDA, BLANK, THEME, SAVE_AS, REOPEN, PALETTE)
TIMER_COMMANDS = (PAUSE, PLUS, MINUS, PLUS5, RESET)
STEP_COMMANDS = (NEXT, PREV, NEXT_REMOTE, PREV_REMOTE)


def localize(node: DOMNode, translate: Callable[[str], str]) -> None:
    """Replace each binding's label key with its text in the session's language.

    Textual keeps a per-node copy of the bindings (`DOMNode._bindings`), made from the
    class's BINDINGS; this rewrites that copy once, so Footer, key panel and palette agree.
    """
    table = node._bindings.key_to_bindings
    originals: dict[tuple[str, str], str] = node.__dict__.setdefault("_amk_label_keys", {})
    for key, items in table.items():
        translated = []
        for b in items:
            label = originals.setdefault((key, b.action), b.description)
            if label.startswith("key."):  # a label key (kept, so a language switch works)
                b = dataclasses.replace(b, description=translate(label))
            translated.append(b)
        table[key] = translated

"""The command palette's entries: the same actions as the keys, with the same labels."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from amk_tui.app import AmkApp


def system_commands(app: AmkApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    """amk's own actions on this screen (Textual's English system commands stay out)."""
    ours = app.content.key_labels()
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.action in seen or not active.enabled or binding.description not in ours:
            continue
        seen.add(binding.action)
        node = active.node
        key = app.get_key_display(binding)
        yield SystemCommand(
            binding.description or binding.action,
            app.content.t("palette.key", key=key),
            lambda node=node, action=binding.action: app.call_later(app.run_action, action, node),
        )

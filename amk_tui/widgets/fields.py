"""Text fields that take their keys in the order they were typed.

Textual hands a key to the focused widget's queue; a printable key is handled there at once,
but an editing key bound in the widget (Backspace, Delete, arrows, Home …) bubbles up to the
app first and is resolved against whatever has the focus *then*. Keys typed in one burst
(a paste, a barcode reader, a presenter remote, a fast typist: "Tab, three Backspaces,
Formand") came out as "Form", or the Backspaces hit the next field. These fields run their
own bindings the moment the key reaches them, so the order is the order typed.

The notes' `NotesArea` does the same in its own module (`notes_area`): a `TextArea` costs
~8 ms to import, which the start screen's fields need not pay.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widget import Widget
from textual.widgets import Input


async def run_own_binding(node: Widget, event: events.Key) -> bool:
    """Run the node's own binding for this key now; True if there was one (event stopped)."""
    for binding in node._bindings.key_to_bindings.get(event.key, ()):
        if node.check_action(binding.action, ()) is False:
            continue
        event.stop()
        event.prevent_default()
        await node.run_action(binding.action)
        return True
    return False


class Field(Input):
    """An `Input` whose editing keys keep their order.

    `clear_on_submit`: Enter hands the text on (`Submitted.value`) and empties the field at
    once, in the order typed — so letters typed right after it start the next item, even
    when the whole burst reaches the field before anyone has read the first item.
    """

    clear_on_submit = False

    def __init__(
        self,
        value: str | None = None,
        placeholder: str = "",
        *,
        classes: str | None = None,
        compact: bool = False,
        **kwargs: Any,
    ) -> None:
        # A field without validators is valid, and `Input.__init__` says so by adding the
        # class "-valid" when it sets the value; adding a class restyles the field against
        # the whole stylesheet at once, before it is even mounted (and styled again). Given
        # up front, the class is already there and nothing is restyled (~1 ms a field).
        preset = " ".join([*(classes or "").split(), "-valid"])
        super().__init__(value, placeholder, classes=preset, compact=compact, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable or not await run_own_binding(self, event):
            await super()._on_key(event)

    async def action_submit(self) -> None:
        await super().action_submit()
        if self.clear_on_submit:
            self.value = ""

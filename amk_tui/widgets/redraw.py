"""`Redraw`: one redraw at a time, and the newest state wins.

A window redraws for many reasons that can come at once: a new read of the file, a resize,
moving on to another workshop, its first showing. Drawing may mount a view (an await), and
two draws interleaved there build into a view the other is still building. `Redraw` runs the
draw in one worker; a request while it runs makes it run once more afterwards (it reads the
newest state then), so requests coalesce and never overlap.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.dom import DOMNode


class Redraw:
    """Exclusive, coalescing redraws of `owner` by `draw`."""

    def __init__(self, owner: DOMNode, draw: Callable[[], Awaitable[None]]) -> None:
        self._owner = owner
        self._draw = draw
        self._wanted = False
        self._running = False
        self._idle: asyncio.Event | None = None
        self.runs = 0
        """Draws done (a benchmark and the tests count them)."""

    @property
    def busy(self) -> bool:
        """A redraw is pending or running (a direct draw now would interleave with it)."""
        return self._running

    def request(self, *, here: bool = False) -> None:
        """Draw again soon (once, however many requests come before it starts).

        The worker starts from the owner's own message queue, since a request may come from
        anywhere (a timer, a signal, another app in a test) and the draw must run as the
        owner's app. `here=True` (from the owner's own handlers, e.g. its mount) starts it at
        once, before the next key is handled."""
        self._wanted = True
        if self._running:
            return
        self._running = True
        self._event().clear()
        if here:
            self._start()
        else:
            self._owner.call_later(self._start)

    def _start(self) -> None:
        self._owner.run_worker(self._loop(), group="redraw", exit_on_error=True)

    async def _loop(self) -> None:
        try:
            while self._wanted:
                self._wanted = False
                await self._draw()
                self.runs += 1
        finally:
            self._running = False
            self._event().set()

    async def settled(self) -> None:
        """Wait until no redraw is pending or running. Not from the owner's own message
        handlers after a plain `request()`: its start waits in that very queue."""
        if self._owner.is_running:
            await self._event().wait()

    def _event(self) -> asyncio.Event:
        if self._idle is None:
            self._idle = asyncio.Event()
            self._idle.set()
        return self._idle
